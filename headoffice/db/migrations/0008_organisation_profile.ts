import type { Kysely } from 'kysely';

// Organisation identity and privacy contacts (issue 18 part 7): one row (id 'organisation'), set
// by the privacy officer in the console and published to every location. Text columns only, the
// same on SQLite and PostgreSQL. Nothing existed before, so nothing is carried over.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('organisation_profile')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('controller_name', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('postcode_city', 'text', (c) => c.notNull())
    .addColumn('kvk_number', 'text', (c) => c.notNull())
    .addColumn('privacy_officer_name', 'text', (c) => c.notNull())
    .addColumn('privacy_officer_email', 'text', (c) => c.notNull())
    .addColumn('privacy_officer_phone', 'text', (c) => c.notNull())
    .addColumn('fg_name', 'text', (c) => c.notNull())
    .addColumn('fg_email', 'text', (c) => c.notNull())
    .addColumn('fg_organisation', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();
}
