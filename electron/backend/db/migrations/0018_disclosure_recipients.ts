import { sql, type Kysely } from 'kysely';

/** Whose data a disclosure may hold (issue 16): every data subject with a row of their own. */
const SUBJECT_TYPES = sql`subject_type IN ('parent', 'child', 'employee', 'applicant', 'waitlist_prospect', 'complainant')`;

/**
 * The verstrekkingenregister for every recipient (issue 16 part 4): Veilig Thuis, police and
 * justice, emergency care, auditors, and other recipients, beside the fixed exports.
 * - `disclosures` gets the order or claim reference (vordering/bevel, required for police and
 *   justice), the confidentiality agreed with an auditor, the day of the disclosure, and the
 *   meldcode file a Veilig Thuis report came from;
 * - `disclosure_subjects` may name an employee, applicant, waiting-list prospect or complainant.
 *   SQLite cannot change a CHECK constraint, so that table is rebuilt with foreign keys off (as in
 *   0011); nothing references it, and the check afterwards proves its own reference still holds.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('disclosures').addColumn('order_reference', 'text').execute();
  await db.schema.alterTable('disclosures').addColumn('confidentiality', 'text').execute();
  await db.schema.alterTable('disclosures').addColumn('disclosed_on', 'text').execute();
  await db.schema.alterTable('disclosures').addColumn('meldcode_case_id', 'text').execute();
  await db.schema.createIndex('disclosures_meldcode_case').on('disclosures').column('meldcode_case_id').execute();

  await sql`PRAGMA foreign_keys = OFF`.execute(db);
  try {
    await db.schema
      .createTable('disclosure_subjects_0018')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('location_id', 'text', (c) => c.notNull())
      .addColumn('disclosure_id', 'text', (c) => c.notNull().references('disclosures.id').onDelete('cascade'))
      .addColumn('subject_type', 'text', (c) => c.notNull().check(SUBJECT_TYPES))
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .addColumn('version', 'integer')
      .execute();
    await sql`INSERT INTO disclosure_subjects_0018 (id, location_id, disclosure_id, subject_type, subject_id, version) SELECT id, location_id, disclosure_id, subject_type, subject_id, version FROM disclosure_subjects`.execute(db);
    await db.schema.dropTable('disclosure_subjects').execute();
    await db.schema.alterTable('disclosure_subjects_0018').renameTo('disclosure_subjects').execute();
    await db.schema.createIndex('disclosure_subjects_subject').on('disclosure_subjects').columns(['subject_type', 'subject_id']).execute();
    const broken = await sql`PRAGMA foreign_key_check`.execute(db);
    if (broken.rows.length > 0) throw new Error(`0018: ${broken.rows.length} broken references after rebuilding disclosure_subjects`);
  } finally {
    await sql`PRAGMA foreign_keys = ON`.execute(db);
  }
}
