import type { Kysely } from 'kysely';

// Locaties en apparaten: the pull cursor a PC's count of open conflicts came with. A pull request
// that arrives late (held by the network, for an older cursor) no longer overwrites a newer count.
// Null until the PC first reports after this migration.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('devices').addColumn('open_conflicts_after', 'bigint').execute();
}
