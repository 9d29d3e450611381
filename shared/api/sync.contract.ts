import { z } from 'zod';
import { zm } from '../i18n/translate';
import { EnrolmentCode } from '../sync/protocol';
import type { MethodDef } from './contract';
import { method } from './method';
import { Id, text } from './schemas';

export const SyncStatus = z.object({
  enrolled: z.boolean(),
  serverUrl: z.string().nullable(),
  locationName: z.string().nullable(),
  deviceId: z.string().nullable(),
  /** null: not tried yet; true: the last attempt reached head office. */
  online: z.boolean().nullable(),
  running: z.boolean(),
  pending: z.number().int(),
  openConflicts: z.number().int(),
  lastSuccessAt: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  /** Seconds until that attempt, from the scheduler's own (wall) clock, so the UI can say "over 2 minuten". */
  nextAttemptInSeconds: z.number().int().nullable(),
  /** Sealed special categories: the id of the location's sync key on this PC (null: this PC has no key yet). */
  syncKeyId: z.string().nullable(),
  /** Sealed changes (medical data, meldcode files) pulled but waiting for this PC to receive the key with a transfer code. */
  sealedWaiting: z.number().int(),
  /** Head office's version this PC has pulled up to: when it grows, screens read their data again. */
  pulledVersion: z.number().int(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export const SyncConflict = z.object({
  id: z.string(),
  kind: z.enum(['conflict', 'rejected']),
  entity: z.string(),
  entityId: z.string(),
  /** What the conflict is about, e.g. the child's name. */
  label: z.string(),
  localPayload: z.record(z.string(), z.unknown()).nullable(),
  serverPayload: z.record(z.string(), z.unknown()).nullable(),
  serverVersion: z.number().int().nullable(),
  reason: z.string().nullable(),
  createdAt: z.string(),
});
export type SyncConflict = z.infer<typeof SyncConflict>;

/** Overdrachtscode: 16 characters, typed like a koppelcode (case, spaces, dashes, O/0 and I/L/1 forgiven). */
const TransferCode = z
  .string()
  .max(64)
  .transform((code) => code.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1'))
  .pipe(z.string().regex(/^[0-9A-HJKMNP-TV-Z]{16}$/, zm('sync.transfer.codeFormat')));

/** How the manager settles a conflict: this PC's version, head office's, or a merge of both. */
export const ConflictResolution = z.enum(['local', 'server', 'merged']);
export type ConflictResolution = z.infer<typeof ConflictResolution>;

/**
 * Koppelen with head office and the sync status. Enrolment goes online, so its audit row is
 * written right after the call; a sync round runs in the background and is not a method call.
 */
export const syncContract = {
  'sync.status': method({ input: z.object({}), output: SyncStatus, permission: 'session', passive: true, shows: ['sync'] }),
  'sync.enrol': method({
    input: z.object({
      serverUrl: z
        .string()
        .trim()
        .url(zm('sync.serverUrlFormat'))
        .refine((u) => /^https:\/\//.test(u) || /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?(\/|$)/.test(u), zm('sync.httpsRequired')),
      code: EnrolmentCode,
      deviceName: text('sync.field.deviceName', 120),
      caCertPem: z
        .string()
        .trim()
        .nullish()
        .transform((v) => (v ? v : null))
        .refine((v) => v === null || v.includes('-----BEGIN CERTIFICATE-----'), zm('sync.caCertFormat')),
    }),
    output: SyncStatus,
    permission: 'sync.manage',
    audit: { kind: 'write', data: 'security', entity: 'device', entityId: (_input, output) => output.deviceId, transaction: 'own' },
    changes: ['sync'],
  }),
  /**
   * A one-time transfer code for another PC of the location (valid 24 h): only the key wrapped under
   * a key derived from the code goes to head office. Shown once; the code itself is never audited.
   */
  'sync.transferCode': method({
    input: z.object({}),
    output: z.object({ code: z.string(), expiresAt: z.string() }),
    permission: 'sync.manage',
    audit: { kind: 'write', data: 'security', entity: 'sync_key', transaction: 'own' },
    changes: ['sync'],
  }),
  /** This PC receives the location's sync key with a transfer code made on an enrolled PC. */
  'sync.receiveKey': method({
    input: z.object({ code: TransferCode }),
    output: SyncStatus,
    permission: 'sync.manage',
    audit: { kind: 'write', data: 'security', entity: 'sync_key', entityId: (_input, output) => output.syncKeyId, transaction: 'own' },
    changes: ['sync', 'medical', 'meldcode'],
  }),
  /** Starts a round in the background (not audited: the round itself goes online outside any call). */
  'sync.now': method({ input: z.object({}), output: SyncStatus, permission: 'session', changes: ['sync'] }),
  /** Showing both versions of a medical record is a read of special-category data. */
  'sync.conflicts': method({
    input: z.object({}),
    output: z.array(SyncConflict),
    permission: 'sync.manage',
    audit: {
      kind: 'read',
      data: 'medical',
      details: (_input, output) => ({ medicalChildIds: output.filter((c) => c.entity === 'child_medical').map((c) => c.entityId).join(',') }),
    },
    shows: ['sync', 'medical', 'meldcode'],
  }),
  'sync.resolveConflict': method({
    input: z.object({
      id: Id,
      resolution: ConflictResolution,
      merged: z.record(z.string(), z.string().nullable()).nullish(),
    }),
    output: z.object({}),
    permission: 'sync.manage',
    audit: { kind: 'write', data: 'medical', entity: 'sync_conflict', entityId: (input) => input.id, details: (input) => ({ resolution: input.resolution }) },
    changes: ['sync', 'medical', 'meldcode'],
  }),
} satisfies Record<string, MethodDef>;
