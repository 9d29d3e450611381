import { z } from 'zod';
import type { Permission, Role } from '../auth/permissions';
import { appContract } from './app.contract';
import { applicantsContract } from './applicants.contract';
import { auditContract } from './audit.contract';
import { authContract } from './auth.contract';
import { backupContract } from './backup.contract';
import { breachesContract } from './breaches.contract';
import { bsnContract } from './bsn.contract';
import { childrenContract } from './children.contract';
import { complaintsContract } from './complaints.contract';
import { consentsContract } from './consents.contract';
import { contractsContract } from './contracts.contract';
import { dashboardContract } from './dashboard.contract';
import { disclosuresContract } from './disclosures.contract';
import { employeesContract } from './employees.contract';
import { exchangeContract } from './exchange.contract';
import { groupsContract } from './groups.contract';
import { holdsContract } from './holds.contract';
import { householdsContract } from './households.contract';
import { marketingContract } from './marketing.contract';
import { medicalContract } from './medical.contract';
import { meldcodeContract } from './meldcode.contract';
import { municipalitiesContract } from './municipalities.contract';
import { pickupContract } from './pickup.contract';
import { privacyStatementContract } from './privacyStatement.contract';
import { recoveryContract } from './recovery.contract';
import { registerContract } from './register.contract';
import { requestsContract } from './requests.contract';
import { retentionContract } from './retention.contract';
import { searchContract } from './search.contract';
import { securityContract } from './security.contract';
import { sessionContract } from './session.contract';
import { settingsContract } from './settings.contract';
import { setupContract } from './setup.contract';
import { syncContract } from './sync.contract';
import { tasksContract } from './tasks.contract';
import { usersContract } from './users.contract';
import { waitlistContract } from './waitlist.contract';
/**
 * Data areas for the renderer's cache: a read lists the areas it shows, a write the areas it
 * changes; after a write the renderer refetches the reads on screen that show one of them.
 */
export const DataArea = z.enum([
  'session', 'users', 'settings', 'security', 'audit', 'sync', 'backups',
  'households', 'children', 'groups', 'medical', 'bsn', 'contracts', 'tasks', 'waitlist', 'pickup',
  'consents', 'exchange', 'disclosures', 'municipalities', 'marketing',
  'meldcode', 'requests', 'retention', 'holds', 'applicants', 'employees', 'complaints', 'breaches',
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

/** The API: one name per method, its zod input and output, and the permission it needs — one contract file per namespace. */
export const contract = {
  ...appContract,
  ...setupContract,
  ...authContract,
  ...sessionContract,
  ...usersContract,
  ...securityContract,
  ...auditContract,
  ...settingsContract,
  ...householdsContract,
  ...childrenContract,
  ...groupsContract,
  ...medicalContract,
  ...bsnContract,
  ...contractsContract,
  ...tasksContract,
  ...waitlistContract,
  ...pickupContract,
  ...searchContract,
  ...dashboardContract,
  ...syncContract,
  ...consentsContract,
  ...privacyStatementContract,
  ...exchangeContract,
  ...disclosuresContract,
  ...municipalitiesContract,
  ...marketingContract,
  ...meldcodeContract,
  ...requestsContract,
  ...backupContract,
  ...recoveryContract,
  ...applicantsContract,
  ...employeesContract,
  ...complaintsContract,
  ...breachesContract,
  ...retentionContract,
  ...registerContract,
  ...holdsContract,
} satisfies Record<string, MethodDef>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

export const isMethodName = (name: string): name is MethodName => Object.hasOwn(contract, name);
