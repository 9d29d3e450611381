import type { Kysely } from 'kysely';

/**
 * Indexes for the retention engine's window query (childrenEndedBy): the contracts that ended by
 * a date with their child, and a child's household, both read from the index without the rows.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('contracts_end_child').on('contracts').columns(['end_date', 'child_id']).execute();
  await db.schema.dropIndex('contracts_end_date').execute();
  await db.schema.createIndex('children_id_household').on('children').columns(['id', 'household_id']).execute();
}
