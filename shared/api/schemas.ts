import { z } from 'zod';
import { Role } from '../auth/permissions';
import { zm } from '../i18n/translate';
import { LRK_PATTERN } from '../validation/lrk';
import { passwordProblem } from '../validation/password';

// Default zod messages in Dutch; field-specific messages below override them.
z.config(z.locales.nl());

/**
 * "<label> is verplicht." The label is a catalogue key (`validation.field.firstName`); a Dutch text
 * works too (it is shown as it is) until its area has label keys.
 */
export const required = (label: string) => zm('validation.required', { label });

/** "<label> mag hoogstens <max> tekens lang zijn." (the label as for `required`). */
export const tooLong = (label: string, max: number) => zm('validation.tooLong', { label, max });

export const text = (label: string, max = 200) =>
  z
    .string({ error: required(label) })
    .trim()
    .min(1, required(label))
    .max(max, tooLong(label, max));

export const Username = z
  .string({ error: required('Gebruikersnaam') })
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,40}$/, 'Gebruikersnaam: 3 tot 40 tekens, alleen letters, cijfers, punt, streepje of liggend streepje.');

/** A password whose strength is checked in a refinement that knows the username and name. */
export const PasswordInput = z.string({ error: required('Wachtwoord') }).max(256);

export const Roles = z.array(Role).min(1, 'Kies minstens één rol.');

export const Id = z.string().uuid('Ongeldige id.');

export const LocationInput = z.object({
  name: text('Naam van de locatie', 120),
  address: text('Adres', 200),
  lrkNumber: z.string({ error: required('LRK-nummer') }).trim().regex(LRK_PATTERN, zm('validation.lrkInvalid')),
});

export const NewUserFields = z.object({
  name: text('Naam', 120),
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
  const problem = passwordProblem(password, context);
  if (problem) ctx.addIssue({ code: 'custom', message: problem, path });
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
