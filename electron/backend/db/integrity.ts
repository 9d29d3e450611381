import fs from 'node:fs';
import { PLAIN_SQLITE_HEADER, openEncryptedDatabase, type SqliteDb } from './open';

/** What is wrong with a database file that the right key does not open cleanly. */
export interface DatabaseProblem {
  kind: 'missing' | 'unreadable' | 'damaged' | 'unencrypted';
  /** SQLite's own words (English, for head-office IT); the UI explains the kind in Dutch. */
  detail: string;
}

/**
 * Checks a database file with a key that is known to be right (the keyring's key id matched),
 * so any failure means damage, not a wrong password. The connection is read-only: a damaged
 * file is never written to, not even by a WAL checkpoint.
 *
 * `quick` reads and authenticates every page (SQLCipher's per-page HMAC) and checks each
 * table's structure; `full` also cross-checks every index against its table.
 */
export function checkDatabaseFile(file: string, key: Buffer, depth: 'quick' | 'full'): DatabaseProblem | null {
  if (!fs.existsSync(file)) return { kind: 'missing', detail: 'database file not found' };
  const header = Buffer.alloc(PLAIN_SQLITE_HEADER.length);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, header, 0, header.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (header.equals(PLAIN_SQLITE_HEADER)) return { kind: 'unencrypted', detail: 'file starts with the plain SQLite header' };
  const removeLeftovers = readOnlyLeftovers(file);
  try {
    let db: SqliteDb;
    try {
      db = openEncryptedDatabase(file, key, { readonly: true });
    } catch (error) {
      return { kind: 'unreadable', detail: error instanceof Error ? error.message : String(error) };
    }
    try {
      return integrityProblem(db, depth);
    } finally {
      db.close();
    }
  } finally {
    removeLeftovers();
  }
}

/**
 * A read-only connection to a WAL database still creates empty -wal/-shm files. Call before
 * opening; the returned function (after closing) removes those the connection created, so a
 * check leaves the folder exactly as it found it.
 */
export function readOnlyLeftovers(file: string): () => void {
  const absent = [`${file}-wal`, `${file}-shm`].filter((f) => !fs.existsSync(f));
  return () => {
    for (const sidecar of absent) {
      if (fs.existsSync(sidecar) && (sidecar.endsWith('-shm') || fs.statSync(sidecar).size === 0)) fs.rmSync(sidecar);
    }
  };
}

/** Runs SQLite's integrity check on an open connection; null when it reports "ok". */
function integrityProblem(db: SqliteDb, depth: 'quick' | 'full'): DatabaseProblem | null {
  try {
    const rows = db.pragma(depth === 'quick' ? 'quick_check(20)' : 'integrity_check(20)') as Record<string, string>[];
    const messages = rows.map((row) => Object.values(row)[0] ?? '');
    return messages.length === 1 && messages[0] === 'ok' ? null : { kind: 'damaged', detail: messages.join('; ') };
  } catch (error) {
    return { kind: 'damaged', detail: error instanceof Error ? error.message : String(error) };
  }
}
