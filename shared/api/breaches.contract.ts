import { z } from 'zod';
import { Breach, BreachInput } from './breaches.schemas';
import type { MethodDef } from './contract';
import { method } from './method';
import { Empty } from './schemas';

/**
 * Datalekken: anyone who works at the location reports a breach here the moment it is discovered,
 * also offline (it syncs to head office's privacy officer, who decides on the report to the
 * Autoriteit Persoonsgegevens within 72 hours). The manager sees every report of the location;
 * others see their own.
 */
export const breachesContract = {
  'breaches.report': method({
    input: BreachInput,
    output: Breach,
    permission: 'breaches.report',
    audit: { kind: 'write', data: 'clients', entity: 'data_breach', entityId: (_input, output) => output.id, details: (input) => ({ persons: input.personsCount, dataCategories: input.dataCategories.join(',') }) },
    changes: ['breaches'],
  }),
  'breaches.list': method({ input: Empty, output: z.array(Breach), permission: 'breaches.report', shows: ['breaches', 'sync'] }),
} satisfies Record<string, MethodDef>;
