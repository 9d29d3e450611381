import type { DbOrTrx, LocationRow, Trx } from '../../db/schema';

export const getLocation = (db: DbOrTrx): Promise<LocationRow | undefined> =>
  db.selectFrom('location').selectAll().limit(1).executeTakeFirst();

export const insertLocation = (trx: Trx, row: LocationRow) => trx.insertInto('location').values(row).execute();

/** The organisation profile head office published (issue 18 part 7); undefined until it arrives. */
export const getOrganisationRow = (db: DbOrTrx) => db.selectFrom('organisation_profile').selectAll().limit(1).executeTakeFirst();
