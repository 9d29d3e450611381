import type { Insertable, Updateable } from 'kysely';
import type { ChildrenTable, ChildRow, DbOrTrx, Trx } from '../../db/schema';

export const findChild = (db: DbOrTrx, id: string): Promise<ChildRow | undefined> =>
  db.selectFrom('children').selectAll().where('id', '=', id).executeTakeFirst();

export const childrenOfHousehold = (db: DbOrTrx, householdId: string): Promise<ChildRow[]> =>
  db.selectFrom('children').selectAll().where('household_id', '=', householdId).orderBy('birth_date').execute();

export const insertChild = (trx: Trx, row: Insertable<ChildrenTable>) => trx.insertInto('children').values(row).execute();

export const updateChildRow = (trx: Trx, id: string, changes: Updateable<ChildrenTable>) =>
  trx.updateTable('children').set(changes).where('id', '=', id).execute();

/** Start and end dates of the contracts of the given children (all children when ids is null). */
export async function contractDates(db: DbOrTrx, childIds: string[] | null) {
  let query = db.selectFrom('contracts').select(['child_id', 'start_date', 'end_date']);
  if (childIds) {
    if (childIds.length === 0) return [];
    query = query.where('child_id', 'in', childIds);
  }
  return query.execute();
}

/** Light rows for the children list: name, birth date, group and the contract parent's name. */
export const childListRows = (db: DbOrTrx) =>
  db
    .selectFrom('children')
    .leftJoin('parents', (join) => join.onRef('parents.household_id', '=', 'children.household_id').on('parents.is_contract_parent', '=', 1))
    .select([
      'children.id',
      'children.household_id',
      'children.first_name',
      'children.surname_prefix',
      'children.surname',
      'children.birth_date',
      'children.group_name',
      'parents.first_name as parent_first_name',
      'parents.surname_prefix as parent_surname_prefix',
      'parents.surname as parent_surname',
    ])
    .orderBy('children.surname')
    .orderBy('children.first_name')
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
