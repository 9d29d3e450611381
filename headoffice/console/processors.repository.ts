import type { HeadOfficeDatabase, HoDb, HoTrx } from '../db/schema';

/** Every query of the verwerkersregister. */

export type ProcessorRow = HeadOfficeDatabase['processors'];

export const allProcessors = (db: HoDb) => db.selectFrom('processors').selectAll().orderBy('name').execute();

export const insertProcessor = (trx: HoTrx, row: ProcessorRow) => trx.insertInto('processors').values(row).execute();

export const updateProcessor = (trx: HoTrx, id: string, row: Omit<ProcessorRow, 'id' | 'created_at'>) =>
  trx.updateTable('processors').set(row).where('id', '=', id).executeTakeFirst();
