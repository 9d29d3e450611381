import type { Kysely } from 'kysely';

// The privacy console's own users, sessions and hash-chained audit log. Same rules as 0001:
// text and integer columns only, so it runs unchanged on PostgreSQL and SQLite.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('console_users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    /** privacy_officer | fg | it */
    .addColumn('role', 'text', (c) => c.notNull())
    /** scrypt$N$r$p$salt$hash (see console/password.ts) */
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
    /** No login attempt is checked before this instant (growing delay after failures). */
    .addColumn('next_attempt_at', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('console_sessions')
    /** SHA-256 of the cookie's token; the token itself is never stored. */
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('console_users.id'))
    /** Sent back in the X-CSRF-Token header on every change. */
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('console_audit')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    /** JSON: what the action concerned (ids, counts; never personal data). */
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();

  // One row: the chain's head. Taking the next seq is an UPDATE of this row, which serialises
  // writers on PostgreSQL (row lock until commit) as SQLite's single writer does.
  await db.schema
    .createTable('console_audit_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.insertInto('console_audit_head').values({ id: 1, seq: 0, hash: '0'.repeat(64) }).execute();
}
