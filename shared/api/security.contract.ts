import { z } from 'zod';
import { zm } from '../i18n/translate';
import type { MethodDef } from './contract';
import { method } from './method';
import { Empty, SecurityStatus } from './schemas';

/** The "Beveiliging" page and the herstelsleutel. */
export const securityContract = {
  /** A new herstelsleutel (e.g. the old one was lost or seen by others); asks for the password again. */
  'security.rotateRecoveryKey': method({
    input: z.object({ currentPassword: z.string().min(1, zm('auth.passwordRequired')) }),
    output: z.object({ recoveryKey: z.string() }),
    permission: 'users.manage',
    audit: { kind: 'write', data: 'security' },
    changes: ['security'],
  }),
  'security.status': method({ input: Empty, output: SecurityStatus, permission: 'security.view', shows: ['security', 'users', 'audit'] }),
} satisfies Record<string, MethodDef>;
