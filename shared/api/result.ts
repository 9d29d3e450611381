import { z } from 'zod';

/** Every error the API can return. The renderer shows `message` (Dutch) and may branch on `code`. */
export const ErrorCode = z.enum([
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'LOCKED',
  'RETENTION_HOLD',
  'RATE_LIMITED',
  'NOT_SET_UP',
  /** The database failed its integrity check or could not be read; the app shows the restore screen. */
  'DB_CORRUPT',
  /** The disk is full; nothing was saved. */
  'DISK_FULL',
  'INTERNAL',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ApiError = z.object({
  code: ErrorCode,
  message: z.string(),
  /** Field errors keyed by dotted path, e.g. `{ "manager.password": "Te kort" }`. */
  details: z.record(z.string(), z.string()).optional(),
});
export type ApiError = z.infer<typeof ApiError>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, details?: Record<string, string>): Result<never> => ({
  ok: false,
  error: details ? { code, message, details } : { code, message },
});

/** Thrown inside the backend; turned into `{ ok: false, error }` by the dispatcher. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
