import type { Insertable, Selectable, Updateable } from 'kysely';
import type { DbOrTrx, IdentificationLogTable, PickupBansTable, PickupPersonsTable, Trx } from '../../db/schema';

/** Ophaalpersonen not revoked, by name. */
export const activePersonsOfChild = (db: DbOrTrx, childId: string) =>
  db.selectFrom('pickup_persons').selectAll().where('child_id', '=', childId).where('revoked_at', 'is', null).orderBy('name').execute();

/** "Mag niet ophalen": those in force first, newest first. */
export const bansOfChild = (db: DbOrTrx, childId: string) =>
  db.selectFrom('pickup_bans').selectAll().where('child_id', '=', childId).orderBy('lifted_at').orderBy('created_at', 'desc').execute();

/** The latest 100 identifications, newest first. */
export const identificationsOfChild = (db: DbOrTrx, childId: string) =>
  db
    .selectFrom('identification_log')
    .select(['id', 'collector_name', 'method', 'id_type', 'recorded_at', 'recorded_by_name'])
    .where('child_id', '=', childId)
    .orderBy('recorded_at', 'desc')
    .limit(100)
    .execute();

export const activeBanCount = async (db: DbOrTrx, childId: string) =>
  Number(
    (
      await db
        .selectFrom('pickup_bans')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('child_id', '=', childId)
        .where('lifted_at', 'is', null)
        .executeTakeFirstOrThrow()
    ).n,
  );

export const findPerson = (db: DbOrTrx, id: string): Promise<Selectable<PickupPersonsTable> | undefined> =>
  db.selectFrom('pickup_persons').selectAll().where('id', '=', id).executeTakeFirst();

export const insertPerson = (trx: Trx, row: Insertable<PickupPersonsTable>) => trx.insertInto('pickup_persons').values(row).execute();

export const updatePerson = (trx: Trx, id: string, changes: Updateable<PickupPersonsTable>) =>
  trx.updateTable('pickup_persons').set(changes).where('id', '=', id).execute();

export const findBan = (db: DbOrTrx, id: string): Promise<Selectable<PickupBansTable> | undefined> =>
  db.selectFrom('pickup_bans').selectAll().where('id', '=', id).executeTakeFirst();

export const insertBan = (trx: Trx, row: Insertable<PickupBansTable>) => trx.insertInto('pickup_bans').values(row).execute();

export const updateBan = (trx: Trx, id: string, changes: Updateable<PickupBansTable>) => trx.updateTable('pickup_bans').set(changes).where('id', '=', id).execute();

export const insertIdentification = (trx: Trx, row: Insertable<IdentificationLogTable>) => trx.insertInto('identification_log').values(row).execute();
