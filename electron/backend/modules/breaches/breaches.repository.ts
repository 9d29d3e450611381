import type { Insertable } from 'kysely';
import type { Database, DbOrTrx, Trx } from '../../db/schema';

export const insertBreach = (trx: Trx, row: Insertable<Database['data_breaches']>) => trx.insertInto('data_breaches').values(row).execute();

/** The location's breach reports, newest discovery first; `reportedBy` limits them to one user's own. */
export function breachRows(db: DbOrTrx, reportedBy?: string) {
  let query = db.selectFrom('data_breaches').selectAll().orderBy('discovered_at', 'desc');
  if (reportedBy) query = query.where('reported_by', '=', reportedBy);
  return query.execute();
}

export const findBreach = (db: DbOrTrx, id: string) => db.selectFrom('data_breaches').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

/** Ids of these reports still queued for head office (not yet acknowledged by a push). */
export async function breachesInOutbox(db: DbOrTrx, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('outbox').select('entity_id').distinct().where('entity', '=', 'data_breaches').where('entity_id', 'in', ids).execute();
  return new Set(rows.map((r) => r.entity_id));
}
