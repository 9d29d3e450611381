import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { CONFLICT_CHECKED, ENROLMENT_CODE_ALPHABET, normaliseEnrolmentCode, type AuditHead, type Change, type Mutation, type MutationResult } from '../../shared/sync/protocol';
import type { z } from 'zod';
import type { HeadOfficeDatabase, HoDb, HoTrx } from '../db/schema';

export type Device = HeadOfficeDatabase['devices'];

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const ENROLMENT_VALID_MS = 24 * 60 * 60 * 1000;

/** A new koppelcode (see EnrolmentCode in the protocol), in groups of 4 for reading aloud. */
function newCode(): string {
  const chars = [...randomBytes(12)].map((b) => ENROLMENT_CODE_ALPHABET[b & 31]).join('');
  return chars.match(/.{4}/g)!.join('-');
}

export async function createLocation(db: HoDb, name: string, now: Date) {
  const id = randomUUID();
  await db.insertInto('locations').values({ id, name, version: 0, created_at: now.toISOString() }).execute();
  return { id, name };
}

export const listLocations = (db: HoDb) => db.selectFrom('locations').selectAll().orderBy('name').execute();

export async function issueEnrolmentCode(db: HoDb, locationId: string, now: Date) {
  const location = await db.selectFrom('locations').selectAll().where('id', '=', locationId).executeTakeFirst();
  if (!location) throw new Error(`onbekende locatie ${locationId}`);
  const code = newCode();
  const expiresAt = new Date(now.getTime() + ENROLMENT_VALID_MS).toISOString();
  await db.insertInto('enrolment_codes').values({ code_hash: sha256(normaliseEnrolmentCode(code)), location_id: locationId, expires_at: expiresAt, used_at: null, created_at: now.toISOString() }).execute();
  return { code, expiresAt, location };
}

/** One-time: the code is marked used in the same transaction that creates the device. */
export async function enrolDevice(db: HoDb, code: string, deviceName: string, now: Date) {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('enrolment_codes').selectAll().where('code_hash', '=', sha256(normaliseEnrolmentCode(code))).executeTakeFirst();
    if (!row || row.used_at || row.expires_at < now.toISOString()) return null;
    const used = await trx.updateTable('enrolment_codes').set({ used_at: now.toISOString() }).where('code_hash', '=', row.code_hash).where('used_at', 'is', null).executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) return null;
    const token = randomBytes(32).toString('base64url');
    const deviceId = randomUUID();
    await trx.insertInto('devices').values({ id: deviceId, location_id: row.location_id, name: deviceName, token_hash: sha256(token), created_at: now.toISOString(), last_sync_at: null, revoked_at: null }).execute();
    const location = await trx.selectFrom('locations').select(['id', 'name']).where('id', '=', row.location_id).executeTakeFirstOrThrow();
    return { deviceId, token, locationId: location.id, locationName: location.name };
  });
}

/** The device for a bearer token; 'revoked' for a revoked one; null for an unknown token. */
export async function authenticateDevice(db: HoDb, token: string): Promise<Device | 'revoked' | null> {
  const device = await db.selectFrom('devices').selectAll().where('token_hash', '=', sha256(token)).executeTakeFirst();
  if (!device) return null;
  return device.revoked_at ? 'revoked' : device;
}

export const listDevices = (db: HoDb, locationId?: string) => {
  let query = db.selectFrom('devices').innerJoin('locations', 'locations.id', 'devices.location_id').select(['devices.id', 'devices.name', 'devices.location_id', 'locations.name as location_name', 'devices.created_at', 'devices.last_sync_at', 'devices.revoked_at']).orderBy('devices.created_at');
  if (locationId) query = query.where('devices.location_id', '=', locationId);
  return query.execute();
};

export async function revokeDevice(db: HoDb, deviceId: string, now: Date): Promise<boolean> {
  const result = await db.updateTable('devices').set({ revoked_at: now.toISOString() }).where('id', '=', deviceId).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

const parsePayload = (text: string | null) => (text ? (JSON.parse(text) as Record<string, unknown>) : null);

async function applyOne(trx: HoTrx, device: Device, m: Mutation, now: string): Promise<MutationResult> {
  const done = await trx.selectFrom('applied_mutations').selectAll().where('device_id', '=', device.id).where('mutation_id', '=', m.mutationId).executeTakeFirst();
  if (done) return { mutationId: m.mutationId, status: 'duplicate', version: done.version };

  const remember = async (result: MutationResult) => {
    await trx.insertInto('applied_mutations').values({ device_id: device.id, mutation_id: m.mutationId, status: result.status, version: result.version, applied_at: now }).execute();
    return result;
  };
  const current = await trx.selectFrom('records').selectAll().where('entity', '=', m.entity).where('entity_id', '=', m.entityId).executeTakeFirst();
  if (current && current.location_id !== device.location_id) {
    return remember({ mutationId: m.mutationId, status: 'rejected', version: null, reason: 'Dit record hoort bij een andere locatie.' });
  }
  if (current?.deleted && m.op === 'upsert') {
    // An erased or destroyed record never comes back from a device that was offline.
    return remember({ mutationId: m.mutationId, status: 'rejected', version: current.version, reason: 'Dit record is gewist.' });
  }
  // A stale edit of medical data or a meldcode file is a conflict; a delete (erasure, destruction
  // after the retention period) is not: it is due by law and always wins.
  if (current && !current.deleted && m.op === 'upsert' && CONFLICT_CHECKED.has(m.entity) && m.baseVersion !== current.version) {
    return remember({ mutationId: m.mutationId, status: 'conflict', version: current.version, serverPayload: parsePayload(current.payload) });
  }
  const bumped = await trx
    .updateTable('locations')
    .set({ version: sql`version + 1` })
    .where('id', '=', device.location_id)
    .returning('version')
    .executeTakeFirstOrThrow();
  const version = Number(bumped.version);
  const payload = m.op === 'delete' || !m.payload ? null : JSON.stringify({ ...m.payload, location_id: device.location_id, version: undefined });
  const values = { location_id: device.location_id, entity: m.entity, entity_id: m.entityId, version, deleted: m.op === 'delete' ? 1 : 0, payload, updated_at: now };
  await trx
    .insertInto('records')
    .values(values)
    .onConflict((oc) => oc.columns(['entity', 'entity_id']).doUpdateSet({ version, deleted: values.deleted, payload, updated_at: now }))
    .execute();
  return remember({ mutationId: m.mutationId, status: 'applied', version });
}

/**
 * Applies a device's mutations in order, idempotently per (device, mutation id). The per-location counter (a row lock on PostgreSQL) orders all changes:
 * never the device's clock.
 */
export async function push(db: HoDb, device: Device, mutations: Mutation[], auditHead: z.infer<typeof AuditHead> | null, now: Date): Promise<MutationResult[]> {
  const at = now.toISOString();
  let results: MutationResult[];
  try {
    // One transaction per batch: one commit (and one fsync) instead of one per mutation.
    results = await db.transaction().execute(async (trx) => {
      const out: MutationResult[] = [];
      for (const m of mutations) out.push(await applyOne(trx, device, m, at));
      return out;
    });
  } catch {
    // E.g. a concurrent retry of the same batch on another instance won a race: go one by one,
    // so every mutation gets its own answer (applied, or duplicate for the ones already in).
    results = [];
    for (const m of mutations) {
      try {
        results.push(await db.transaction().execute((trx) => applyOne(trx, device, m, at)));
      } catch (error) {
        const done = await db.selectFrom('applied_mutations').selectAll().where('device_id', '=', device.id).where('mutation_id', '=', m.mutationId).executeTakeFirst();
        if (!done) throw error;
        results.push({ mutationId: m.mutationId, status: 'duplicate', version: done.version });
      }
    }
  }
  if (auditHead) {
    await db
      .insertInto('audit_anchors')
      .values({ device_id: device.id, seq: auditHead.seq, hash: auditHead.hash, received_at: at })
      .onConflict((oc) => oc.columns(['device_id', 'seq']).doNothing())
      .execute();
  }
  await db.updateTable('devices').set({ last_sync_at: at }).where('id', '=', device.id).execute();
  return results;
}

export async function pull(db: HoDb, device: Device, after: number, limit: number, now: Date): Promise<{ changes: Change[]; cursor: number; hasMore: boolean }> {
  const rows = await db
    .selectFrom('records')
    .selectAll()
    .where('location_id', '=', device.location_id)
    .where('version', '>', after)
    .orderBy('version')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  await db.updateTable('devices').set({ last_sync_at: now.toISOString() }).where('id', '=', device.id).execute();
  return {
    changes: page.map((r) => ({ entity: r.entity as Change['entity'], entityId: r.entity_id, version: Number(r.version), deleted: r.deleted === 1, payload: parsePayload(r.payload) })),
    cursor: page.length ? Number(page[page.length - 1]!.version) : after,
    hasMore: rows.length > limit,
  };
}
