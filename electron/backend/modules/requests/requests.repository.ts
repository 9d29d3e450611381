import type { Insertable, Updateable } from 'kysely';
import type { DbOrTrx, RequestTasksTable, SubjectRequestRow, SubjectRequestsTable, Trx } from '../../db/schema';

export const findRequest = (db: DbOrTrx, id: string): Promise<SubjectRequestRow | undefined> =>
  db.selectFrom('subject_requests').selectAll().where('id', '=', id).executeTakeFirst();

export const listRequestRows = (db: DbOrTrx, status: 'open' | 'closed' | null) => {
  let query = db.selectFrom('subject_requests').selectAll().orderBy('status', 'desc').orderBy('deadline');
  if (status) query = query.where('status', '=', status);
  return query.execute();
};

export const insertRequest = (trx: Trx, row: Insertable<SubjectRequestsTable>) => trx.insertInto('subject_requests').values(row).execute();

export const updateRequestRow = (trx: Trx, id: string, changes: Updateable<SubjectRequestsTable>) =>
  trx.updateTable('subject_requests').set(changes).where('id', '=', id).execute();

export const tasksOfRequest = (db: DbOrTrx, requestId: string) =>
  db.selectFrom('request_tasks').selectAll().where('request_id', '=', requestId).orderBy('due_date').orderBy('id').execute();

export const insertRequestTask = (trx: Trx, row: Insertable<RequestTasksTable>) => trx.insertInto('request_tasks').values(row).execute();

export const openRequestTasks = (db: DbOrTrx) =>
  db
    .selectFrom('request_tasks')
    .innerJoin('subject_requests', 'subject_requests.id', 'request_tasks.request_id')
    .selectAll('request_tasks')
    .select('subject_requests.kind as request_kind')
    .where('request_tasks.done_at', 'is', null)
    .orderBy('request_tasks.due_date')
    .execute();

export const correctionsOfRequest = (db: DbOrTrx, requestId: string) =>
  db.selectFrom('data_corrections').selectAll().where('request_id', '=', requestId).orderBy('corrected_on').orderBy('id').execute();

/** The restriction of a subject that is in force today (lifted ones have `until` set to the day they ended). */
export const activeRestriction = (db: DbOrTrx, subjectType: 'parent' | 'child', subjectId: string, today: string) =>
  db
    .selectFrom('processing_restrictions')
    .selectAll()
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', subjectId)
    .where((eb) => eb.or([eb('until', 'is', null), eb('until', '>', today)]))
    .executeTakeFirst();
