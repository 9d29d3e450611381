import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANAGER, makeBackend, setUpLocation, sha256File } from '../helpers/backend';
import { flipBytes } from '../helpers/backup';
import { HOUSEHOLD } from '../helpers/clients';

const PAGE_SIZE = 4096;

/** A location with one household and a backup of it, then a second household, locked. */
async function lockedWithBackup() {
  const backend = makeBackend();
  await setUpLocation(backend);
  const kept = await backend.ok('households.create', HOUSEHOLD);
  const backup = await backend.ok('backup.now', {});
  const lost = await backend.ok('households.create', { ...HOUSEHOLD, street: 'Na de back-up' });
  const { rootpage } = backend.core.sqlite().prepare("SELECT rootpage FROM sqlite_master WHERE name = 'households'").get() as { rootpage: number };
  await backend.ok('auth.lock', { reason: 'user' }); // closes the DB; the WAL is checkpointed into the file
  expect(fs.existsSync(`${backend.core.dbFile}-wal`)).toBe(false);
  return { backend, kept, lost, backup, householdsPage: rootpage };
}

describe('a damaged database', () => {
  it('is refused with the corruption state, left unchanged, and the last backup brings the data back', async () => {
    const { backend, kept, lost, backup, householdsPage } = await lockedWithBackup();
    const file = backend.core.dbFile;
    flipBytes(file, [(householdsPage - 1) * PAGE_SIZE + 300, (householdsPage - 1) * PAGE_SIZE + 301]);
    const damaged = sha256File(file);

    const error = await backend.err('auth.login', MANAGER);
    expect(error).toEqual({ code: 'DB_CORRUPT', message: 'De database is beschadigd of onleesbaar. Er worden geen gegevens getoond; zet een back-up terug.', ref: { key: 'backup.databaseDamaged' } });
    const status = await backend.ok('app.status', {});
    expect(status).toMatchObject({ state: 'corrupt', session: null, corruption: { kind: 'damaged' } });
    // Nothing is shown: no session, no open database.
    expect(backend.core.isOpen).toBe(false);
    expect((await backend.err('households.get', { id: kept.id })).code).toBe('LOCKED');
    // Trying again changes nothing either.
    expect((await backend.err('auth.login', MANAGER)).code).toBe('DB_CORRUPT');
    expect(sha256File(file)).toBe(damaged);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);

    const listed = await backend.ok('recovery.listBackups', {});
    expect(listed.backups.map((b) => b.file)).toEqual([backup.file]);
    const result = await backend.ok('recovery.restore', { file: backup.file, credential: { kind: 'password', username: MANAGER.username, password: MANAGER.password } });
    // The damaged file is kept aside byte for byte, for head office to examine.
    expect(sha256File(path.join(result.keptAside!, 'locatie.db'))).toBe(damaged);
    expect((await backend.ok('app.status', {})).state).toBe('locked');

    await backend.ok('auth.login', MANAGER);
    expect((await backend.ok('households.get', { id: kept.id })).id).toBe(kept.id);
    expect((await backend.err('households.get', { id: lost.id })).code).toBe('NOT_FOUND');
  });

  it('an unreadable first page and a missing file are corruption too, a wrong password is not', async () => {
    const { backend, backup } = await lockedWithBackup();
    const file = backend.core.dbFile;
    flipBytes(file, [100]);
    const damaged = sha256File(file);
    expect((await backend.err('auth.login', { ...MANAGER, password: 'Verkeerd-Wachtwoord-9' })).code).toBe('UNAUTHENTICATED');
    expect((await backend.ok('app.status', {})).state).toBe('locked');
    expect((await backend.err('auth.login', MANAGER)).code).toBe('DB_CORRUPT');
    expect((await backend.ok('app.status', {})).corruption?.kind).toBe('unreadable');
    expect(sha256File(file)).toBe(damaged);

    await backend.ok('recovery.restore', { file: backup.file, credential: { kind: 'password', username: MANAGER.username, password: MANAGER.password } });
    await backend.ok('auth.login', MANAGER);
    await backend.ok('auth.lock', { reason: 'user' });

    fs.rmSync(file);
    expect((await backend.err('auth.login', MANAGER)).code).toBe('DB_CORRUPT');
    expect((await backend.ok('app.status', {})).corruption?.kind).toBe('missing');
    expect(fs.existsSync(file)).toBe(false);
  });
});
