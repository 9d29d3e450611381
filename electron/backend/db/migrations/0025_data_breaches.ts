import { sql, type Kysely } from 'kysely';

/**
 * Datalekkenregister (issue 18 part 4): a location reports a data breach (datalek) from the app,
 * also offline; the row syncs to head office (entity `data_breaches`), where the privacy officer
 * assesses it against the 72 hours of art. 33 AVG. Every breach stays on record (art. 33(5)), so
 * there is no delete path in the app. The columns are the fields of `BreachRecord`
 * (shared/breaches/record.ts), which both sides parse; the persons involved are counted, never
 * named. Category lists are JSON arrays of the codes in that file. Nothing existed before, so
 * nothing is carried over.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('data_breaches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('location_id', 'text', (c) => c.notNull())
    .addColumn('what_happened', 'text', (c) => c.notNull().check(sql`length(trim(what_happened)) > 0`))
    .addColumn('discovered_at', 'text', (c) => c.notNull())
    .addColumn('occurred_on', 'text')
    .addColumn('person_categories', 'text', (c) => c.notNull())
    .addColumn('persons_count', 'integer', (c) => c.notNull().check(sql`persons_count >= 1`))
    .addColumn('data_categories', 'text', (c) => c.notNull())
    .addColumn('measures_taken', 'text', (c) => c.notNull())
    .addColumn('reported_by', 'text', (c) => c.notNull())
    .addColumn('reporter_name', 'text', (c) => c.notNull())
    .addColumn('reported_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer')
    .execute();
  await db.schema.createIndex('data_breaches_discovered').on('data_breaches').column('discovered_at').execute();
}
