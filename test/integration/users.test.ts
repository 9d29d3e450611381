import { describe, expect, it } from 'vitest';
import { makeBackend, MANAGER, setUpLocation } from '../helpers/backend';

const STAFF = { name: 'Bert Jansen', username: 'bert', password: 'Regenboog-Stoel-77', roles: ['staff' as const] };

async function withStaff() {
  const backend = makeBackend();
  await setUpLocation(backend);
  const staff = await backend.ok('users.create', STAFF);
  return { backend, staff };
}

describe('users and roles', () => {
  it('a new user must change the temporary password before doing anything else', async () => {
    const { backend, staff } = await withStaff();
    expect(staff).toMatchObject({ mustChangePassword: true, active: true, roles: ['staff'] });
    await backend.ok('auth.lock', { reason: 'user' });
    const session = await backend.ok('auth.login', { username: 'bert', password: STAFF.password });
    expect(session.mustChangePassword).toBe(true);
    expect(await backend.err('audit.recent', { limit: 5 })).toMatchObject({ code: 'FORBIDDEN' });
    const same = await backend.err('auth.changePassword', { currentPassword: STAFF.password, newPassword: STAFF.password });
    expect(same.details?.newPassword).toBe('Kies een nieuw wachtwoord dat anders is dan het huidige.');
    const withName = await backend.err('auth.changePassword', { currentPassword: STAFF.password, newPassword: 'Jansen-Regent-Altijd-1' });
    expect(withName.details?.newPassword).toBe('Het wachtwoord mag uw naam niet bevatten.');
    const after = await backend.ok('auth.changePassword', { currentPassword: STAFF.password, newPassword: 'Zeilboot-Haven-123' });
    expect(after.mustChangePassword).toBe(false);
  });

  it('staff may not manage users or see the security page; the backend refuses regardless of the UI', async () => {
    const { backend } = await withStaff();
    await backend.ok('auth.lock', { reason: 'user' });
    await backend.ok('auth.login', { username: 'bert', password: STAFF.password });
    await backend.ok('auth.changePassword', { currentPassword: STAFF.password, newPassword: 'Zeilboot-Haven-123' });
    for (const method of ['users.list', 'security.status', 'audit.verify'] as const) {
      expect(await backend.err(method, {}), method).toMatchObject({ code: 'FORBIDDEN', message: 'U heeft geen toegang tot deze functie.' });
    }
    expect((await backend.err('users.create', { ...STAFF, username: 'eve' })).code).toBe('FORBIDDEN');
  });

  it('one user may hold several roles', async () => {
    const { backend, staff } = await withStaff();
    const updated = await backend.ok('users.update', { id: staff.id, name: staff.name, roles: ['staff', 'meldcodeOfficer'] });
    expect(updated.roles.sort()).toEqual(['meldcodeOfficer', 'staff']);
  });

  it('refuses a duplicate username and an empty role list', async () => {
    const { backend } = await withStaff();
    expect(await backend.err('users.create', { ...STAFF, name: 'Ander' })).toMatchObject({ code: 'CONFLICT', message: 'Deze gebruikersnaam is al in gebruik.' });
    expect((await backend.err('users.create', { ...STAFF, username: 'x2x', roles: [] })).details?.roles).toBe('Kies minstens één rol.');
  });

  it('a deactivated user can no longer log in; reactivating needs a new temporary password', async () => {
    const { backend, staff } = await withStaff();
    await backend.ok('users.setActive', { id: staff.id, active: false });
    await backend.ok('auth.lock', { reason: 'user' });
    expect((await backend.err('auth.login', { username: 'bert', password: STAFF.password })).code).toBe('UNAUTHENTICATED');
    await backend.ok('auth.login', MANAGER);
    expect((await backend.err('users.setActive', { id: staff.id, active: true })).code).toBe('VALIDATION');
    await backend.ok('users.setActive', { id: staff.id, active: true, temporaryPassword: 'Tijdelijk-Fiets-88' });
    await backend.ok('auth.lock', { reason: 'user' });
    expect((await backend.ok('auth.login', { username: 'bert', password: 'Tijdelijk-Fiets-88' })).mustChangePassword).toBe(true);
  });

  it('a password reset by the manager replaces the old password and forces a change', async () => {
    const { backend, staff } = await withStaff();
    await backend.ok('users.resetPassword', { id: staff.id, temporaryPassword: 'Tijdelijk-Fiets-88' });
    await backend.ok('auth.lock', { reason: 'user' });
    expect((await backend.err('auth.login', { username: 'bert', password: STAFF.password })).code).toBe('UNAUTHENTICATED');
    expect((await backend.ok('auth.login', { username: 'bert', password: 'Tijdelijk-Fiets-88' })).mustChangePassword).toBe(true);
  });

  it('always keeps one active manager', async () => {
    const { backend } = await withStaff();
    const me = (await backend.ok('app.status', {})).session!;
    expect((await backend.err('users.setActive', { id: me.userId, active: false })).message).toBe('U kunt uw eigen account niet deactiveren.');
    expect((await backend.err('users.update', { id: me.userId, name: me.name, roles: ['staff'] })).message).toBe(
      'Er moet altijd minstens één actieve locatiemanager zijn.',
    );
  });

  it('role changes take effect on the next call of the logged-in user', async () => {
    const { backend, staff } = await withStaff();
    const second = await backend.ok('users.create', { name: 'Carla Smit', username: 'carla', password: 'Wolken-Zee-Strand-3', roles: ['manager'] });
    await backend.ok('auth.lock', { reason: 'user' });
    await backend.ok('auth.login', { username: 'carla', password: 'Wolken-Zee-Strand-3' });
    await backend.ok('auth.changePassword', { currentPassword: 'Wolken-Zee-Strand-3', newPassword: 'Wolken-Zee-Strand-4b' });
    await backend.ok('users.update', { id: second.id, name: second.name, roles: ['staff'] });
    expect((await backend.err('users.list', {})).code).toBe('FORBIDDEN');
    expect(staff.id).toBeTruthy();
  });
});
