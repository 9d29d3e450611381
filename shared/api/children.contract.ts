import { z } from 'zod';
import { ById, Child, ChildContractStatus, ChildInput, ChildListRow, ChildUpdateInput } from './clients.schemas';
import type { MethodDef } from './contract';
import { Id } from './schemas';
import { method } from './method';

/** Children: their record, the list with the contract status, and the contract parent. */
export const childrenContract = {
  'children.create': method({
    input: ChildInput,
    output: Child,
    permission: 'clients.write',
    audit: { kind: 'write', data: 'clients', entity: 'child', entityId: (_input, output) => output.id },
    changes: ['children', 'bsn'],
  }),
  'children.update': method({
    input: ChildUpdateInput,
    output: Child,
    permission: 'clients.write',
    audit: { kind: 'write', data: 'clients', entity: 'child', entityId: (input) => input.id },
    changes: ['children'],
  }),
  'children.get': method({ input: ById, output: Child, permission: 'clients.read', shows: ['children', 'groups', 'households', 'bsn', 'contracts', 'pickup'] }),
  'children.list': method({
    input: z.object({ groupId: Id.nullish(), contractStatus: ChildContractStatus.nullish() }),
    output: z.object({ rows: z.array(ChildListRow) }),
    permission: 'clients.read',
    shows: ['children', 'groups', 'households', 'contracts'],
  }),
} satisfies Record<string, MethodDef>;
