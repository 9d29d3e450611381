import { sql, type Kysely } from 'kysely';

/**
 * AVG-verzoeken (data subject requests): the register, the history of rectifications, the tasks a
 * request creates (inform recipients, art. 19; inform the person before a restriction is lifted,
 * art. 18(3)), and the link from a processing restriction to its request.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('subject_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('location_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind IN ('access', 'rectification', 'completion', 'restriction', 'erasure', 'portability', 'objection')`),
    )
    // Whose data the request is about. Kept as an id only, so it survives the erasure it asked for.
    .addColumn('subject_type', 'text', (c) => c.notNull().check(sql`subject_type IN ('parent', 'child')`))
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('household_id', 'text', (c) => c.notNull())
    .addColumn('requester_parent_id', 'text', (c) => c.notNull())
    /** The requester's name, kept after closing to prove the request was handled. */
    .addColumn('requester_name', 'text', (c) => c.notNull())
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('identity_method', 'text', (c) => c.notNull().check(sql`identity_method IN ('id_shown', 'known_in_person', 'registered_contact')`))
    /** What the request asks for, in the requester's words; cleared when the request is closed. */
    .addColumn('description', 'text')
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('extended_months', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('extension_reason', 'text')
    .addColumn('extended_on', 'text')
    // Meldcode information goes into an access report only on the aandachtsfunctionaris' decision.
    .addColumn('meldcode_decision', 'text', (c) => c.check(sql`meldcode_decision IN ('include', 'exclude')`))
    .addColumn('meldcode_decision_reason', 'text')
    .addColumn('meldcode_decided_by_name', 'text')
    .addColumn('meldcode_decided_at', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status IN ('open', 'closed')`))
    .addColumn('outcome', 'text', (c) => c.check(sql`outcome IN ('granted', 'partially_granted', 'refused')`))
    /** JSON with codes and dates only (what was erased, kept until when, the reason of a refusal). */
    .addColumn('decision', 'text')
    .addColumn('closed_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('version', 'integer')
    .execute();
  await db.schema.createIndex('subject_requests_open').on('subject_requests').columns(['status', 'deadline']).execute();

  // Rectificatie en aanvulling: the old value stays in history, with the person's own statement.
  await db.schema
    .createTable('data_corrections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('location_id', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text', (c) => c.notNull().references('subject_requests.id').onDelete('cascade'))
    .addColumn('subject_type', 'text', (c) => c.notNull().check(sql`subject_type IN ('parent', 'child', 'household')`))
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
  await db.schema.createIndex('data_corrections_subject').on('data_corrections').columns(['subject_type', 'subject_id']).execute();

  await db.schema
    .createTable('request_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('location_id', 'text', (c) => c.notNull())
    .addColumn('request_id', 'text', (c) => c.notNull().references('subject_requests.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ('inform_recipient', 'inform_before_lift')`))
    /** The recipient to inform (from the verstrekkingenregister); null for the person. */
    .addColumn('recipient_name', 'text')
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .addColumn('done_by_name', 'text')
    .addColumn('version', 'integer')
    .execute();
  await db.schema.createIndex('request_tasks_request').on('request_tasks').column('request_id').execute();

  await db.schema.alterTable('processing_restrictions').addColumn('request_id', 'text').execute();
}
