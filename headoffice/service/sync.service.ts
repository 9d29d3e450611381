import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { CONFLICT_CHECKED, ENROLMENT_CODE_ALPHABET, normaliseEnrolmentCode, SEALED, type AuditHead, type KeyState, type Mutation, type MutationResult, type StatisticCount } from '../../shared/sync/protocol';
import type { z } from 'zod';
import type { HeadOfficeDatabase, HoDb, HoTrx } from '../db/schema';
import { locationKeyState, withdrawRecoveryWrap } from './keys.service';
import { anchorAuditHead, appliedMutations, saveStatistics, currentRecords, pullRows, rememberMutations, reserveVersions, setLocationVersion, touchDevice, upsertRecords, type AppliedRow, type RecordRow } from './sync.repository';

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
  await db.insertInto('locations').values({ id, name, version: 0, created_at: now.toISOString(), sync_key_id: null, key_rotation_due_at: null }).execute();
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

/**
 * Revoking a device also marks its location as needing a new sync key (issue 15): the revoked PC
 * holds the current one. The next remaining PC that syncs rotates it (keys.service rotateLocationKey).
 * Marked first, so a revoke never goes without it (a mark without a revoke only rotates once more).
 */
export async function revokeDevice(db: HoDb, deviceId: string, now: Date): Promise<boolean> {
  const device = db.selectFrom('devices').select('location_id').where('id', '=', deviceId).where('revoked_at', 'is', null);
  await db.updateTable('locations').set({ key_rotation_due_at: now.toISOString() }).where('id', 'in', device).where('sync_key_id', 'is not', null).execute();
  const result = await db.updateTable('devices').set({ revoked_at: now.toISOString() }).where('id', '=', deviceId).where('revoked_at', 'is', null).executeTakeFirst();
  // Its herstelsleutel no longer opens the location's key for a new PC.
  await withdrawRecoveryWrap(db, deviceId);
  return Number(result.numUpdatedRows) === 1;
}

const parsePayload = (text: string | null) => (text ? (JSON.parse(text) as Record<string, unknown>) : null);

/** A record as the rules see it: read from head office, or as an earlier mutation of the batch left it. */
interface RecordState {
  location_id: string;
  version: number;
  deleted: boolean;
  /** The stored JSON; read from head office only for conflict-checked entities (a conflict answer shows it). */
  payload: string | null;
}
const recordKey = (entity: string, entityId: string) => `${entity}\u0000${entityId}`;

/**
 * The rules, mutation by mutation in the order sent, worked out in memory against what was read
 * for the batch, so a later mutation sees what an earlier one did (in-batch duplicates, a stale
 * base after an applied edit, an upsert after a delete). Applied mutations take the versions after
 * `before` in order; only the last row per key is written.
 */
/** How a mutation was answered before (applied_mutations): a retry gets the same answer again. */
interface Answered {
  status: string;
  version: number | null;
}

/**
 * The answer to a mutation sent again (its first answer was lost on the way). An applied one is a
 * duplicate; a conflict or a refusal is answered as such again, with the record as it is now — a
 * plain "duplicate" would make the PC take head office's version for its own stale edit and lose
 * the conflict.
 */
function repeatedAnswer(m: Mutation, done: Answered, current: RecordState | undefined, device: Device): MutationResult {
  if (done.status === 'conflict') return { mutationId: m.mutationId, status: 'conflict', version: current?.version ?? done.version, serverPayload: parsePayload(current?.payload ?? null) };
  if (done.status === 'rejected') {
    const reason = unsealed(m) ? UNSEALED_REASON : current && current.location_id !== device.location_id ? 'Dit record hoort bij een andere locatie.' : 'Dit record is gewist.';
    return { mutationId: m.mutationId, status: 'rejected', version: done.version, reason };
  }
  return { mutationId: m.mutationId, status: 'duplicate', version: done.version };
}

/** The key id a sealed payload names (the PC's envelope; its shape is the PC's to check). */
function sealedKeyId(payload: Mutation['payload']): unknown {
  const envelope = payload?.$sealed;
  return typeof envelope === 'object' && envelope !== null ? (envelope as Record<string, unknown>).keyId : undefined;
}

/**
 * Medical data and meldcode files are only taken sealed: a PC holds them back until it has the key,
 * so a readable one can only come from a faulty or altered client, and head office never stores it
 * (whether or not the location has a key yet). The envelope must be the payload's only field.
 */
const UNSEALED_REASON = 'Medische gegevens en meldcodedossiers neemt het hoofdkantoor alleen verzegeld aan.';
const unsealed = (m: Mutation) => m.op === 'upsert' && SEALED.has(m.entity) && !(m.payload && Object.keys(m.payload).length === 1 && typeof sealedKeyId(m.payload) === 'string');

/**
 * A sealed upsert head office does not store yet: sealed under a key the location no longer seals
 * with (a PC that had not heard of the rotation), or while a revoke asks for a new key. Stored, it
 * would stay readable to whoever holds the old key, the revoked device too.
 */
const needsNewKey = (m: Mutation, key: KeyState) => m.op === 'upsert' && SEALED.has(m.entity) && key.keyId !== null && (key.rotate || sealedKeyId(m.payload) !== key.keyId);

function planBatch(device: Device, mutations: Mutation[], seen: Map<string, Answered>, records: Map<string, RecordState>, before: number, locationKey: KeyState, at: string) {
  const results: MutationResult[] = [];
  const remembered: AppliedRow[] = [];
  const writes = new Map<string, RecordRow>();
  // Records with a mutation sent back for a new key: their later mutations wait too, in order.
  const waiting = new Set<string>();
  let version = before;
  for (const m of mutations) {
    const key = recordKey(m.entity, m.entityId);
    const current = records.get(key);
    const done = seen.get(m.mutationId);
    if (done !== undefined) {
      results.push(repeatedAnswer(m, done, current, device));
      continue;
    }
    if (!unsealed(m) && (waiting.has(key) || needsNewKey(m, locationKey))) {
      // Not remembered: sent again under the new key it is a new request.
      waiting.add(key);
      results.push({ mutationId: m.mutationId, status: 'rekey', version: null });
      continue;
    }
    let result: MutationResult;
    if (unsealed(m)) {
      result = { mutationId: m.mutationId, status: 'rejected', version: null, reason: UNSEALED_REASON };
    } else if (current && current.location_id !== device.location_id) {
      result = { mutationId: m.mutationId, status: 'rejected', version: null, reason: 'Dit record hoort bij een andere locatie.' };
    } else if (current?.deleted && m.op === 'upsert') {
      // An erased or destroyed record never comes back from a device that was offline.
      result = { mutationId: m.mutationId, status: 'rejected', version: current.version, reason: 'Dit record is gewist.' };
    } else if (current && !current.deleted && m.op === 'upsert' && CONFLICT_CHECKED.has(m.entity) && m.baseVersion !== current.version) {
      // A stale edit of medical data or a meldcode file is a conflict; a delete (erasure, destruction
      // after the retention period) is not: it is due by law and always wins.
      result = { mutationId: m.mutationId, status: 'conflict', version: current.version, serverPayload: parsePayload(current.payload) };
    } else {
      version++;
      const payload = m.op === 'delete' || !m.payload ? null : JSON.stringify({ ...m.payload, location_id: device.location_id, version: undefined });
      const deleted = m.op === 'delete' ? 1 : 0;
      writes.set(key, { location_id: device.location_id, entity: m.entity, entity_id: m.entityId, version, deleted, payload, updated_at: at });
      records.set(key, { location_id: device.location_id, version, deleted: deleted === 1, payload });
      result = { mutationId: m.mutationId, status: 'applied', version };
    }
    seen.set(m.mutationId, { status: result.status, version: result.version });
    remembered.push({ device_id: device.id, mutation_id: m.mutationId, status: result.status, version: result.version, applied_at: at });
    results.push(result);
  }
  // In the order the mutations came (a record's row is inserted where its first mutation stood).
  return { results, remembered, writes: [...writes.values()], version };
}

/** A key of the batch was taken by another location's record between the read and the write. */
class RecordTakenError extends Error {}

async function applyBatch(trx: HoTrx, device: Device, mutations: Mutation[], auditHead: z.infer<typeof AuditHead> | null, statistics: StatisticCount[], at: string): Promise<MutationResult[]> {
  let results: MutationResult[] = [];
  if (mutations.length > 0) {
    // First: the location's counter, locked until commit. Everything read below is then current.
    const { before, key } = await reserveVersions(trx, device.location_id, mutations.length);
    const answered = await appliedMutations(trx, device.id, [...new Set(mutations.map((m) => m.mutationId))]);
    const seen = new Map<string, Answered>(answered.map((r) => [r.mutation_id, { status: r.status, version: r.version === null ? null : Number(r.version) }]));
    const keys = new Set(mutations.map((m) => recordKey(m.entity, m.entityId)));
    const records = new Map<string, RecordState>();
    for (const r of await currentRecords(trx, [...new Set(mutations.map((m) => m.entity))], [...new Set(mutations.map((m) => m.entityId))])) {
      const key = recordKey(r.entity, r.entity_id);
      if (keys.has(key)) records.set(key, { location_id: r.location_id, version: Number(r.version), deleted: Number(r.deleted) === 1, payload: r.payload });
    }
    const plan = planBatch(device, mutations, seen, records, before, key, at);
    if (plan.writes.length > 0 && (await upsertRecords(trx, plan.writes)) !== plan.writes.length) throw new RecordTakenError();
    if (plan.remembered.length > 0) await rememberMutations(trx, plan.remembered);
    if (plan.version !== before + mutations.length) await setLocationVersion(trx, device.location_id, plan.version);
    results = plan.results;
  }
  if (auditHead) await anchorAuditHead(trx, { device_id: device.id, seq: auditHead.seq, hash: auditHead.hash, received_at: at });
  await saveStatistics(trx, statistics.map((s) => ({ location_id: device.location_id, metric: s.metric, period: s.period, count: s.count, received_at: at })));
  await touchDevice(trx, device.id, at);
  return results;
}

/**
 * Applies a device's batch in one transaction with a fixed number of statements whatever its
 * size, answering per mutation, idempotently per (device, mutation id). The per-location counter
 * (a row lock on PostgreSQL) orders all changes: never the device's clock.
 */
export async function push(db: HoDb, device: Device, mutations: Mutation[], auditHead: z.infer<typeof AuditHead> | null, now: Date, statistics: StatisticCount[] = []): Promise<MutationResult[]> {
  const at = now.toISOString();
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute((trx) => applyBatch(trx, device, mutations, auditHead, statistics, at));
    } catch (error) {
      // Rolled back; read again, the taken key now answers "rejected".
      if (!(error instanceof RecordTakenError) || attempt > 1) throw error;
    }
  }
}

const changeJson = (r: { entity: string; entity_id: string; version: number; deleted: number; payload: string | null }) =>
  `{"entity":${JSON.stringify(r.entity)},"entityId":${JSON.stringify(r.entity_id)},"version":${Number(r.version)},"deleted":${Number(r.deleted) === 1},"payload":${r.payload ?? 'null'}}`;

/**
 * One page of the location's changes after the cursor, as the PullResponse JSON text: the stored
 * payloads go out as they are, without a parse and a stringify per row.
 */
export async function pull(db: HoDb, device: Device, after: number, limit: number, now: Date, openConflicts?: number): Promise<string> {
  const rows = await pullRows(db, device.location_id, after, limit + 1);
  const hasMore = rows.length > limit;
  const page = hasMore ? rows.slice(0, limit) : rows;
  // The last page of a round marks the device as synced: one write per round, not per page.
  if (!hasMore) await touchDevice(db, device.id, now.toISOString(), openConflicts === undefined ? undefined : { openConflicts, after });
  const cursor = page.length ? Number(page[page.length - 1]!.version) : after;
  // The last page also says which sync key the location seals with now and whether it must be
  // rotated, so a PC learns of a rotation without an extra request per round.
  const key = hasMore ? '' : `,"key":${JSON.stringify(await locationKeyState(db, device))}`;
  return `{"changes":[${page.map(changeJson).join(',')}],"cursor":${cursor},"hasMore":${hasMore}${key}}`;
}
