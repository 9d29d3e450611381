import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCRYPT, Keyring } from '../../electron/backend/db/keyring';
import { LOCATION, makeBackend, MANAGER, setUpLocation, snapshotDir, tempDir } from '../helpers/backend';

describe('setup', () => {
  it('refuses a bad LRK number and a weak password with Dutch messages at the field, and writes nothing', async () => {
    const backend = makeBackend();
    const error = await backend.err('setup.create', {
      location: { ...LOCATION, lrkNumber: '12345' },
      manager: { ...MANAGER, password: 'kort' },
    });
    expect(error.code).toBe('VALIDATION');
    expect(error.details).toMatchObject({
      'location.lrkNumber': 'Het LRK-nummer bestaat uit precies 9 cijfers.',
      'manager.password': 'Het wachtwoord moet minstens 12 tekens lang zijn.',
    });
    expect(fs.readdirSync(backend.dataDir)).toEqual([]);
    expect((await backend.ok('app.status', {})).state).toBe('setup');
  });

  it('creates the location, logs the manager in and can only run once', async () => {
    const backend = makeBackend();
    const { session, recoveryKey } = await setUpLocation(backend);
    expect(session).toMatchObject({ name: MANAGER.name, roles: ['manager'], locationName: LOCATION.name, idleTimeoutMinutes: 10 });
    expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    expect((await backend.err('setup.create', { location: LOCATION, manager: MANAGER })).code).toBe('CONFLICT');
  });

  it('uses scrypt with at least 128 MiB of work by default', () => {
    expect(128 * DEFAULT_SCRYPT.N * DEFAULT_SCRYPT.r).toBeGreaterThanOrEqual(128 * 1024 * 1024);
  });
});

describe('login', () => {
  it('refuses a wrong password in Dutch and changes no file', async () => {
    const backend = makeBackend();
    await setUpLocation(backend);
    await backend.ok('auth.lock', { reason: 'user' });
    const before = snapshotDir(backend.dataDir);
    const error = await backend.err('auth.login', { username: 'anna', password: 'Verkeerd-Wachtwoord-1' });
    expect(error).toMatchObject({ code: 'UNAUTHENTICATED', message: 'Gebruikersnaam of wachtwoord is onjuist.' });
    const unknown = await backend.err('auth.login', { username: 'niemand', password: 'Verkeerd-Wachtwoord-1' });
    expect(unknown.message).toBe(error.message); // no hint which usernames exist
    expect(snapshotDir(backend.dataDir)).toEqual(before);
    expect((await backend.ok('app.status', {})).state).toBe('locked');
  });

  it('makes the caller wait longer after repeated failures, and audits the failures at the next login', async () => {
    let now = new Date('2026-11-23T10:00:00Z');
    const backend = makeBackend(undefined, { now: () => now });
    await setUpLocation(backend);
    await backend.ok('auth.lock', { reason: 'user' });
    for (let i = 0; i < 3; i++) await backend.err('auth.login', { username: 'anna', password: 'Verkeerd-Wachtwoord-1' });
    const limited = await backend.err('auth.login', { username: 'anna', password: MANAGER.password });
    expect(limited.code).toBe('RATE_LIMITED');
    expect(limited.message).toMatch(/Te veel mislukte pogingen\. Probeer het over 1 seconde opnieuw\./);
    now = new Date(now.getTime() + 1500);
    await backend.err('auth.login', { username: 'anna', password: 'Verkeerd-Wachtwoord-1' });
    expect((await backend.ok('app.status', {})).loginDelaySeconds).toBe(2);
    now = new Date(now.getTime() + 2500);
    await backend.ok('auth.login', { username: 'anna', password: MANAGER.password });
    const actions = (await backend.ok('audit.recent', { limit: 20 })).map((e) => e.action);
    expect(actions.filter((a) => a === 'auth.login.failed')).toHaveLength(4);
    expect(actions[0]).toBe('auth.login');
  });

  it('locks after the idle timeout even if the renderer does not', async () => {
    let now = new Date('2026-11-23T10:00:00Z');
    const backend = makeBackend(undefined, { now: () => now });
    await setUpLocation(backend);
    now = new Date(now.getTime() + 11 * 60_000);
    expect((await backend.err('users.list', {})).code).toBe('LOCKED');
    expect((await backend.ok('app.status', {})).state).toBe('locked');
    const actions = await (async () => {
      await backend.ok('auth.login', MANAGER);
      return (await backend.ok('audit.recent', { limit: 5 })).map((e) => e.action);
    })();
    expect(actions).toContain('auth.lock');
  });
});

describe('recovery key', () => {
  it('unlocks when every user slot is gone; a wrong key does not', async () => {
    const backend = makeBackend();
    const { recoveryKey } = await setUpLocation(backend);
    await backend.ok('auth.lock', { reason: 'user' });
    // Every password lost: strip the user slots from the keyring.
    const file = backend.core.keyringFile;
    const data = JSON.parse(fs.readFileSync(file, 'utf8'));
    fs.writeFileSync(file, JSON.stringify({ ...data, users: [] }));
    expect((await backend.err('auth.login', MANAGER)).code).toBe('UNAUTHENTICATED');

    const before = snapshotDir(backend.dataDir);
    const wrong = await backend.err('auth.recover', { recoveryKey: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH', username: 'anna', newPassword: 'Nieuwe-Lente-Wind-9' });
    expect(wrong.message).toBe('Deze herstelsleutel past niet bij deze database.');
    expect(snapshotDir(backend.dataDir)).toEqual(before);

    // Typed from paper: lower case, spaces instead of dashes.
    const typed = recoveryKey.toLowerCase().replace(/-/g, ' ');
    const session = await backend.ok('auth.recover', { recoveryKey: typed, username: 'anna', newPassword: 'Nieuwe-Lente-Wind-9' });
    expect(session.name).toBe(MANAGER.name);
    await backend.ok('auth.lock', { reason: 'user' });
    await backend.ok('auth.login', { username: 'anna', password: 'Nieuwe-Lente-Wind-9' });
  });
});

describe('keyring', () => {
  it('re-wraps only the changed user slot on a password change', async () => {
    const backend = makeBackend();
    await setUpLocation(backend);
    await backend.ok('users.create', { name: 'Bert Jansen', username: 'bert', password: 'Regenboog-Stoel-77', roles: ['staff'] });
    const slotsBefore = JSON.parse(fs.readFileSync(backend.core.keyringFile, 'utf8'));
    await backend.ok('auth.changePassword', { currentPassword: MANAGER.password, newPassword: 'Andere-Zomer-Lucht-5' });
    const slotsAfter = JSON.parse(fs.readFileSync(backend.core.keyringFile, 'utf8'));
    const slot = (d: { users: { username: string }[] }, u: string) => d.users.find((s) => s.username === u);
    expect(slot(slotsAfter, 'bert')).toEqual(slot(slotsBefore, 'bert'));
    expect(slot(slotsAfter, 'anna')).not.toEqual(slot(slotsBefore, 'anna'));
    expect(slotsAfter.recovery).toEqual(slotsBefore.recovery);
    // The keyring never holds the DB key in clear.
    const raw = fs.readFileSync(backend.core.keyringFile);
    expect(raw.includes(backend.core.dbKey())).toBe(false);
    expect(raw.includes(Buffer.from(backend.core.dbKey().toString('hex')))).toBe(false);
    expect(raw.includes(Buffer.from(backend.core.dbKey().toString('base64')))).toBe(false);
  });

  it('rejects a slot moved to another user (slot identity is authenticated)', async () => {
    const dir = tempDir();
    const backend = makeBackend(dir);
    await setUpLocation(backend);
    await backend.ok('users.create', { name: 'Bert Jansen', username: 'bert', password: 'Regenboog-Stoel-77', roles: ['staff'] });
    await backend.ok('auth.lock', { reason: 'user' });
    const data = JSON.parse(fs.readFileSync(backend.core.keyringFile, 'utf8'));
    const anna = data.users.find((s: { username: string }) => s.username === 'anna');
    // Attacker relabels Anna's slot as Bert's: Anna's password must not open "Bert".
    data.users = data.users.map((s: { username: string }) => (s.username === 'bert' ? { ...anna, username: 'bert' } : s));
    fs.writeFileSync(backend.core.keyringFile, JSON.stringify(data));
    const keyring = Keyring.load(backend.core.keyringFile, null, { N: 2 ** 14, r: 8, p: 1 });
    expect(await keyring.unlockWithPassword('bert', MANAGER.password)).toBeNull();
  });

  it('reads a keyring sealed by an OS protector, and refuses it without one', async () => {
    const dir = tempDir();
    const xor = (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a));
    const protector = { name: 'test', seal: xor, open: xor };
    const { createBackend } = await import('../../electron/backend');
    const { ROOT } = await import('../helpers/backend');
    const path = await import('node:path');
    const backend = createBackend({ dataDir: dir, resourcesDir: path.join(ROOT, 'resources'), kdf: { N: 2 ** 14, r: 8, p: 1 }, protector });
    const setup = await backend.call('setup.create', { location: LOCATION, manager: MANAGER });
    expect(setup.ok).toBe(true);
    await backend.close();
    expect(fs.readFileSync(`${dir}/sleutels.json`).includes(Buffer.from('"users"'))).toBe(false);
    expect(() => Keyring.load(`${dir}/sleutels.json`, null)).toThrow(/beveiligd door het besturingssysteem/);
    expect(Keyring.load(`${dir}/sleutels.json`, protector).locationName).toBe(LOCATION.name);
  });
});

describe('account safety extras', () => {
  it('a rotated recovery key replaces the old one at once', async () => {
    const backend = makeBackend();
    const { recoveryKey: oldKey } = await setUpLocation(backend);
    expect((await backend.err('security.rotateRecoveryKey', { currentPassword: 'Verkeerd-Wachtwoord-1' })).details?.currentPassword).toBe('Het wachtwoord is onjuist.');
    const { recoveryKey: newKey } = await backend.ok('security.rotateRecoveryKey', { currentPassword: MANAGER.password });
    expect(newKey).not.toBe(oldKey);
    expect((await backend.ok('setup.recoveryKeyPdf', {})).fileName).toBe('herstelsleutel.pdf');
    await backend.ok('auth.lock', { reason: 'user' });
    expect((await backend.err('auth.recover', { recoveryKey: oldKey, username: 'anna', newPassword: 'Nieuwe-Lente-Wind-9' })).code).toBe('UNAUTHENTICATED');
    await backend.ok('auth.recover', { recoveryKey: newKey, username: 'anna', newPassword: 'Nieuwe-Lente-Wind-9' });
  });

  it('shows the previous login, so a user can notice use of their account', async () => {
    let now = new Date('2026-11-20T08:00:00Z');
    const backend = makeBackend(undefined, { now: () => now });
    await setUpLocation(backend);
    await backend.ok('auth.lock', { reason: 'user' });
    now = new Date('2026-11-23T09:30:00Z');
    const session = await backend.ok('auth.login', MANAGER);
    expect(session.previousLoginAt).toBe('2026-11-20T08:00:00.000Z');
  });

  it('activity reported by the UI (session.touch) keeps the backend from locking a busy user', async () => {
    let now = new Date('2026-11-23T10:00:00Z');
    const backend = makeBackend(undefined, { now: () => now });
    await setUpLocation(backend);
    for (let i = 0; i < 3; i++) {
      now = new Date(now.getTime() + 8 * 60_000);
      await backend.ok('session.touch', {});
      expect((await backend.ok('app.status', {})).state).toBe('unlocked');
    }
  });

  it('temporary passwords set by a manager follow the password rule', async () => {
    const backend = makeBackend();
    await setUpLocation(backend);
    const user = await backend.ok('users.create', { name: 'Bert Jansen', username: 'bert', password: 'Regenboog-Stoel-77', roles: ['staff'] });
    expect((await backend.err('users.resetPassword', { id: user.id, temporaryPassword: 'aaaaaaaaaaaa' })).details?.temporaryPassword).toBe(
      'Het wachtwoord bevat te weinig verschillende tekens.',
    );
    await backend.ok('users.setActive', { id: user.id, active: false });
    expect((await backend.err('users.setActive', { id: user.id, active: true, temporaryPassword: 'Bert-Jansen-Zomer' })).details?.temporaryPassword).toBe(
      'Het wachtwoord mag de gebruikersnaam niet bevatten.',
    );
  });
});
