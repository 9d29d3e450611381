import { sql, type Kysely } from 'kysely';

/** Photo consents, exchange consents, disclosure register, municipality (VVE) configs, marketing opt-outs. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
export async function up(db: Kysely<any>): Promise<void> {
  // Toestemming beeldmateriaal: append-only history; the newest row per child and purpose counts.
  await db.schema
    .createTable('photo_consents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('location_id', 'text', (c) => c.notNull())
    .addColumn('child_id', 'text', (c) => c.notNull().references('children.id').onDelete('cascade'))
    .addColumn('purpose', 'text', (c) => c.notNull().check(sql`purpose IN ('ouderportaal', 'nieuwsbrief', 'interne_training', 'website_social')`))
    .addColumn('decision', 'text', (c) => c.notNull().check(sql`decision IN ('given', 'withdrawn')`))
    .addColumn('recognisable', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('parent_id', 'text', (c) => c.notNull())
    .addColumn('decided_on', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel IN ('signed_form', 'parent_portal', 'email')`))
    .addColumn('privacy_statement_version', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by_name', 'text', (c) => c.notNull())
    .addColumn('version', 'integer')
    .execute();
  await db.schema.createIndex('photo_consents_child').on('photo_consents').columns(['child_id', 'purpose']).execute();
  // History is never rewritten: a change is a new row. (Deleting stays possible for erasure/retention.)
  await sql`CREATE TRIGGER photo_consents_no_update BEFORE UPDATE OF child_id, purpose, decision, recognisable, parent_id, decided_on, channel, privacy_statement_version ON photo_consents
    BEGIN SELECT RAISE(ABORT, 'photo_consents is append-only'); END`.execute(db);

  await db.schema
    .createTable('consent_form_returns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('location_id', 'text', (c) => c.notNull())
    .addColumn('child_id', 'text', (c) => c.notNull().references('children.id').onDelete('cascade'))
    .addColumn('returned_on', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by_name', 'text', (c) => c.notNull())
    .addColumn('version', 'integer')
    .execute();

  // Written consent of the contract parent to exchange data with a school or care institution.
  await db.schema
    .createTable('exchange_consents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('location_id', 'text', (c) => c.notNull())
    .addColumn('child_id', 'text', (c) => c.notNull().references('children.id').onDelete('cascade'))
    .addColumn('recipient_name', 'text', (c) => c.notNull())
    .addColumn('recipient_type', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('data_description', 'text', (c) => c.notNull())
    .addColumn('valid_until', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text', (c) => c.notNull())
    .addColumn('given_on', 'text', (c) => c.notNull())
    .addColumn('withdrawn_on', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by_name', 'text', (c) => c.notNull())
    .addColumn('version', 'integer')
    .execute();

  // Verstrekkingenregister: recipient, legal basis, fields, whose data, when, by whom.
  await db.schema
    .createTable('disclosures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('location_id', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('recipient_name', 'text', (c) => c.notNull())
    .addColumn('legal_basis', 'text', (c) => c.notNull())
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('subject_count', 'integer', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('period', 'text')
    .addColumn('exchange_consent_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('version', 'integer')
    .execute();
  await db.schema
    .createTable('disclosure_subjects')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('location_id', 'text', (c) => c.notNull())
    .addColumn('disclosure_id', 'text', (c) => c.notNull().references('disclosures.id').onDelete('cascade'))
    .addColumn('subject_type', 'text', (c) => c.notNull().check(sql`subject_type IN ('child', 'parent')`))
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer')
    .execute();
  await db.schema.createIndex('disclosure_subjects_subject').on('disclosure_subjects').columns(['subject_type', 'subject_id']).execute();

  await db.schema
    .createTable('municipality_configs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('location_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('legal_basis', 'text', (c) => c.notNull())
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer')
    .execute();

  // Bezwaar marketing: the address is kept (normalised) so every later export can exclude it.
  await db.schema
    .createTable('marketing_opt_outs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('location_id', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('requested_on', 'text', (c) => c.notNull())
    .addColumn('how', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('recorded_by_name', 'text', (c) => c.notNull())
    .addColumn('version', 'integer')
    .execute();
  await db.schema.createIndex('marketing_opt_outs_email').on('marketing_opt_outs').column('email').execute();

  // Beperking van de verwerking (AVG art. 18): a restricted person is left out of every optional use.
  await db.schema
    .createTable('processing_restrictions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('location_id', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull().check(sql`subject_type IN ('child', 'parent')`))
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('since', 'text', (c) => c.notNull())
    .addColumn('until', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('version', 'integer')
    .execute();
}
