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
  /** When this PC left head office the key wrapped under its herstelsleutel (null: not, or withdrawn after a new herstelsleutel). */
  recoveryWrapAt: z.string().nullable(),
  /**
   * Head office offers an escrow key other than the one this PC pinned: nothing is wrapped to it until
   * the manager confirms its fingerprint (SHA-256 of the public key, hex), compared with the CLI's.
   */
  escrowKeyChange: z.object({ pinned: z.string(), offered: z.string() }).nullable(),
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

const normaliseKeyCode = (code: string) => code.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');

/**
 * What a PC without the key types in "Sleutel ontvangen": an overdrachtscode (16 characters) or the
 * herstelsleutel of a PC of the location that has the key (32 characters), typed like a koppelcode
 * (case, spaces, dashes, O/0 and I/L/1 forgiven).
 */
const KeyCode = z
  .string()
  .max(80)
  .transform(normaliseKeyCode)
  .pipe(z.string().regex(/^(?:[0-9A-HJKMNP-TV-Z]{16}|[0-9A-HJKMNP-TV-Z]{32})$/, zm('sync.transfer.codeFormat')));

/** A herstelsleutel: 32 characters. */
const RecoveryKey = z
  .string()
  .max(80)
  .transform(normaliseKeyCode)
  .pipe(z.string().regex(/^[0-9A-HJKMNP-TV-Z]{32}$/, zm('sync.recovery.format')));

/** Which route a code typed in "Sleutel ontvangen" takes (by its length once normalised). */
export const isRecoveryKeyCode = (code: string) => code.length === 32;

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
  /**
   * "Herstelsleutel gebruiken voor nieuwe pc's": the manager types this PC's herstelsleutel; checked
   * against this PC's recovery slot, then only the key wrapped under a slow-KDF key from it goes to
   * head office. Neither the herstelsleutel nor the key is audited.
   */
  'sync.offerRecoveryKey': method({
    input: z.object({ recoveryKey: RecoveryKey }),
    output: SyncStatus,
    permission: 'sync.manage',
    audit: { kind: 'write', data: 'security', entity: 'sync_key', entityId: (_input, output) => output.syncKeyId, transaction: 'own' },
    changes: ['sync'],
  }),
  /** This PC receives the location's sync key with a transfer code made on an enrolled PC, or with the herstelsleutel of one. */
  'sync.receiveKey': method({
    input: z.object({ code: KeyCode }),
    output: SyncStatus,
    permission: 'sync.manage',
    audit: {
      kind: 'write',
      data: 'security',
      entity: 'sync_key',
      entityId: (_input, output) => output.syncKeyId,
      details: (input) => ({ via: isRecoveryKeyCode(input.code) ? 'recoveryKey' : 'transferCode' }),
      transaction: 'own',
    },
    changes: ['sync', 'medical', 'meldcode'],
  }),
  /** The manager confirms the new escrow fingerprint shown (after comparing it with the privacy officer's); the next round wraps to it. */
  'sync.confirmEscrowKey': method({
    input: z.object({ fingerprint: z.string().regex(/^[0-9a-f]{64}$/, zm('sync.escrow.fingerprintFormat')) }),
    output: SyncStatus,
    permission: 'sync.manage',
    audit: { kind: 'write', data: 'security', entity: 'escrow_key', entityId: (input) => input.fingerprint },
    changes: ['sync'],
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
