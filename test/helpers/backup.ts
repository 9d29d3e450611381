import fs from 'node:fs';
import path from 'node:path';
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
