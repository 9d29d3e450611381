import type { AuditRow, DbOrTrx, Trx } from '../../db/schema';

export const lastAuditRow = (trx: DbOrTrx) =>
  trx.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirst();

export const insertAuditRow = (trx: Trx, row: AuditRow) => trx.insertInto('audit_log').values(row).execute();

export const countAuditRows = async (db: DbOrTrx) =>
  Number((await db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

export const recentAuditRows = (db: DbOrTrx, limit: number) =>
  db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(limit).execute();

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
