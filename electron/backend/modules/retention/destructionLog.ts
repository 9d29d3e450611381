import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { Insertable } from 'kysely';
import type { DestructionCategory } from '../../../../shared/api/retention.schemas';
import { destructionDate } from '../../../../shared/domain/retention';
import type { SyncedEntity } from '../../../../shared/sync/protocol';
import type { Database, DbOrTrx, Trx } from '../../db/schema';
import { backupFolder } from '../backup/backup.config';
import { listBackups } from '../backup/backup.service';
import { entryKey, pruneMirror, queueForMirror, readMirror } from '../backup/destructionMirror';
import type { AnyPolicy } from './policies';
import { destructionLogEntries, insertLogEntries } from './retention.repository';

/**
 * What the destruction log (vernietigingslogboek) records, for the retention run and for AVG
 * erasure alike, so that a restored backup can be brought back in line (issue 14 §5: a restore
 * never brings back what was destroyed). Each entry names a kind of thing and a SHA-256 of that
 * kind and the internal id — never the id itself:
 *
 * - a retention category's record (`household`, `meldcode`, … — any key in CATEGORIES): destroyed
 *   again through that category's own `destroy`, so a new category works without changes here;
 * - rows an erasure deleted (`rows:<table>`): erased again with the erase primitive (rows, queued
 *   payloads, conflict copies, tombstones);
 * - columns an erasure emptied (`columns:<table>:<col>,<col>`): emptied again, only columns the
 *   data map lists as personal data of that table.
 *
 * Destroying again is in redestroy.ts (it needs every category, and with them the PDF code).
 */
export type DestroyedTarget =
  | { kind: 'record'; category: DestructionCategory }
  | { kind: 'rows'; entity: SyncedEntity }
  | { kind: 'columns'; entity: SyncedEntity; columns: readonly string[] };

function targetKey(target: DestroyedTarget): string {
  switch (target.kind) {
    case 'record':
      return target.category;
    case 'rows':
      return `rows:${target.entity}`;
    case 'columns':
      return `columns:${target.entity}:${[...target.columns].sort().join(',')}`;
  }
}

const hashPrefix = (target: DestroyedTarget) => (target.kind === 'record' ? target.category : target.entity);

/** SHA-256 of `<category or table>:<id>`: the log can show that a record went, not whose it was. */
export const destroyedHash = (target: DestroyedTarget, id: string) => createHash('sha256').update(`${hashPrefix(target)}:${id}`).digest('hex');

type LogRow = Insertable<Database['destruction_log']>;

/** Writes log rows in the destruction's transaction; their mirror lines follow once it commits (AppCore.transaction). */
export async function recordDestroyed(trx: Trx, rows: readonly LogRow[]): Promise<void> {
  if (rows.length === 0) return;
  await insertLogEntries(trx, rows);
  queueForMirror(
    trx,
    rows.map((r) => ({ category: r.category, hash: r.subject_hash, executedAt: r.executed_at })),
  );
}

/** The policy key of log rows written by an AVG erasure (no destruction run, no due date). */
const ERASURE_POLICY_KEY = 'avg_erasure';

/** Logs what an AVG erasure removed: which kind, hashed ids, when and by whom (the user who executed the request) — not whose data they were. */
export async function recordErasure(trx: Trx, target: DestroyedTarget, ids: readonly string[], now: Date, executedByName: string): Promise<void> {
  const key = targetKey(target);
  const executedAt = now.toISOString();
  await recordDestroyed(
    trx,
    ids.map((id) => ({ run_id: null, category: key, subject_hash: destroyedHash(target, id), policy_key: ERASURE_POLICY_KEY, due_date: '', executed_at: executedAt, executed_by_name: executedByName })),
  );
}

/**
 * Prunes the log's mirror outside the database (vernietigd.jsonl) as the log itself is purged
 * (purgeDestructionLog): an entry goes once the log's own rule has passed for it (from the day it
 * was written), the database's log no longer holds it, and it is older than the oldest backup in
 * the backup folder — a restore destroys again what was destroyed after that backup was made, so
 * every kept backup still finds its entries. A backup folder that cannot be read (a share that is
 * offline) might hold older backups: then nothing goes. Returns how many entries went.
 */
export async function pruneDestructionMirror(db: DbOrTrx, dataDir: string, policy: AnyPolicy, today: string): Promise<number> {
  const folder = backupFolder(dataDir).folder;
  try {
    fs.readdirSync(folder);
  } catch {
    return 0;
  }
  const oldestBackup = listBackups(folder).at(-1)?.createdAt;
  const past = readMirror(dataDir).filter((e) => destructionDate(policy, e.executedAt.slice(0, 10)) < today && (oldestBackup === undefined || Date.parse(e.executedAt) < Date.parse(oldestBackup)));
  if (past.length === 0) return 0;
  const inLog = new Set((await destructionLogEntries(db)).map(entryKey));
  const drop = new Set(past.map(entryKey).filter((key) => !inLog.has(key)));
  return drop.size === 0 ? 0 : pruneMirror(dataDir, (e) => drop.has(entryKey(e)));
}
