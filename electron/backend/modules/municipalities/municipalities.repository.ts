import type { Insertable, Updateable } from 'kysely';
import type { DbOrTrx, MunicipalityConfigsTable, Trx } from '../../db/schema';

export const findMunicipality = (db: DbOrTrx, id: string) => db.selectFrom('municipality_configs').selectAll().where('id', '=', id).executeTakeFirst();

export const municipalityRows = (db: DbOrTrx) => db.selectFrom('municipality_configs').selectAll().orderBy('name').execute();

export const insertMunicipality = (trx: Trx, row: Insertable<MunicipalityConfigsTable>) => trx.insertInto('municipality_configs').values(row).execute();

/** True when the municipality existed and was updated. */
export const updateMunicipality = async (trx: Trx, id: string, changes: Updateable<MunicipalityConfigsTable>) =>
  Number((await trx.updateTable('municipality_configs').set(changes).where('id', '=', id).executeTakeFirst()).numUpdatedRows) === 1;
