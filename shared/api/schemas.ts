import { z } from 'zod';
import { Role } from '../auth/permissions';
import { zm, type MessageKey } from '../i18n/translate';
import { LRK_PATTERN } from '../validation/lrk';
import { passwordRule } from '../validation/password';

// Default zod messages in Dutch; field-specific messages below override them.
z.config(z.locales.nl());

/**
 * A field label for a message: a catalogue key (translated with the message), or a Dutch text
 * where the calling schema has no label key yet.
 */
type FieldLabel = MessageKey | (string & {});

export const required = (label: FieldLabel) => zm('common.required', { label });

/** "<label> mag hoogstens <max> tekens lang zijn." */
export const tooLong = (label: FieldLabel, max: number) => zm('common.tooLong', { label, max });

export const text = (label: FieldLabel, max = 200) =>
  z
    .string({ error: required(label) })
    .trim()
    .min(1, required(label))
    .max(max, tooLong(label, max));

/** An input without fields. */
export const Empty = z.object({}).strict();

export const Username = z
  .string({ error: required('auth.field.username') })
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,40}$/, zm('auth.usernameFormat'));

/** A password whose strength is checked in a refinement that knows the username and name. */
export const PasswordInput = z.string({ error: required('auth.field.password') }).max(256);

export const Roles = z.array(Role).min(1, zm('users.rolesRequired'));

export const Id = z.string().uuid(zm('common.invalidId'));

export const LocationInput = z.object({
  name: text('auth.field.locationName', 120),
  address: text('auth.field.address', 200),
  lrkNumber: z.string({ error: required('auth.field.lrkNumber') }).trim().regex(LRK_PATTERN, zm('auth.lrkFormat')),
});

export const NewUserFields = z.object({
  name: text('users.field.name', 120),
  username: Username,
  password: PasswordInput,
});

/** Adds the strength rule as an issue on `path` so the form shows it at the right field. */
export function checkPassword(
  ctx: z.RefinementCtx,
  password: string,
  path: (string | number)[],
  context: { username?: string; name?: string },
) {
  const problem = passwordRule(password, context);
  if (problem) ctx.addIssue({ code: 'custom', message: zm(problem.key, problem.params), path });
}

export const SessionInfo = z.object({
  userId: z.string(),
  name: z.string(),
  username: z.string(),
  roles: z.array(Role),
  mustChangePassword: z.boolean(),
  idleTimeoutMinutes: z.number().int(),
  locationName: z.string(),
  /** The login before this one (null on the first): lets a user notice use of their account. */
  previousLoginAt: z.string().nullable(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

export const User = z.object({
  id: z.string(),
  name: z.string(),
  username: z.string(),
  roles: z.array(Role),
  active: z.boolean(),
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
});
export type User = z.infer<typeof User>;

export const AuditVerification = z.object({
  ok: z.boolean(),
  count: z.number().int(),
  verifiedAt: z.string(),
  /** Sequence number of the first row that does not match the chain. */
  firstBrokenSeq: z.number().int().nullable(),
  reason: z.string().nullable(),
});
export type AuditVerification = z.infer<typeof AuditVerification>;

export const SecurityStatus = z.object({
  encryption: z.object({
    cipher: z.string(),
    legacy: z.number().int(),
    sqlite3mcVersion: z.string(),
    sqliteVersion: z.string(),
    /** true when the first bytes of the DB file are not the plain `SQLite format 3` header. */
    fileHeaderEncrypted: z.boolean(),
    secureDelete: z.boolean(),
    journalMode: z.string(),
  }),
  keyring: z.object({
    userSlots: z.number().int(),
    recoverySlot: z.boolean(),
    osProtection: z.enum(['active', 'unavailable']),
  }),
  audit: z.object({
    count: z.number().int(),
    lastVerification: AuditVerification.nullable(),
  }),
  users: z.array(User),
});
export type SecurityStatus = z.infer<typeof SecurityStatus>;

export const AuditEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  userId: z.string().nullable(),
  action: z.string(),
  entity: z.string().nullable(),
  entityId: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const PdfFile = z.object({ fileName: z.string(), base64: z.string() });
export type PdfFile = z.infer<typeof PdfFile>;
