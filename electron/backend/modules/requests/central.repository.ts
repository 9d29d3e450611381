import type { Updateable } from 'kysely';
import type { CentralRequestsTable, DbOrTrx, Trx } from '../../db/schema';

/** Every query of the requests that came in via privacy@ (table central_requests, written by head office). */

export const findCentralRequest = (db: DbOrTrx, id: string) => db.selectFrom('central_requests').selectAll().where('id', '=', id).executeTakeFirst();

/** Still to register here, the earliest deadline first. */
export const openCentralRequests = (db: DbOrTrx) => db.selectFrom('central_requests').selectAll().where('status', '=', 'new').orderBy('deadline').orderBy('received_on').execute();

export const updateCentralRequest = (trx: Trx, id: string, changes: Updateable<CentralRequestsTable>) => trx.updateTable('central_requests').set(changes).where('id', '=', id).execute();
