import { sql, type Kysely } from 'kysely';

/**
 * A legally required disclosure and the persons under restriction (AVG art. 18): per person the
 * manager's decision (included because the law requires it, or left out) and its reason, with
 * the register line of the export.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('disclosure_restriction_decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('location_id', 'text', (c) => c.notNull())
    .addColumn('disclosure_id', 'text', (c) => c.notNull().references('disclosures.id').onDelete('cascade'))
    .addColumn('subject_type', 'text', (c) => c.notNull().check(sql`subject_type IN ('child', 'parent')`))
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull().check(sql`decision IN ('include', 'exclude')`))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('version', 'integer')
    .execute();
  await db.schema.createIndex('disclosure_restriction_decisions_disclosure').on('disclosure_restriction_decisions').column('disclosure_id').execute();
  await db.schema.createIndex('disclosure_restriction_decisions_subject').on('disclosure_restriction_decisions').columns(['subject_type', 'subject_id']).execute();
}
