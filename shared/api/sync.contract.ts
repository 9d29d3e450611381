import { z } from 'zod';
import type { MethodDef } from './contract';
import { Id, text } from './schemas';
import { EnrolmentCode } from '../sync/protocol';

const def = <I extends z.ZodType, O extends z.ZodType>(d: MethodDef<I, O>) => d;

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

export const syncContract = {
  'sync.status': def({ input: z.object({}), output: SyncStatus, permission: 'session', passive: true }),
  'sync.enrol': def({
    input: z.object({
      serverUrl: z
        .string()
        .trim()
        .url('Vul het volledige adres in, bijvoorbeeld https://sync.kinderopvang.nl')
        .refine((u) => /^https:\/\//.test(u) || /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?(\/|$)/.test(u), 'Het adres moet met https:// beginnen.'),
      code: EnrolmentCode,
      deviceName: text('Naam van deze computer', 120),
      caCertPem: z
        .string()
        .trim()
        .nullish()
        .transform((v) => (v ? v : null))
        .refine((v) => v === null || v.includes('-----BEGIN CERTIFICATE-----'), 'Plak het CA-certificaat in PEM-formaat (-----BEGIN CERTIFICATE-----).'),
    }),
    output: SyncStatus,
    permission: 'sync.manage',
  }),
  'sync.now': def({ input: z.object({}), output: SyncStatus, permission: 'session' }),
  'sync.conflicts': def({ input: z.object({}), output: z.array(SyncConflict), permission: 'sync.manage' }),
  'sync.resolveConflict': def({
    input: z.object({
      id: Id,
      resolution: z.enum(['local', 'server', 'merged']),
      merged: z.record(z.string(), z.string().nullable()).nullish(),
    }),
    output: z.object({}),
    permission: 'sync.manage',
  }),
} satisfies Record<string, MethodDef>;
