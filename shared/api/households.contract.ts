import { ById, Household, HouseholdInput, HouseholdUpdateInput } from './clients.schemas';
import type { MethodDef } from './contract';
import { method } from './method';

/** Households (gezinnen) with their parents; a parent's BSN changes later through bsn.set. */
export const householdsContract = {
  'households.create': method({
    input: HouseholdInput,
    output: Household,
    permission: 'clients.write',
    audit: { kind: 'write', data: 'clients', entity: 'household', entityId: (_input, output) => output.id },
    changes: ['households', 'bsn'],
  }),
  'households.update': method({
    input: HouseholdUpdateInput,
    output: Household,
    permission: 'clients.write',
    audit: { kind: 'write', data: 'clients', entity: 'household', entityId: (input) => input.id },
    changes: ['households', 'bsn'],
  }),
  'households.get': method({ input: ById, output: Household, permission: 'clients.read', shows: ['households', 'children', 'contracts', 'bsn'] }),
} satisfies Record<string, MethodDef>;
