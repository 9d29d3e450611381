import type { Kysely } from 'kysely';

// Locaties en apparaten (issue 18 part 2): how many synchronisation conflicts wait on each PC for the
// manager to resolve, as the PC reports it with every pull (a count only, never the rows). Null
// until the PC first reports.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('devices').addColumn('open_conflicts', 'integer').execute();
}
