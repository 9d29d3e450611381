import type { Kysely } from 'kysely';

// Privacy statement versions (privacyverklaring, issue 18 part 8): the organisation's published
// texts, one row per version. Organisation text, no personal data; published_by is a console user id.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('privacy_statement_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    /** The label parents see, e.g. "2026.2"; unique. */
    .addColumn('version', 'text', (c) => c.notNull().unique())
    /** YYYY-MM-DD: the version is in force from this day. */
    .addColumn('effective_date', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text', (c) => c.notNull())
    .execute();
}
