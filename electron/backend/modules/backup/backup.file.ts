import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { BackupReason } from '../../../../shared/api/backup.contract';
import { AppError } from '../../../../shared/api/result';
import { msg } from '../../../../shared/i18n/translate';
import { fsyncDir } from '../../db/files';
import { KeyringFile } from '../../db/keyring';
import type { SqliteDb } from '../../db/open';

/**
 * One backup is one file, so it can be copied to a share or a USB stick and taken to another PC:
 *
 *   [SQLCipher database, encrypted with the database key][header JSON][uint32 BE header length][MAGIC]
 *
 * The database part is written by `VACUUM INTO` on the keyed connection, which produces an
 * encrypted copy (better-sqlite3's `backup()` refuses a keyed source). The header carries the
 * keyring slots — the database key wrapped per user password and for the herstelsleutel, never in
 * clear — and a SHA-256 of the database part. Nothing in the file is readable without a password
 * or the herstelsleutel, apart from the location name, date and reason.
 */
export const BACKUP_EXTENSION = '.kopbackup';
const MAGIC = Buffer.from('KOPBAK1\n', 'latin1');
const TRAILER_BYTES = 4 + MAGIC.length;
const MAX_HEADER_BYTES = 1024 * 1024;
const CHUNK = 1024 * 1024;

export const BackupHeader = z.object({
  format: z.literal(1),
  createdAt: z.string(),
  reason: BackupReason,
  schemaVersion: z.string(),
  keyring: KeyringFile,
  database: z.object({ bytes: z.number().int().positive(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
});
export type BackupHeader = z.infer<typeof BackupHeader>;

const NOT_A_BACKUP = msg('backup.notABackup');

/** `back-up-2026-11-25T12-03-01-123Z-daily.kopbackup`: sorts by time, readable in a file manager. */
export function backupFileName(createdAt: Date, reason: BackupReason): string {
  return `back-up-${createdAt.toISOString().replace(/[:.]/g, '-')}-${reason}${BACKUP_EXTENSION}`;
}

/** SQL string literal for a file path (VACUUM INTO takes no bound parameters for its target). */
const sqlString = (value: string) => `'${value.replace(/'/g, "''")}'`;

/**
 * Writes the backup next to its final name, fsyncs it and renames it into place, so a backup in
 * the folder is always complete. Must not run inside a transaction (VACUUM cannot).
 */
export function writeBackupFile(sqlite: SqliteDb, target: string, header: Omit<BackupHeader, 'database'>): { sizeBytes: number } {
  const tmp = `${target}.${process.pid}.tmp`;
  fs.rmSync(tmp, { force: true });
  try {
    sqlite.exec(`VACUUM INTO ${sqlString(tmp)}`);
    const fd = fs.openSync(tmp, 'r+');
    try {
      const bytes = fs.fstatSync(fd).size;
      const hash = createHash('sha256');
      const buffer = Buffer.allocUnsafe(CHUNK);
      for (let position = 0; position < bytes; ) {
        const read = fs.readSync(fd, buffer, 0, CHUNK, position);
        hash.update(buffer.subarray(0, read));
        position += read;
      }
      const json = Buffer.from(JSON.stringify({ ...header, database: { bytes, sha256: hash.digest('hex') } }), 'utf8');
      const length = Buffer.alloc(4);
      length.writeUInt32BE(json.length);
      fs.writeSync(fd, Buffer.concat([json, length, MAGIC]), 0, json.length + TRAILER_BYTES, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, target);
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    throw error;
  }
  fsyncDir(path.dirname(target));
  return { sizeBytes: fs.statSync(target).size };
}

/** Reads and validates the header; throws a VALIDATION error for anything else. */
export function readBackupHeader(file: string): BackupHeader {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    if (size < TRAILER_BYTES) throw new AppError('VALIDATION', NOT_A_BACKUP);
    const trailer = Buffer.alloc(TRAILER_BYTES);
    fs.readSync(fd, trailer, 0, TRAILER_BYTES, size - TRAILER_BYTES);
    if (!trailer.subarray(4).equals(MAGIC)) throw new AppError('VALIDATION', NOT_A_BACKUP);
    const length = trailer.readUInt32BE(0);
    if (length > MAX_HEADER_BYTES || length > size - TRAILER_BYTES) throw new AppError('VALIDATION', NOT_A_BACKUP);
    const json = Buffer.alloc(length);
    fs.readSync(fd, json, 0, length, size - TRAILER_BYTES - length);
    let parsed: unknown;
    try {
      parsed = JSON.parse(json.toString('utf8'));
    } catch {
      throw new AppError('VALIDATION', NOT_A_BACKUP);
    }
    const header = BackupHeader.safeParse(parsed);
    if (!header.success || header.data.database.bytes !== size - TRAILER_BYTES - length) throw new AppError('VALIDATION', NOT_A_BACKUP);
    return header.data;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Copies the database part to `dest`, checking its SHA-256 on the way: a backup damaged on the
 * share is refused before SQLite ever sees it.
 */
export function extractDatabase(file: string, header: BackupHeader, dest: string): void {
  const input = fs.openSync(file, 'r');
  const output = fs.openSync(dest, 'wx', 0o600);
  try {
    const hash = createHash('sha256');
    const buffer = Buffer.allocUnsafe(CHUNK);
    for (let position = 0; position < header.database.bytes; ) {
      const read = fs.readSync(input, buffer, 0, Math.min(CHUNK, header.database.bytes - position), position);
      if (read === 0) throw new AppError('VALIDATION', NOT_A_BACKUP);
      hash.update(buffer.subarray(0, read));
      fs.writeSync(output, buffer, 0, read);
      position += read;
    }
    if (hash.digest('hex') !== header.database.sha256) {
      throw new AppError('VALIDATION', msg('backup.checksumMismatch'));
    }
    fs.fsyncSync(output);
  } finally {
    fs.closeSync(input);
    fs.closeSync(output);
  }
}
