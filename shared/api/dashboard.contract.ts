import { z } from 'zod';
import { Dashboard } from './clients.schemas';
import type { MethodDef } from './contract';
import { method } from './method';

/** Overzicht: open tasks, missing BSN-controles, contracts ending soon, counts per group. */
export const dashboardContract = {
  'dashboard.get': method({ input: z.object({}), output: Dashboard, permission: 'tasks.manage', shows: ['tasks', 'bsn', 'contracts', 'children', 'groups', 'households'] }),
} satisfies Record<string, MethodDef>;
