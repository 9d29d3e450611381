import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { APPEND_ONLY, PullResponse, PushResponse, type Change, type Mutation, type MutationResult, type SyncedEntity } from '../../../shared/sync/protocol';
import type { AppCore } from '../core';
import type { Trx } from '../db/schema';
import { lastAuditRow } from '../modules/audit/audit.repository';
import { checkPolicyChange } from '../modules/retention/policies';
import { requestJson } from './http';
import { PRIMARY_KEY } from './outbox';
import { readCursor, readRunState, readSyncConfig, writeCursor, writeRunState, type SyncConfig } from './sync.state';

/** Runs a piece of database work exclusively (between API calls). Network I/O happens outside. */
export type Exclusive = <T>(work: () => Promise<T>) => Promise<T>;
export type Transport = typeof requestJson;

const PUSH_BATCH = 200;
const PULL_PAGE = 500;

export interface SyncReport {
  pushed: number;
  pulled: number;
  conflicts: number;
  rejected: number;
  /** Changes from head office this PC refused, in Dutch (a retention rule with an invalid period): the local row stays as it was. */
  refused: string[];
}

// Dynamic table and column names come from the closed list of synced entities and from the
// table's own schema; Kysely cannot type them, hence the casts to `never` below.
const columnCache = new Map<string, Set<string>>();
async function columnsOf(trx: Trx, table: SyncedEntity): Promise<Set<string>> {
  let columns = columnCache.get(table);
  if (!columns) {
    const rows = await sql<{ name: string }>`SELECT name FROM pragma_table_info(${table})`.execute(trx);
    columns = new Set(rows.rows.map((r) => r.name));
    columnCache.set(table, columns);
  }
  return columns;
}

async function hasPending(trx: Trx, entity: string, entityId: string) {
  return Boolean(await trx.selectFrom('outbox').select('seq').where('entity', '=', entity).where('entity_id', '=', entityId).limit(1).executeTakeFirst());
}

async function setVersion(trx: Trx, entity: SyncedEntity, id: string, version: number) {
  await trx
    .updateTable(entity)
    .set({ version } as never)
    .where(PRIMARY_KEY[entity] as never, '=', id as never)
    .execute();
}

/** Head office's answer per mutation: the outbox row leaves only now. */
async function applyResults(core: AppCore, trx: Trx, batch: { mutation: Mutation }[], results: MutationResult[], report: SyncReport) {
  const byId = new Map(results.map((r) => [r.mutationId, r]));
  for (const { mutation } of batch) {
    const result = byId.get(mutation.mutationId);
    if (!result) continue; // no answer: stays queued, is sent again
    await trx.deleteFrom('outbox').where('mutation_id', '=', mutation.mutationId).execute();
    if (result.status === 'applied' || result.status === 'duplicate') {
      report.pushed++;
      if (mutation.op === 'upsert' && result.version !== null && !(await hasPending(trx, mutation.entity, mutation.entityId))) {
        await setVersion(trx, mutation.entity, mutation.entityId, result.version);
      }
    } else {
      if (result.status === 'conflict') report.conflicts++;
      else report.rejected++;
      await trx
        .insertInto('sync_conflicts')
        .values({
          id: uuidv7(),
          kind: result.status,
          entity: mutation.entity,
          entity_id: mutation.entityId,
          local_payload: mutation.payload ? JSON.stringify(mutation.payload) : null,
          server_payload: result.serverPayload ? JSON.stringify(result.serverPayload) : null,
          server_version: result.version,
          reason: result.reason ?? null,
          created_at: core.now().toISOString(),
          resolved_at: null,
          resolved_by: null,
          resolution: null,
        })
        .execute();
    }
  }
}

/** Rows of a page that this PC still has its own queued change for (those are not overwritten). */
async function pendingKeys(trx: Trx, changes: Change[]): Promise<Set<string>> {
  const ids = [...new Set(changes.map((c) => c.entityId))];
  const keys = new Set<string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await trx.selectFrom('outbox').select(['entity', 'entity_id']).where('entity_id', 'in', ids.slice(i, i + 500)).execute();
    for (const r of rows) keys.add(`${r.entity}:${r.entity_id}`);
  }
  return keys;
}

/** Writes one pulled change locally, unless this PC has its own change for that row queued. */
async function applyChange(trx: Trx, config: SyncConfig, change: Change, pending: Set<string>, report: SyncReport): Promise<boolean> {
  if (pending.has(`${change.entity}:${change.entityId}`)) return false;
  const key = PRIMARY_KEY[change.entity];
  // A retention rule the engine cannot compute with is refused, never half-applied: the rule in force stays.
  if (change.entity === 'retention_policies' && !change.deleted && change.payload) {
    try {
      checkPolicyChange({ key: change.payload.key, period_amount: change.payload.period_amount, period_unit: change.payload.period_unit });
    } catch (error) {
      report.refused.push(error instanceof Error ? error.message : String(error));
      return false;
    }
  }
  if (change.deleted || !change.payload) {
    await trx
      .deleteFrom(change.entity)
      .where(key as never, '=', change.entityId as never)
      .execute();
    return true;
  }
  const columns = await columnsOf(trx, change.entity);
  const values: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(change.payload)) if (columns.has(column)) values[column] = value;
  values[key] = change.entityId;
  values.location_id = config.locationId;
  values.version = change.version;
  const update = APPEND_ONLY.has(change.entity) ? { version: change.version } : values;
  await trx
    .insertInto(change.entity)
    .values(values as never)
    .onConflict((oc) => oc.column(key as never).doUpdateSet(update as never))
    .execute();
  return true;
}

/**
 * One sync round: push the outbox in order (batches), then pull pages after the saved cursor.
 * The page and the new cursor are saved in one transaction, so a crash never skips or repeats
 * half a page. Throws on a network or server error; the outbox is then left as it was.
 */
export async function syncOnce(core: AppCore, exclusive: Exclusive, transport: Transport = requestJson): Promise<SyncReport> {
  const report: SyncReport = { pushed: 0, pulled: 0, conflicts: 0, rejected: 0, refused: [] };
  const config = await exclusive(() => readSyncConfig(core.db()));
  if (!config) return report;
  try {
    for (;;) {
      const batch = await exclusive(async () => {
        const rows = await core.db().selectFrom('outbox').selectAll().orderBy('seq').limit(PUSH_BATCH).execute();
        const head = await lastAuditRow(core.db());
        return {
          items: rows.map((r) => ({
            mutation: {
              mutationId: r.mutation_id,
              entity: r.entity as SyncedEntity,
              entityId: r.entity_id,
              op: r.op,
              payload: r.payload ? (JSON.parse(r.payload) as Record<string, unknown>) : null,
              baseVersion: r.base_version,
            },
          })),
          auditHead: head ? { seq: head.seq, hash: head.hash } : null,
        };
      });
      if (batch.items.length === 0) break;
      const response = PushResponse.parse(
        await transport(config.serverUrl, { method: 'POST', path: '/v1/sync/push', token: config.token, caCertPem: config.caCertPem, body: { mutations: batch.items.map((i) => i.mutation), auditHead: batch.auditHead } }),
      );
      await exclusive(() => core.transaction((trx) => applyResults(core, trx, batch.items, response.results, report)));
      if (batch.items.length < PUSH_BATCH) break;
    }

    for (;;) {
      const cursor = await exclusive(() => readCursor(core.db()));
      const page = PullResponse.parse(
        await transport(config.serverUrl, { method: 'GET', path: `/v1/sync/pull?after=${cursor}&limit=${PULL_PAGE}`, token: config.token, caCertPem: config.caCertPem }),
      );
      await exclusive(() =>
        core.transaction(async (trx) => {
          // Rows of one page may reference each other in any order; check keys at commit.
          await sql`PRAGMA defer_foreign_keys = ON`.execute(trx);
          const pending = await pendingKeys(trx, page.changes);
          for (const change of page.changes) if (await applyChange(trx, config, change, pending, report)) report.pulled++;
          await writeCursor(trx, page.cursor);
        }),
      );
      if (!page.hasMore) break;
    }

    await exclusive(() =>
      core.transaction(async (trx) => {
        const now = core.now().toISOString();
        await writeRunState(trx, { lastAttemptAt: now, lastSuccessAt: now, lastError: null, failures: 0 });
      }),
    );
    return report;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await exclusive(async () => {
      if (!core.isOpen) return;
      const state = await readRunState(core.db());
      await core.transaction((trx) => writeRunState(trx, { ...state, lastAttemptAt: core.now().toISOString(), lastError: message, failures: state.failures + 1 }));
    }).catch(() => undefined);
    throw error;
  }
}
