import { describe, expect, it } from 'vitest';
import { makeBackend, MANAGER, setUpLocation } from '../helpers/backend';

async function backendWithHistory() {
  const backend = makeBackend();
  await setUpLocation(backend);
  await backend.ok('users.create', { name: 'Bert Jansen', username: 'bert', password: 'Regenboog-Stoel-77', roles: ['staff'] });
  await backend.ok('auth.lock', { reason: 'user' });
  await backend.err('auth.login', { username: 'anna', password: 'Verkeerd-Wachtwoord-1' });
  await backend.ok('auth.login', MANAGER);
  await backend.ok('auth.changePassword', { currentPassword: MANAGER.password, newPassword: 'Andere-Zomer-Lucht-5' });
  return backend;
}

/** What someone holding the key could do with the database outside the app. */
function tamper(backend: ReturnType<typeof makeBackend>, sql: string) {
  const sqlite = backend.core.sqlite();
  sqlite.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  sqlite.exec(sql);
}

describe('audit log', () => {
  it('records login, failed login, lock, user change and password change with ids only', async () => {
    const backend = await backendWithHistory();
    const rows = backend.core.sqlite().prepare('SELECT * FROM audit_log ORDER BY seq').all() as Record<string, unknown>[];
    expect(rows.map((r) => r.action)).toEqual([
      'setup.create',
      'auth.login',
      'users.create',
      'auth.lock',
      'auth.login.failed',
      'auth.login',
      'auth.changePassword',
    ]);
    const text = JSON.stringify(rows);
    for (const personal of ['Anna', 'Bert', 'bert', 'anna', 'Vlinder']) expect(text).not.toContain(personal);
    const verification = await backend.ok('audit.verify', {});
    expect(verification).toMatchObject({ ok: true, count: 7, firstBrokenSeq: null });
  });

  it('refuses updates and deletes at the database level', async () => {
    const backend = await backendWithHistory();
    expect(() => backend.core.sqlite().exec("UPDATE audit_log SET action = 'x' WHERE seq = 2")).toThrow(/append-only/);
    expect(() => backend.core.sqlite().exec('DELETE FROM audit_log WHERE seq = 2')).toThrow(/append-only/);
  });

  it('detects an edited row at that row', async () => {
    const backend = await backendWithHistory();
    tamper(backend, "UPDATE audit_log SET user_id = 'someone-else' WHERE seq = 3");
    expect(await backend.ok('audit.verify', {})).toMatchObject({ ok: false, firstBrokenSeq: 3, reason: 'Regel 3 is gewijzigd.' });
  });

  it('detects a deleted row at its place', async () => {
    const backend = await backendWithHistory();
    tamper(backend, 'DELETE FROM audit_log WHERE seq = 4');
    expect(await backend.ok('audit.verify', {})).toMatchObject({ ok: false, firstBrokenSeq: 4, reason: 'Regel 4 ontbreekt (verwijderd).' });
  });

  it('detects a deleted row whose successors were renumbered', async () => {
    const backend = await backendWithHistory();
    tamper(backend, 'DELETE FROM audit_log WHERE seq = 4; UPDATE audit_log SET seq = seq - 1 WHERE seq > 4');
    expect(await backend.ok('audit.verify', {})).toMatchObject({ ok: false, firstBrokenSeq: 4 });
  });

  it('stores the last verification for the Beveiliging page', async () => {
    const backend = await backendWithHistory();
    await backend.ok('audit.verify', {});
    const status = await backend.ok('security.status', {});
    expect(status.audit.lastVerification).toMatchObject({ ok: true, count: 7 });
    expect(status.audit.count).toBe(8); // the verification itself is audited
  });
});

describe('audit log on Beveiliging: filters', () => {
  it('narrows the rows to one person and to calendar days at the location', async () => {
    let now = new Date('2026-03-10T10:00:00Z');
    const backend = makeBackend(undefined, { now: () => now });
    await setUpLocation(backend);
    const bert = await backend.ok('users.create', { name: 'Bert Jansen', username: 'bert', password: 'Regenboog-Stoel-77', roles: ['staff'] });
    await backend.ok('auth.lock', { reason: 'user' });
    // The next day, 00:30 in Amsterdam (23:30 UTC the day before): Bert logs in.
    now = new Date('2026-03-10T23:30:00Z');
    await backend.ok('auth.login', { username: 'bert', password: 'Regenboog-Stoel-77' });
    await backend.ok('auth.lock', { reason: 'user' });
    now = new Date('2026-03-12T09:00:00Z');
    const manager = await backend.ok('auth.login', MANAGER);

    const bertRows = await backend.ok('audit.recent', { limit: 50, userId: bert.id });
    expect(bertRows.map((row) => row.action)).toEqual(['auth.lock', 'auth.login']);
    expect(bertRows.every((row) => row.userId === bert.id)).toBe(true);

    const eleventh = await backend.ok('audit.recent', { limit: 50, from: '2026-03-11', to: '2026-03-11' });
    expect(eleventh.map((row) => row.action)).toEqual(['auth.lock', 'auth.login']);
    const tenth = await backend.ok('audit.recent', { limit: 50, to: '2026-03-10' });
    expect(tenth.map((row) => row.action)).toEqual(['auth.lock', 'users.create', 'auth.login', 'setup.create']);
    const twelfth = await backend.ok('audit.recent', { limit: 50, from: '2026-03-12', userId: manager.userId });
    expect(twelfth.map((row) => row.action)).toEqual(['auth.login']);
    expect((await backend.err('audit.recent', { limit: 50, from: '31-02-2026' })).code).toBe('VALIDATION');
  });
});
