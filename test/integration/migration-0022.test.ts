import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openEncryptedDatabase } from '../../electron/backend/db/open';
import { createKysely, migrateTo, migrateToLatest } from '../../electron/backend/db/kysely';
import { tempDir } from '../helpers/backend';

describe('0022 sync keys', () => {
  it('keeps outbox rows queued under 0017 (a medical row still in clear, to be sealed once the key is there) and starts without a key', async () => {
    const sqlite = openEncryptedDatabase(path.join(tempDir(), 'm.db'), randomBytes(32));
    const db = createKysely(sqlite);
    await migrateTo(db, '0017_retention_indexes');
    const row = { mutation_id: 'm1', entity: 'child_medical', entity_id: 'c1', op: 'upsert' as const, payload: JSON.stringify({ child_id: 'c1', allergies: 'Pinda' }), base_version: null, created_at: '2026-01-01T00:00:00.000Z' };
    await db.insertInto('outbox').values(row).execute();
    await migrateToLatest(db);
    expect(await db.selectFrom('outbox').select(['mutation_id', 'entity', 'payload']).execute()).toEqual([{ mutation_id: 'm1', entity: 'child_medical', payload: row.payload }]);
    expect(await db.selectFrom('sync_keys').selectAll().execute()).toEqual([]);
    await db.insertInto('sync_keys').values({ key_id: 'k1', key_material: randomBytes(32).toString('base64'), source: 'created', created_at: row.created_at, retired_at: null }).execute();
    await expect(db.insertInto('sync_keys').values({ key_id: 'k1', key_material: 'x', source: 'created', created_at: row.created_at, retired_at: null }).execute()).rejects.toThrow(/UNIQUE/);
    await db.destroy();
  });
});
