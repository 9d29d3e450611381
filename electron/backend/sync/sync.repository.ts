import type { Statement } from 'better-sqlite3-multiple-ciphers';
import { APPEND_ONLY, SEALED, type SyncedEntity } from '../../../shared/sync/protocol';
import type { SqliteDb } from '../db/open';
import type { SyncConflictsTable } from '../db/schema';
import { PRIMARY_KEY } from './outbox';

/**
 * The PC's side of sync at scale: raw prepared statements on the connection (better-sqlite3),
 * prepared once per connection and reused for every row of every page, instead of a Kysely query
 * built, compiled and prepared per row. The callers run them inside `core.transaction`, so a page
 * (or a push answer) commits or rolls back as a whole, together with the cursor.
 *
 * Table names come from the closed list of synced entities and column names from the table's own
 * schema (pragma_table_info); nothing from a payload ever becomes an identifier unchecked.
 */

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** An outbox row as a push batch needs it: the payload stays the stored JSON text. */
export interface OutboxRow {
  mutation_id: string;
  entity: string;
  entity_id: string;
  op: 'upsert' | 'delete';
  payload: string | null;
  base_version: number | null;
}

/** A head-office answer to store: the version a row now has at head office. */
export interface VersionUpdate {
  entityId: string;
  version: number;
}

/** A conflict or rejection as `sync_conflicts` keeps it (still unresolved). */
export type ConflictRow = Omit<SyncConflictsTable, 'resolved_at' | 'resolved_by' | 'resolution'>;

/** How to write a payload with these keys: which of them the table takes, and the statement. */
interface RowPlan {
  keys: string[];
  kept: string[];
  statement: Statement;
}

class SyncStatements {
  private readonly columns = new Map<SyncedEntity, Set<string>>();
  private readonly upserts = new Map<string, Statement>();
  private readonly deletes = new Map<SyncedEntity, Statement>();
  private readonly versions = new Map<SyncedEntity, Statement>();
  /** Per entity, how the last pulled row was written (see writePulledRow). */
  readonly plans = new Map<SyncedEntity, RowPlan>();
  readonly deferForeignKeys: Statement;
  readonly pendingKeys: Statement;
  readonly outboxHead: Statement;
  readonly anySendable: Statement;
  readonly ackOutbox: Statement;
  readonly rebaseQueued: Statement;
  readonly insertConflicts: Statement;
  /** Whether the connection runs in WAL mode (see withRelaxedCommit). */
  readonly wal: boolean;

  constructor(private readonly sqlite: SqliteDb) {
    this.wal = String(sqlite.pragma('journal_mode', { simple: true })).toLowerCase() === 'wal';
    // Rows of one page may reference each other in any order; keys are checked at commit.
    this.deferForeignKeys = sqlite.prepare('PRAGMA defer_foreign_keys = ON');
    this.pendingKeys = sqlite.prepare('SELECT DISTINCT entity, entity_id FROM outbox WHERE entity_id IN (SELECT value FROM json_each(?))').raw();
    // A row of a sealed entity still in clear (queued before this PC had the location's key) is
    // held back: it never leaves the PC unsealed, and goes out once the key is here and sealed it.
    const sealedList = [...SEALED].map((e) => `'${e}'`).join(', ');
    const sendable = `NOT (entity IN (${sealedList}) AND payload IS NOT NULL AND json_type(payload, '$."$sealed"') IS NULL)`;
    this.outboxHead = sqlite.prepare(`SELECT mutation_id, entity, entity_id, op, payload, base_version FROM outbox WHERE ${sendable} ORDER BY seq LIMIT ?`);
    this.anySendable = sqlite.prepare(`SELECT 1 FROM outbox WHERE ${sendable} LIMIT 1`);
    this.ackOutbox = sqlite.prepare('DELETE FROM outbox WHERE mutation_id IN (SELECT value FROM json_each(?))');
    this.rebaseQueued = sqlite.prepare(
      `UPDATE outbox SET base_version = answer.version
       FROM (SELECT value ->> '$[0]' AS entity, value ->> '$[1]' AS entity_id, value ->> '$[2]' AS version FROM json_each(?)) AS answer
       WHERE outbox.op = 'upsert' AND outbox.entity = answer.entity AND outbox.entity_id = answer.entity_id`,
    );
    this.insertConflicts = sqlite.prepare(
      `INSERT INTO sync_conflicts (id, kind, entity, entity_id, local_payload, server_payload, server_version, reason, created_at, resolved_at, resolved_by, resolution)
       SELECT value ->> 'id', value ->> 'kind', value ->> 'entity', value ->> 'entity_id', value ->> 'local_payload', value ->> 'server_payload',
              value ->> 'server_version', value ->> 'reason', value ->> 'created_at', NULL, NULL, NULL
       FROM json_each(?) ORDER BY key`,
    );
  }

  columnsOf(entity: SyncedEntity): Set<string> {
    let columns = this.columns.get(entity);
    if (!columns) {
      const rows = this.sqlite.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(entity) as string[];
      columns = new Set(rows);
      this.columns.set(entity, columns);
    }
    return columns;
  }

  /**
   * The upsert for a pulled row with exactly these payload columns (in this order), then the key,
   * location and version. On conflict the same columns (but the key) are overwritten; an append-only row only
   * takes the new version. Payloads of one entity have the same columns, so this is one statement
   * per entity in practice.
   *
   * A row this PC holds in a newer version than the change stays as it is: a pull answer that
   * arrives late (for an older cursor, or from before this PC's own edit was answered) never rolls
   * the row back, which would show older data and make the next edit of medical data a conflict.
   */
  upsert(entity: SyncedEntity, payloadColumns: string[]): Statement {
    const cacheKey = `${entity}\u0000${payloadColumns.join('\u0000')}`;
    let statement = this.upserts.get(cacheKey);
    if (!statement) {
      const columns = [...payloadColumns, PRIMARY_KEY[entity], 'location_id', 'version'];
      // The key is the conflict target, so it already holds that value; leaving it out of the SET also
      // spares SQLite the foreign-key work of a parent key that might change (a third of the cost).
      const update = APPEND_ONLY.has(entity) ? ['version'] : columns.filter((c) => c !== PRIMARY_KEY[entity]);
      // A row that already has this version holds this change (pulled before, or pushed from here and
      // given this version by the answer): it is left as it is, so its pages stay clean. This is
      // what a push round pulls back: its own rows.
      statement = this.sqlite.prepare(
        `INSERT INTO ${quote(entity)} (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})
         ON CONFLICT (${quote(PRIMARY_KEY[entity])}) DO UPDATE SET ${update.map((c) => `${quote(c)} = excluded.${quote(c)}`).join(', ')}
         WHERE ${quote(entity)}.version IS NULL OR excluded.version > ${quote(entity)}.version`,
      );
      this.upserts.set(cacheKey, statement);
    }
    return statement;
  }

  delete(entity: SyncedEntity): Statement {
    let statement = this.deletes.get(entity);
    if (!statement) {
      statement = this.sqlite.prepare(`DELETE FROM ${quote(entity)} WHERE ${quote(PRIMARY_KEY[entity])} = ?`);
      this.deletes.set(entity, statement);
    }
    return statement;
  }

  /** Head office's versions for acknowledged upserts, set only where this PC has nothing queued for the row any more. */
  setVersions(entity: SyncedEntity): Statement {
    let statement = this.versions.get(entity);
    if (!statement) {
      const table = quote(entity);
      const key = quote(PRIMARY_KEY[entity]);
      statement = this.sqlite.prepare(
        `UPDATE ${table} SET version = answer.version
         FROM (SELECT value ->> '$[0]' AS entity_id, value ->> '$[1]' AS version FROM json_each(?)) AS answer
         WHERE ${table}.${key} = answer.entity_id
           AND NOT EXISTS (SELECT 1 FROM outbox WHERE outbox.entity = ? AND outbox.entity_id = answer.entity_id)`,
      );
      this.versions.set(entity, statement);
    }
    return statement;
  }
}

const byConnection = new WeakMap<SqliteDb, SyncStatements>();

function statements(sqlite: SqliteDb): SyncStatements {
  let prepared = byConnection.get(sqlite);
  if (!prepared) {
    prepared = new SyncStatements(sqlite);
    byConnection.set(sqlite, prepared);
  }
  return prepared;
}

/**
 * Runs the work (one pulled page and the cursor after it, in one transaction) with its commit not
 * waiting for the disk: WAL with synchronous=NORMAL. A power cut can then lose the last committed
 * pages, but only whole, each with its cursor (one transaction): the PC pulls them again. An
 * application crash loses nothing. Every other write, the push answers included, keeps FULL. Only
 * in WAL mode: in a rollback journal NORMAL could damage the file on a power cut.
 */
export async function withRelaxedCommit<T>(sqlite: SqliteDb, work: () => Promise<T>): Promise<T> {
  if (!statements(sqlite).wal) return work();
  sqlite.pragma('synchronous = NORMAL');
  try {
    return await work();
  } finally {
    if (sqlite.open) sqlite.pragma('synchronous = FULL');
  }
}

export const deferForeignKeys = (sqlite: SqliteDb) => void statements(sqlite).deferForeignKeys.run();

/** `entity:id` of the rows among these ids that this PC still has its own queued change for. */
export function pendingKeys(sqlite: SqliteDb, entityIds: string[]): Set<string> {
  const keys = new Set<string>();
  if (entityIds.length === 0) return keys;
  for (const [entity, entityId] of statements(sqlite).pendingKeys.all(JSON.stringify(entityIds)) as [string, string][]) keys.add(`${entity}:${entityId}`);
  return keys;
}

function samePlan(plan: RowPlan | undefined, keys: string[]): plan is RowPlan {
  if (!plan || plan.keys.length !== keys.length) return false;
  for (let i = 0; i < keys.length; i++) if (plan.keys[i] !== keys[i]) return false;
  return true;
}

/** Writes one pulled row (only the payload columns the table has), or removes it for a tombstone. */
export function writePulledRow(sqlite: SqliteDb, entity: SyncedEntity, entityId: string, locationId: string, version: number, payload: Record<string, unknown> | null): void {
  const prepared = statements(sqlite);
  if (!payload) {
    prepared.delete(entity).run(entityId);
    return;
  }
  // Rows of one entity come with the same keys: the plan of the previous row is reused.
  const keys = Object.keys(payload);
  let plan = prepared.plans.get(entity);
  if (!samePlan(plan, keys)) {
    const known = prepared.columnsOf(entity);
    const key = PRIMARY_KEY[entity];
    // The key, location and version are set from the change itself: never taken from the payload.
    const kept = keys.filter((column) => column !== key && column !== 'location_id' && column !== 'version' && known.has(column));
    plan = { keys, kept, statement: prepared.upsert(entity, kept) };
    prepared.plans.set(entity, plan);
  }
  const values: unknown[] = new Array(plan.kept.length + 3);
  let i = 0;
  for (; i < plan.kept.length; i++) values[i] = payload[plan.kept[i]!];
  values[i] = entityId;
  values[i + 1] = locationId;
  values[i + 2] = version;
  plan.statement.run(values);
}

/** The oldest queued mutations, in order. */
export const outboxHead = (sqlite: SqliteDb, limit: number) => statements(sqlite).outboxHead.all(limit) as OutboxRow[];

/** Whether anything in the outbox can go out now (rows held back for the sync key do not count). */
export const hasSendable = (sqlite: SqliteDb) => statements(sqlite).anySendable.get() !== undefined;

/** The answered mutations leave the outbox (one statement). */
export function acknowledge(sqlite: SqliteDb, mutationIds: string[]): void {
  if (mutationIds.length > 0) statements(sqlite).ackOutbox.run(JSON.stringify(mutationIds));
}

/** Head office's versions, one statement per entity (after `acknowledge`, so only still-queued rows are skipped). */
export function setVersions(sqlite: SqliteDb, entity: SyncedEntity, updates: VersionUpdate[]): void {
  if (updates.length > 0) statements(sqlite).setVersions(entity).run(JSON.stringify(updates.map((u) => [u.entityId, u.version])), entity);
}

/** The upserts still queued for these rows now build on head office's version of the row (one statement). */
export function rebaseQueued(sqlite: SqliteDb, rows: (VersionUpdate & { entity: SyncedEntity })[]): void {
  if (rows.length > 0) statements(sqlite).rebaseQueued.run(JSON.stringify(rows.map((r) => [r.entity, r.entityId, r.version])));
}

/** Conflicts and rejections, in the order answered (one statement). */
export function insertConflicts(sqlite: SqliteDb, rows: ConflictRow[]): void {
  if (rows.length > 0) statements(sqlite).insertConflicts.run(JSON.stringify(rows));
}
