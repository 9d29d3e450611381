import { DATA_MAP, type TableEntry } from '../../../../shared/dataMap';
import { SyncedEntity } from '../../../../shared/sync/protocol';
import type { Trx } from '../../db/schema';
import { entryKey, type DestructionEntry } from '../backup/destructionMirror';
import { activeHolds } from '../holds/holds.repository';
import { CATEGORIES } from './categories';
import { newMemo } from './categories/category';
import { destroyedHash, type DestroyedTarget } from './destructionLog';
import { ensureDefaultPolicies, loadPolicies } from './policies';
import { allIds, clearColumns, destructionLogEntries, eraseRows, insertLogEntries } from './retention.repository';

/** The inverse of targetKey; null for anything this version does not know. */
function parseTargetKey(key: string): DestroyedTarget | null {
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
  const holds = await activeHolds(trx);
  const memo = newMemo();
  for (const cat of CATEGORIES) {
    const group = byTarget.get(cat.key);
    if (!group) continue;
    const ids = matching(
      group.target,
      (await cat.candidates(trx, policies, undefined, holds, memo)).map((c) => c.id),
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
      await clearColumns(trx, target.entity, ids, target.columns, now);
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
