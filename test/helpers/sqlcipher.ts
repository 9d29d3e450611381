import { createDecipheriv } from 'node:crypto';
import fs from 'node:fs';

/**
 * Decrypts every page of a SQLCipher 4 database file (or the page images in its WAL) with the raw
 * key, so a test can search the real bytes on disk — free pages and slack space included — for
 * data that should be gone. SQLCipher 4 defaults: 4096-byte pages, AES-256-CBC, 80 reserved bytes
 * at the end of each page (16-byte IV + 64-byte HMAC-SHA512); page 1 starts with the 16-byte salt.
 */
const PAGE = 4096;
const RESERVE = 80;

function decryptPage(page: Buffer, pageNumber: number, key: Buffer): Buffer {
  const offset = pageNumber === 1 ? 16 : 0;
  const iv = page.subarray(PAGE - RESERVE, PAGE - RESERVE + 16);
  const decipher = createDecipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
  return Buffer.concat([decipher.update(page.subarray(offset, PAGE - RESERVE)), decipher.final()]);
}

/** The plaintext of every page in a database file (`.db` or a backup copy). */
export function decryptDatabaseFile(file: string, key: Buffer): Buffer {
  if (!fs.existsSync(file)) return Buffer.alloc(0);
  const bytes = fs.readFileSync(file);
  const pages: Buffer[] = [];
  for (let i = 0; i + PAGE <= bytes.length; i += PAGE) pages.push(decryptPage(bytes.subarray(i, i + PAGE), i / PAGE + 1, key));
  return Buffer.concat(pages);
}

/** The plaintext of every frame in a WAL file (32-byte header, then 24-byte frame header + page). */
export function decryptWalFile(file: string, key: Buffer): Buffer {
  if (!fs.existsSync(file)) return Buffer.alloc(0);
  const bytes = fs.readFileSync(file);
  const pages: Buffer[] = [];
  for (let i = 32; i + 24 + PAGE <= bytes.length; i += 24 + PAGE) pages.push(decryptPage(bytes.subarray(i + 24, i + 24 + PAGE), bytes.readUInt32BE(i), key));
  return Buffer.concat(pages);
}

export const containsText = (plain: Buffer, text: string) => plain.includes(Buffer.from(text, 'utf8'));
