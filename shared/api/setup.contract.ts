import { z } from 'zod';
import type { MethodDef } from './contract';
import { method } from './method';
import { checkPassword, Empty, LocationInput, NewUserFields, PdfFile, SessionInfo } from './schemas';

/** First start: the location, the first manager and the herstelsleutel. */
export const setupContract = {
  /**
   * Not audited by the dispatcher: the database does not exist before the call. Setup writes
   * `setup.create` and the manager's `auth.login` itself, as the first rows of the audit chain,
   * in the transaction that creates the location and the manager.
   */
  'setup.create': method({
    input: z
      .object({ location: LocationInput, manager: NewUserFields })
      .superRefine((v, ctx) => checkPassword(ctx, v.manager.password, ['manager', 'password'], v.manager)),
    output: z.object({ session: SessionInfo, recoveryKey: z.string() }),
    permission: 'public',
    changes: ['session', 'users', 'security'],
  }),
  /** Available only right after setup, while the recovery key is still held in memory. */
  'setup.recoveryKeyPdf': method({
    input: Empty,
    output: PdfFile,
    permission: 'users.manage',
    audit: { kind: 'read', data: 'security' },
    shows: ['security'],
  }),
  'setup.recoveryKeySaved': method({
    input: Empty,
    output: z.object({}),
    permission: 'users.manage',
    audit: { kind: 'write', data: 'security' },
    changes: ['security'],
  }),
} satisfies Record<string, MethodDef>;
