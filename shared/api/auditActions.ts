import type { MethodName } from './contract';

/**
 * Audit action codes written by services themselves rather than by the dispatcher (which uses the
 * method name). Together with the audited contract methods these are every code the log can hold;
 * the Beveiliging page shows each in Dutch (test/unit/audit-labels.test.ts holds the catalogue to both).
 */
export const EXTRA_AUDIT_ACTIONS = [
  'auth.lock',
  'auth.login.failed',
  'auth.recover.failed',
  'backup.create',
  'backup.keptAsideRemoved',
  'backup.redestroy',
  'backup.restore',
  'backup.rotate',
  'contracts.end',
  'marketing.optOut',
  'parents.create',
  'parents.update',
  'requests.liftRestriction',
  'requests.objectionLiftHold',
  'setup.create',
] as const;

export type AuditAction = MethodName | (typeof EXTRA_AUDIT_ACTIONS)[number];

/** Record kinds the services name in their own audit rows (the contract's audit specs name the rest). */
export const EXTRA_AUDIT_ENTITIES = ['user', 'location', 'destruction_run', 'parent', 'subjectRequest', 'optOut', 'meldcode_case', 'contract', 'legal_hold'] as const;

/** The catalogue key of an action code: i18next reads dots as nesting, the codes keep theirs. */
export const auditLabelKey = (code: string) => code.replaceAll('.', '_');
