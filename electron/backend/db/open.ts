import fs from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { AppError } from '../../../shared/api/result';
import { msg } from '../../../shared/i18n/translate';

export type SqliteDb = Database.Database;

export const DB_KEY_BYTES = 32;

/**
 * Opens (or creates) the location database, encrypted in SQLCipher-4 format with a raw 32-byte key.
 * The cipher settings and the key come before any other statement; a wrong key is detected by
 * reading the schema, and the connection is closed again so nothing is written.
 */
export function openEncryptedDatabase(file: string, key: Buffer, options: { readonly?: boolean } = {}): SqliteDb {
  if (key.length !== DB_KEY_BYTES) throw new Error('database key must be 32 bytes');
  // Create the file owner-only before SQLite does; the -wal and -shm files inherit its mode.
  if (!options.readonly) fs.closeSync(fs.openSync(file, 'a', 0o600));
  const db = new Database(file, { readonly: options.readonly === true, fileMustExist: options.readonly === true });
  try {
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    db.pragma(`key="x'${key.toString('hex')}'"`);
    try {
      db.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch {
      throw new AppError('LOCKED', msg('security.wrongDatabaseKey'));
    }
    // A read-only connection (checks, the support CLI) changes nothing, not even the journal mode.
    if (options.readonly) return db;
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('secure_delete = ON');
    db.pragma('temp_store = MEMORY');
    // Every page is decrypted when read: a 64 MiB page cache (default 2 MiB) keeps a large
    // location's working set decrypted, so index lookups over 100k households do not read and
    // decrypt the same pages again (memory is only taken as pages are used).
    db.pragma('cache_size = -65536');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Plain SQLite's file header; an encrypted file must not start with it. */
export const PLAIN_SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export function readCipherInfo(db: SqliteDb) {
  const one = (sql: string) => Object.values(db.prepare(sql).get() as Record<string, unknown>)[0];
  return {
    cipher: String(db.pragma('cipher', { simple: true })),
    legacy: Number(db.pragma('legacy', { simple: true })),
    sqlite3mcVersion: String(one('SELECT sqlite3mc_version()')),
    sqliteVersion: String(one('SELECT sqlite_version()')),
    secureDelete: Number(db.pragma('secure_delete', { simple: true })) === 1,
    journalMode: String(db.pragma('journal_mode', { simple: true })),
  };
}
