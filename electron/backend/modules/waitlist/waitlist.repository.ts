import type { Insertable, Updateable } from 'kysely';
import type { WaitlistStatus } from '../../../../shared/api/clients.schemas';
import type { DbOrTrx, Trx, WaitlistEntriesTable, WaitlistRow } from '../../db/schema';

export const findEntry = (db: DbOrTrx, id: string): Promise<WaitlistRow | undefined> =>
  db.selectFrom('waitlist_entries').selectAll().where('id', '=', id).executeTakeFirst();

/** By desired start date, then by the order they came in; all or those with one status. */
export function entries(db: DbOrTrx, status: WaitlistStatus | null | undefined): Promise<WaitlistRow[]> {
  let query = db.selectFrom('waitlist_entries').selectAll().orderBy('desired_start_date').orderBy('created_at');
  if (status) query = query.where('status', '=', status);
  return query.execute();
}

export const insertEntry = (trx: Trx, row: Insertable<WaitlistEntriesTable>) => trx.insertInto('waitlist_entries').values(row).execute();

export const updateEntry = (trx: Trx, id: string, changes: Updateable<WaitlistEntriesTable>) =>
  trx.updateTable('waitlist_entries').set(changes).where('id', '=', id).execute();
