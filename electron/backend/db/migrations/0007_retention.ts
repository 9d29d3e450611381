import { sql, type Kysely } from 'kysely';

/**
 * Retention (bewaartermijnen): policies as data, legal holds (blokkades), applicants
 * (sollicitanten), employees (medewerkers) with statutory holds, complaints (klachten), and the
 * destruction runs and log (vernietigingsrondes, vernietigingslogboek) — the log holds no personal data.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
export async function up(db: Kysely<any>): Promise<void> {
  // Synced from head office, which may change a rule later; the id is `<location id>:<key>` so head
  // office can address a location's rule without the PC ever pushing the defaults.
  await db.schema
    .createTable('retention_policies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('location_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('period_amount', 'integer', (c) => c.notNull().check(sql`period_amount >= 0`))
    .addColumn('period_unit', 'text', (c) => c.notNull().check(sql`period_unit IN ('days', 'weeks', 'months', 'years')`))
    .addColumn('anchor', 'text', (c) => c.notNull())
    .addColumn('legal_basis', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer')
    .execute();

  await db.schema
    .createTable('applicants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('location_id', 'text', (c) => c.notNull())
    .addColumn('first_name', 'text', (c) => c.notNull())
    .addColumn('surname_prefix', 'text')
    .addColumn('surname', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('position', 'text', (c) => c.notNull())
    .addColumn('applied_on', 'text', (c) => c.notNull())
    .addColumn('procedure_end_date', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull().check(sql`outcome IN ('open', 'rejected', 'withdrawn')`))
    .addColumn('consent_longer_retention', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('consent_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer')
    .execute();

  await db.schema
    .createTable('employees')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('location_id', 'text', (c) => c.notNull())
    .addColumn('first_name', 'text', (c) => c.notNull())
    .addColumn('surname_prefix', 'text')
    .addColumn('surname', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('position', 'text', (c) => c.notNull())
    .addColumn('employment_start', 'text', (c) => c.notNull())
    .addColumn('employment_end', 'text')
    .addColumn('labour_dispute', 'integer', (c) => c.notNull().defaultTo(0))
    /** Set when the record came from a hired applicant (sollicitant in dienst). */
    .addColumn('hired_from_application_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer')
    .execute();

  // Wettelijke bewaarplicht for part of a personnel file (e.g. ziek uit dienst): kept until, never longer.
  await db.schema
    .createTable('employee_statutory_holds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('location_id', 'text', (c) => c.notNull())
    .addColumn('employee_id', 'text', (c) => c.notNull().references('employees.id').onDelete('cascade'))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('legal_basis', 'text', (c) => c.notNull())
    .addColumn('until', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer')
    .execute();
  await db.schema.createIndex('employee_statutory_holds_employee').on('employee_statutory_holds').column('employee_id').execute();

  await db.schema
    .createTable('complaints')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('location_id', 'text', (c) => c.notNull())
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('complainant_name', 'text', (c) => c.notNull())
    .addColumn('complainant_contact', 'text')
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status IN ('open', 'in_behandeling', 'gesloten')`))
    .addColumn('handling_notes', 'text')
    .addColumn('resolution', 'text')
    .addColumn('closed_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer')
    .execute();

  // Blokkade: blocks destruction of one record until lifted; reviewed on its review date.
  await db.schema
    .createTable('legal_holds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('location_id', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('reason_kind', 'text', (c) => c.notNull().check(sql`reason_kind IN ('labour_dispute', 'complaint', 'subject_request', 'legal_claim', 'other')`))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('review_date', 'text', (c) => c.notNull())
    .addColumn('placed_at', 'text', (c) => c.notNull())
    .addColumn('placed_by_name', 'text', (c) => c.notNull())
    .addColumn('lifted_at', 'text')
    .addColumn('lifted_by_name', 'text')
    .addColumn('lift_reason', 'text')
    .addColumn('version', 'integer')
    .execute();
  await db.schema.createIndex('legal_holds_subject').on('legal_holds').columns(['subject_type', 'subject_id']).execute();

  // Local only. A run is started by a manager (or automatically while one is logged in).
  await db.schema
    .createTable('destruction_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('executed_by', 'text', (c) => c.notNull())
    .addColumn('executed_by_name', 'text', (c) => c.notNull())
    .addColumn('automatic', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('item_count', 'integer', (c) => c.notNull().defaultTo(0))
    /** When the manager saw the notice of an automatic run. */
    .addColumn('notice_seen_at', 'text')
    .execute();

  // Vernietigingslogboek: no names, no ids — a SHA-256 of category and internal id only.
  await db.schema
    .createTable('destruction_log')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('run_id', 'text', (c) => c.notNull().references('destruction_runs.id'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('subject_hash', 'text', (c) => c.notNull())
    .addColumn('policy_key', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('executed_at', 'text', (c) => c.notNull())
    .addColumn('executed_by_name', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('destruction_log_run').on('destruction_log').column('run_id').execute();

  // Anonymous aggregates kept after destruction (management information): counts only.
  await db.schema
    .createTable('retention_statistics')
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('retention_statistics_pk', ['metric', 'period'])
    .execute();

  // Destruction deletes a person's rows by child / subject: without these it would scan whole tables.
  await db.schema.createIndex('tasks_child').on('tasks').column('child_id').execute();
  await db.schema.createIndex('waitlist_entries_placed_child').on('waitlist_entries').column('placed_child_id').execute();
  await db.schema.createIndex('consent_form_returns_child').on('consent_form_returns').column('child_id').execute();
  await db.schema.createIndex('exchange_consents_child').on('exchange_consents').column('child_id').execute();
  await db.schema.createIndex('processing_restrictions_subject').on('processing_restrictions').columns(['subject_type', 'subject_id']).execute();
  await db.schema.createIndex('sync_conflicts_entity').on('sync_conflicts').columns(['entity', 'entity_id']).execute();
}
