import { z } from 'zod';
import type { MethodDef } from './contract';
import { method } from './method';
import { Empty } from './schemas';

export const sessionContract = {
  /** The user is active in the UI (typing in a long form): keeps the backend's idle clock in step; changes no data. */
  'session.touch': method({ input: Empty, output: z.object({}), permission: 'session', duringPasswordChange: true, changes: [] }),
} satisfies Record<string, MethodDef>;
