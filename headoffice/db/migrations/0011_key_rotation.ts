import type { Kysely } from 'kysely';

// Key rotation (issue 15): revoking a device marks its location as needing a new sync key
// (`key_rotation_due_at`). The next remaining PC that syncs creates one, claims it with a
// conditional update and leaves it here wrapped under the previous key (AES-256-GCM), for the
// location's other PCs; head office cannot open it. Text columns only.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('locations').addColumn('key_rotation_due_at', 'text').execute();
  await db.schema
    .createTable('key_rotations')
    .addColumn('location_id', 'text', (c) => c.notNull().references('locations.id'))
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('previous_key_id', 'text', (c) => c.notNull())
    /** JSON: { iv, data } — the new key under the previous one (+ GCM tag), base64. */
    .addColumn('wrapped', 'text', (c) => c.notNull())
    .addColumn('created_by_device', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('key_rotations_pk', ['location_id', 'key_id'])
    .execute();
}
