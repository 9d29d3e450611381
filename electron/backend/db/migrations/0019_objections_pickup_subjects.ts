import { sql, type Kysely } from 'kysely';

/** Every kind of person a request (and what it records: corrections, restrictions) can be about, after 0019. */
const PEOPLE = `'parent', 'child', 'employee', 'applicant', 'waitlist_prospect', 'complainant', 'pickup_person'`;

const REQUEST_COLUMNS = sql.raw(
  'id, location_id, kind, subject_type, subject_id, household_id, requester_parent_id, requester_name, received_on, identity_method, description, deadline, extended_months, extension_reason, extended_on, meldcode_decision, meldcode_decision_reason, meldcode_decided_by_name, meldcode_decided_at, status, outcome, decision, closed_on, created_at, created_by_name, version, coordination_parent_id, coordination_parent_name, coordination_on, coordination_how',
);
const CORRECTION_COLUMNS = sql.raw('id, location_id, request_id, subject_type, subject_id, field, old_value, new_value, statement, corrected_on, corrected_by_name, version');
const RESTRICTION_COLUMNS = sql.raw('id, location_id, subject_type, subject_id, since, until, reason, version, request_id');

/**
 * Issue 16, parts 1 and 2:
 * - pickup persons (ophaalpersonen, and people who may not collect a child) can make an AVG-verzoek:
 *   `subject_requests.subject_type` takes 'pickup_person';
 * - rectification and restriction for everyone a request can be about: `data_corrections` and
 *   `processing_restrictions` take the same subject types (an employee's address, an applicant's e-mail);
 * - bezwaar (AVG art. 21) against any processing on legitimate interest: `processing_objections`
 *   records per request and data category the outcome (upheld: that processing stops for the
 *   person; refused: with the reasons that go in the letter). `person_key` is the normalised name of
 *   a pickup person, by which an upheld objection keeps applying (their rows carry only a name).
 * SQLite cannot change a CHECK constraint, so the three tables are rebuilt with foreign keys off
 * (as in 0011); the check afterwards proves every reference still holds.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
export async function up(db: Kysely<any>): Promise<void> {
  await sql`PRAGMA foreign_keys = OFF`.execute(db);
  try {
    await db.schema
      .createTable('subject_requests_0019')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('location_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ('access', 'rectification', 'completion', 'restriction', 'erasure', 'portability', 'objection')`))
      .addColumn('subject_type', 'text', (c) => c.notNull().check(sql`subject_type IN (${sql.raw(PEOPLE)})`))
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
    await sql`INSERT INTO subject_requests_0019 (${REQUEST_COLUMNS}) SELECT ${REQUEST_COLUMNS} FROM subject_requests`.execute(db);
    await db.schema.dropTable('subject_requests').execute();
    await db.schema.alterTable('subject_requests_0019').renameTo('subject_requests').execute();
    await db.schema.createIndex('subject_requests_open').on('subject_requests').columns(['status', 'deadline']).execute();

    await db.schema
      .createTable('data_corrections_0019')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('location_id', 'text', (c) => c.notNull())
      .addColumn('request_id', 'text', (c) => c.notNull().references('subject_requests.id').onDelete('cascade'))
      .addColumn('subject_type', 'text', (c) => c.notNull().check(sql`subject_type IN (${sql.raw(PEOPLE)}, 'household')`))
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .addColumn('field', 'text')
      .addColumn('old_value', 'text')
      .addColumn('new_value', 'text')
      .addColumn('statement', 'text')
      .addColumn('corrected_on', 'text', (c) => c.notNull())
      .addColumn('corrected_by_name', 'text', (c) => c.notNull())
      .addColumn('version', 'integer')
      .addCheckConstraint('data_corrections_something', sql`field IS NOT NULL OR statement IS NOT NULL`)
      .execute();
    await sql`INSERT INTO data_corrections_0019 (${CORRECTION_COLUMNS}) SELECT ${CORRECTION_COLUMNS} FROM data_corrections`.execute(db);
    await db.schema.dropTable('data_corrections').execute();
    await db.schema.alterTable('data_corrections_0019').renameTo('data_corrections').execute();
    await db.schema.createIndex('data_corrections_subject').on('data_corrections').columns(['subject_type', 'subject_id']).execute();

    await db.schema
      .createTable('processing_restrictions_0019')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('location_id', 'text', (c) => c.notNull())
      .addColumn('subject_type', 'text', (c) => c.notNull().check(sql`subject_type IN (${sql.raw(PEOPLE)})`))
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .addColumn('since', 'text', (c) => c.notNull())
      .addColumn('until', 'text')
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('version', 'integer')
      .addColumn('request_id', 'text')
      .execute();
    await sql`INSERT INTO processing_restrictions_0019 (${RESTRICTION_COLUMNS}) SELECT ${RESTRICTION_COLUMNS} FROM processing_restrictions`.execute(db);
    await db.schema.dropTable('processing_restrictions').execute();
    await db.schema.alterTable('processing_restrictions_0019').renameTo('processing_restrictions').execute();
    await db.schema.createIndex('processing_restrictions_subject').on('processing_restrictions').columns(['subject_type', 'subject_id']).execute();

    await db.schema
      .createTable('processing_objections')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('location_id', 'text', (c) => c.notNull())
      .addColumn('request_id', 'text', (c) => c.notNull().references('subject_requests.id').onDelete('cascade'))
      .addColumn('subject_type', 'text', (c) => c.notNull().check(sql`subject_type IN (${sql.raw(PEOPLE)})`))
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .addColumn('person_key', 'text')
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('outcome', 'text', (c) => c.notNull().check(sql`outcome IN ('upheld', 'refused')`))
      .addColumn('reason', 'text')
      .addColumn('decided_on', 'text', (c) => c.notNull())
      .addColumn('decided_by_name', 'text', (c) => c.notNull())
      .addColumn('version', 'integer')
      .addCheckConstraint('processing_objections_refusal_reason', sql`outcome = 'upheld' OR (reason IS NOT NULL AND length(trim(reason)) > 0)`)
      .execute();
    await db.schema.createIndex('processing_objections_subject').on('processing_objections').columns(['subject_type', 'subject_id', 'category']).execute();
    await db.schema.createIndex('processing_objections_person_key').on('processing_objections').columns(['person_key', 'category']).execute();

    const broken = await sql`PRAGMA foreign_key_check`.execute(db);
    if (broken.rows.length > 0) throw new Error(`0019: ${broken.rows.length} broken references after rebuilding the request tables`);
  } finally {
    await sql`PRAGMA foreign_keys = ON`.execute(db);
  }
}
