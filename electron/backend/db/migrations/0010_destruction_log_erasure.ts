import { sql, type Kysely } from 'kysely';

/**
 * The destruction log (vernietigingslogboek) also records AVG erasures and entries carried over
 * into a restored database, neither of which belongs to a destruction run: `run_id` becomes
 * optional. SQLite cannot drop NOT NULL, so the table is rebuilt with its rows and index.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('destruction_log_new')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('run_id', 'text', (c) => c.references('destruction_runs.id'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('subject_hash', 'text', (c) => c.notNull())
    .addColumn('policy_key', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('executed_at', 'text', (c) => c.notNull())
    .addColumn('executed_by_name', 'text', (c) => c.notNull())
    .execute();
  await sql`INSERT INTO destruction_log_new (id, run_id, category, subject_hash, policy_key, due_date, executed_at, executed_by_name)
    SELECT id, run_id, category, subject_hash, policy_key, due_date, executed_at, executed_by_name FROM destruction_log`.execute(db);
  await db.schema.dropTable('destruction_log').execute();
  await db.schema.alterTable('destruction_log_new').renameTo('destruction_log').execute();
  await db.schema.createIndex('destruction_log_run').on('destruction_log').column('run_id').execute();
  // The restore looks entries up by what was destroyed.
  await db.schema.createIndex('destruction_log_subject').on('destruction_log').columns(['category', 'subject_hash']).execute();
}
