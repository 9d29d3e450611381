import { z } from 'zod';
import type { MethodDef } from './contract';
import { method } from './method';
import { optionalDate } from './clients.schemas';
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
  /** Newest first; narrowed to one person and/or a date range (calendar days, local to the location). */
  'audit.recent': method({
    input: z.object({
      limit: z.number().int().min(1).max(500).default(50),
      userId: z.string().nullish(),
      from: optionalDate('Vanaf'),
      to: optionalDate('Tot en met'),
    }),
    output: z.array(AuditEntry),
    permission: 'audit.verify',
    shows: ['audit'],
  }),
} satisfies Record<string, MethodDef>;
