import type { Insertable, Updateable } from 'kysely';
import type { CaseStatus } from '../../../../shared/api/meldcode.schemas';
import type { DbOrTrx, MeldcodeCasesTable, MeldcodeEntriesTable, Trx } from '../../db/schema';

export const findCase = (db: DbOrTrx, id: string) => db.selectFrom('meldcode_cases').selectAll().where('id', '=', id).executeTakeFirst();

/** Cases with the child's name and the number of entries, newest first. */
export function caseRows(db: DbOrTrx, filter: { status?: CaseStatus | null; childId?: string; id?: string }) {
  let query = db
    .selectFrom('meldcode_cases')
    .leftJoin('children', 'children.id', 'meldcode_cases.child_id')
    .selectAll('meldcode_cases')
    .select(['children.first_name', 'children.surname_prefix', 'children.surname'])
    .select((eb) => eb.selectFrom('meldcode_entries').select(eb.fn.countAll<number>().as('n')).whereRef('meldcode_entries.case_id', '=', 'meldcode_cases.id').as('entry_count'))
    .orderBy('meldcode_cases.opened_on', 'desc')
    .orderBy('meldcode_cases.id', 'desc');
  if (filter.status) query = query.where('meldcode_cases.status', '=', filter.status);
  if (filter.childId) query = query.where('meldcode_cases.child_id', '=', filter.childId);
  if (filter.id) query = query.where('meldcode_cases.id', '=', filter.id);
  return query.execute();
}
export type CaseListRow = Awaited<ReturnType<typeof caseRows>>[number];

/** Entries in recording order (UUIDv7 ids are time-ordered, so they break ties). */
export const entriesOfCase = (db: DbOrTrx, caseId: string) =>
  db.selectFrom('meldcode_entries').selectAll().where('case_id', '=', caseId).orderBy('created_at').orderBy('id').execute();

export const hasDecisionEntry = async (db: DbOrTrx, caseId: string) =>
  (await db.selectFrom('meldcode_entries').select('id').where('case_id', '=', caseId).where('kind', '=', 'decision').executeTakeFirst()) !== undefined;

export const insertCase = (trx: Trx, row: Insertable<MeldcodeCasesTable>) => trx.insertInto('meldcode_cases').values(row).execute();

export const updateCase = (trx: Trx, id: string, changes: Updateable<MeldcodeCasesTable>) => trx.updateTable('meldcode_cases').set(changes).where('id', '=', id).execute();

/** The only write to entries: there is no update or delete (the table's triggers refuse both). */
export const insertEntry = (trx: Trx, row: Insertable<MeldcodeEntriesTable>) => trx.insertInto('meldcode_entries').values(row).execute();

/** The children a case can be about: name, birth date and group only. */
export const childOptionRows = (db: DbOrTrx) =>
  db
    .selectFrom('children')
    .leftJoin('groups', 'groups.id', 'children.group_id')
    .select(['children.id', 'children.first_name', 'children.surname_prefix', 'children.surname', 'children.birth_date', (eb) => eb.fn.coalesce('groups.name', eb.val('')).as('group_name')])
    .orderBy('children.first_name')
    .orderBy('children.surname')
    .execute();

export const entryIdsOfCase = async (db: DbOrTrx, caseId: string) => (await db.selectFrom('meldcode_entries').select('id').where('case_id', '=', caseId).execute()).map((e) => e.id);

