import { describe, expect, it } from 'vitest';
import { contract, type MethodName } from '../../shared/api/contract';
import { METHOD_ACCESS } from '../../shared/auth/access';
import { ALL_ROLES, type Role } from '../../shared/auth/permissions';
import { MANAGER, makeBackend, setUpLocation, type TestBackend } from '../helpers/backend';

const METHODS = Object.keys(contract) as MethodName[];
const REFUSED = { code: 'FORBIDDEN', message: 'U heeft geen toegang tot deze functie.' };
const PASSWORD = 'Regenboog-Stoel-77';
const CHANGED = 'Zeilboot-Haven-123';

/** One user per role (the manager from setup; the others created with only that role). */
async function usersPerRole(backend: TestBackend): Promise<Record<Role, { username: string; password: string }>> {
  const users = { manager: { username: MANAGER.username, password: MANAGER.password } } as Record<Role, { username: string; password: string }>;
  for (const role of ALL_ROLES.filter((r) => r !== 'manager')) {
    const username = `rol-${role.toLowerCase()}`;
    await backend.ok('users.create', { name: `Rol ${role}`, username, password: PASSWORD, roles: [role] });
    users[role] = { username, password: CHANGED };
  }
  for (const role of ALL_ROLES.filter((r) => r !== 'manager')) {
    await backend.ok('auth.lock', { reason: 'user' });
    await backend.ok('auth.login', { username: users[role].username, password: PASSWORD });
    await backend.ok('auth.changePassword', { currentPassword: PASSWORD, newPassword: CHANGED });
  }
  await backend.ok('auth.lock', { reason: 'user' });
  return users;
}

describe('permission matrix', () => {
  it('every API method × every role has the outcome of the matrix in shared/auth/access.ts', { timeout: 120_000 }, async () => {
    const backend = makeBackend();
    await setUpLocation(backend);
    const users = await usersPerRole(backend);
    const outcomes: Record<string, string> = {};
    const expected: Record<string, string> = {};

    for (const role of ALL_ROLES) {
      for (const method of METHODS) {
        // Every call starts from a fresh login: some methods (auth.lock) end the session.
        if (!backend.core.session) await backend.ok('auth.login', users[role]);
        const access = METHOD_ACCESS[method];
        const changesBefore = backend.core.sqlite().prepare('SELECT total_changes()').pluck().get();
        const result = await backend.call(method, {});
        const refused = !result.ok && result.error.code === REFUSED.code && result.error.message === REFUSED.message;
        outcomes[`${method} × ${role}`] = refused ? 'refused' : 'passes the permission check';
        expected[`${method} × ${role}`] = access === 'public' || access[role] ? 'passes the permission check' : 'refused';
        // A refused call changes nothing in the database.
        if (refused) expect(backend.core.sqlite().prepare('SELECT total_changes()').pluck().get(), `${method} × ${role}`).toBe(changesBefore);
      }
      await backend.call('auth.lock', { reason: 'user' });
    }
    expect(outcomes).toEqual(expected);
    // The matrix is not trivial: every role may do something, every role but the manager is refused something.
    for (const role of ALL_ROLES) {
      const values = new Set(Object.entries(expected).filter(([key]) => key.endsWith(`× ${role}`)).map(([, v]) => v));
      expect(values.has('passes the permission check'), role).toBe(true);
      expect(values.has('refused'), role).toBe(role !== 'manager');
    }
  });

  it('without a session every non-public method answers LOCKED', async () => {
    const backend = makeBackend();
    await setUpLocation(backend);
    await backend.ok('auth.lock', { reason: 'user' });
    for (const method of METHODS) {
      const result = await backend.call(method, {});
      if (METHOD_ACCESS[method] === 'public') expect(result.ok || result.error.code !== 'LOCKED', method).toBe(true);
      else expect(result, method).toEqual({ ok: false, error: { code: 'LOCKED', message: 'De app is vergrendeld. Log opnieuw in.', ref: { key: 'common.locked' } } });
    }
  });
});
