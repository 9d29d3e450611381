import type { Insertable, Updateable } from 'kysely';
import type { Database, DbOrTrx, Trx } from '../../db/schema';

export const allComplaints = (db: DbOrTrx) => db.selectFrom('complaints').selectAll().orderBy('received_on', 'desc').execute();

export const findComplaint = (db: DbOrTrx, id: string) => db.selectFrom('complaints').selectAll().where('id', '=', id).executeTakeFirst();

export const insertComplaint = (trx: Trx, row: Insertable<Database['complaints']>) => trx.insertInto('complaints').values(row).execute();

export const updateComplaint = (trx: Trx, id: string, changes: Updateable<Database['complaints']>) => trx.updateTable('complaints').set(changes).where('id', '=', id).execute();
