import type { Kysely } from 'kysely';

// Anonymised figures (issue 18 part 9): each location's retention_statistics — counts per metric and
// period that survive destruction, never personal data — as the location last sent them with a sync
// push. One row per location, metric and period, overwritten with the location's current total.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('location_statistics')
    .addColumn('location_id', 'text', (c) => c.notNull())
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('location_statistics_pk', ['location_id', 'metric', 'period'])
    .execute();
}
