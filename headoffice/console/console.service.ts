import type { ConsoleAuditEntry, ConsoleEscrowKey, ConsoleLocation } from '../../shared/console/api';
import type { HoDb, HoTrx } from '../db/schema';
import { newestEscrowKey } from '../service/escrow.service';
import { createLocation, issueEnrolmentCode, revokeDevice } from '../service/sync.service';
import { publishOrganisationTo } from './organisation.service';
import { publishStatementsTo } from './statements.service';
import { appendAudit } from './audit';
import { ConsoleError } from './auth.service';
import * as repo from './console.repository';

/** Locations with their key for sealed data, devices, last sync and audit-anchor status. */
export async function listConsoleLocations(db: HoDb): Promise<ConsoleLocation[]> {
  const { locations, devices, anchors, escrowed } = await repo.locationsWithDevices(db);
  const anchorOf = new Map(anchors.map((a) => [a.device_id, a]));
  const escrowedKeys = escrowed && new Set(escrowed.map((e) => `${e.location_id}\u0000${e.key_id}`));
  return locations.map((l) => ({
    id: l.id,
    name: l.name,
    createdAt: l.created_at,
    version: l.version,
    sealing: {
      keyId: l.sync_key_id,
      rotationDue: l.key_rotation_due_at !== null,
      escrowed: escrowedKeys ? l.sync_key_id !== null && escrowedKeys.has(`${l.id}\u0000${l.sync_key_id}`) : null,
    },
    devices: devices
      .filter((d) => d.location_id === l.id)
      .map((d) => {
        const anchor = anchorOf.get(d.id);
        return {
          id: d.id,
          name: d.name,
          createdAt: d.created_at,
          lastSyncAt: d.last_sync_at,
          revokedAt: d.revoked_at,
          openConflicts: d.open_conflicts === null ? null : Number(d.open_conflicts),
          lastAnchor: anchor && anchor.seq !== null ? { seq: Number(anchor.seq), receivedAt: String(anchor.received_at) } : null,
        };
      }),
  }));
}

/** The escrow key's fingerprint, to compare with the one the privacy officer keeps offline. */
export async function consoleEscrowKey(db: HoDb): Promise<ConsoleEscrowKey> {
  const key = await newestEscrowKey(db);
  return { fingerprint: key?.fingerprint ?? null, setAt: key?.created_at ?? null };
}

/** A new location starts with what every location has: the organisation's identity and the privacy statement versions (console and CLI alike). */
export async function setUpLocation(trx: HoTrx, name: string, now: Date) {
  const location = await createLocation(trx, name, now);
  await publishOrganisationTo(trx, location.id, now);
  await publishStatementsTo(trx, location.id, now);
  return location;
}

export async function createConsoleLocation(db: HoDb, name: string, actorId: string, now: Date) {
  return db.transaction().execute(async (trx) => {
    const location = await setUpLocation(trx, name, now);
    await appendAudit(trx, { userId: actorId, action: 'console.location.create', detail: { locationId: location.id } }, now);
    return location;
  });
}

export async function issueConsoleCode(db: HoDb, locationId: string, actorId: string, now: Date) {
  return db.transaction().execute(async (trx) => {
    const known = await trx.selectFrom('locations').select('id').where('id', '=', locationId).executeTakeFirst();
    if (!known) throw new ConsoleError(404, 'Deze locatie bestaat niet.');
    const issued = await issueEnrolmentCode(trx, locationId, now);
    await appendAudit(trx, { userId: actorId, action: 'console.code.issue', detail: { locationId } }, now);
    return { code: issued.code, expiresAt: issued.expiresAt };
  });
}

export async function revokeConsoleDevice(db: HoDb, deviceId: string, actorId: string, now: Date) {
  return db.transaction().execute(async (trx) => {
    const revoked = await revokeDevice(trx, deviceId, now);
    if (!revoked) throw new ConsoleError(404, 'Dit apparaat bestaat niet of is al ingetrokken.');
    await appendAudit(trx, { userId: actorId, action: 'console.device.revoke', detail: { deviceId } }, now);
    return { revoked: true };
  });
}

export async function consoleAudit(db: HoDb, limit: number): Promise<ConsoleAuditEntry[]> {
  const rows = await repo.auditEntries(db, limit);
  return rows.map((r) => ({ seq: r.seq, at: r.at, userName: r.user_name, action: r.action, detail: JSON.parse(r.detail) as Record<string, unknown> }));
}
