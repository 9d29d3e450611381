import { sql, type Kysely } from 'kysely';

/** The people a request can be about (issue 16): every data subject of the data map with a row of their own. */
const SUBJECT_TYPES = sql`subject_type IN ('parent', 'child', 'employee', 'applicant', 'waitlist_prospect', 'complainant')`;

const COLUMNS = sql.raw(
  'id, location_id, kind, subject_type, subject_id, household_id, requester_parent_id, requester_name, received_on, identity_method, description, deadline, extended_months, extension_reason, extended_on, meldcode_decision, meldcode_decision_reason, meldcode_decided_by_name, meldcode_decided_at, status, outcome, decision, closed_on, created_at, created_by_name, version',
);

/**
 * AVG-verzoeken for every data subject (issue 16):
 * - a request can be about an employee, applicant, waiting-list prospect or complainant, who has no
 *   household and asks for themself: `household_id` and `requester_parent_id` become nullable;
 * - the other parent with parental authority (gezag) exercises a child's rights "in afstemming met
 *   de contractouder" (privacy statement): with whom (the contract parent, by id and by name, so
 *   the proof survives an erasure), when and how.
 * SQLite cannot change a CHECK or NOT NULL constraint, so the table is rebuilt with foreign keys
 * off (the documented procedure): data_corrections and request_tasks reference it by name and keep
 * their rows; the check afterwards proves every reference still holds.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
export async function up(db: Kysely<any>): Promise<void> {
  await sql`PRAGMA foreign_keys = OFF`.execute(db);
  try {
    await db.schema
      .createTable('subject_requests_0011')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('location_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ('access', 'rectification', 'completion', 'restriction', 'erasure', 'portability', 'objection')`))
      .addColumn('subject_type', 'text', (c) => c.notNull().check(SUBJECT_TYPES))
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .addColumn('household_id', 'text')
      .addColumn('requester_parent_id', 'text')
      .addColumn('requester_name', 'text', (c) => c.notNull())
      .addColumn('received_on', 'text', (c) => c.notNull())
      .addColumn('identity_method', 'text', (c) => c.notNull().check(sql`identity_method IN ('id_shown', 'known_in_person', 'registered_contact')`))
      .addColumn('description', 'text')
      .addColumn('deadline', 'text', (c) => c.notNull())
      .addColumn('extended_months', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('extension_reason', 'text')
      .addColumn('extended_on', 'text')
      .addColumn('meldcode_decision', 'text', (c) => c.check(sql`meldcode_decision IN ('include', 'exclude')`))
      .addColumn('meldcode_decision_reason', 'text')
      .addColumn('meldcode_decided_by_name', 'text')
      .addColumn('meldcode_decided_at', 'text')
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status IN ('open', 'closed')`))
      .addColumn('outcome', 'text', (c) => c.check(sql`outcome IN ('granted', 'partially_granted', 'refused')`))
      .addColumn('decision', 'text')
      .addColumn('closed_on', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by_name', 'text', (c) => c.notNull())
      .addColumn('version', 'integer')
      .addColumn('coordination_parent_id', 'text')
      .addColumn('coordination_parent_name', 'text')
      .addColumn('coordination_on', 'text')
      .addColumn('coordination_how', 'text', (c) => c.check(sql`coordination_how IN ('in_person', 'phone', 'email', 'letter')`))
      .addCheckConstraint('subject_requests_household', sql`household_id IS NOT NULL OR subject_type NOT IN ('parent', 'child')`)
      .execute();
    await sql`INSERT INTO subject_requests_0011 (${COLUMNS}) SELECT ${COLUMNS} FROM subject_requests`.execute(db);
    await db.schema.dropTable('subject_requests').execute();
    await db.schema.alterTable('subject_requests_0011').renameTo('subject_requests').execute();
    await db.schema.createIndex('subject_requests_open').on('subject_requests').columns(['status', 'deadline']).execute();
    const broken = await sql`PRAGMA foreign_key_check`.execute(db);
    if (broken.rows.length > 0) throw new Error(`0011: ${broken.rows.length} broken references after rebuilding subject_requests`);
  } finally {
    await sql`PRAGMA foreign_keys = ON`.execute(db);
  }
}
