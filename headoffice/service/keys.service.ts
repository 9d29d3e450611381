import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { HoDb } from '../db/schema';
import type { Device } from './sync.service';

/**
 * Key distribution for sealed special categories (issue 15), without head office learning the key.
 * Head office records which key id a location's first PC created, and passes on key transfers:
 * the key wrapped under a key derived from a one-time transfer code (scrypt on the PC). A transfer
 * is deleted once used or after 24 hours; head office cannot open it without guessing the code
 * through scrypt.
 */
const TRANSFER_VALID_MS = 24 * 60 * 60 * 1000;
/** At most this many open transfers per location (each new one beyond it replaces the oldest). */
const MAX_OPEN_TRANSFERS = 5;

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/).max(4096);
export const KeyClaim = z.object({ keyId: z.string().min(1).max(64) });
const WrappedKey = z.object({ salt: b64, N: z.number().int().min(16384).max(1_048_576), r: z.number().int().min(8).max(32), p: z.number().int().min(1).max(4), iv: b64, data: b64 });
export const TransferUpload = z.object({ keyId: z.string().min(1).max(64), wrapped: WrappedKey });
export const TransferConsume = z.object({ id: z.string().min(1).max(64) });

/**
 * The location's key id: the proposed one if the location had none yet (first PC), otherwise the
 * one already recorded. One conditional UPDATE, so of two PCs racing only one wins.
 */
export async function claimLocationKey(db: HoDb, device: Device, keyId: string): Promise<{ keyId: string }> {
  await db.updateTable('locations').set({ sync_key_id: keyId }).where('id', '=', device.location_id).where('sync_key_id', 'is', null).execute();
  const row = await db.selectFrom('locations').select('sync_key_id').where('id', '=', device.location_id).executeTakeFirstOrThrow();
  return { keyId: row.sync_key_id! };
}

const dropExpired = (db: HoDb, at: string) => db.deleteFrom('key_transfers').where('expires_at', '<=', at).execute();

export async function storeTransfer(db: HoDb, device: Device, upload: z.infer<typeof TransferUpload>, now: Date): Promise<{ id: string; expiresAt: string }> {
  const at = now.toISOString();
  await dropExpired(db, at);
  const id = randomUUID();
  const expiresAt = new Date(now.getTime() + TRANSFER_VALID_MS).toISOString();
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('key_transfers').values({ id, location_id: device.location_id, key_id: upload.keyId, wrapped: JSON.stringify(upload.wrapped), created_by_device: device.id, expires_at: expiresAt, created_at: at }).execute();
    const open = await trx.selectFrom('key_transfers').select('id').where('location_id', '=', device.location_id).orderBy('created_at', 'desc').orderBy('id').execute();
    const surplus = open.slice(MAX_OPEN_TRANSFERS).map((r) => r.id);
    if (surplus.length > 0) await trx.deleteFrom('key_transfers').where('id', 'in', surplus).execute();
  });
  return { id, expiresAt };
}

/** The location's open (unexpired) transfers; the PC tries its code on each. */
export async function openTransfers(db: HoDb, device: Device, now: Date) {
  const at = now.toISOString();
  await dropExpired(db, at);
  const rows = await db.selectFrom('key_transfers').select(['id', 'key_id', 'wrapped']).where('location_id', '=', device.location_id).where('expires_at', '>', at).orderBy('created_at').execute();
  return { transfers: rows.map((r) => ({ id: r.id, keyId: r.key_id, wrapped: JSON.parse(r.wrapped) as unknown })) };
}

/** The transfer was used: it goes (only a device of the same location can say so). */
export async function consumeTransfer(db: HoDb, device: Device, id: string): Promise<void> {
  await db.deleteFrom('key_transfers').where('id', '=', id).where('location_id', '=', device.location_id).execute();
}

/** Which key the location seals with now, and whether a revoke asks for a new one (sent with the last pull page). */
export async function locationKeyState(db: HoDb, device: Device): Promise<{ keyId: string | null; rotate: boolean }> {
  const row = await db.selectFrom('locations').select(['sync_key_id', 'key_rotation_due_at']).where('id', '=', device.location_id).executeTakeFirstOrThrow();
  return { keyId: row.sync_key_id, rotate: row.key_rotation_due_at !== null };
}

const KeyId = z.string().min(1).max(64);
export const KeyRotation = z.object({ keyId: KeyId, previousKeyId: KeyId, wrapped: z.object({ iv: b64, data: b64 }) });

/**
 * A PC proposes the location's next key, wrapped under the previous one. One conditional UPDATE:
 * only while a rotation is due and the location still seals with `previousKeyId`, so of two PCs
 * racing only one wins; the winner's wrapped key is stored in the same transaction. Returns the
 * location's key id after the attempt.
 */
export async function rotateLocationKey(db: HoDb, device: Device, rotation: z.infer<typeof KeyRotation>, now: Date): Promise<{ keyId: string }> {
  return db.transaction().execute(async (trx) => {
    const won = await trx
      .updateTable('locations')
      .set({ sync_key_id: rotation.keyId, key_rotation_due_at: null })
      .where('id', '=', device.location_id)
      .where('sync_key_id', '=', rotation.previousKeyId)
      .where('key_rotation_due_at', 'is not', null)
      .executeTakeFirst();
    if (Number(won.numUpdatedRows) === 1) {
      await trx
        .insertInto('key_rotations')
        .values({ location_id: device.location_id, key_id: rotation.keyId, previous_key_id: rotation.previousKeyId, wrapped: JSON.stringify(rotation.wrapped), created_by_device: device.id, created_at: now.toISOString() })
        .execute();
    }
    const row = await trx.selectFrom('locations').select('sync_key_id').where('id', '=', device.location_id).executeTakeFirstOrThrow();
    return { keyId: row.sync_key_id! };
  });
}

/** The location's rotations in order; each PC unwraps the ones it can with a key it holds. */
export async function listRotations(db: HoDb, device: Device) {
  const rows = await db.selectFrom('key_rotations').select(['key_id', 'previous_key_id', 'wrapped']).where('location_id', '=', device.location_id).orderBy('created_at').orderBy('key_id').execute();
  return { rotations: rows.map((r) => ({ keyId: r.key_id, previousKeyId: r.previous_key_id, wrapped: JSON.parse(r.wrapped) as unknown })) };
}

export const RecoveryWrapUpload = z.object({ keyId: KeyId, wrapped: WrappedKey });

/**
 * Herstelsleutel route: this PC's wrap of the location's key under its herstelsleutel (scrypt on the
 * PC). One per PC: a new one replaces the previous (e.g. after a rotation, or a new herstelsleutel).
 */
export async function storeRecoveryWrap(db: HoDb, device: Device, upload: z.infer<typeof RecoveryWrapUpload>, now: Date): Promise<void> {
  await db
    .insertInto('key_recovery_wraps')
    .values({ location_id: device.location_id, created_by_device: device.id, key_id: upload.keyId, wrapped: JSON.stringify(upload.wrapped), created_at: now.toISOString() })
    .onConflict((oc) => oc.columns(['location_id', 'created_by_device']).doUpdateSet({ key_id: upload.keyId, wrapped: JSON.stringify(upload.wrapped), created_at: now.toISOString() }))
    .execute();
}

/**
 * The location's herstelsleutel wraps (the PC tries the typed herstelsleutel on each) and the key id
 * the location seals with now: a wrap may hold an older key, from which the PC follows the rotations.
 */
export async function listRecoveryWraps(db: HoDb, device: Device) {
  const rows = await db.selectFrom('key_recovery_wraps').select(['key_id', 'wrapped']).where('location_id', '=', device.location_id).orderBy('created_at').execute();
  const { keyId } = await locationKeyState(db, device);
  return { keyId, wraps: rows.map((r) => ({ keyId: r.key_id, wrapped: JSON.parse(r.wrapped) as unknown })) };
}

/** The PC made a new herstelsleutel: its wrap under the old one goes. */
export async function withdrawRecoveryWrap(db: HoDb, deviceId: string): Promise<void> {
  await db.deleteFrom('key_recovery_wraps').where('created_by_device', '=', deviceId).execute();
}
