import { z } from 'zod';
import type { MethodDef } from './contract';
import { method } from './method';
import { checkPassword, Empty, Id, NewUserFields, PasswordInput, Roles, text, User } from './schemas';

/** Users of this location and their roles; every change is audited with the user's id. */
export const usersContract = {
  'users.list': method({ input: Empty, output: z.array(User), permission: 'users.manage', shows: ['users'] }),
  'users.create': method({
    input: NewUserFields.extend({ roles: Roles }).superRefine((v, ctx) => checkPassword(ctx, v.password, ['password'], v)),
    output: User,
    permission: 'users.manage',
    audit: { kind: 'write', data: 'security', entity: 'user', entityId: (_input, output) => output.id, details: (input) => ({ roles: input.roles.join(',') }) },
    changes: ['users'],
  }),
  'users.update': method({
    input: z.object({ id: Id, name: text('users.field.name', 120), roles: Roles }),
    output: User,
    permission: 'users.manage',
    audit: { kind: 'write', data: 'security', entity: 'user', entityId: (_input, output) => output.id, details: (input) => ({ roles: input.roles.join(',') }) },
    changes: ['users', 'session'],
  }),
  'users.resetPassword': method({
    input: z.object({ id: Id, temporaryPassword: PasswordInput }),
    output: User,
    permission: 'users.manage',
    audit: { kind: 'write', data: 'security', entity: 'user', entityId: (_input, output) => output.id },
    changes: ['users'],
  }),
  'users.setActive': method({
    input: z.object({ id: Id, active: z.boolean(), temporaryPassword: PasswordInput.optional() }),
    output: User,
    permission: 'users.manage',
    audit: { kind: 'write', data: 'security', entity: 'user', entityId: (_input, output) => output.id, details: (input) => ({ active: input.active }) },
    changes: ['users', 'security'],
  }),
} satisfies Record<string, MethodDef>;
