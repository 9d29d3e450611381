import type { Insertable, Selectable, Updateable } from 'kysely';
import type { DbOrTrx, TasksTable, Trx } from '../../db/schema';

export const findTask = (db: DbOrTrx, id: string): Promise<Selectable<TasksTable> | undefined> => db.selectFrom('tasks').selectAll().where('id', '=', id).executeTakeFirst();

export const insertTask = (trx: Trx, row: Insertable<TasksTable>) => trx.insertInto('tasks').values(row).execute();

export const updateTaskRow = (trx: Trx, id: string, changes: Updateable<TasksTable>) => trx.updateTable('tasks').set(changes).where('id', '=', id).execute();

export const dossierTaskOfContract = (db: DbOrTrx, contractId: string): Promise<Selectable<TasksTable> | undefined> =>
  db.selectFrom('tasks').selectAll().where('contract_id', '=', contractId).where('kind', '=', 'paper_dossier_destroy').executeTakeFirst();

/** Tasks with the child's name and the confirming user's name. */
export const taskRows = (db: DbOrTrx, options: { includeConfirmed: boolean; id?: string }) => {
  let query = db
    .selectFrom('tasks')
    .innerJoin('children', 'children.id', 'tasks.child_id')
    .select([
      'tasks.id',
      'tasks.kind',
      'tasks.child_id',
      'tasks.contract_id',
      'tasks.due_date',
      'tasks.created_at',
      'tasks.confirmed_at',
      'tasks.confirmed_by_name',
      'children.first_name',
      'children.surname_prefix',
      'children.surname',
    ])
    .orderBy('tasks.due_date');
  if (!options.includeConfirmed) query = query.where('tasks.confirmed_at', 'is', null);
  if (options.id) query = query.where('tasks.id', '=', options.id);
  return query.execute();
};
