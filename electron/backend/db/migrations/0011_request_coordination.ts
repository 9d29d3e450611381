import { sql, type Kysely } from 'kysely';

/**
 * The other parent with parental authority (gezag) exercises a child's rights "in afstemming met
 * de contractouder" (privacy statement): the request records with whom (the contract parent, by id
 * and by name, so the proof survives an erasure), when and how that afstemming took place.
 * New nullable columns only: requests of a contract parent or about a parent themself have none.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('subject_requests').addColumn('coordination_parent_id', 'text').execute();
  await db.schema.alterTable('subject_requests').addColumn('coordination_parent_name', 'text').execute();
  await db.schema.alterTable('subject_requests').addColumn('coordination_on', 'text').execute();
  await db.schema
    .alterTable('subject_requests')
    .addColumn('coordination_how', 'text', (c) => c.check(sql`coordination_how IN ('in_person', 'phone', 'email', 'letter')`))
    .execute();
}
