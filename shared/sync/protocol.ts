import { z } from 'zod';
import { zm } from '../i18n/translate';

/**
 * The wire protocol between a location PC and head office (hoofdkantoor). Both sides validate
 * with these schemas. The location is never taken from a payload: head office uses the device's.
 */

/** Entities that sync, and which of them refuse a stale base version (conflict instead of LWW). */
export const SYNCED_ENTITIES = [
  'households',
  'parents',
  'groups',
  'children',
  'bsn_verifications',
  'child_medical',
  'contracts',
  'tasks',
  'waitlist_entries',
  'pickup_persons',
  'pickup_bans',
  'identification_log',
  'photo_consents',
  'consent_form_returns',
  'exchange_consents',
  'disclosures',
  'disclosure_subjects',
  'disclosure_restriction_decisions',
  'municipality_configs',
  'marketing_opt_outs',
  'processing_restrictions',
  'meldcode_cases',
  'meldcode_entries',
  'subject_requests',
  'data_corrections',
  'request_tasks',
  'retention_policies',
  'applicants',
  'employees',
  'employee_statutory_holds',
  'complaints',
  'legal_holds',
  'processing_objections',
  'data_breaches',
  'central_requests',
  'organisation_profile',
  'privacy_statement_versions',
  'privacy_statement_informed',
] as const;
export const SyncedEntity = z.enum(SYNCED_ENTITIES);
export type SyncedEntity = z.infer<typeof SyncedEntity>;

/** Rows that are never edited once written (history): a pulled copy only updates its version. */
export const APPEND_ONLY: ReadonlySet<SyncedEntity> = new Set(['photo_consents', 'meldcode_entries', 'data_corrections']);

/** Medical data and meldcode case files: never silently overwritten. */
export const CONFLICT_CHECKED: ReadonlySet<SyncedEntity> = new Set(['child_medical', 'meldcode_cases']);

/**
 * Special categories sealed on the PC (issue 15): their payloads travel and rest at head office only
 * as an AES-256-GCM envelope `{ "$sealed": … }` under the location's sync key. Matches the data map's `sealed`.
 */
export const SEALED: ReadonlySet<SyncedEntity> = new Set(['child_medical', 'meldcode_cases', 'meldcode_entries']);

/**
 * Koppelcode (enrolment code): read aloud or typed, so Crockford base32 — 12 characters, shown in
 * groups of 4. Typing forgives case, spaces, dashes, O for 0 and I/L for 1. Both sides check it here.
 */
export const ENROLMENT_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const normaliseEnrolmentCode = (code: string) => code.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
/** An escrow key's fingerprint (SHA-256 hex) in groups of 4, as the PC and the CLI show it for comparing aloud. */
export const formatFingerprint = (hex: string) => hex.match(/.{1,4}/g)?.join(' ') ?? '';

export const EnrolmentCode = z
  .string()
  .max(64)
  .transform(normaliseEnrolmentCode)
  .pipe(z.string().regex(/^[0-9A-HJKMNP-TV-Z]{12}$/, zm('sync.codeFormat')));

export const EnrolRequest = z.object({ code: EnrolmentCode, deviceName: z.string().trim().min(1).max(120) });
export const EnrolResponse = z.object({ deviceId: z.string(), token: z.string(), locationId: z.string(), locationName: z.string() });

export const Mutation = z.object({
  mutationId: z.string().min(1).max(64),
  entity: SyncedEntity,
  entityId: z.string().min(1).max(64),
  op: z.enum(['upsert', 'delete']),
  /** The full row for an upsert; null for a delete (a tombstone carries no personal data). */
  payload: z.record(z.string(), z.unknown()).nullable(),
  /** The server version the device last saw for this row (null: new row). */
  baseVersion: z.number().int().nullable(),
});
export type Mutation = z.infer<typeof Mutation>;

export const AuditHead = z.object({ seq: z.number().int().min(0), hash: z.string().regex(/^[0-9a-f]{64}$/) });

/** One anonymous count from the location's retention_statistics (metric and period), its current total: never personal data. */
export const StatisticCount = z.object({ metric: z.string().min(1).max(80), period: z.string().min(1).max(20), count: z.number().int().min(0) });
export type StatisticCount = z.infer<typeof StatisticCount>;

export const MAX_PUSH_MUTATIONS = 1000;
export const MAX_PUSH_STATISTICS = 1000;
/**
 * At most 1,000 mutations a push (a few MB, one transaction at head office; it took 500 before
 * 2026-12, so head office is updated before the PCs). `statistics`: the location's counts that
 * survive destruction, sent with every push (a few rows), for the console's figures.
 */
export const PushRequest = z.object({ mutations: z.array(Mutation).max(MAX_PUSH_MUTATIONS), auditHead: AuditHead.nullable(), statistics: z.array(StatisticCount).max(MAX_PUSH_STATISTICS).optional() });
/**
 * `rekey`: a sealed upsert under a key the location no longer seals with, or sent while a revoke
 * asks for a new key. Nothing was stored; the PC keeps it queued, follows the rotation (the answer's
 * `key`), seals it again under the new key and sends it again (issue 15: a revoked device's key
 * opens nothing written after the revoke).
 */
export const MUTATION_STATUSES = ['applied', 'duplicate', 'conflict', 'rejected', 'rekey'] as const;
export const MutationResult = z.object({
  mutationId: z.string(),
  status: z.enum(MUTATION_STATUSES),
  version: z.number().int().nullable(),
  /** For a conflict: head office's current row, so both versions can be shown. */
  serverPayload: z.record(z.string(), z.unknown()).nullable().optional(),
  reason: z.string().optional(),
});
export type MutationResult = z.infer<typeof MutationResult>;
/** The location's sync key state (see PullResponse), sent with a push answer that holds a `rekey`. */
export const KeyState = z.object({ keyId: z.string().nullable(), rotate: z.boolean() });
export type KeyState = z.infer<typeof KeyState>;
export const PushResponse = z.object({ results: z.array(MutationResult), key: KeyState.optional() });

export const Change = z.object({
  entity: SyncedEntity,
  entityId: z.string(),
  version: z.number().int(),
  deleted: z.boolean(),
  payload: z.record(z.string(), z.unknown()).nullable(),
});
export type Change = z.infer<typeof Change>;
/** `key` (last page only): the location's current sync key id and whether a revoke asks for a new key (issue 15). */
export const PullResponse = z.object({ changes: z.array(Change), cursor: z.number().int(), hasMore: z.boolean(), key: KeyState.optional() });
