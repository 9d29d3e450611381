import { sql, type Insertable } from 'kysely';
import { CONFLICT_CHECKED, type KeyState } from '../../shared/sync/protocol';
import type { HeadOfficeDatabase, HoDb, HoTrx } from '../db/schema';

// The push and pull queries. Each is one statement whatever the batch or page size, and each runs
// unchanged on SQLite and PostgreSQL: multi-row VALUES, ON CONFLICT … DO UPDATE … WHERE and
// RETURNING exist in both, so there is no dialect branch.

export type RecordRow = Insertable<HeadOfficeDatabase['records']>;
export type AppliedRow = HeadOfficeDatabase['applied_mutations'];

/**
 * Takes `count` versions of the location's counter and returns the value before them, with the
 * location's sync key state (the key it seals with, whether a revoke asks for a new one). The row
 * stays locked until commit, so every push of a location (on any instance) runs after the one
 * before it and sees its records and answers.
 */
export async function reserveVersions(trx: HoTrx, locationId: string, count: number): Promise<{ before: number; key: KeyState }> {
  const row = await trx
    .updateTable('locations')
    .set({ version: sql`version + ${count}` })
    .where('id', '=', locationId)
    .returning(['version', 'sync_key_id', 'key_rotation_due_at'])
    .executeTakeFirstOrThrow();
  // The key state comes from the same locked row, so no rotation can slip in before the commit.
  return { before: Number(row.version) - count, key: { keyId: row.sync_key_id, rotate: row.key_rotation_due_at !== null } };
}

/** Gives back versions taken but not used (the counter is still locked by this transaction). */
export async function setLocationVersion(trx: HoTrx, locationId: string, version: number): Promise<void> {
  await trx.updateTable('locations').set({ version }).where('id', '=', locationId).execute();
}

/** The stored answers for those of the device's mutation ids that head office has seen. */
export const appliedMutations = (trx: HoTrx, deviceId: string, mutationIds: string[]) =>
  trx.selectFrom('applied_mutations').select(['mutation_id', 'status', 'version']).where('device_id', '=', deviceId).where('mutation_id', 'in', mutationIds).execute();

/**
 * The current rows for these keys (and possibly a few more that share an entity or id: the caller
 * matches exact keys). The payload only for conflict-checked entities: the rest is never needed.
 */
export const currentRecords = (trx: HoTrx, entities: string[], entityIds: string[]) =>
  trx
    .selectFrom('records')
    .select((eb) => [
      'entity',
      'entity_id',
      'location_id',
      'version',
      'deleted',
      eb
        .case()
        .when('entity', 'in', [...CONFLICT_CHECKED])
        .then(eb.ref('payload'))
        .end()
        .as('payload'),
    ])
    .where('entity', 'in', entities)
    .where('entity_id', 'in', entityIds)
    .execute();

/**
 * One upsert for the batch's final row per key. A row of another location is never overwritten
 * (the guard); the number of rows written tells the caller whether one was in the way.
 */
export async function upsertRecords(trx: HoTrx, rows: RecordRow[]): Promise<number> {
  const written = await trx
    .insertInto('records')
    .values(rows)
    .onConflict((oc) =>
      oc
        .columns(['entity', 'entity_id'])
        .doUpdateSet((eb) => ({
          version: eb.ref('excluded.version'),
          deleted: eb.ref('excluded.deleted'),
          payload: eb.ref('excluded.payload'),
          updated_at: eb.ref('excluded.updated_at'),
        }))
        .where((eb) => eb('records.location_id', '=', eb.ref('excluded.location_id'))),
    )
    .returning('entity_id')
    .execute();
  return written.length;
}

/** Idempotency: one row per (device, mutation) with the answer given. */
export async function rememberMutations(trx: HoTrx, rows: AppliedRow[]): Promise<void> {
  await trx.insertInto('applied_mutations').values(rows).execute();
}

export async function anchorAuditHead(trx: HoTrx, anchor: HeadOfficeDatabase['audit_anchors']): Promise<void> {
  await trx
    .insertInto('audit_anchors')
    .values(anchor)
    .onConflict((oc) => oc.columns(['device_id', 'seq']).doNothing())
    .execute();
}

/** The location's current statistics totals replace what it sent before (counts only). */
export async function saveStatistics(trx: HoTrx, rows: HeadOfficeDatabase['location_statistics'][]): Promise<void> {
  if (rows.length === 0) return;
  await trx
    .insertInto('location_statistics')
    .values(rows)
    .onConflict((oc) => oc.columns(['location_id', 'metric', 'period']).doUpdateSet((eb) => ({ count: eb.ref('excluded.count'), received_at: eb.ref('excluded.received_at') })))
    .execute();
}

/**
 * The device synchronised now; with a pull it also says how many conflicts wait on it, counted
 * when it asked for the changes after `report.after`. A count that came with an older cursor than
 * the one stored is older than it (a request held up on the way) and is left out.
 */
export async function touchDevice(db: HoDb | HoTrx, deviceId: string, at: string, report?: { openConflicts: number; after: number }): Promise<void> {
  await db
    .updateTable('devices')
    .set((eb) => {
      if (!report) return { last_sync_at: at };
      const newer = eb.or([eb('open_conflicts_after', 'is', null), eb('open_conflicts_after', '<=', report.after)]);
      return {
        last_sync_at: at,
        open_conflicts: eb.case().when(newer).then(report.openConflicts).else(eb.ref('open_conflicts')).end(),
        open_conflicts_after: eb.case().when(newer).then(report.after).else(eb.ref('open_conflicts_after')).end(),
      };
    })
    .where('id', '=', deviceId)
    .execute();
}

/** One range scan of the (location_id, version) index; the payload comes back as the stored JSON text. */
export const pullRows = (db: HoDb, locationId: string, after: number, limit: number) =>
  db.selectFrom('records').select(['entity', 'entity_id', 'version', 'deleted', 'payload']).where('location_id', '=', locationId).where('version', '>', after).orderBy('version').limit(limit).execute();
