import { sql, type Kysely } from 'kysely';

/**
 * Meldcode case files (meldcodedossiers): one row per case, and its entries as append-only events.
 *
 * Entries are never edited or deleted on their own: the triggers refuse it. The only way entries
 * disappear is together with their case (retention after the meldcode period, or a pulled
 * tombstone of the case): deleting the case row cascades, and the delete trigger lets an entry go
 * once its case row is gone. A pulled copy of an entry may still update its sync `version`.
 *
 * A case keeps its child: the foreign key has no cascade, so a child cannot be deleted (erasure,
 * retention) while a case file about them still exists; the case is destroyed on its own clock.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('meldcode_cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('location_id', 'text', (c) => c.notNull())
    .addColumn('child_id', 'text', (c) => c.references('children.id'))
    .addColumn('route', 'text', (c) => c.notNull().check(sql`route IN ('huiselijk', 'medewerker')`))
    .addColumn('suspect_employee_name', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status IN ('open', 'closed')`))
    .addColumn('opened_on', 'text', (c) => c.notNull())
    .addColumn('opened_by', 'text', (c) => c.notNull())
    .addColumn('opened_by_name', 'text', (c) => c.notNull())
    .addColumn('closed_on', 'text')
    .addColumn('closed_by', 'text')
    .addColumn('closed_by_name', 'text')
    .addColumn('closing_summary', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer')
    .addCheckConstraint('meldcode_cases_route_subject', sql`(route = 'huiselijk' AND child_id IS NOT NULL) OR (route = 'medewerker' AND suspect_employee_name IS NOT NULL)`)
    .addCheckConstraint('meldcode_cases_closed', sql`(status = 'open') = (closed_on IS NULL)`)
    .execute();
  await db.schema.createIndex('meldcode_cases_child').on('meldcode_cases').column('child_id').execute();
  await db.schema.createIndex('meldcode_cases_closed_on').on('meldcode_cases').column('closed_on').execute();

  await db.schema
    .createTable('meldcode_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('location_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull().references('meldcode_cases.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind IN ('signal', 'consultation', 'parent_conversation', 'parent_conversation_skipped', 'vertrouwensinspecteur', 'weighing', 'decision', 'correction')`),
    )
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('author_user_id', 'text', (c) => c.notNull())
    .addColumn('author_name', 'text', (c) => c.notNull())
    /** JSON object; its shape per kind is the zod schema in shared/api/meldcode.schemas.ts. */
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('corrects_entry_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer')
    .addCheckConstraint('meldcode_entries_correction', sql`(kind = 'correction') = (corrects_entry_id IS NOT NULL)`)
    .execute();
  await db.schema.createIndex('meldcode_entries_case').on('meldcode_entries').columns(['case_id', 'created_at']).execute();

  await sql`CREATE TRIGGER meldcode_entries_no_update BEFORE UPDATE OF id, location_id, case_id, kind, occurred_on, author_user_id, author_name, payload, corrects_entry_id, created_at ON meldcode_entries
    BEGIN SELECT RAISE(ABORT, 'meldcode_entries is append-only'); END`.execute(db);
  await sql`CREATE TRIGGER meldcode_entries_no_delete BEFORE DELETE ON meldcode_entries
    WHEN EXISTS (SELECT 1 FROM meldcode_cases WHERE id = OLD.case_id)
    BEGIN SELECT RAISE(ABORT, 'meldcode_entries is append-only: delete the case to destroy its entries'); END`.execute(db);
}
