/**
 * The one place where errors become HTTP responses. Every failure has the shape
 * `{ "error": { "code", "message" } }` with the message in the caller's language; 5xx responses
 * never reveal internals.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { formatErrorMessage, type ErrorCode } from '../../contracts/errors';
import { pickLang, type Lang } from '../../contracts/lang';
import { AppError, isAppError } from '../../core/shared/app-error';

const STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  FILE_TYPE_NOT_ALLOWED: 415,
  FILE_TOO_LARGE: 413,
  ROUTE_NOT_FOUND: 404,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  LOGIN_FAILED: 401,
  NOT_FOUND: 404,
  CONFLICT: 409,
  ALREADY_EXISTS: 409,
  IN_USE: 409,
  DAILY_CAP_REACHED: 409,
  FIELD_CLOSED: 409,
  CLOSED_FOR_HOLIDAY: 409,
  FIELD_INACTIVE: 409,
  NO_COUNTER_FOR_FIELD: 409,
  INVALID_TRANSITION: 409,
  COUNTER_NOT_OPEN: 409,
  COUNTER_BUSY: 409,
  COUNTER_TAKEN: 409,
  NOT_AT_COUNTER: 403,
  NO_SHOW_EXPIRED: 409,
  NOTHING_TO_RATE: 409,
  ALREADY_RATED: 409,
  INVALID_SCORE: 400,
  RATING_LINK_INVALID: 403,
  DOSSIER_NOT_RETURNED: 409,
  BLOCK_OVERLAP: 409,
  PAIRING_CODE_INVALID: 400,
  PAIRING_EXPIRED: 410,
  DEVICE_REVOKED: 401,
  PRINTER_UNREACHABLE: 502,
  DATABASE_BUSY: 503,
  FACE_DISABLED: 409,
  FACE_TEMPLATE_INVALID: 400,
  FACE_NOT_RECOGNISED: 404,
  FACE_SECOND_FACTOR_WRONG: 403,
  FACE_CANDIDATE_EXPIRED: 410,
  FACE_MODEL_CHANGED: 409,
  FACE_REUSE_CHECK_EXPIRED: 410,
  FACE_KEYS_UNAVAILABLE: 503,
  FACE_MODEL_IN_USE: 409,
  RATE_LIMITED: 429,
  INVALID_DATE: 400,
  DATE_IN_FUTURE: 400,
  UNKNOWN_UNIT: 400,
  CATALOGUE_FILE_INVALID: 400,
  PROCEDURE_INACTIVE: 409,
  AGENCY_CODE_MISSING: 409,
  DOCUMENTS_MISSING: 409,
  DOSSIER_TRANSITION: 409,
  APOLOGY_ALREADY_ISSUED: 409,
  PAKN_NOT_FOUND: 404,
  PAKN_TRANSITION: 409,
  PAKN_VERDICT_GIVEN: 409,
  INTERNAL_ERROR: 500,
};

export function statusOf(code: ErrorCode): number {
  return STATUS[code];
}

export function requestLang(request: FastifyRequest): Lang {
  const query = request.query as Record<string, unknown> | undefined;
  const explicit = typeof query?.['lang'] === 'string' ? query['lang'] : request.cookies?.['motcua_lang'];
  return pickLang(explicit ?? request.userLang ?? null, request.headers['accept-language'] ?? null);
}

/** Turns anything thrown while handling a request into an AppError. */
export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  const e = error as FastifyError & { code?: string; validation?: { instancePath?: string; message?: string }[] };
  if (e.validation) {
    const first = e.validation[0];
    const where = first?.instancePath ? first.instancePath.replace(/^\//, '').replace(/\//g, '.') : (e.validationContext ?? 'input');
    return new AppError('VALIDATION_FAILED', { detail: `${where}: ${first?.message ?? ''}`.trim() });
  }
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('PAYLOAD_TOO_LARGE');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new AppError('VALIDATION_FAILED', { detail: 'JSON' });
    default:
      break;
  }
  // Database errors that input can still provoke: bad values, taken keys, contention.
  if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) {
    if (e.code.startsWith('22')) return new AppError('VALIDATION_FAILED', { detail: 'value' });
    if (e.code.startsWith('23')) return new AppError('CONFLICT');
    if (e.code.startsWith('40') || e.code === '57014' || e.code === '55P03') return new AppError('DATABASE_BUSY');
  }
  if (e instanceof SyntaxError || (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500)) {
    return new AppError('VALIDATION_FAILED', { detail: e.message });
  }
  return new AppError('INTERNAL_ERROR');
}

export function sendError(request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply {
  const appError = toAppError(error);
  const status = statusOf(appError.code);
  if (status >= 500 && appError.code !== 'DATABASE_BUSY') request.log.error({ err: error }, 'request failed');
  const message = formatErrorMessage(appError.code, requestLang(request), appError.params);
  return reply.status(status).type('application/json; charset=utf-8').send({ error: { code: appError.code, message } });
}
