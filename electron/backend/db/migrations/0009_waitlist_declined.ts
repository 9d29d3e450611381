import { sql, type Kysely } from 'kysely';

/**
 * Wachtlijst: a request can now also be declined (afgewezen) by the location, next to withdrawn
 * (ingetrokken) by the parent. Both start the waitlist_withdrawn rule (1 year, issue 14) at
 * `closed_at`, the date of the withdrawal or the decline. SQLite cannot change a CHECK constraint,
 * so the table is rebuilt with the same columns; no other table references it. Also two partial
 * indexes on parents for the per-category rules.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('waitlist_entries_0009')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('location_id', 'text', (c) => c.notNull())
    .addColumn('parent_name', 'text', (c) => c.notNull())
    .addColumn('parent_email', 'text')
    .addColumn('parent_phone', 'text')
    .addColumn('child_first_name', 'text')
    .addColumn('child_surname', 'text')
    .addColumn('child_birth_date', 'text')
    .addColumn('expected_date', 'text')
    .addColumn('care_type', 'text', (c) => c.notNull())
    .addColumn('desired_days', 'text', (c) => c.notNull())
    .addColumn('desired_start_date', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status IN ('open', 'geplaatst', 'ingetrokken', 'afgewezen')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('placed_child_id', 'text', (c) => c.references('children.id').onDelete('set null'))
    .addColumn('withdraw_reason', 'text')
    .addColumn('version', 'integer')
    .execute();
  const columns = sql.raw(
    'id, location_id, parent_name, parent_email, parent_phone, child_first_name, child_surname, child_birth_date, expected_date, care_type, desired_days, desired_start_date, notes, status, created_at, closed_at, placed_child_id, withdraw_reason, version',
  );
  await sql`INSERT INTO waitlist_entries_0009 (${columns}) SELECT ${columns} FROM waitlist_entries`.execute(db);
  await db.schema.dropTable('waitlist_entries').execute();
  await db.schema.alterTable('waitlist_entries_0009').renameTo('waitlist_entries').execute();
  await db.schema.createIndex('waitlist_entries_placed_child').on('waitlist_entries').column('placed_child_id').execute();
  // The engine looks up closed entries by status and date.
  await db.schema.createIndex('waitlist_entries_closed').on('waitlist_entries').columns(['status', 'closed_at']).execute();
  // The per-category rules (issue 14) look for the parents whose contact details are still to be
  // cleared and for the other parents: partial indexes, so a run does not scan every parent.
  await sql`CREATE INDEX parents_contact_left ON parents (household_id) WHERE email IS NOT NULL OR phone IS NOT NULL`.execute(db);
  await sql`CREATE INDEX parents_other ON parents (household_id) WHERE is_contract_parent = 0`.execute(db);
}
