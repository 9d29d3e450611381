import { sql, type Kysely } from 'kysely';

/**
 * Households, parents, children, medical data, contracts, tasks, waiting list, pickup.
 * Every synced row carries location_id and a server `version` (null until head office has it).
 * Users are per PC (each PC has its own keyring), so synced rows name the acting user by id and
 * by name, without a foreign key to the local users table.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('households')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('location_id', 'text', (c) => c.notNull())
    .addColumn('street', 'text', (c) => c.notNull())
    .addColumn('house_number', 'text', (c) => c.notNull())
    .addColumn('postcode', 'text', (c) => c.notNull())
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('iban', 'text')
    .addColumn('iban_holder', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer')
    .execute();
  await db.schema.createIndex('households_postcode').on('households').column('postcode').execute();

  await db.schema
    .createTable('parents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('location_id', 'text', (c) => c.notNull())
    .addColumn('household_id', 'text', (c) => c.notNull().references('households.id').onDelete('cascade'))
    .addColumn('first_name', 'text', (c) => c.notNull())
    .addColumn('initials', 'text')
    .addColumn('surname_prefix', 'text')
    .addColumn('surname', 'text', (c) => c.notNull())
    /** Lower case, no diacritics: "first prefix surname" for search. */
    .addColumn('search_name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('bsn', 'text')
    .addColumn('has_parental_authority', 'integer', (c) => c.notNull())
    .addColumn('is_contract_parent', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer')
    .execute();
  await db.schema.createIndex('parents_household').on('parents').column('household_id').execute();
  await db.schema.createIndex('parents_search_name').on('parents').column('search_name').execute();

  await db.schema
    .createTable('children')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('location_id', 'text', (c) => c.notNull())
    .addColumn('household_id', 'text', (c) => c.notNull().references('households.id').onDelete('cascade'))
    .addColumn('first_name', 'text', (c) => c.notNull())
    .addColumn('initials', 'text')
    .addColumn('surname_prefix', 'text')
    .addColumn('surname', 'text', (c) => c.notNull())
    .addColumn('search_name', 'text', (c) => c.notNull())
    .addColumn('birth_date', 'text', (c) => c.notNull())
    .addColumn('group_name', 'text', (c) => c.notNull())
    .addColumn('bsn', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer')
    .execute();
  await db.schema.createIndex('children_household').on('children').column('household_id').execute();
  await db.schema.createIndex('children_search_name').on('children').column('search_name').execute();
  await db.schema.createIndex('children_birth_date').on('children').column('birth_date').execute();
  await db.schema.createIndex('children_group').on('children').column('group_name').execute();

  // BSN-controle: that and how the BSN was checked — never a document number or copy.
  await db.schema
    .createTable('bsn_verifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('location_id', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull().check(sql`subject_type IN ('parent', 'child')`))
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull().check(sql`method IN ('id_document', 'svb_letter')`))
    .addColumn('checked_on', 'text', (c) => c.notNull())
    .addColumn('checked_by', 'text', (c) => c.notNull())
    .addColumn('checked_by_name', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer')
    .execute();
  await db.schema.createIndex('bsn_verifications_subject').on('bsn_verifications').columns(['subject_type', 'subject_id']).execute();

  // Medische gegevens en bijzonderheden: special-category data, one row per child.
  await db.schema
    .createTable('child_medical')
    .addColumn('child_id', 'text', (c) => c.primaryKey().references('children.id').onDelete('cascade'))
    .addColumn('location_id', 'text', (c) => c.notNull())
    .addColumn('allergies', 'text')
    .addColumn('diet', 'text')
    .addColumn('medication', 'text')
    .addColumn('other_particulars', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('version', 'integer')
    .execute();

  await db.schema
    .createTable('contracts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('location_id', 'text', (c) => c.notNull())
    .addColumn('child_id', 'text', (c) => c.notNull().references('children.id').onDelete('cascade'))
    .addColumn('care_type', 'text', (c) => c.notNull().check(sql`care_type IN ('dagopvang', 'bso', 'peuteropvang')`))
    .addColumn('days', 'text', (c) => c.notNull())
    .addColumn('hours_per_week', 'real', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer')
    .addCheckConstraint('contracts_end_after_start', sql`end_date IS NULL OR end_date >= start_date`)
    .execute();
  await db.schema.createIndex('contracts_child').on('contracts').column('child_id').execute();
  await db.schema.createIndex('contracts_end_date').on('contracts').column('end_date').execute();

  await db.schema
    .createTable('tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('location_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('child_id', 'text', (c) => c.notNull().references('children.id').onDelete('cascade'))
    .addColumn('contract_id', 'text', (c) => c.references('contracts.id').onDelete('set null'))
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .addColumn('confirmed_by', 'text')
    .addColumn('confirmed_by_name', 'text')
    .addColumn('version', 'integer')
    .execute();
  await db.schema.createIndex('tasks_open').on('tasks').columns(['confirmed_at', 'due_date']).execute();

  await db.schema
    .createTable('waitlist_entries')
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
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status IN ('open', 'geplaatst', 'ingetrokken')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('placed_child_id', 'text', (c) => c.references('children.id').onDelete('set null'))
    .addColumn('withdraw_reason', 'text')
    .addColumn('version', 'integer')
    .execute();

  await db.schema
    .createTable('pickup_persons')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('location_id', 'text', (c) => c.notNull())
    .addColumn('child_id', 'text', (c) => c.notNull().references('children.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('relation', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('valid_until', 'text')
    .addColumn('revoked_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer')
    .execute();
  await db.schema.createIndex('pickup_persons_child').on('pickup_persons').column('child_id').execute();

  // "Mag niet ophalen": always with a reference to its basis (e.g. a court order).
  await db.schema
    .createTable('pickup_bans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('location_id', 'text', (c) => c.notNull())
    .addColumn('child_id', 'text', (c) => c.notNull().references('children.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('basis_reference', 'text', (c) => c.notNull().check(sql`length(trim(basis_reference)) > 0`))
    .addColumn('basis_date', 'text')
    .addColumn('notes', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('lifted_at', 'text')
    .addColumn('lift_reason', 'text')
    .addColumn('version', 'integer')
    .execute();
  await db.schema.createIndex('pickup_bans_child').on('pickup_bans').column('child_id').execute();

  // Identificatie: how staff established who collected a child; the type of ID only, never its number.
  await db.schema
    .createTable('identification_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('location_id', 'text', (c) => c.notNull())
    .addColumn('child_id', 'text', (c) => c.notNull().references('children.id').onDelete('cascade'))
    .addColumn('collector_name', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull().check(sql`method IN ('known', 'colleague_confirmed', 'parent_called', 'id_shown')`))
    .addColumn('id_type', 'text')
    .addColumn('recorded_by', 'text', (c) => c.notNull())
    .addColumn('recorded_by_name', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer')
    .execute();
  await db.schema.createIndex('identification_log_child').on('identification_log').column('child_id').execute();
}
