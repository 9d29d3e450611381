import type { Insertable, Updateable } from 'kysely';
import type { ContractRow, ContractsTable, DbOrTrx, Trx } from '../../db/schema';

export const findContract = (db: DbOrTrx, id: string): Promise<ContractRow | undefined> =>
  db.selectFrom('contracts').selectAll().where('id', '=', id).executeTakeFirst();

export const contractsOfChild = (db: DbOrTrx, childId: string): Promise<ContractRow[]> =>
  db.selectFrom('contracts').selectAll().where('child_id', '=', childId).orderBy('start_date', 'desc').execute();

export const insertContract = (trx: Trx, row: Insertable<ContractsTable>) => trx.insertInto('contracts').values(row).execute();

export const updateContractRow = (trx: Trx, id: string, changes: Updateable<ContractsTable>) =>
  trx.updateTable('contracts').set(changes).where('id', '=', id).execute();

/** Start and end dates of the contracts of the given children (all children when ids is null). */
export async function contractDates(db: DbOrTrx, childIds: string[] | null) {
  let query = db.selectFrom('contracts').select(['child_id', 'start_date', 'end_date']);
  if (childIds) {
    if (childIds.length === 0) return [];
    query = query.where('child_id', 'in', childIds);
  }
  return query.execute();
}

/** Contracts ending between two dates (inclusive), soonest first, with the child's name. */
export const contractsEndingBetween = (db: DbOrTrx, from: string, to: string) =>
  db
    .selectFrom('contracts')
    .innerJoin('children', 'children.id', 'contracts.child_id')
    .select(['contracts.id', 'contracts.child_id', 'contracts.end_date', 'contracts.care_type', 'children.first_name', 'children.surname_prefix', 'children.surname'])
    .where('contracts.end_date', '>=', from)
    .where('contracts.end_date', '<=', to)
    .orderBy('contracts.end_date')
    .execute();
