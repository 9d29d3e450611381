import { sql, type Kysely } from 'kysely';

/** The location's calendar day (Europe/Amsterdam) of an instant: frozen here, not imported, so this migration never changes. */
const amsterdamDay = (instant: string) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(new Date(instant));

/**
 * Klachten (issue 16 part 9):
 * - `household_id`: the household (gezin) the complaint concerns, so the household's access report
 *   lists it and destroying or erasing the household takes it along (data map). No foreign key:
 *   a pulled complaint may arrive before its household, and the data map's erase order (dependents
 *   first) removes it with the household; the service checks the household exists when linking.
 * - `outcome`: the houder's reasoned judgement (Wet kinderopvang: a schriftelijk, met redenen
 *   omkleed oordeel) — gegrond, deels gegrond or ongegrond; `measures`: the concrete measures and
 *   when they are taken, if any. Both are written when the complaint is closed.
 * Existing complaints keep their data and get no household. Their received date stays; one the
 * old form let lie after the day it was registered (it had no "not in the future" check) becomes
 * that day, so the six-week deadline counts from a date that had happened.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('complaints').addColumn('household_id', 'text').execute();
  await db.schema
    .alterTable('complaints')
    .addColumn('outcome', 'text', (c) => c.check(sql`outcome IN ('gegrond', 'deels_gegrond', 'ongegrond')`))
    .execute();
  await db.schema.alterTable('complaints').addColumn('measures', 'text').execute();
  await db.schema.createIndex('complaints_household').on('complaints').column('household_id').execute();

  const rows = (await db.selectFrom('complaints').select(['id', 'received_on', 'created_at']).execute()) as { id: string; received_on: string; created_at: string }[];
  for (const r of rows) {
    const registered = amsterdamDay(r.created_at);
    if (r.received_on > registered) await db.updateTable('complaints').set({ received_on: registered }).where('id', '=', r.id).execute();
  }
}
