import { sql, type Kysely } from 'kysely';

/**
 * Covering indexes for the retention preview (issue 14, bench): what it shows of a household and
 * a child is read from an index, not from the rows, so a preview over a large location decrypts
 * a fraction of the pages.
 *
 * - parents (household_id, is_contract_parent, id, names, contact details left): the household's
 *   label, whether the contract parent's e-mail or phone is still to be cleared, and the other
 *   parents with their names. It replaces parents_household (same first column).
 * - children (id, household_id, names): the window query's child → household step now also gives
 *   the child's name for the labels of its parts. It replaces children_id_household (0017).
 *
 * The expression must stay written as the repository writes it (parentsOfHouseholds), or SQLite
 * reads the rows again (still correct, only slower).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX parents_household_labels ON parents (household_id, is_contract_parent, id, first_name, surname_prefix, surname, (email IS NOT NULL OR phone IS NOT NULL))`.execute(db);
  await db.schema.dropIndex('parents_household').ifExists().execute();
  await db.schema.createIndex('children_id_household_names').on('children').columns(['id', 'household_id', 'first_name', 'surname_prefix', 'surname']).execute();
  await db.schema.dropIndex('children_id_household').ifExists().execute();
}
