import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { fsyncDir, writeFileAtomic } from '../../db/files';

/**
 * A mirror of the destruction log (vernietigingslogboek) outside the database, in the data folder:
 * one JSON line per destroyed or erased record — what kind it was (category or table), a SHA-256
 * of kind and internal id, and when. No names, no ids in the clear, nothing else.
 *
 * It exists for the restore: a backup restored after a destruction would bring the destroyed
 * records back, and when the current database is damaged its own log cannot be read. The restore
 * reads this file and destroys again every record of the backup whose hash it lists.
 *
 * Append-only: each destruction appends its lines after its transaction commits and fsyncs them.
 * Should the app stop between commit and append, the next unlock copies the missing entries from
 * the database's log (reconcileMirror), so the file converges on the log. The one rewrite is the
 * pruning at the end of each automatic run (pruneMirror, retention/destructionLog.ts): entries
 * past the log's own rule that no kept backup can need go, as they go from the log itself.
 */
export interface DestructionEntry {
  /** The retention category ('household') or what an erasure removed ('rows:children', 'columns:parents:email,phone'). */
  category: string;
  /** SHA-256 hex of `<category or table>:<internal id>`. */
  hash: string;
  /** ISO instant of the destruction. */
  executedAt: string;
}

const Line = z.object({
  category: z.string().regex(/^[a-z0-9_]+(:[a-z0-9_]+(:[a-z0-9_,]+)?)?$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  executedAt: z.iso.datetime(),
});

export const mirrorFile = (dataDir: string) => path.join(dataDir, 'vernietigd.jsonl');

export const entryKey = (e: DestructionEntry) => `${e.category} ${e.hash} ${e.executedAt}`;

/** Appends entries and fsyncs them before returning. A torn last line (crash mid-write) is closed first. */
export function appendToMirror(dataDir: string, entries: readonly DestructionEntry[]): void {
  if (entries.length === 0) return;
  const file = mirrorFile(dataDir);
  const isNew = !fs.existsSync(file);
  const fd = fs.openSync(file, 'a+', 0o600);
  try {
    const size = fs.fstatSync(fd).size;
    let prefix = '';
    if (size > 0) {
      const last = Buffer.alloc(1);
      fs.readSync(fd, last, 0, 1, size - 1);
      if (last[0] !== 0x0a) prefix = '\n';
    }
    const text = prefix + entries.map((e) => `${JSON.stringify({ category: e.category, hash: e.hash, executedAt: e.executedAt })}\n`).join('');
    fs.writeSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  if (isNew) fsyncDir(dataDir);
}

/** Every well-formed entry, in the order written; damaged lines are skipped. */
export function readMirror(dataDir: string): DestructionEntry[] {
  let text: string;
  try {
    text = fs.readFileSync(mirrorFile(dataDir), 'utf8');
  } catch {
    return [];
  }
  const out: DestructionEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      continue;
    }
    const entry = Line.safeParse(parsed);
    if (entry.success) out.push(entry.data);
  }
  return out;
}

/**
 * Rewrites the mirror without the entries `drop` says are no longer needed (and without damaged
 * lines), atomically: a temp file, fsynced, renamed over the mirror — a crash leaves the old
 * file or the new one, never half of it. Returns how many entries went; unchanged file when none.
 */
export function pruneMirror(dataDir: string, drop: (entry: DestructionEntry) => boolean): number {
  const file = mirrorFile(dataDir);
  if (!fs.existsSync(file)) return 0;
  const entries = readMirror(dataDir);
  const kept = entries.filter((e) => !drop(e));
  if (kept.length === entries.length) return 0;
  writeFileAtomic(file, Buffer.from(kept.map((e) => `${JSON.stringify({ category: e.category, hash: e.hash, executedAt: e.executedAt })}\n`).join(''), 'utf8'));
  return entries.length - kept.length;
}

/** Appends the database log's entries the mirror lacks (after a crash between commit and append, or a restore on a new PC). */
export function reconcileMirror(dataDir: string, inDatabase: readonly DestructionEntry[]): number {
  if (inDatabase.length === 0) return 0;
  const have = new Set(readMirror(dataDir).map(entryKey));
  const missing = inDatabase.filter((e) => !have.has(entryKey(e)));
  appendToMirror(dataDir, missing);
  return missing.length;
}

// ---- Entries waiting for their transaction to commit ---------------------------------------

const queued = new WeakMap<object, DestructionEntry[]>();

/** Called with the transaction the log rows were written in; AppCore.transaction appends them once it commits. */
export function queueForMirror(trx: object, entries: readonly DestructionEntry[]): void {
  if (entries.length === 0) return;
  const list = queued.get(trx);
  if (list) list.push(...entries);
  else queued.set(trx, [...entries]);
}

/** The entries queued in a transaction (and forgets them). */
export function takeQueued(trx: object): DestructionEntry[] {
  const list = queued.get(trx) ?? [];
  queued.delete(trx);
  return list;
}
