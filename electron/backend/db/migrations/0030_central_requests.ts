import { sql, type Kysely } from 'kysely';

/**
 * Verzoeken via privacy@ (issue 18 part 3): the privacy officer registers at head office a request
 * that reached the organisation by e-mail, for the location that holds the person's data. It arrives
 * here as a synced row (entity `central_requests`, written by head office) and waits as a task until
 * the manager registers it as an AVG-verzoek for the right person (with the original date of receipt,
 * so the one-month deadline runs from when the organisation received it) or records that the person
 * is not known at this location. At that moment the requester's name, contact and words are cleared
 * here: the AVG-verzoek holds them from then on (or, when not known here, nobody needs them). What
 * stays (kind, dates, status, the request it became) is what head office's overview shows.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('central_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('location_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind IN ('access', 'rectification', 'completion', 'restriction', 'erasure', 'portability', 'objection')`))
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('requester_name', 'text')
    .addColumn('requester_contact', 'text')
    .addColumn('description', 'text')
    .addColumn('registered_by_name', 'text', (c) => c.notNull())
    .addColumn('registered_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status IN ('new', 'registered', 'not_here')`))
    .addColumn('request_id', 'text')
    .addColumn('handled_on', 'text')
    .addColumn('handled_by_name', 'text')
    .addColumn('version', 'integer')
    .execute();
  await db.schema.createIndex('central_requests_status').on('central_requests').columns(['status', 'deadline']).execute();
}
