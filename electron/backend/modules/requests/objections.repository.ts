import type { Insertable } from 'kysely';
import type { RequestSubjectType } from '../../../../shared/domain/requests';
import type { DbOrTrx, ProcessingObjectionsTable, Trx } from '../../db/schema';

// ---- bezwaar (AVG art. 21) --------------------------------------------------------------------

export const insertObjection = (trx: Trx, row: Insertable<ProcessingObjectionsTable>) => trx.insertInto('processing_objections').values(row).execute();

/** An upheld objection of this person against this processing (the latest decision counts). */
export const upheldObjectionOf = (db: DbOrTrx, subjectType: RequestSubjectType, subjectId: string, category: string) =>
  db
    .selectFrom('processing_objections')
    .select(['id', 'decided_on'])
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', subjectId)
    .where('category', '=', category)
    .where('outcome', '=', 'upheld')
    .executeTakeFirst();

/** An upheld objection of a pickup person (by their normalised name) against this processing. */
export const upheldObjectionOfPickupPerson = (db: DbOrTrx, personKey: string, category: string) =>
  db
    .selectFrom('processing_objections')
    .select(['id', 'decided_on'])
    .where('person_key', '=', personKey)
    .where('category', '=', category)
    .where('outcome', '=', 'upheld')
    .executeTakeFirst();
