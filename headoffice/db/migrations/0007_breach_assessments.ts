import type { Kysely } from 'kysely';

// Datalekkenregister (issue 18 part 4): the privacy officer's assessment beside each breach a
// location reported (the report itself is the synced `data_breaches` record). One row per breach,
// written when it is first assessed; never deleted (art. 33(5) AVG: every breach stays on record).
// Text and integer columns only, the same on SQLite and PostgreSQL.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('breach_assessments')
    .addColumn('breach_id', 'text', (c) => c.primaryKey())
    .addColumn('location_id', 'text', (c) => c.notNull())
    /** none | low | high: the risk for the persons involved. */
    .addColumn('risk', 'text', (c) => c.notNull())
    .addColumn('likely_consequences', 'text', (c) => c.notNull())
    /** 1 = report to the Autoriteit Persoonsgegevens; 0 = not, with the reasons. */
    .addColumn('report_to_ap', 'integer', (c) => c.notNull())
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('ap_reference', 'text')
    .addColumn('ap_reported_at', 'text')
    /** Why the report came after the 72 hours, when it did. */
    .addColumn('late_reason', 'text')
    /** 1 = the persons are informed (art. 34), 0 = not, with the reasons. */
    .addColumn('inform_persons', 'integer', (c) => c.notNull())
    .addColumn('inform_reasons', 'text', (c) => c.notNull())
    .addColumn('follow_up', 'text', (c) => c.notNull())
    .addColumn('assessed_by', 'text', (c) => c.notNull())
    .addColumn('assessed_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('closed_by', 'text')
    .execute();
}
