import type { ErrorCode } from '../../contracts/errors';

/**
 * The one error type business code throws. It carries a string code and the parameters its message
 * needs; the HTTP layer maps the code to a status and renders the message in the caller's language.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = 'AppError';
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
