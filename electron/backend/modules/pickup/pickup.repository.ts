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

// ---- a pickup person as a data subject (AVG-verzoek, issue 16) ---------------------------------

/**
 * The key by which a pickup person's rows belong together: their rows carry only a typed name, so
 * the same name (case and outer spaces aside) on this location's pickup lists and identification log.
 */
export const pickupPersonKey = (name: string) => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('nl');

export interface PickupPersonRows {
  /** The name as on the row the request names. */
  name: string;
  key: string;
  locationId: string;
  persons: { id: string; child_id: string }[];
  bans: { id: string; child_id: string }[];
  identifications: { id: string; child_id: string }[];
}

/**
 * A pickup person named by one row of a child's pickup list (ophaalpersoon or "mag niet ophalen"):
 * every row of the lists and of the identification log with that name. Undefined when the row is gone.
 * The lists of a location are short (a few per child), so they are matched in memory, which also
 * folds case beyond ASCII as SQLite's lower() does not.
 */
export async function pickupPersonRows(db: DbOrTrx, anchorId: string): Promise<PickupPersonRows | undefined> {
  const anchor =
    (await db.selectFrom('pickup_persons').select(['name', 'location_id']).where('id', '=', anchorId).executeTakeFirst()) ??
    (await db.selectFrom('pickup_bans').select(['name', 'location_id']).where('id', '=', anchorId).executeTakeFirst());
  if (!anchor) return undefined;
  const key = pickupPersonKey(anchor.name);
  const same = <R extends { name: string }>(rows: R[]) => rows.filter((r) => pickupPersonKey(r.name) === key).map(({ name: _name, ...rest }) => rest);
  const persons = same(await db.selectFrom('pickup_persons').select(['id', 'child_id', 'name']).where('location_id', '=', anchor.location_id).execute());
  const bans = same(await db.selectFrom('pickup_bans').select(['id', 'child_id', 'name']).where('location_id', '=', anchor.location_id).execute());
  const identifications = same(
    (await db.selectFrom('identification_log').select(['id', 'child_id', 'collector_name as name']).where('location_id', '=', anchor.location_id).execute()),
  );
  return { name: anchor.name, key, locationId: anchor.location_id, persons, bans, identifications };
}

/** Pickup-list rows (ophaalpersonen and bans) whose name contains the text, with the child they belong to. */
export async function findPickupPeople(db: DbOrTrx, q: string, limit: number) {
  const needle = pickupPersonKey(q);
  const child = ['children.first_name', 'children.surname_prefix', 'children.surname'] as const;
  const persons = await db.selectFrom('pickup_persons').innerJoin('children', 'children.id', 'pickup_persons.child_id').select(['pickup_persons.id', 'pickup_persons.name', 'pickup_persons.relation', ...child]).execute();
  const bans = await db.selectFrom('pickup_bans').innerJoin('children', 'children.id', 'pickup_bans.child_id').select(['pickup_bans.id', 'pickup_bans.name', ...child]).execute();
  return [...persons.map((p) => ({ ...p, ban: false })), ...bans.map((b) => ({ ...b, relation: null, ban: true }))]
    .filter((r) => pickupPersonKey(r.name).includes(needle))
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'))
    .slice(0, limit);
}
