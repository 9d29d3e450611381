import type { Insertable } from 'kysely';
import type { SubjectType } from '../../../../shared/api/retention.schemas';
import type { Database, DbOrTrx, Trx } from '../../db/schema';
import { inSlices } from '../retention/retention.repository';

/** The table of each kind of record a hold can be placed on. */
const SUBJECT_TABLE = { household: 'households', child: 'children', applicant: 'applicants', employee: 'employees', complaint: 'complaints', meldcode_case: 'meldcode_cases' } as const;

export const findHold = (db: DbOrTrx, id: string) => db.selectFrom('legal_holds').selectAll().where('id', '=', id).executeTakeFirst();

/** Holds on these records (lifted or not), newest first. */
export const holdsOn = (db: DbOrTrx, subjectType: string, subjectIds: readonly string[]) =>
  inSlices(subjectIds, (slice) => db.selectFrom('legal_holds').selectAll().where('subject_type', '=', subjectType).where('subject_id', 'in', slice).orderBy('placed_at', 'desc').execute());

/** Holds not lifted yet (they block destruction). */
export const activeHolds = (db: DbOrTrx) => db.selectFrom('legal_holds').selectAll().where('lifted_at', 'is', null).execute();

/** The location of the record a hold is placed on; undefined when it does not exist. */
export async function subjectLocation(trx: Trx, type: SubjectType, id: string): Promise<string | undefined> {
  return (await trx.selectFrom(SUBJECT_TABLE[type]).select('location_id').where('id', '=', id).executeTakeFirst())?.location_id;
}

export const insertHold = (trx: Trx, row: Insertable<Database['legal_holds']>) => trx.insertInto('legal_holds').values(row).execute();

export const setLifted = (trx: Trx, id: string, lifted: { at: string; byName: string; reason: string }) =>
  trx.updateTable('legal_holds').set({ lifted_at: lifted.at, lifted_by_name: lifted.byName, lift_reason: lifted.reason }).where('id', '=', id).execute();

/** True when a hold not lifted yet is on the record. */
export const hasActiveHold = async (db: DbOrTrx, subjectType: SubjectType, subjectId: string) =>
  Boolean(await db.selectFrom('legal_holds').select('id').where('subject_type', '=', subjectType).where('subject_id', '=', subjectId).where('lifted_at', 'is', null).executeTakeFirst());
