import type { DbOrTrx, Trx } from '../../db/schema';

/** Every query of the privacy statement versions (pulled from head office) and the "informed" notes. */

/** Newest effective date first; of two on the same day, the later published. */
export const statementVersions = (db: DbOrTrx) => db.selectFrom('privacy_statement_versions').selectAll().orderBy('effective_date', 'desc').orderBy('published_at', 'desc').execute();

/** The version in force on `today`: the newest whose effective date has come. */
export const statementInForce = (db: DbOrTrx, today: string) =>
  db.selectFrom('privacy_statement_versions').selectAll().where('effective_date', '<=', today).orderBy('effective_date', 'desc').orderBy('published_at', 'desc').limit(1).executeTakeFirst();

export const findStatementVersion = (db: DbOrTrx, id: string) => db.selectFrom('privacy_statement_versions').selectAll().where('id', '=', id).executeTakeFirst();

export const informedNotes = (db: DbOrTrx) => db.selectFrom('privacy_statement_informed').selectAll().execute();

/** One note per version (same id): a second PC's or a corrected date replaces the first. */
export const upsertInformed = (trx: Trx, row: { id: string; location_id: string; informed_on: string; recorded_at: string }) =>
  trx
    .insertInto('privacy_statement_informed')
    .values({ ...row, version: null })
    .onConflict((oc) => oc.column('id').doUpdateSet({ informed_on: row.informed_on, recorded_at: row.recorded_at }))
    .execute();
