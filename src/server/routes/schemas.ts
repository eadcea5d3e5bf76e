/** Schemas shared by several route files. */
import { z } from 'zod';
import { ERROR_CODES } from '../../contracts/errors';

export const ErrorBody = z.object({
  error: z.object({ code: z.enum(ERROR_CODES), message: z.string() }),
});

/** Documented failure responses; the error handler produces them. */
export const errors = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
};

export const IdParams = z.object({ id: z.uuid() });
