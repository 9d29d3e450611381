import { z } from 'zod';
import type { MethodDef } from './contract';
import { method } from './method';
import { AuditEntry, AuditVerification, Empty } from './schemas';

/** The hash-chained audit log: verify the chain, list the latest rows (ids and codes only). */
export const auditContract = {
  /** Stores the result as the last verification (shown on the Beveiliging page). */
  'audit.verify': method({
    input: Empty,
    output: AuditVerification,
    permission: 'audit.verify',
    audit: { kind: 'write', data: 'security', details: (_input, output) => ({ ok: output.ok, count: output.count }) },
    changes: ['security'],
  }),
  'audit.recent': method({
    input: z.object({ limit: z.number().int().min(1).max(500).default(50) }),
    output: z.array(AuditEntry),
    permission: 'audit.verify',
    shows: ['audit'],
  }),
} satisfies Record<string, MethodDef>;
