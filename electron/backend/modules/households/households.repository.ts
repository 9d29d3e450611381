import type { DbOrTrx, HouseholdRow, ParentRow, Trx } from '../../db/schema';
import type { Insertable, Updateable } from 'kysely';
import type { HouseholdsTable, ParentsTable } from '../../db/schema';

export const findHousehold = (db: DbOrTrx, id: string): Promise<HouseholdRow | undefined> =>
  db.selectFrom('households').selectAll().where('id', '=', id).executeTakeFirst();

export const parentsOfHousehold = (db: DbOrTrx, householdId: string): Promise<ParentRow[]> =>
  db.selectFrom('parents').selectAll().where('household_id', '=', householdId).orderBy('is_contract_parent', 'desc').orderBy('created_at').execute();

export const insertHousehold = (trx: Trx, row: Insertable<HouseholdsTable>) => trx.insertInto('households').values(row).execute();

export const updateHouseholdRow = (trx: Trx, id: string, changes: Updateable<HouseholdsTable>) =>
  trx.updateTable('households').set(changes).where('id', '=', id).execute();

export const insertParent = (trx: Trx, row: Insertable<ParentsTable>) => trx.insertInto('parents').values(row).execute();

export const updateParentRow = (trx: Trx, id: string, changes: Updateable<ParentsTable>) =>
  trx.updateTable('parents').set(changes).where('id', '=', id).execute();
