import type { DbOrTrx, LocationRow, Trx } from '../../db/schema';

export const getLocation = (db: DbOrTrx): Promise<LocationRow | undefined> =>
  db.selectFrom('location').selectAll().limit(1).executeTakeFirst();

export const insertLocation = (trx: Trx, row: LocationRow) => trx.insertInto('location').values(row).execute();
