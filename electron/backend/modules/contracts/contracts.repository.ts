import type { Insertable, Updateable } from 'kysely';
import type { ContractRow, ContractsTable, DbOrTrx, TasksTable, Trx } from '../../db/schema';

export const findContract = (db: DbOrTrx, id: string): Promise<ContractRow | undefined> =>
  db.selectFrom('contracts').selectAll().where('id', '=', id).executeTakeFirst();

export const contractsOfChild = (db: DbOrTrx, childId: string): Promise<ContractRow[]> =>
  db.selectFrom('contracts').selectAll().where('child_id', '=', childId).orderBy('start_date', 'desc').execute();

export const insertContract = (trx: Trx, row: Insertable<ContractsTable>) => trx.insertInto('contracts').values(row).execute();

export const updateContractRow = (trx: Trx, id: string, changes: Updateable<ContractsTable>) =>
  trx.updateTable('contracts').set(changes).where('id', '=', id).execute();

export const insertTask = (trx: Trx, row: Insertable<TasksTable>) => trx.insertInto('tasks').values(row).execute();

export const taskForContract = (db: DbOrTrx, contractId: string) =>
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
