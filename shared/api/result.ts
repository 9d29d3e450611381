import { z } from 'zod';
import { decodeMessage, translate, type MessageRef } from '../i18n/translate';

/** Every error the API can return. The renderer shows the message in the UI language and may branch on `code`. */
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

const WireMessageRef = z.object({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() });

export const ApiError = z.object({
  code: ErrorCode,
  /** In Dutch (logs, CLI, tests); the renderer shows `ref` in the UI language when it knows the key. */
  message: z.string(),
  ref: WireMessageRef.optional(),
  /** Field errors keyed by dotted path, e.g. `{ "manager.password": "Te kort" }`, in Dutch. */
  details: z.record(z.string(), z.string()).optional(),
  /** The same field errors as catalogue references, where they have one. */
  detailRefs: z.record(z.string(), WireMessageRef).optional(),
});
export type ApiError = z.infer<typeof ApiError>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/**
 * A message: a catalogue reference (`msg('auth.wrongLogin')`), an encoded zod message, or — only
 * where no key exists yet — a literal Dutch text.
 */
export type Message = MessageRef | string;

function resolve(message: Message): { text: string; ref?: MessageRef } {
  if (typeof message !== 'string') return { text: translate(message), ref: message };
  const ref = decodeMessage(message);
  return ref ? { text: translate(ref), ref } : { text: message };
}

/** Builds the error envelope: Dutch texts plus the references the renderer translates. */
function apiError(code: ErrorCode, message: Message, fields?: Readonly<Record<string, Message>>): ApiError {
  const main = resolve(message);
  const error: ApiError = { code, message: main.text };
  if (main.ref) error.ref = main.ref;
  if (fields && Object.keys(fields).length > 0) {
    error.details = {};
    for (const [path, fieldMessage] of Object.entries(fields)) {
      const resolved = resolve(fieldMessage);
      error.details[path] = resolved.text;
      if (resolved.ref) (error.detailRefs ??= {})[path] = resolved.ref;
    }
  }
  return error;
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: Message, fields?: Readonly<Record<string, Message>>): Result<never> => ({
  ok: false,
  error: apiError(code, message, fields),
});

/** Thrown inside the backend; turned into `{ ok: false, error }` by the dispatcher. */
export class AppError extends Error {
  readonly ref: MessageRef | undefined;
  constructor(
    readonly code: ErrorCode,
    readonly original: Message,
    readonly fields?: Readonly<Record<string, Message>>,
  ) {
    const resolved = resolve(original);
    super(resolved.text);
    this.name = 'AppError';
    this.ref = resolved.ref;
  }

  /** Field errors in Dutch, keyed by dotted path. */
  get details(): Record<string, string> | undefined {
    return apiError(this.code, this.original, this.fields).details;
  }

  toApiError(): ApiError {
    return apiError(this.code, this.original, this.fields);
  }
}
