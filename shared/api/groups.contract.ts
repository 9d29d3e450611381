import { z } from 'zod';
import type { MethodDef } from './contract';
import { Group, GroupInput, GroupMergeInput, GroupUpdateInput } from './groups.schemas';
import { method } from './method';
import { ById } from './clients.schemas';

/**
 * Groepen (issue 17): the location's groups as a managed list. Staff read it (they work on the
 * groups); the manager creates, renames, archives and merges. A rename changes every child's group
 * (the name lives only here), so writes also refresh what shows children.
 */
export const groupsContract = {
  'groups.list': method({ input: z.object({}), output: z.array(Group), permission: 'clients.read', shows: ['groups', 'children'] }),
  'groups.create': method({
    input: GroupInput,
    output: Group,
    permission: 'clients.write',
    audit: { kind: 'write', data: 'clients', entity: 'group', entityId: (_input, output) => output.id },
    changes: ['groups'],
  }),
  'groups.update': method({
    input: GroupUpdateInput,
    output: Group,
    permission: 'clients.write',
    audit: { kind: 'write', data: 'clients', entity: 'group', entityId: (input) => input.id },
    changes: ['groups', 'children', 'consents', 'disclosures'],
  }),
  /** Deletes an empty group; archives one that still has children (they keep it; it is no longer offered). */
  'groups.remove': method({
    input: ById,
    output: z.object({ outcome: z.enum(['deleted', 'archived']) }),
    permission: 'clients.write',
    audit: { kind: 'write', data: 'clients', entity: 'group', entityId: (input) => input.id, details: (_input, output) => ({ outcome: output.outcome }) },
    changes: ['groups', 'children'],
  }),
  'groups.restore': method({
    input: ById,
    output: Group,
    permission: 'clients.write',
    audit: { kind: 'write', data: 'clients', entity: 'group', entityId: (input) => input.id },
    changes: ['groups', 'children'],
  }),
  /** The manager confirms that two groups are one ("mogelijk dubbel"): the children move, the other group goes. */
  'groups.merge': method({
    input: GroupMergeInput,
    output: Group,
    permission: 'clients.write',
    audit: { kind: 'write', data: 'clients', entity: 'group', entityId: (input) => input.intoId, details: (input, output) => ({ mergedGroupId: input.fromId, children: output.children }) },
    changes: ['groups', 'children', 'consents', 'disclosures'],
  }),
} satisfies Record<string, MethodDef>;
