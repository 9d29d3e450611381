import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { AppCore } from '../core';
import type { Trx } from '../db/schema';
import { readSetting, writeSetting } from '../modules/settings/settings.repository';
import { currentKey, installKey, loadKeyring, type SyncKey } from './keys';
import { newSyncKey } from './seal';
import type { SyncConfig } from './sync.state';
import type { Exclusive, Transport } from './sync.engine';

/**
 * Key rotation (issue 15). Revoking a device at head office marks the location; the last pull page
 * says so (`key.rotate`). The next remaining PC creates a new key (kept in its database first, like
 * the first key's candidate), claims it at head office with a conditional update (one PC wins) and
 * leaves it there wrapped under the previous key (AES-256-GCM; the associated data bind location,
 * new and previous key id). The location's other PCs unwrap it with the key they hold. The previous
 * key is retired: kept to open what it sealed, no longer used for new writes. Head office never
 * learns either key, and a revoked device cannot fetch the rotation (every sync route refuses it).
 */
const ROTATION_FORMAT = 'kop-rotation-1';
const CANDIDATE = 'sync.rotationCandidate';

interface Wrapped {
  iv: string;
  data: string;
}

const associatedData = (locationId: string, keyId: string, previousKeyId: string) => Buffer.from(JSON.stringify([ROTATION_FORMAT, locationId, keyId, previousKeyId]), 'utf8');

function wrapUnder(previous: SyncKey, locationId: string, next: SyncKey): Wrapped {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', previous.key, iv);
  cipher.setAAD(associatedData(locationId, next.keyId, previous.keyId));
  const data = Buffer.concat([cipher.update(next.key), cipher.final(), cipher.getAuthTag()]);
  return { iv: iv.toString('base64'), data: data.toString('base64') };
}

/** The next key inside a rotation, or null when it does not open with the previous key (or was tampered with). */
function unwrapUnder(previous: Buffer, locationId: string, keyId: string, previousKeyId: string, wrapped: Wrapped): Buffer | null {
  const iv = Buffer.from(wrapped.iv, 'base64');
  const data = Buffer.from(wrapped.data, 'base64');
  if (iv.length !== 12 || data.length !== 32 + 16) return null;
  const decipher = createDecipheriv('aes-256-gcm', previous, iv);
  decipher.setAAD(associatedData(locationId, keyId, previousKeyId));
  decipher.setAuthTag(data.subarray(32));
  try {
    return Buffer.concat([decipher.update(data.subarray(0, 32)), decipher.final()]);
  } catch {
    return null;
  }
}

/** A new key proposed to follow `previousKeyId`; the same one again after a lost answer. */
async function rotationCandidate(trx: Trx, previousKeyId: string): Promise<SyncKey> {
  const stored = await readSetting<{ keyId: string; key: string; previousKeyId: string }>(trx, CANDIDATE);
  if (stored && stored.previousKeyId === previousKeyId) return { keyId: stored.keyId, key: Buffer.from(stored.key, 'base64') };
  const candidate = { keyId: uuidv7(), key: newSyncKey() };
  await writeSetting(trx, CANDIDATE, { keyId: candidate.keyId, key: candidate.key.toString('base64'), previousKeyId });
  return candidate;
}

/** The new key becomes the one this PC seals with; the previous one is retired (kept for opening). */
async function adoptKey(trx: Trx, next: SyncKey, previousKeyId: string, now: Date): Promise<void> {
  await installKey(trx, next, 'rotated', now);
  await trx.updateTable('sync_keys').set({ retired_at: now.toISOString() }).where('key_id', '=', previousKeyId).where('retired_at', 'is', null).execute();
  await trx.deleteFrom('settings').where('key', '=', CANDIDATE).execute();
}

/**
 * After a round's pull: rotate when head office asks and this PC seals with the location's key, or
 * take the location's newer key from its rotations. Returns true when this PC received a key it
 * did not have (sealed changes waiting for it are then pulled again).
 */
export async function followKeyRotation(core: AppCore, exclusive: Exclusive, config: SyncConfig, transport: Transport, state: { keyId: string | null; rotate: boolean }): Promise<boolean> {
  const mine = await exclusive(() => currentKey(core.db()));
  if (!mine || !state.keyId) return false;
  const request = { token: config.token, caCertPem: config.caCertPem };
  if (state.keyId === mine.keyId) {
    if (!state.rotate) return false;
    const next = await exclusive(() => core.transaction((trx) => rotationCandidate(trx, mine.keyId)));
    const answer = (await transport(config.serverUrl, { method: 'POST', path: '/v1/sync/key/rotate', ...request, body: { keyId: next.keyId, previousKeyId: mine.keyId, wrapped: wrapUnder(mine, config.locationId, next) } })) as { keyId?: unknown };
    if (answer?.keyId === next.keyId) {
      await exclusive(() => core.transaction((trx) => adoptKey(trx, next, mine.keyId, core.now())));
      return false;
    }
    // Another PC of the location rotated first: take its key below.
    if (typeof answer?.keyId !== 'string') return false;
  }
  const { rotations } = (await transport(config.serverUrl, { method: 'GET', path: '/v1/sync/key/rotations', ...request })) as { rotations: { keyId: string; previousKeyId: string; wrapped: Wrapped }[] };
  return exclusive(async () => {
    const keyring = loadKeyring(core.sqlite());
    const known = new Map<string, Buffer>();
    const keyFor = (id: string) => known.get(id) ?? keyring(id);
    let received = false;
    // In order, so a PC that missed several rotations follows the chain from the key it has.
    for (const r of Array.isArray(rotations) ? rotations : []) {
      if (keyFor(r.keyId)) continue;
      const previous = keyFor(r.previousKeyId);
      const key = previous && r.wrapped ? unwrapUnder(previous, config.locationId, r.keyId, r.previousKeyId, r.wrapped) : null;
      if (!key) continue;
      known.set(r.keyId, key);
      await core.transaction((trx) => adoptKey(trx, { keyId: r.keyId, key }, r.previousKeyId, core.now()));
      received = true;
    }
    return received;
  });
}
