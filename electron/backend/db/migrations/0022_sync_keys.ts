import type { Kysely } from 'kysely';

/**
 * The location's sync keys (issue 15): AES-256 keys that seal medical data and meldcode files
 * before they leave this PC. Created by the first enrolled PC of a location, or received with a
 * transfer code; kept only here, in the encrypted database (and so in its backups). A retired key
 * stays to open what was sealed with it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sync_keys')
    .addColumn('key_id', 'text', (c) => c.primaryKey())
    /** base64 of the 32 key bytes. */
    .addColumn('key_material', 'text', (c) => c.notNull())
    /** created | transfer */
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('retired_at', 'text')
    .execute();
}
