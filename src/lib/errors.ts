/**
 * The one error type services throw. The code is stable and machine-readable;
 * the message comes from i18n in the caller's language when the reply is made.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly params: Record<string, unknown> = {},
    readonly details?: unknown,
  ) {
    super(code);
  }
}

export const notFound = (code = 'NOT_FOUND', params?: Record<string, unknown>) => new AppError(code, 404, params);
export const forbidden = (code = 'FORBIDDEN', params?: Record<string, unknown>) => new AppError(code, 403, params);
export const invalid = (details: unknown, code = 'VALIDATION_FAILED', params?: Record<string, unknown>) =>
  new AppError(code, 400, params, details);
export const conflict = (code = 'CONFLICT', params?: Record<string, unknown>, details?: unknown) =>
  new AppError(code, 409, params, details);
