import { sql, type Insertable, type Updateable } from 'kysely';
import type { RectifiableTarget, RequestStatus } from '../../../../shared/api/requests.schemas';
import { displayName } from '../../../../shared/domain/names';
import type { OwnRecordSubject, RequestSubjectType } from '../../../../shared/domain/requests';
import { findPickupPeople, pickupPersonRows } from '../pickup/pickup.repository';
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

/** Someone who asks for themself and has a row of their own (no household): their display name, or undefined when gone. */
export async function ownPersonName(db: DbOrTrx, type: OwnRecordSubject, id: string): Promise<string | undefined> {
  switch (type) {
    case 'employee':
    case 'applicant': {
      const row = await db.selectFrom(type === 'employee' ? 'employees' : 'applicants').select(NAME).where('id', '=', id).executeTakeFirst();
      return row && named(row);
    }
    case 'waitlist_prospect':
      return (await db.selectFrom('waitlist_entries').select('parent_name').where('id', '=', id).executeTakeFirst())?.parent_name;
    case 'complainant':
      return (await db.selectFrom('complaints').select('complainant_name').where('id', '=', id).executeTakeFirst())?.complainant_name;
    case 'pickup_person':
      return (await pickupPersonRows(db, id))?.name;
  }
}

const OWN_TABLE = { employee: 'employees', applicant: 'applicants', waitlist_prospect: 'waitlist_entries' } as const;

/** The location a request's person belongs to (their own row, or the pickup-list row that names them); undefined when gone. */
export async function subjectLocationId(db: DbOrTrx, type: RequestSubjectType, id: string): Promise<string | undefined> {
  switch (type) {
    case 'parent':
    case 'child':
      return (await db.selectFrom(type === 'parent' ? 'parents' : 'children').select('location_id').where('id', '=', id).executeTakeFirst())?.location_id;
    case 'pickup_person':
      return (await pickupPersonRows(db, id))?.locationId;
    case 'complainant':
      return (await db.selectFrom('complaints').select('location_id').where('id', '=', id).executeTakeFirst())?.location_id;
    default:
      return (await db.selectFrom(OWN_TABLE[type]).select('location_id').where('id', '=', id).executeTakeFirst())?.location_id;
  }
}

/** A name expression contains the text (case-insensitive for ASCII, as SQLite's LIKE). */
const FULL_NAME = sql<string>`first_name || ' ' || coalesce(surname_prefix || ' ', '') || surname`;
const contains = (expression: ReturnType<typeof sql<string>>, q: string) => sql<boolean>`${expression} LIKE ${`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} ESCAPE '\\'`;
const named = (r: { first_name: string; surname_prefix: string | null; surname: string }) => displayName({ firstName: r.first_name, surnamePrefix: r.surname_prefix, surname: r.surname });

/** Who a request can be about among people with a row of their own: by name, with a detail to tell them apart (position, date). */
export async function findOwnPeople(db: DbOrTrx, type: OwnRecordSubject, q: string, limit: number): Promise<{ id: string; name: string; detail: string }[]> {
  switch (type) {
    case 'employee':
    case 'applicant': {
      const rows = await db.selectFrom(type === 'employee' ? 'employees' : 'applicants').select([...NAME, 'position']).where(contains(FULL_NAME, q)).orderBy('surname').limit(limit).execute();
      return rows.map((r) => ({ id: r.id, name: named(r), detail: r.position }));
    }
    case 'waitlist_prospect': {
      const rows = await db.selectFrom('waitlist_entries').select(['id', 'parent_name', 'desired_start_date']).where(contains(sql<string>`parent_name`, q)).orderBy('parent_name').limit(limit).execute();
      return rows.map((r) => ({ id: r.id, name: r.parent_name, detail: r.desired_start_date }));
    }
    case 'complainant': {
      const rows = await db.selectFrom('complaints').select(['id', 'complainant_name', 'received_on']).where(contains(sql<string>`complainant_name`, q)).orderBy('complainant_name').limit(limit).execute();
      return rows.map((r) => ({ id: r.id, name: r.complainant_name, detail: r.received_on }));
    }
    case 'pickup_person': {
      // The detail tells same-named people apart: whose list they are on, and as what.
      const rows = await findPickupPeople(db, q, limit);
      return rows.map((r) => ({ id: r.id, name: r.name, detail: `${r.ban ? 'mag niet ophalen' : `ophaalpersoon${r.relation ? `, ${r.relation}` : ''}`}: ${named(r)}` }));
    }
  }
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

const RECORD_TABLE = {
  parent: 'parents',
  child: 'children',
  household: 'households',
  employee: 'employees',
  applicant: 'applicants',
  waitlist_prospect: 'waitlist_entries',
  complainant: 'complaints',
  pickup_person: 'pickup_persons',
} as const satisfies Record<RectifiableTarget, string>;
export const recordTable = (type: RectifiableTarget) => RECORD_TABLE[type];

/** A parent, child or household row with its columns by name (rectification picks one by field). */
export const findRecord = async (db: DbOrTrx, type: RectifiableTarget, id: string) =>
  (await db.selectFrom(RECORD_TABLE[type]).selectAll().where('id', '=', id).executeTakeFirst()) as Record<string, unknown> | undefined;

/** Dynamic columns from the closed RECTIFIABLE list; Kysely cannot type this generically. */
export const updateRecord = (trx: Trx, type: RectifiableTarget, id: string, changes: Record<string, unknown>) =>
  trx.updateTable(RECORD_TABLE[type]).set(changes as never).where('id', '=', id).execute();

// ---- restrictions (beperking, AVG art. 18) ----------------------------------------------------

/** `until` is the day a restriction was lifted: in force while it is null or later than today. */
export const restrictedSubjectIds = async (db: DbOrTrx, subjectType: RequestSubjectType, today: string) =>
  (
    await db
      .selectFrom('processing_restrictions')
      .select('subject_id')
      .where('subject_type', '=', subjectType)
      .where((eb) => eb.or([eb('until', 'is', null), eb('until', '>', today)]))
      .execute()
  ).map((r) => r.subject_id);

/** The restriction of a subject that is in force today. */
export const activeRestriction = (db: DbOrTrx, subjectType: RequestSubjectType, subjectId: string, today: string) =>
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
