import type { SyncedEntity } from '../../../../shared/sync/protocol';
import type { DbOrTrx, Trx } from '../../db/schema';
import { PRIMARY_KEY, queueDelete } from '../../sync/outbox';
import { inSlices } from './categories/category';

/**
 * Really deletes synced rows: queued upserts that still carry their data leave the outbox, sync
 * conflicts holding a copy go, the rows go (secure_delete overwrites the freed pages), and head
 * office gets a tombstone (entity and id only).
 */
export async function eraseRows(trx: Trx, entity: SyncedEntity, ids: readonly string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  const key = PRIMARY_KEY[entity];
  await inSlices(ids, async (slice) => {
    await trx.deleteFrom('outbox').where('entity', '=', entity).where('entity_id', 'in', slice).execute();
    await trx.deleteFrom('sync_conflicts').where('entity', '=', entity).where('entity_id', 'in', slice).execute();
    await trx
      .deleteFrom(entity)
      .where(key as never, 'in', slice as never)
      .execute();
    return [];
  });
  for (const id of ids) await queueDelete(trx, entity, id, now);
}

/** Ids of `entity` rows whose `column` is one of `values`. */
export async function idsWhere(trx: Trx, entity: SyncedEntity, column: string, values: readonly string[]): Promise<string[]> {
  const key = PRIMARY_KEY[entity];
  const rows = await inSlices(values, (slice) =>
    trx
      .selectFrom(entity)
      .select(`${key} as id` as never)
      .where(column as never, 'in', slice as never)
      .execute() as Promise<{ id: string }[]>,
  );
  return rows.map((r) => r.id);
}

/** Ids of the legal holds on these records (lifted or not): they go with the record. */
export async function holdIds(db: DbOrTrx, subjectType: string, ids: readonly string[]): Promise<string[]> {
  const rows = await inSlices(ids, (slice) => db.selectFrom('legal_holds').select('id').where('subject_type', '=', subjectType).where('subject_id', 'in', slice).execute());
  return rows.map((r) => r.id);
}

/** Adds to an anonymous count (management information that survives destruction). */
export async function countStatistic(trx: Trx, metric: string, period: string, count: number): Promise<void> {
  if (count === 0) return;
  await trx
    .insertInto('retention_statistics')
    .values({ metric, period, count })
    .onConflict((oc) => oc.columns(['metric', 'period']).doUpdateSet((eb) => ({ count: eb('retention_statistics.count', '+', count) })))
    .execute();
}
