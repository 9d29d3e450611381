import { SYNCED_ENTITIES, type SyncedEntity } from '../../../../shared/sync/protocol';
import type { ConflictResolution } from '../../../../shared/api/sync.contract';
import type { DbOrTrx, Trx } from '../../db/schema';
import { PRIMARY_KEY } from '../../sync/outbox';

const count = (row: { n: string | number | bigint }) => Number(row.n);

/** Changes waiting to be pushed to head office. */
export const countPending = async (db: DbOrTrx) => count(await db.selectFrom('outbox').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow());

export const countOpenConflicts = async (db: DbOrTrx) =>
  count(await db.selectFrom('sync_conflicts').select((eb) => eb.fn.countAll().as('n')).where('resolved_at', 'is', null).executeTakeFirstOrThrow());

export const openConflicts = (db: DbOrTrx) => db.selectFrom('sync_conflicts').selectAll().where('resolved_at', 'is', null).orderBy('created_at').execute();

export const findConflict = (trx: Trx, id: string) => trx.selectFrom('sync_conflicts').selectAll().where('id', '=', id).executeTakeFirst();

export const childName = (db: DbOrTrx, id: string) =>
  db.selectFrom('children').select(['first_name', 'surname_prefix', 'surname']).where('id', '=', id).executeTakeFirst();

/** Head office's location id replaces the local one on the location and on every synced row. */
export async function moveToLocation(trx: Trx, locationId: string, now: Date): Promise<void> {
  await trx.updateTable('location').set({ id: locationId, updated_at: now.toISOString() }).execute();
  for (const entity of SYNCED_ENTITIES) {
    await trx
      .updateTable(entity)
      .set({ location_id: locationId } as never)
      .execute();
  }
}

/** Writes the chosen version of a conflicting row (insert, or update when it exists). */
export async function writeChosenVersion(trx: Trx, entity: SyncedEntity, values: Record<string, unknown>): Promise<void> {
  const key = PRIMARY_KEY[entity];
  // Dynamic table name from the closed list of synced entities; Kysely cannot type this generically.
  await trx
    .insertInto(entity)
    .values(values as never)
    .onConflict((oc) => oc.column(key as never).doUpdateSet(values as never))
    .execute();
}

/** The conflict is settled; the copies of both versions go (they may hold medical text). */
export async function markResolved(trx: Trx, id: string, by: { userId: string; resolution: ConflictResolution; at: Date }): Promise<void> {
  await trx
    .updateTable('sync_conflicts')
    .set({ resolved_at: by.at.toISOString(), resolved_by: by.userId, resolution: by.resolution, local_payload: null, server_payload: null })
    .where('id', '=', id)
    .execute();
}
