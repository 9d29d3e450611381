import { z } from 'zod';
import type { Permission, Role } from '../auth/permissions';
import { zm } from '../i18n/translate';
import { clientsContract } from './clients.contract';
import { syncContract } from './sync.contract';
import { consentsContract } from './consents.contract';
import { meldcodeContract } from './meldcode.contract';
import { requestsContract } from './requests.contract';
import { backupContract } from './backup.contract';
import { retentionContract } from './retention.contract';
import {
  AuditEntry,
  AuditVerification,
  checkPassword,
  Id,
  LocationInput,
  NewUserFields,
  PasswordInput,
  PdfFile,
  Roles,
  SecurityStatus,
  SessionInfo,
  text,
  User,
  Username,
} from './schemas';

/**
 * Data areas for the renderer's cache: a read lists the areas it shows, a write the areas it
 * changes; after a write the renderer refetches the reads on screen that show one of them.
 */
export const DataArea = z.enum([
  'session', 'users', 'settings', 'security', 'audit', 'sync', 'backups',
  'households', 'children', 'medical', 'bsn', 'contracts', 'tasks', 'waitlist', 'pickup',
  'consents', 'exchange', 'disclosures', 'municipalities', 'marketing',
  'meldcode', 'requests', 'retention', 'holds', 'applicants', 'employees', 'complaints',
]);
export type DataArea = z.infer<typeof DataArea>;

/** What kind of data an audited method touches; the contract test holds these to the permission matrix. */
export type AuditedData = 'medical' | 'bsn' | 'meldcode' | 'staffFiles' | 'clients' | 'documents' | 'security';

type AuditDetails = Record<string, string | number | boolean | null>;

/**
 * What a method audits. The dispatcher writes one audit row per successful call, with the method
 * name as action code, in the method's own transaction (so the row and the change commit together).
 * Ids and codes only — never names, BSNs or medical text.
 */
export interface AuditSpec<I, O> {
  /** A read of sensitive data (special categories, BSN, meldcode, staff files) or a write. */
  kind: 'read' | 'write';
  data: AuditedData;
  /** The record it concerns: entity type and id, from the parsed input and the output. */
  entity?: string;
  entityId?: (input: I, output: O) => string | null | undefined;
  details?: (input: I, output: O, roles: readonly Role[]) => AuditDetails;
  /**
   * 'own': the row is written right after the call in a transaction of its own, for methods that
   * cannot run inside one (they open the database, write a backup with VACUUM INTO, or go online).
   */
  transaction?: 'method' | 'own';
}

export interface MethodDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** 'public' = callable without a session (setup, login, status). */
  permission: Permission | 'public';
  /** Passive calls (status polling) do not count as user activity for the idle lock. */
  passive?: boolean;
  /** Callable while the user still has to replace a temporary password. */
  duringPasswordChange?: boolean;
  /** Audited methods; an audited read is fetched once per user action, never on focus or by timer. */
  audit?: AuditSpec<z.output<I>, z.output<O>>;
  /**
   * A read: the areas it shows (the renderer refetches it after a write changing one of them).
   * Every method declares `shows` or `changes` (test/unit/contract-areas.test.ts).
   */
  shows?: readonly DataArea[];
  /** A write: the areas it changes; `[]` when it changes nothing a read shows (then it refreshes nothing). */
  changes?: readonly DataArea[];
}

export const method = <I extends z.ZodType, O extends z.ZodType>(def: MethodDef<I, O>) => def;
export const Empty = z.object({}).strict();

/** `corrupt`: unlocking found the database damaged; only the restore screen is shown. */
export const AppState = z.enum(['setup', 'locked', 'unlocked', 'corrupt']);

/** The API: one name per method, its zod input and output, and the permission it needs. */
export const contract = {
  'app.status': method({
    input: Empty,
    output: z.object({
      state: AppState,
      locationName: z.string().nullable(),
      session: SessionInfo.nullable(),
      /** Seconds the next login attempt must wait after repeated failures. */
      loginDelaySeconds: z.number(),
      /** What is wrong, while state is `corrupt` (kind for the Dutch explanation, SQLite's detail for IT). */
      corruption: z.object({ kind: z.enum(['missing', 'unreadable', 'damaged', 'unencrypted']), detail: z.string(), detectedAt: z.string() }).nullable(),
      /** The backend's clock (moved by `--clock`): the renderer's dates and date checks follow it. */
      now: z.string(),
    }),
    permission: 'public',
    passive: true,
    duringPasswordChange: true,
  }),

  'setup.create': method({
    input: z
      .object({ location: LocationInput, manager: NewUserFields })
      .superRefine((v, ctx) => checkPassword(ctx, v.manager.password, ['manager', 'password'], v.manager)),
    output: z.object({ session: SessionInfo, recoveryKey: z.string() }),
    permission: 'public',
  }),
  /** Available only right after setup, while the recovery key is still held in memory. */
  'setup.recoveryKeyPdf': method({ input: Empty, output: PdfFile, permission: 'users.manage' }),
  'setup.recoveryKeySaved': method({ input: Empty, output: z.object({}), permission: 'users.manage' }),

  'auth.login': method({
    input: z.object({ username: Username, password: z.string().min(1, zm('auth.passwordRequired')) }),
    output: SessionInfo,
    permission: 'public',
  }),
  'auth.recover': method({
    input: z
      .object({
        recoveryKey: z.string().trim().min(1, 'Vul de herstelsleutel in.'),
        username: Username,
        newPassword: PasswordInput,
      })
      .superRefine((v, ctx) => checkPassword(ctx, v.newPassword, ['newPassword'], v)),
    output: SessionInfo,
    permission: 'public',
  }),
  'auth.lock': method({
    input: z.object({ reason: z.enum(['idle', 'user']) }),
    output: z.object({}),
    permission: 'session',
    duringPasswordChange: true,
  }),
  /** The user is active in the UI (typing in a long form): keeps the backend's idle clock in step. */
  'session.touch': method({ input: Empty, output: z.object({}), permission: 'session', duringPasswordChange: true }),
  'auth.changePassword': method({
    input: z.object({ currentPassword: z.string().min(1, 'Vul uw huidige wachtwoord in.'), newPassword: PasswordInput }),
    output: SessionInfo,
    permission: 'session',
    duringPasswordChange: true,
  }),

  'users.list': method({ input: Empty, output: z.array(User), permission: 'users.manage' }),
  'users.create': method({
    input: NewUserFields.extend({ roles: Roles }).superRefine((v, ctx) => checkPassword(ctx, v.password, ['password'], v)),
    output: User,
    permission: 'users.manage',
  }),
  'users.update': method({
    input: z.object({ id: Id, name: text('Naam', 120), roles: Roles }),
    output: User,
    permission: 'users.manage',
  }),
  'users.resetPassword': method({
    input: z.object({ id: Id, temporaryPassword: PasswordInput }),
    output: User,
    permission: 'users.manage',
  }),
  'users.setActive': method({
    input: z.object({ id: Id, active: z.boolean(), temporaryPassword: PasswordInput.optional() }),
    output: User,
    permission: 'users.manage',
  }),

  /** A new herstelsleutel (e.g. the old one was lost or seen by others); asks for the password again. */
  'security.rotateRecoveryKey': method({
    input: z.object({ currentPassword: z.string().min(1, zm('auth.passwordRequired')) }),
    output: z.object({ recoveryKey: z.string() }),
    permission: 'users.manage',
  }),
  'security.status': method({ input: Empty, output: SecurityStatus, permission: 'security.view' }),
  'audit.verify': method({ input: Empty, output: AuditVerification, permission: 'audit.verify' }),
  'audit.recent': method({
    input: z.object({ limit: z.number().int().min(1).max(500).default(50) }),
    output: z.array(AuditEntry),
    permission: 'audit.verify',
  }),
  'settings.update': method({
    input: z.object({
      idleTimeoutMinutes: z
        .number({ error: 'Vul een aantal minuten in.' })
        .int('Vul een heel aantal minuten in.')
        .min(1, 'De automatische vergrendeling moet tussen 1 en 60 minuten liggen.')
        .max(60, 'De automatische vergrendeling moet tussen 1 en 60 minuten liggen.')
        .optional(),
      /** Date of the privacy statement that new consents refer to, e.g. "20-6-2023". */
      privacyStatementVersion: z.string().trim().min(1, 'Vul de datum of versie van het privacystatement in.').max(40).optional(),
    }),
    output: SessionInfo,
    permission: 'settings.manage',
  }),

  ...clientsContract,
  ...syncContract,
  ...consentsContract,
  ...meldcodeContract,
  ...requestsContract,
  ...backupContract,
  ...retentionContract,
} satisfies Record<string, MethodDef>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export const isMethodName = (name: string): name is MethodName => Object.hasOwn(contract, name);
