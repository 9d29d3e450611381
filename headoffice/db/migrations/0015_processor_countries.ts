import type { Kysely } from 'kysely';

// Verwerkersregister (issue 18 part 6): the country or countries outside the EEA a processor sends
// data to, beside the transfer mechanism (art. 30 lid 1 sub e AVG names the third country). Free
// text ("Verenigde Staten, India"); empty when nothing leaves the EEA, or for a processor entered
// before this column until the privacy officer completes it.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('processors').addColumn('transfer_countries', 'text', (c) => c.notNull().defaultTo('')).execute();
}
