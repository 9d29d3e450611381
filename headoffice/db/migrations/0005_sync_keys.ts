import type { Kysely } from 'kysely';

// Sealed special categories (issue 15). Head office never holds a location's sync key: it records
// which key id the location's first PC created (so a later PC knows to wait for a transfer code),
// and for a transfer only the key wrapped under a key that a slow KDF (scrypt) derives from the
// one-time transfer code, deleted once used or after 24 hours. Text and integer columns only.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- frozen migration
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('locations').addColumn('sync_key_id', 'text').execute();

  await db.schema
    .createTable('key_transfers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('location_id', 'text', (c) => c.notNull().references('locations.id'))
    .addColumn('key_id', 'text', (c) => c.notNull())
    /** JSON: { salt, N, r, p } of the scrypt derivation, the IV and the wrapped key (+ GCM tag), base64. */
    .addColumn('wrapped', 'text', (c) => c.notNull())
    .addColumn('created_by_device', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // Escrow: the organisation's public key(s), set by IT (the private key stays offline with the
  // privacy officer), and each location key wrapped to one of them by the PC that has it.
  await db.schema
    .createTable('escrow_keys')
    /** SHA-256 (hex) of the public key's DER encoding. */
    .addColumn('fingerprint', 'text', (c) => c.primaryKey())
    .addColumn('public_key_pem', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('key_escrow')
    .addColumn('location_id', 'text', (c) => c.notNull().references('locations.id'))
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    /** RSA-OAEP (SHA-256) of the 32 key bytes, base64. */
    .addColumn('wrapped', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('key_escrow_pk', ['location_id', 'key_id', 'fingerprint'])
    .execute();

  await db.schema.createIndex('key_transfers_location').on('key_transfers').columns(['location_id', 'expires_at']).execute();
}
