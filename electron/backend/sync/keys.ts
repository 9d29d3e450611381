import { v7 as uuidv7 } from 'uuid';
import { SEALED, type SyncedEntity } from '../../../shared/sync/protocol';
import type { SqliteDb } from '../db/open';
import type { DbOrTrx, Trx } from '../db/schema';
import { readSetting, writeSetting } from '../modules/settings/settings.repository';
import { envelopeOf, isSealedPayload, newSyncKey, openSealed, seal } from './seal';

/**
 * The location's sync key on this PC (table sync_keys, migration 0022). The first enrolled PC of a
 * location creates it and claims its id at head office; every other PC receives it with a transfer
 * code (transfer.ts) or from a backup of this database. Head office only ever learns the key id.
 */
export interface SyncKey {
  keyId: string;
  key: Buffer;
}

/** Key ids to keys, for opening what any of this PC's keys (also retired ones) sealed. */
export type Keyring = (keyId: string) => Buffer | null;

const CANDIDATE = 'sync.keyCandidate';
const WAITING = 'sync.sealedWaiting';
const LOCATION_KEY = 'sync.locationKeyId';

/** The location's key id as head office named it when this PC was not the first (it then waits for a transfer code). */
export const readLocationKeyId = (db: DbOrTrx) => readSetting<string>(db, LOCATION_KEY);
export const writeLocationKeyId = (trx: Trx, keyId: string) => writeSetting(trx, LOCATION_KEY, keyId);

/** The key this PC seals with now (the newest one not retired), or null. */
export async function currentKey(db: DbOrTrx): Promise<SyncKey | null> {
  const row = await db.selectFrom('sync_keys').select(['key_id', 'key_material']).where('retired_at', 'is', null).orderBy('created_at', 'desc').orderBy('key_id', 'desc').executeTakeFirst();
  return row ? { keyId: row.key_id, key: Buffer.from(row.key_material, 'base64') } : null;
}

/** All keys of this PC, read once (a handful of rows), for a sync round. */
export function loadKeyring(sqlite: SqliteDb): Keyring {
  const rows = sqlite.prepare('SELECT key_id, key_material FROM sync_keys').all() as { key_id: string; key_material: string }[];
  const keys = new Map(rows.map((r) => [r.key_id, Buffer.from(r.key_material, 'base64')]));
  return (keyId) => keys.get(keyId) ?? null;
}

export const hasAnyKey = (sqlite: SqliteDb) => sqlite.prepare('SELECT 1 FROM sync_keys LIMIT 1').get() !== undefined;

/**
 * A key this PC proposes as the location's first key. Kept in the database before head office is
 * asked, so an answer lost on the way never leaves head office with a key id no PC holds.
 */
export async function keyCandidate(trx: Trx): Promise<SyncKey> {
  const stored = await readSetting<{ keyId: string; key: string }>(trx, CANDIDATE);
  if (stored) return { keyId: stored.keyId, key: Buffer.from(stored.key, 'base64') };
  const candidate = { keyId: uuidv7(), key: newSyncKey() };
  await writeSetting(trx, CANDIDATE, { keyId: candidate.keyId, key: candidate.key.toString('base64') });
  return candidate;
}

/** Sealed changes pulled while this PC had no key for them: from which version to pull again. */
export interface SealedWaiting {
  count: number;
  fromVersion: number;
}
export const readSealedWaiting = async (db: DbOrTrx) => (await readSetting<SealedWaiting>(db, WAITING)) ?? { count: 0, fromVersion: 0 };
export const writeSealedWaiting = (trx: Trx, waiting: SealedWaiting) => writeSetting(trx, WAITING, waiting);

/**
 * The key becomes this PC's: stored, the outbox rows of sealed entities queued in clear (before
 * the key was here) are sealed, and what was waiting for a key is pulled again from its version.
 */
export async function installKey(trx: Trx, key: SyncKey, source: 'created' | 'transfer' | 'recovery' | 'rotated', now: Date): Promise<void> {
  await trx.insertInto('sync_keys').values({ key_id: key.keyId, key_material: key.key.toString('base64'), source, created_at: now.toISOString(), retired_at: null }).onConflict((oc) => oc.column('key_id').doNothing()).execute();
  await trx.deleteFrom('settings').where('key', '=', CANDIDATE).execute();
  await sealQueued(trx, key);
  const waiting = await readSealedWaiting(trx);
  if (waiting.count > 0) {
    const cursor = (await readSetting<number>(trx, 'sync.cursor')) ?? 0;
    await writeSetting(trx, 'sync.cursor', Math.min(cursor, waiting.fromVersion - 1));
    await writeSealedWaiting(trx, { count: 0, fromVersion: 0 });
  }
}

/**
 * The outbox rows of sealed entities go out under `key`: those queued in clear (before the key was
 * here) are sealed, those sealed under an earlier key of the location (queued before this PC heard
 * of a rotation) are opened and sealed again, with the version they were sealed at.
 */
async function sealQueued(trx: Trx, key: SyncKey): Promise<void> {
  const rows = await trx.selectFrom('outbox').select(['seq', 'entity', 'entity_id', 'payload', 'base_version']).where('entity', 'in', [...SEALED]).where('payload', 'is not', null).execute();
  if (rows.length === 0) return;
  const keys = new Map((await trx.selectFrom('sync_keys').select(['key_id', 'key_material']).execute()).map((k) => [k.key_id, Buffer.from(k.key_material, 'base64')]));
  for (const row of rows) {
    const payload = JSON.parse(row.payload!) as Record<string, unknown>;
    let sealed: ReturnType<typeof seal>;
    if (!isSealedPayload(payload)) {
      sealed = seal(key.key, key.keyId, row.entity, row.entity_id, row.base_version ?? 0, row.payload!);
    } else {
      const envelope = envelopeOf(payload);
      if (envelope.keyId === key.keyId) continue;
      const plaintext = openSealed(payload, row.entity, row.entity_id, (id) => keys.get(id) ?? null);
      sealed = seal(key.key, key.keyId, row.entity, row.entity_id, envelope.version, plaintext);
    }
    await trx.updateTable('outbox').set({ payload: JSON.stringify(sealed) }).where('seq', '=', row.seq).execute();
  }
}

/** The outbox payload for a row of a sealed entity: sealed when this PC has the key, in clear (held back) until then. */
export async function sealedOutboxPayload(trx: Trx, entity: SyncedEntity, entityId: string, version: number, payloadJson: string): Promise<string> {
  const key = await currentKey(trx);
  return key ? JSON.stringify(seal(key.key, key.keyId, entity, entityId, version, payloadJson)) : payloadJson;
}
