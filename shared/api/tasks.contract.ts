import { z } from 'zod';
import { ById, Task } from './clients.schemas';
import type { MethodDef } from './contract';
import { method } from './method';

/** Tasks for the manager, e.g. destroying the paper child dossier when a contract ends. */
export const tasksContract = {
  'tasks.list': method({
    input: z.object({ includeConfirmed: z.boolean().default(false) }),
    output: z.array(Task),
    permission: 'tasks.manage',
    shows: ['tasks', 'children'],
  }),
  'tasks.confirm': method({
    input: ById,
    output: Task,
    permission: 'tasks.manage',
    audit: { kind: 'write', data: 'clients', entity: 'task', entityId: (input) => input.id, details: (_input, output) => ({ kind: output.kind }) },
    changes: ['tasks'],
  }),
} satisfies Record<string, MethodDef>;
