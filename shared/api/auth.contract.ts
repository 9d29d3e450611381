import { z } from 'zod';
import { zm } from '../i18n/translate';
import type { MethodDef } from './contract';
import { method } from './method';
import { checkPassword, PasswordInput, SessionInfo, Username } from './schemas';

/** Why a session was locked: the idle timer or the user's own "Vergrendelen". */
export const LockReason = z.enum(['idle', 'user']);
export type LockReason = z.infer<typeof LockReason>;

/**
 * Login, the herstelsleutel, locking and the own password. Login and recover open the database,
 * so their audit row is written right after the call (`transaction: 'own'`); failed attempts
 * change nothing on disk and are written at the next unlock (AppCore.flushFailures).
 */
export const authContract = {
  'auth.login': method({
    input: z.object({ username: Username, password: z.string().min(1, zm('auth.passwordRequired')) }),
    output: SessionInfo,
    permission: 'public',
    audit: { kind: 'write', data: 'security', entity: 'user', entityId: (_input, output) => output.userId, transaction: 'own' },
    changes: ['session'],
  }),
  'auth.recover': method({
    input: z
      .object({
        recoveryKey: z.string().trim().min(1, zm('auth.recoveryKeyRequired')),
        username: Username,
        newPassword: PasswordInput,
      })
      .superRefine((v, ctx) => checkPassword(ctx, v.newPassword, ['newPassword'], v)),
    output: SessionInfo,
    permission: 'public',
    audit: { kind: 'write', data: 'security', entity: 'user', entityId: (_input, output) => output.userId, transaction: 'own' },
    changes: ['session', 'users', 'security'],
  }),
  /**
   * Not audited by the dispatcher: the database closes in the call. `lock()` writes `auth.lock`
   * itself just before, also for the idle lock the dispatcher applies (not a method call).
   */
  'auth.lock': method({
    input: z.object({ reason: LockReason }),
    output: z.object({}),
    permission: 'session',
    duringPasswordChange: true,
    changes: ['session'],
  }),
  'auth.changePassword': method({
    input: z.object({ currentPassword: z.string().min(1, zm('auth.currentPasswordRequired')), newPassword: PasswordInput }),
    output: SessionInfo,
    permission: 'session',
    duringPasswordChange: true,
    audit: { kind: 'write', data: 'security', entity: 'user', entityId: (_input, output) => output.userId },
    changes: ['session', 'users'],
  }),
} satisfies Record<string, MethodDef>;
