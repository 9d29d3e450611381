import { z } from 'zod';
import type { MethodDef } from './contract';
import { method } from './method';
import { Municipality, MunicipalityInput } from './consents.schemas';

/** The municipalities (gemeenten) a VVE disclosure goes to, each with its regulation and fields. */
export const municipalitiesContract = {
  'municipalities.list': method({ input: z.object({}), output: z.array(Municipality), permission: 'disclosures.manage', shows: ['municipalities'] }),
  'municipalities.save': method({
    input: MunicipalityInput,
    output: Municipality,
    permission: 'disclosures.manage',
    audit: { kind: 'write', data: 'clients', entity: 'municipality', entityId: (_input, output) => output.id },
    changes: ['municipalities'],
  }),
} satisfies Record<string, MethodDef>;
