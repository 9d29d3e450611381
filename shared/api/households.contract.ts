import { ById, Household, HouseholdInput, HouseholdUpdateInput } from './clients.schemas';
import type { MethodDef } from './contract';
import { def } from './define';

/** Households (gezinnen) with their parents; a parent's BSN changes later through bsn.set. */
export const householdsContract = {
  'households.create': def({
    input: HouseholdInput,
    output: Household,
    permission: 'clients.write',
    audit: { kind: 'write', data: 'clients', entity: 'household', entityId: (_input, output) => output.id },
    changes: ['households', 'bsn'],
  }),
  'households.update': def({
    input: HouseholdUpdateInput,
    output: Household,
    permission: 'clients.write',
    audit: { kind: 'write', data: 'clients', entity: 'household', entityId: (input) => input.id },
    changes: ['households', 'bsn'],
  }),
  'households.get': def({ input: ById, output: Household, permission: 'clients.read', shows: ['households', 'children', 'contracts', 'bsn'] }),
} satisfies Record<string, MethodDef>;
