import { z } from 'zod';
import { ByChild, Contract, ContractInput, ContractUpdateInput } from './clients.schemas';
import type { MethodDef } from './contract';
import { method } from './method';

/** Care contracts of a child; a contract with an end date gets the paper dossier task. */
export const contractsContract = {
  'contracts.listForChild': method({ input: ByChild, output: z.array(Contract), permission: 'contracts.manage', shows: ['contracts'] }),
  'contracts.create': method({
    input: ContractInput,
    output: Contract,
    permission: 'contracts.manage',
    audit: { kind: 'write', data: 'clients', entity: 'contract', entityId: (_input, output) => output.id },
    changes: ['contracts', 'tasks'],
  }),
  /** Setting the end date also writes the `contracts.end` audit row (see contracts.service). */
  'contracts.update': method({
    input: ContractUpdateInput,
    output: Contract,
    permission: 'contracts.manage',
    audit: { kind: 'write', data: 'clients', entity: 'contract', entityId: (input) => input.id },
    changes: ['contracts', 'tasks'],
  }),
} satisfies Record<string, MethodDef>;
