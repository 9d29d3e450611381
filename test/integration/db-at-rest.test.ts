import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3-multiple-ciphers';
import { openEncryptedDatabase, PLAIN_SQLITE_HEADER } from '../../electron/backend/db/open';
import { makeBackend, setUpLocation, snapshotDir, tempDir } from '../helpers/backend';

// A name that occurs nowhere else, written as a user's display name (names are not in the keyring).
const CANARY = 'Kanarie Zwavelzuurpietje';

function containsCanary(file: string): boolean {
  if (!fs.existsSync(file)) return false;
  const bytes = fs.readFileSync(file);
  return bytes.includes(Buffer.from(CANARY, 'utf8')) || bytes.includes(Buffer.from(CANARY, 'utf16le'));
}

async function backendWithCanary() {
  const backend = makeBackend();
  await setUpLocation(backend);
  await backend.ok('users.create', { name: CANARY, username: 'kanarie', password: 'Regenboog-Stoel-77', roles: ['staff'] });
  return backend;
}

describe('database at rest', () => {
  it('never holds the canary in the .db, -wal or -shm bytes, before and after a checkpoint', async () => {
    const backend = await backendWithCanary();
    const db = backend.core.dbFile;
    // Sanity: the canary really is in the database.
    const users = await backend.ok('users.list', {});
    expect(users.map((u) => u.name)).toContain(CANARY);
    expect(fs.existsSync(`${db}-wal`)).toBe(true);

    for (const file of [db, `${db}-wal`, `${db}-shm`]) expect(containsCanary(file), file).toBe(false);
    backend.core.sqlite().pragma('wal_checkpoint(TRUNCATE)');
    for (const file of [db, `${db}-wal`, `${db}-shm`]) expect(containsCanary(file), file).toBe(false);
    await backend.close();
    for (const file of fs.readdirSync(backend.dataDir)) expect(containsCanary(path.join(backend.dataDir, file)), file).toBe(false);
  });

  it('does not start with the SQLite header and cannot be read by plain SQLite', async () => {
    const backend = await backendWithCanary();
    await backend.ok('auth.lock', { reason: 'user' });
    const file = backend.core.dbFile;
    expect(fs.readFileSync(file).subarray(0, 16).equals(PLAIN_SQLITE_HEADER)).toBe(false);
    const plain = new Database(file, { readonly: true, fileMustExist: true });
    expect(() => plain.prepare('SELECT * FROM sqlite_master').all()).toThrow(/not a database/);
    plain.close();
  });

  it('opens in stock SQLCipher 4 (@journeyapps/sqlcipher) with the raw key', async () => {
    const backend = await backendWithCanary();
    const key = Buffer.from(backend.core.dbKey()).toString('hex');
    await backend.ok('auth.lock', { reason: 'user' });

    const sqlcipher = await import('@journeyapps/sqlcipher');
    const names = await new Promise<string[]>((resolve, reject) => {
      const db = new sqlcipher.default.Database(backend.core.dbFile);
      db.serialize(() => {
        db.run(`PRAGMA key = "x'${key}'"`);
        db.all('SELECT name FROM users ORDER BY name', (error: Error | null, rows: { name: string }[]) => {
          db.close();
          if (error) reject(error);
          else resolve(rows.map((r) => r.name));
        });
      });
    });
    expect(names).toEqual(['Anna de Vries', CANARY]);
  });

  it('refuses a wrong key with a clear error and leaves every file unchanged', async () => {
    const backend = await backendWithCanary();
    await backend.ok('auth.lock', { reason: 'user' });
    const before = snapshotDir(backend.dataDir);
    expect(() => openEncryptedDatabase(backend.core.dbFile, Buffer.alloc(32, 7))).toThrow('De database kan met deze sleutel niet worden geopend.');
    expect(snapshotDir(backend.dataDir)).toEqual(before);
  });

  it('creates database files readable by the owner only', async () => {
    const dir = tempDir();
    const backend = makeBackend(dir);
    await setUpLocation(backend);
    if (process.platform !== 'win32') {
      for (const name of ['locatie.db', 'sleutels.json']) expect(fs.statSync(path.join(dir, name)).mode & 0o077, name).toBe(0);
    }
  });

  it('runs with the required pragmas', async () => {
    const backend = makeBackend();
    await setUpLocation(backend);
    const sqlite = backend.core.sqlite();
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('secure_delete', { simple: true })).toBe(1);
    expect(sqlite.pragma('temp_store', { simple: true })).toBe(2); // MEMORY
    expect(sqlite.pragma('cipher', { simple: true })).toBe('sqlcipher');
  });
});
