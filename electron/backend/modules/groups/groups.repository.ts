import type { Insertable, Updateable } from 'kysely';
import type { DbOrTrx, GroupRow, GroupsTable, Trx } from '../../db/schema';

export const findGroup = (db: DbOrTrx, id: string): Promise<GroupRow | undefined> => db.selectFrom('groups').selectAll().where('id', '=', id).executeTakeFirst();

export const groupRows = (db: DbOrTrx): Promise<GroupRow[]> => db.selectFrom('groups').selectAll().orderBy('name').execute();

/** Children per group id (children without a group are left out). */
export async function childCounts(db: DbOrTrx): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('children')
    .select(['group_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('group_id', 'is not', null)
    .groupBy('group_id')
    .execute();
  return new Map(rows.map((r) => [r.group_id!, Number(r.n)]));
}

export const insertGroup = (trx: Trx, row: Insertable<GroupsTable>) => trx.insertInto('groups').values(row).execute();

export const updateGroupRow = (trx: Trx, id: string, changes: Updateable<GroupsTable>) => trx.updateTable('groups').set(changes).where('id', '=', id).execute();

export const deleteGroupRow = (trx: Trx, id: string) => trx.deleteFrom('groups').where('id', '=', id).execute();

/** The ids of the children in a group. */
export const childIdsInGroup = async (db: DbOrTrx, groupId: string): Promise<string[]> =>
  (await db.selectFrom('children').select('id').where('group_id', '=', groupId).orderBy('id').execute()).map((r) => r.id);

export const moveChildren = (trx: Trx, childIds: readonly string[], groupId: string, now: string) =>
  trx.updateTable('children').set({ group_id: groupId, updated_at: now }).where('id', 'in', childIds).execute();
