import type { Kysely } from 'kysely';

// The verwerkersregister: the organisation's processors (verwerkers) under a
// verwerkersovereenkomst. Companies, not people: no personal data. Text and integer columns only.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('processors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    /** What they do for the organisation, e.g. "Salarisadministratie". */
    .addColumn('service', 'text', (c) => c.notNull())
    /** JSON array of data-map category keys (shared/dataMap/categories.ts). */
    .addColumn('data_categories', 'text', (c) => c.notNull())
    .addColumn('agreement_date', 'text', (c) => c.notNull())
    .addColumn('review_date', 'text', (c) => c.notNull())
    /** Free text: the sub-processors the agreement allows, or empty. */
    .addColumn('sub_processors', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('outside_eea', 'integer', (c) => c.notNull().defaultTo(0))
    /** scc | adequacy | bcr | other; null when nothing leaves the EEA. */
    .addColumn('transfer_mechanism', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
