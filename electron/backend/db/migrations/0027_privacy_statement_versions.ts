import type { Kysely } from 'kysely';

/**
 * Privacy statement versions (privacyverklaring, issue 18 part 8), pulled from head office (entity
 * `privacy_statement_versions`, one row per version per location, never pushed by the PC): the
 * version in force is the newest whose effective date has come; consent forms cite it.
 *
 * `privacy_statement_informed`: the location's note that parents were told about a version
 * ("Ouders geïnformeerd", with the day). Its id is the version row's id, so two PCs marking the same
 * version write the same synced row (last writer wins) and the task stays one per version.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('privacy_statement_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('location_id', 'text', (c) => c.notNull())
    .addColumn('version_label', 'text', (c) => c.notNull())
    .addColumn('effective_date', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer')
    .execute();
  await db.schema
    .createTable('privacy_statement_informed')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('location_id', 'text', (c) => c.notNull())
    .addColumn('informed_on', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer')
    .execute();
}
