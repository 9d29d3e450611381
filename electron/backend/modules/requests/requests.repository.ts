import type { Insertable, Updateable } from 'kysely';
import type { RectifiableTarget, RequestStatus, SubjectType } from '../../../../shared/api/requests.schemas';
import type { DataCorrectionsTable, DbOrTrx, ProcessingRestrictionsTable, RequestTasksTable, SubjectRequestRow, SubjectRequestsTable, Trx } from '../../db/schema';

// ---- requests ---------------------------------------------------------------------------------

export const findRequest = (db: DbOrTrx, id: string): Promise<SubjectRequestRow | undefined> =>
  db.selectFrom('subject_requests').selectAll().where('id', '=', id).executeTakeFirst();

export const listRequestRows = (db: DbOrTrx, status: RequestStatus | null) => {
  let query = db.selectFrom('subject_requests').selectAll().orderBy('status', 'desc').orderBy('deadline');
  if (status) query = query.where('status', '=', status);
  return query.execute();
};

export const insertRequest = (trx: Trx, row: Insertable<SubjectRequestsTable>) => trx.insertInto('subject_requests').values(row).execute();

export const updateRequestRow = (trx: Trx, id: string, changes: Updateable<SubjectRequestsTable>) =>
  trx.updateTable('subject_requests').set(changes).where('id', '=', id).execute();

// ---- the people a request is about ------------------------------------------------------------

const NAME = ['id', 'first_name', 'surname_prefix', 'surname'] as const;

/** Names of the parents and children with these ids that still exist. */
export async function personNames(db: DbOrTrx, ids: { parent: string[]; child: string[] }) {
  const parents = ids.parent.length ? await db.selectFrom('parents').select(NAME).where('id', 'in', ids.parent).execute() : [];
  const children = ids.child.length ? await db.selectFrom('children').select(NAME).where('id', 'in', ids.child).execute() : [];
  return [...parents, ...children];
}

export const findParent = (db: DbOrTrx, id: string) => db.selectFrom('parents').selectAll().where('id', '=', id).executeTakeFirst();

export const findParentInHousehold = (db: DbOrTrx, id: string, householdId: string) =>
  db.selectFrom('parents').selectAll().where('id', '=', id).where('household_id', '=', householdId).executeTakeFirst();

// ---- tasks ------------------------------------------------------------------------------------

export const tasksOfRequest = (db: DbOrTrx, requestId: string) =>
  db.selectFrom('request_tasks').selectAll().where('request_id', '=', requestId).orderBy('due_date').orderBy('id').execute();

export const findTask = (db: DbOrTrx, id: string) => db.selectFrom('request_tasks').selectAll().where('id', '=', id).executeTakeFirst();

export const insertRequestTask = (trx: Trx, row: Insertable<RequestTasksTable>) => trx.insertInto('request_tasks').values(row).execute();

export const markTaskDone = (trx: Trx, id: string, doneAt: string, doneByName: string) =>
  trx.updateTable('request_tasks').set({ done_at: doneAt, done_by_name: doneByName }).where('id', '=', id).execute();

/** The recipients a request already has an inform task for. */
export const informedRecipientNames = async (db: DbOrTrx, requestId: string) =>
  new Set((await db.selectFrom('request_tasks').select('recipient_name').where('request_id', '=', requestId).where('kind', '=', 'inform_recipient').execute()).map((t) => t.recipient_name));

/** True while the person still has to be informed before the request's restriction is lifted. */
export const liftPending = async (db: DbOrTrx, requestId: string) =>
  (await db.selectFrom('request_tasks').select('id').where('kind', '=', 'inform_before_lift').where('done_at', 'is', null).where('request_id', '=', requestId).executeTakeFirst()) !== undefined;

export const openRequestTasks = (db: DbOrTrx) =>
  db
    .selectFrom('request_tasks')
    .innerJoin('subject_requests', 'subject_requests.id', 'request_tasks.request_id')
    .selectAll('request_tasks')
    .select('subject_requests.kind as request_kind')
    .where('request_tasks.done_at', 'is', null)
    .orderBy('request_tasks.due_date')
    .execute();

// ---- corrections (rectificatie) ---------------------------------------------------------------

export const correctionsOfRequest = (db: DbOrTrx, requestId: string) =>
  db.selectFrom('data_corrections').selectAll().where('request_id', '=', requestId).orderBy('corrected_on').orderBy('id').execute();

export const insertCorrection = (trx: Trx, row: Insertable<DataCorrectionsTable>) => trx.insertInto('data_corrections').values(row).execute();

const RECORD_TABLE = { parent: 'parents', child: 'children', household: 'households' } as const satisfies Record<RectifiableTarget, string>;
export const recordTable = (type: RectifiableTarget) => RECORD_TABLE[type];

/** A parent, child or household row with its columns by name (rectification picks one by field). */
export const findRecord = async (db: DbOrTrx, type: RectifiableTarget, id: string) =>
  (await db.selectFrom(RECORD_TABLE[type]).selectAll().where('id', '=', id).executeTakeFirst()) as Record<string, unknown> | undefined;

/** Dynamic columns from the closed RECTIFIABLE list; Kysely cannot type this generically. */
export const updateRecord = (trx: Trx, type: RectifiableTarget, id: string, changes: Record<string, unknown>) =>
  trx.updateTable(RECORD_TABLE[type]).set(changes as never).where('id', '=', id).execute();

// ---- restrictions (beperking, AVG art. 18) ----------------------------------------------------

/** `until` is the day a restriction was lifted: in force while it is null or later than today. */
export const restrictedSubjectIds = async (db: DbOrTrx, subjectType: SubjectType, today: string) =>
  (
    await db
      .selectFrom('processing_restrictions')
      .select('subject_id')
      .where('subject_type', '=', subjectType)
      .where((eb) => eb.or([eb('until', 'is', null), eb('until', '>', today)]))
      .execute()
  ).map((r) => r.subject_id);

/** The restriction of a subject that is in force today. */
export const activeRestriction = (db: DbOrTrx, subjectType: SubjectType, subjectId: string, today: string) =>
  db
    .selectFrom('processing_restrictions')
    .selectAll()
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', subjectId)
    .where((eb) => eb.or([eb('until', 'is', null), eb('until', '>', today)]))
    .executeTakeFirst();

export const insertRestriction = (trx: Trx, row: Insertable<ProcessingRestrictionsTable>) => trx.insertInto('processing_restrictions').values(row).execute();

/** The restriction a request asked for that has not been lifted. */
export const unliftedRestrictionOfRequest = (db: DbOrTrx, requestId: string) =>
  db.selectFrom('processing_restrictions').select('id').where('request_id', '=', requestId).where('until', 'is', null).executeTakeFirst();

export const liftRestriction = (trx: Trx, id: string, until: string) => trx.updateTable('processing_restrictions').set({ until }).where('id', '=', id).execute();

// ---- letters ----------------------------------------------------------------------------------

export const householdAddress = (db: DbOrTrx, id: string) => db.selectFrom('households').select(['street', 'house_number', 'postcode', 'city']).where('id', '=', id).executeTakeFirst();
