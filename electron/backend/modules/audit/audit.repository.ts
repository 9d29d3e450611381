import type { AuditRow, DbOrTrx, Trx } from '../../db/schema';

export const lastAuditRow = (trx: DbOrTrx) =>
  trx.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirst();

export const insertAuditRow = (trx: Trx, row: AuditRow) => trx.insertInto('audit_log').values(row).execute();

export const countAuditRows = async (db: DbOrTrx) =>
  Number((await db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

/** Newest first; `from`/`to` are ISO instants (inclusive from, exclusive to). */
export const recentAuditRows = (db: DbOrTrx, filter: { limit: number; userId?: string | null; from?: string | null; to?: string | null }) =>
  db
    .selectFrom('audit_log')
    .selectAll()
    .$if(Boolean(filter.userId), (q) => q.where('user_id', '=', filter.userId!))
    .$if(Boolean(filter.from), (q) => q.where('at', '>=', filter.from!))
    .$if(Boolean(filter.to), (q) => q.where('at', '<', filter.to!))
    .orderBy('seq', 'desc')
    .limit(filter.limit)
    .execute();

/** Rows in chain order, in pages, so verifying a long log does not load it all at once. */
export async function* auditRowsInOrder(db: DbOrTrx, pageSize = 1000): AsyncGenerator<AuditRow> {
  let after = 0;
  for (;;) {
    const page = await db.selectFrom('audit_log').selectAll().where('seq', '>', after).orderBy('seq').limit(pageSize).execute();
    yield* page;
    if (page.length < pageSize) return;
    after = page[page.length - 1]!.seq;
  }
}
