import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../electron/backend/db/migrations';
import { PLAIN_SQLITE_HEADER } from '../../electron/backend/db/open';
import { readBackupHeader } from '../../electron/backend/modules/backup/backup.file';
import { backupNow, backupStatus, runDailyBackupIfDue } from '../../electron/backend/modules/backup/backup.service';
import { backupsToKeep } from '../../electron/backend/modules/backup/rotation';
import { LOCATION, MANAGER, makeBackend, setUpLocation, sha256File, tempDir } from '../helpers/backend';
import { defaultFolder, fileContains, flipBytes } from '../helpers/backup';
import { HOUSEHOLD, loginAsStaff } from '../helpers/clients';

// Occurs nowhere else: a child's surname and a household's street.
const CANARY = 'Kanariegeelhoutstraat';

async function managerWithData(dataDir?: string) {
  const backend = makeBackend(dataDir);
  const { recoveryKey } = await setUpLocation(backend);
  await backend.ok('setup.recoveryKeySaved', {});
  const household = await backend.ok('households.create', { ...HOUSEHOLD, street: CANARY });
  return { backend, recoveryKey, household };
}

const managerCredential = { kind: 'password' as const, username: MANAGER.username, password: MANAGER.password };

/** Hashes of the database and keyring: what a refused restore must leave untouched. */
const liveFiles = (backend: { core: { dbFile: string; keyringFile: string } }) => ({
  db: sha256File(backend.core.dbFile),
  keyring: sha256File(backend.core.keyringFile),
});

/** Rewrites a backup with one byte of its database part flipped and a matching checksum. */
function damageWithValidChecksum(file: string) {
  const header = readBackupHeader(file);
  const bytes = fs.readFileSync(file);
  const db = Buffer.from(bytes.subarray(0, header.database.bytes));
  const middle = Math.floor(db.length / 2);
  db[middle] = db[middle]! ^ 0xff;
  const json = Buffer.from(JSON.stringify({ ...header, database: { bytes: db.length, sha256: createHash('sha256').update(db).digest('hex') } }));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length);
  fs.writeFileSync(file, Buffer.concat([db, json, length, Buffer.from('KOPBAK1\n', 'latin1')]));
}

describe('backups', () => {
  it('"Nu back-up maken" writes an encrypted backup, lists it and audits it', async () => {
    const { backend } = await managerWithData();
    const made = await backend.ok('backup.now', {});
    expect(made.reason).toBe('manual');
    const file = path.join(defaultFolder(backend), made.file);
    // The canary is in the live database (readable through the API) but not in the backup's bytes.
    expect(backend.core.sqlite().prepare('SELECT count(*) AS n FROM households WHERE street = ?').get(CANARY)).toEqual({ n: 1 });
    expect(fileContains(file, CANARY)).toBe(false);
    expect(fileContains(file, MANAGER.name)).toBe(false);
    expect(fs.readFileSync(file).subarray(0, 16).equals(PLAIN_SQLITE_HEADER)).toBe(false);
    // The keyring inside holds wrapped keys only: the raw key is not in the file in any encoding.
    const key = backend.core.dbKey();
    for (const encoding of ['hex', 'base64'] as const) expect(fileContains(file, key.toString(encoding))).toBe(false);
    expect(fs.readFileSync(file).includes(key)).toBe(false);

    const status = await backend.ok('backup.status', {});
    expect(status.folderIsDefault).toBe(true);
    expect(status.lastBackup).toEqual(made);
    expect(status.backups).toEqual([made]);
    expect(status.rotation).toEqual({ daily: 14, weekly: 8 });
    const audit = backend.core.sqlite().prepare("SELECT details FROM audit_log WHERE action = 'backup.create'").all();
    expect(audit).toEqual([{ details: JSON.stringify({ reason: 'manual', removed: 0 }) }]);
  });

  it('restores with the manager password: verifies first, keeps the current database aside, ends locked', async () => {
    const { backend, household } = await managerWithData();
    const made = await backend.ok('backup.now', {});
    const later = await backend.ok('households.create', { ...HOUSEHOLD, street: 'Nieuwstraat' });
    const before = liveFiles(backend);

    const result = await backend.ok('backup.restore', { file: made.file, credential: managerCredential });
    expect(result.restored.file).toBe(made.file);
    expect(result.keptAside).toMatch(/voor-herstel-/);
    expect((await backend.ok('app.status', {})).state).toBe('locked');
    // The replaced database and keyring are kept, byte for byte.
    expect(sha256File(path.join(result.keptAside!, 'sleutels.json'))).toBe(before.keyring);
    expect(fs.existsSync(path.join(result.keptAside!, 'locatie.db'))).toBe(true);

    await backend.ok('auth.login', MANAGER);
    await backend.ok('households.get', { id: household.id });
    expect((await backend.err('households.get', { id: later.id })).code).toBe('NOT_FOUND');
    const restoreRow = backend.core.sqlite().prepare("SELECT user_id, details FROM audit_log WHERE action = 'backup.restore'").get() as { user_id: string; details: string };
    expect(JSON.parse(restoreRow.details)).toMatchObject({ reason: 'manual', via: 'password', keptAside: true });
    expect((await backend.ok('audit.verify', {})).ok).toBe(true);
  });

  it('restores on another PC (a fresh data folder) with the herstelsleutel', async () => {
    const { backend, recoveryKey, household } = await managerWithData();
    const made = await backend.ok('backup.now', {});
    const share = tempDir('kop-share-');
    fs.copyFileSync(path.join(defaultFolder(backend), made.file), path.join(share, made.file));
    await backend.close();

    const other = makeBackend();
    expect((await other.ok('app.status', {})).state).toBe('setup');
    const listed = await other.ok('recovery.listBackups', { folder: share });
    expect(listed.backups.map((b) => b.file)).toEqual([made.file]);
    const wrong = await other.err('recovery.restore', { folder: share, file: made.file, credential: { kind: 'recoveryKey', recoveryKey: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH' } });
    expect(wrong.code).toBe('UNAUTHENTICATED');
    expect(fs.existsSync(other.core.dbFile)).toBe(false);

    const result = await other.ok('recovery.restore', { folder: share, file: made.file, credential: { kind: 'recoveryKey', recoveryKey } });
    expect(result.keptAside).toBeNull();
    const status = await other.ok('app.status', {});
    expect(status).toMatchObject({ state: 'locked', locationName: LOCATION.name });
    await other.ok('auth.login', MANAGER);
    expect((await other.ok('households.get', { id: household.id })).street).toBe(CANARY);
    // Further backups go to the share the backup came from.
    expect((await other.ok('backup.status', {})).folder).toBe(share);
  });

  it('refuses a backup damaged on the share before replacing anything', async () => {
    const { backend } = await managerWithData();
    const made = await backend.ok('backup.now', {});
    const file = path.join(defaultFolder(backend), made.file);
    const before = liveFiles(backend);

    flipBytes(file, [5000]);
    const checksum = await backend.err('backup.restore', { file: made.file, credential: managerCredential });
    expect(checksum).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('controlegetal') });

    damageWithValidChecksum(file);
    const integrity = await backend.err('backup.restore', { file: made.file, credential: managerCredential });
    expect(integrity).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('Er is niets vervangen') });

    fs.writeFileSync(path.join(defaultFolder(backend), 'half.kopbackup'), fs.readFileSync(file).subarray(0, 4096));
    expect((await backend.err('backup.restore', { file: 'half.kopbackup', credential: managerCredential })).message).toMatch(/geen volledige back-up/);

    // Still logged in, same files, no staging left behind.
    expect((await backend.ok('app.status', {})).state).toBe('unlocked');
    backend.core.sqlite().pragma('wal_checkpoint(TRUNCATE)');
    expect(liveFiles(backend).keyring).toBe(before.keyring);
    expect(fs.readdirSync(backend.dataDir).filter((n) => n.startsWith('herstel-') || n.startsWith('voor-herstel-'))).toEqual([]);
  });

  it('refuses a backup whose audit chain was tampered with', async () => {
    const { backend } = await managerWithData();
    const sqlite = backend.core.sqlite();
    sqlite.exec('DROP TRIGGER audit_log_no_update');
    sqlite.exec("UPDATE audit_log SET action = 'x' WHERE seq = 1");
    const made = await backend.ok('backup.now', {});
    const error = await backend.err('backup.restore', { file: made.file, credential: managerCredential });
    expect(error.message).toMatch(/auditlog in de back-up is niet intact.*Er is niets vervangen/);
  });

  it('refuses a wrong password and another user\'s name, and counts the failure', async () => {
    const { backend } = await managerWithData();
    const made = await backend.ok('backup.now', {});
    const before = liveFiles(backend);
    expect((await backend.err('backup.restore', { file: made.file, credential: { ...managerCredential, password: 'Verkeerd-Wachtwoord-1' } })).code).toBe('UNAUTHENTICATED');
    expect((await backend.err('backup.restore', { file: made.file, credential: { ...managerCredential, username: 'iemand' } })).code).toBe('VALIDATION');
    expect((await backend.err('backup.restore', { file: '../sleutels.json', credential: managerCredential })).code).toBe('VALIDATION');
    expect((await backend.err('backup.restore', { file: 'bestaat-niet.kopbackup', credential: managerCredential })).code).toBe('NOT_FOUND');
    expect(liveFiles(backend).keyring).toBe(before.keyring);
  });

  it('is for managers only; restoring without login only on a damaged database or a new PC', async () => {
    const { backend } = await managerWithData();
    const made = await backend.ok('backup.now', {});
    await backend.ok('auth.lock', { reason: 'user' });
    expect((await backend.err('recovery.listBackups', {})).code).toBe('FORBIDDEN');
    expect((await backend.err('recovery.restore', { file: made.file, credential: managerCredential })).code).toBe('FORBIDDEN');
    await backend.ok('auth.login', MANAGER);
    await loginAsStaff(backend);
    for (const method of ['backup.status', 'backup.now'] as const) expect((await backend.err(method, {})).code).toBe('FORBIDDEN');
  });

  it('chooses a folder (checked for writing), and reports one it cannot use at the field', async () => {
    const { backend } = await managerWithData();
    const share = tempDir('kop-share-');
    const status = await backend.ok('backup.setFolder', { folder: path.join(share, 'locatie') });
    expect(status).toMatchObject({ folder: path.join(share, 'locatie'), folderIsDefault: false });
    const made = await backend.ok('backup.now', {});
    expect(fs.existsSync(path.join(share, 'locatie', made.file))).toBe(true);

    fs.writeFileSync(path.join(share, 'een-bestand'), 'x');
    const error = await backend.err('backup.setFolder', { folder: path.join(share, 'een-bestand', 'sub') });
    expect(error).toMatchObject({ code: 'VALIDATION', details: { folder: expect.stringMatching(/niet bereikbaar/) } });
    expect((await backend.err('backup.setFolder', { folder: 'relatief/pad' })).details).toEqual({ folder: 'Vul een volledig pad in.' });
    expect((await backend.ok('backup.status', {})).folder).toBe(path.join(share, 'locatie'));
  });

  it('makes the daily backup when the newest is a day old, and records a failure for the status page', async () => {
    let now = new Date('2026-03-02T08:00:00Z');
    const backend = makeBackend(undefined, { now: () => now });
    await setUpLocation(backend);
    const share = tempDir('kop-share-');
    await backend.ok('backup.setFolder', { folder: share });
    expect((await runDailyBackupIfDue(backend.core))?.reason).toBe('daily');
    now = new Date('2026-03-02T17:00:00Z');
    expect(await runDailyBackupIfDue(backend.core)).toBeNull();
    now = new Date('2026-03-03T08:00:01Z');
    expect((await runDailyBackupIfDue(backend.core))?.createdAt).toBe(now.toISOString());

    // The chosen share disappears: the failure is shown on the Back-ups page, nothing crashes.
    fs.rmSync(share, { recursive: true });
    fs.writeFileSync(share, 'geen map meer');
    now = new Date('2026-03-04T09:00:00Z');
    expect(await runDailyBackupIfDue(backend.core)).toBeNull();
    expect(backupStatus(backend.core).lastError).toEqual({ at: now.toISOString(), message: expect.stringMatching(/niet bereikbaar/) });
  });

  it('backs up before a migration changes an existing database, and audits it after', async () => {
    const backend = makeBackend();
    await setUpLocation(backend);
    await backend.ok('auth.lock', { reason: 'user' });
    const latest = Object.keys(migrations).at(-1)!;
    migrations['9999_test_only'] = { up: async (db) => void (await sql`CREATE TABLE test_only (x TEXT)`.execute(db)) };
    try {
      await backend.ok('auth.login', MANAGER);
    } finally {
      delete migrations['9999_test_only'];
    }
    const [backup] = (await backend.ok('backup.status', {})).backups;
    expect(backup).toMatchObject({ reason: 'migration', schemaVersion: latest });
    const row = backend.core.sqlite().prepare("SELECT details FROM audit_log WHERE action = 'backup.create'").get() as { details: string };
    expect(JSON.parse(row.details)).toEqual({ reason: 'migration', fromSchema: latest });
  });

  it('does not migrate when the backup before it fails, and leaves the database as it was', async () => {
    const backend = makeBackend();
    await setUpLocation(backend);
    const share = tempDir('kop-share-');
    await backend.ok('backup.setFolder', { folder: share });
    await backend.ok('auth.lock', { reason: 'user' });
    fs.rmSync(share, { recursive: true });
    fs.writeFileSync(share, 'geen map');
    const before = sha256File(backend.core.dbFile);
    migrations['9999_test_only'] = { up: async (db) => void (await sql`CREATE TABLE test_only (x TEXT)`.execute(db)) };
    try {
      const error = await backend.err('auth.login', MANAGER);
      expect(error.message).toMatch(/^Voor de database-update kon geen back-up worden gemaakt; de update is niet uitgevoerd/);
    } finally {
      delete migrations['9999_test_only'];
    }
    expect(sha256File(backend.core.dbFile)).toBe(before);
    expect(backend.core.isOpen).toBe(false);
  });

  it('exposes backupNow for the destruction run', async () => {
    const { backend } = await managerWithData();
    const made = await backupNow(backend.core, 'destruction');
    expect(made.reason).toBe('destruction');
    expect((await backend.ok('backup.status', {})).backups[0]).toEqual(made);
  });
});

describe('backup rotation', () => {
  const at = (iso: string) => ({ createdAt: iso });

  it('keeps everything from the last 24 hours, the newest of 14 days and of 8 weeks', () => {
    const now = new Date('2026-06-30T12:00:00Z');
    // Two backups a day for 90 days.
    const backups = Array.from({ length: 180 }, (_, i) => at(new Date(now.getTime() - i * 12 * 3_600_000 - 60_000).toISOString()));
    const keep = backupsToKeep(backups, now);
    const kept = backups.filter((b) => keep.has(b));
    const days = new Set(kept.map((b) => b.createdAt.slice(0, 10)));
    // Last 24 h: 2 backups; then one per day for 14 days; then weekly (newest of each week).
    expect(kept.filter((b) => now.getTime() - Date.parse(b.createdAt) < 86_400_000)).toHaveLength(2);
    expect(kept.length).toBeLessThanOrEqual(2 + 14 + 8);
    expect(days.size).toBeGreaterThanOrEqual(14);
    const oldest = kept.at(-1)!.createdAt;
    expect(Date.parse(oldest)).toBeGreaterThan(now.getTime() - 8 * 7 * 86_400_000);
    expect(Date.parse(oldest)).toBeLessThan(now.getTime() - 6 * 7 * 86_400_000);
  });

  // Issue 14 §5 replaces the old rule "never removes the only backups there are": destroyed data
  // may live in a backup for at most 8 weeks, so age wins even over the last backups left.
  it('removes backups older than 8 weeks even when they are the only ones', () => {
    const now = new Date('2026-06-30T12:00:00Z');
    const old = [at('2025-01-01T00:00:00.000Z'), at('2024-01-01T00:00:00.000Z')];
    expect(backupsToKeep(old, now).size).toBe(0);
  });
});
