import type { Kysely } from 'kysely';

// The herstelsleutel route for the location's sync key (issue 15): a PC that holds the key leaves
// it here wrapped under a key that scrypt derives from that PC's herstelsleutel (160 random bits,
// per-wrap salt), so a further PC of the location can receive it with that herstelsleutel. One wrap
// per PC (a new one replaces it); withdrawn when that PC makes a new herstelsleutel or is revoked.
// Head office cannot open it. Text columns only.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('key_recovery_wraps')
    .addColumn('location_id', 'text', (c) => c.notNull().references('locations.id'))
    .addColumn('created_by_device', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull())
    /** JSON: { salt, N, r, p } of the scrypt derivation, the IV and the wrapped key (+ GCM tag), base64. */
    .addColumn('wrapped', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('key_recovery_wraps_pk', ['location_id', 'created_by_device'])
    .execute();
}
