import type { Insertable, Updateable } from 'kysely';
import type { Database, DbOrTrx, Trx } from '../../db/schema';

export const allApplicants = (db: DbOrTrx) => db.selectFrom('applicants').selectAll().orderBy('applied_on', 'desc').execute();

export const findApplicant = (db: DbOrTrx, id: string) => db.selectFrom('applicants').selectAll().where('id', '=', id).executeTakeFirst();

export const insertApplicant = (trx: Trx, row: Insertable<Database['applicants']>) => trx.insertInto('applicants').values(row).execute();

/** True when the applicant exists (and was changed). */
export const updateApplicant = async (trx: Trx, id: string, changes: Updateable<Database['applicants']>) =>
  Number((await trx.updateTable('applicants').set(changes).where('id', '=', id).executeTakeFirst()).numUpdatedRows) > 0;
