import { z } from 'zod';
import { Bsn, BsnCheckInput, BsnSubject } from './clients.schemas';
import type { MethodDef } from './contract';
import { method } from './method';

/**
 * The BSN of a parent or child and its BSN-controle; every call is audit-logged. The audit row names
 * the person's id as a `bsnSubject` and says in its details whether it is a parent or a child.
 */
export const bsnContract = {
  'bsn.set': method({
    input: BsnSubject.extend({ bsn: Bsn }),
    output: z.object({ masked: z.string() }),
    permission: 'bsn.view',
    audit: { kind: 'write', data: 'bsn', entity: 'bsnSubject', entityId: (input) => input.id, details: (input) => ({ subject: input.subject }) },
    changes: ['bsn'],
  }),
  'bsn.recordCheck': method({
    input: BsnCheckInput,
    output: z.object({}),
    permission: 'bsn.check',
    audit: { kind: 'write', data: 'bsn', entity: 'bsnSubject', entityId: (input) => input.id, details: (input) => ({ subject: input.subject, method: input.method }) },
    changes: ['bsn'],
  }),
  /** Shows the full BSN once. */
  'bsn.reveal': method({
    input: BsnSubject,
    output: z.object({ bsn: z.string() }),
    permission: 'bsn.reveal',
    audit: { kind: 'read', data: 'bsn', entity: 'bsnSubject', entityId: (input) => input.id, details: (input) => ({ subject: input.subject }) },
    shows: ['bsn'],
  }),
} satisfies Record<string, MethodDef>;
