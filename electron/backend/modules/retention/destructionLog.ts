import { createHash } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { DestructionCategory } from '../../../../shared/api/retention.schemas';
import { DATA_MAP, type TableEntry } from '../../../../shared/dataMap';
import { SyncedEntity } from '../../../../shared/sync/protocol';
import type { Database, Trx } from '../../db/schema';
import { requeueAfterErasure } from '../../sync/outbox';
import { entryKey, queueForMirror, type DestructionEntry } from '../backup/destructionMirror';
import { CATEGORIES } from './categories';
import { ensureDefaultPolicies, loadPolicies } from './policies';
import { allIds, clearColumns, destructionLogEntries, eraseRows, insertLogEntries } from './retention.repository';

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
 */
export type DestroyedTarget =
  | { kind: 'record'; category: DestructionCategory }
  | { kind: 'rows'; entity: SyncedEntity }
  | { kind: 'columns'; entity: SyncedEntity; columns: readonly string[] };

export function targetKey(target: DestroyedTarget): string {
  switch (target.kind) {
    case 'record':
      return target.category;
    case 'rows':
      return `rows:${target.entity}`;
    case 'columns':
      return `columns:${target.entity}:${[...target.columns].sort().join(',')}`;
  }
}

/** The inverse of targetKey; null for anything this version does not know. */
export function parseTargetKey(key: string): DestroyedTarget | null {
  const [kind, entity, columns] = key.split(':');
  if (entity === undefined) {
    const category = CATEGORIES.find((c) => c.key === kind);
    return category ? { kind: 'record', category: category.key } : null;
  }
  const synced = SyncedEntity.safeParse(entity);
  if (!synced.success) return null;
  if (kind === 'rows' && columns === undefined) return { kind: 'rows', entity: synced.data };
  if (kind === 'columns' && columns) {
    const list = columns.split(',');
    return personalColumns(synced.data, list) ? { kind: 'columns', entity: synced.data, columns: list } : null;
  }
  return null;
}

/** True when every column is personal data of the table in the data map (nothing else may be emptied from a log line). */
function personalColumns(entity: SyncedEntity, columns: readonly string[]): boolean {
  const entry = (DATA_MAP as Readonly<Record<string, TableEntry>>)[entity];
  if (entry?.kind !== 'personal') return false;
  const personal = new Set(entry.groups.flatMap((g) => g.columns));
  return columns.length > 0 && columns.every((c) => personal.has(c));
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
export const ERASURE_POLICY_KEY = 'avg_erasure';

/** Logs what an AVG erasure removed: which kind, hashed ids, when — not who it was. */
export async function recordErasure(trx: Trx, target: DestroyedTarget, ids: readonly string[], now: Date): Promise<void> {
  const key = targetKey(target);
  const executedAt = now.toISOString();
  await recordDestroyed(
    trx,
    ids.map((id) => ({ run_id: null, category: key, subject_hash: destroyedHash(target, id), policy_key: ERASURE_POLICY_KEY, due_date: '', executed_at: executedAt, executed_by_name: '' })),
  );
}

export interface RedestroyCounts {
  /** Retention-category records destroyed again (households, case files …). */
  records: number;
  /** Rows erased again. */
  rows: number;
  /** Rows whose erased columns were emptied again. */
  cleared: number;
  /** Log entries carried over into the restored database. */
  logged: number;
}

/**
 * Right after a restore, before the database is used: destroys again every record of the restored
 * database that the log (`entries`: the mirror, plus the replaced database's log) says was
 * destroyed or erased at or after `since` (the backup's creation), then writes those entries into
 * the restored log. Retention categories go first, in the engine's order (case files before the
 * households that wait for them), then erasures in the order they happened.
 */
export async function redestroyAfterRestore(trx: Trx, entries: readonly DestructionEntry[], since: string, now: Date): Promise<RedestroyCounts> {
  const counts: RedestroyCounts = { records: 0, rows: 0, cleared: 0, logged: 0 };
  const after = entries.filter((e) => e.executedAt >= since);
  if (after.length === 0) return counts;
  const byTarget = new Map<string, { target: DestroyedTarget; hashes: Set<string> }>();
  for (const e of after) {
    const target = parseTargetKey(e.category);
    // A kind this version cannot destroy again must not be skipped silently: the restore is undone.
    if (!target) throw new Error(`unknown destruction log category ${e.category}`);
    const group = byTarget.get(e.category) ?? { target, hashes: new Set<string>() };
    group.hashes.add(e.hash);
    byTarget.set(e.category, group);
  }
  const matching = (target: DestroyedTarget, ids: readonly string[], hashes: Set<string>) => ids.filter((id) => hashes.has(destroyedHash(target, id)));

  await ensureDefaultPolicies(trx, now);
  const policies = await loadPolicies(trx);
  for (const cat of CATEGORIES) {
    const group = byTarget.get(cat.key);
    if (!group) continue;
    const ids = matching(
      group.target,
      (await cat.candidates(trx, policies)).map((c) => c.id),
      group.hashes,
    );
    if (ids.length > 0) await cat.destroy(trx, ids, now);
    counts.records += ids.length;
  }
  for (const { target, hashes } of byTarget.values()) {
    if (target.kind === 'record') continue;
    const ids = matching(target, await allIds(trx, target.entity), hashes);
    if (ids.length === 0) continue;
    if (target.kind === 'rows') {
      await eraseRows(trx, target.entity, ids, now);
      counts.rows += ids.length;
    } else {
      await clearColumns(trx, target.entity, target.columns, ids);
      for (const id of ids) await requeueAfterErasure(trx, target.entity, id, now);
      counts.cleared += ids.length;
    }
  }

  const present = new Set((await destructionLogEntries(trx, since)).map(entryKey));
  const missing = [...new Map(after.filter((e) => !present.has(entryKey(e))).map((e) => [entryKey(e), e])).values()];
  // Carried over without run, rule or name: the mirror holds none of them (the replaced database's log still does).
  await insertLogEntries(
    trx,
    missing.map((e) => ({ run_id: null, category: e.category, subject_hash: e.hash, policy_key: '', due_date: '', executed_at: e.executedAt, executed_by_name: '' })),
  );
  counts.logged = missing.length;
  return counts;
}
