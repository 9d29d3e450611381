import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readBackupHeader } from '../../electron/backend/modules/backup/backup.file';
import type { TestBackend } from './backend';

/** The backup folder a backend uses while the manager has not chosen one. */
export const defaultFolder = (backend: TestBackend) => path.join(backend.dataDir, 'back-ups');

/** True when the text occurs in the file's bytes as UTF-8 or UTF-16 (SQLite stores either). */
export function fileContains(file: string, text: string): boolean {
  const bytes = fs.readFileSync(file);
  return bytes.includes(Buffer.from(text, 'utf8')) || bytes.includes(Buffer.from(text, 'utf16le'));
}

/** Flips bytes in place (XOR 0xff) at the given offsets. */
export function flipBytes(file: string, offsets: readonly number[]): void {
  const fd = fs.openSync(file, 'r+');
  try {
    for (const offset of offsets) {
      const byte = Buffer.alloc(1);
      fs.readSync(fd, byte, 0, 1, offset);
      byte[0] = byte[0]! ^ 0xff;
      fs.writeSync(fd, byte, 0, 1, offset);
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** The decrypted pages of the database inside a `.kopbackup` file (the same key as the live database). */
export function backupPlaintext(file: string, key: Buffer, decrypt: (dbFile: string, key: Buffer) => Buffer): Buffer {
  const header = readBackupHeader(file);
  const dbPart = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kop-backup-db-')), 'backup.db');
  try {
    fs.writeFileSync(dbPart, fs.readFileSync(file).subarray(0, header.database.bytes));
    return decrypt(dbPart, key);
  } finally {
    fs.rmSync(path.dirname(dbPart), { recursive: true, force: true });
  }
}
