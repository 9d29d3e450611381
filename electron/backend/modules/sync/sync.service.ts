import type { z } from 'zod';
import { AppError } from '../../../../shared/api/result';
import { isRecoveryKeyCode, type SyncConflict, type SyncStatus, type syncContract } from '../../../../shared/api/sync.contract';
import { displayName } from '../../../../shared/domain/names';
import { msg, type MessageRef } from '../../../../shared/i18n/translate';
import { EnrolResponse, type SyncedEntity } from '../../../../shared/sync/protocol';
import type { AppCore, Session } from '../../core';
import { AttemptThrottle } from '../../attemptThrottle';
import type { DbOrTrx } from '../../db/schema';
import { requestJson, SyncHttpError } from '../../sync/http';
import { PRIMARY_KEY, queueUpsert } from '../../sync/outbox';
import { readCursor, readRunState, readSyncConfig, writeSyncConfig, type SyncConfig } from '../../sync/sync.state';
import { currentKey, installKey, readSealedWaiting } from '../../sync/keys';
import { confirmEscrowKey, escrowSyncKey, readEscrowKeyChange } from '../../sync/escrow';
import { offerRecoveryWrap, readRecoveryWrapAt, receiveWithRecoveryKey } from '../../sync/recovery';
import { followKeyRotation } from '../../sync/rotation';
import { claimSyncKey } from '../../sync/sync.engine';
import { unwrapKey, wrapKey, newTransferCode, type WrappedKey } from '../../sync/transfer';
import { childName, countOpenConflicts, countPending, findConflict, markResolved, moveToLocation, openConflicts, writeChosenVersion } from './sync.repository';

type Input<M extends keyof typeof syncContract> = z.output<(typeof syncContract)[M]['input']>;

export async function syncStatus(core: AppCore): Promise<SyncStatus> {
  const db = core.db();
  const config = await readSyncConfig(db);
  const run = await readRunState(db);
  const scheduler = core.scheduler;
  const next = config && scheduler && scheduler.nextAttemptAt > 0 ? scheduler.nextAttemptAt : null;
  return {
    enrolled: Boolean(config),
    serverUrl: config?.serverUrl ?? null,
    locationName: config?.locationName ?? null,
    deviceId: config?.deviceId ?? null,
    online: run.lastAttemptAt === null ? null : run.lastError === null,
    running: scheduler?.isRunning ?? false,
    pending: await countPending(db),
    openConflicts: await countOpenConflicts(db),
    lastSuccessAt: run.lastSuccessAt,
    lastAttemptAt: run.lastAttemptAt,
    lastError: run.lastError,
    nextAttemptAt: next ? new Date(next).toISOString() : null,
    // The scheduler's timers run on the wall clock (Date.now), not the app's clock.
    nextAttemptInSeconds: next ? Math.max(0, Math.round((next - Date.now()) / 1000)) : null,
    syncKeyId: (await currentKey(db))?.keyId ?? null,
    recoveryWrapAt: await readRecoveryWrapAt(core),
    escrowKeyChange: await readEscrowKeyChange(db),
    sealedWaiting: (await readSealedWaiting(db)).count,
    pulledVersion: await readCursor(db),
  };
}

/**
 * Koppelen: exchange the one-time code for a device token. Head office's location id replaces
 * the local one on every row, so all PCs of a location share one id.
 */
export async function enrol(core: AppCore, input: Input<'sync.enrol'>): Promise<void> {
  if (await readSyncConfig(core.db())) throw new AppError('CONFLICT', msg('sync.alreadyEnrolled'));
  let answer: unknown;
  try {
    answer = await requestJson(input.serverUrl, { method: 'POST', path: '/v1/enrol', body: { code: input.code, deviceName: input.deviceName }, caCertPem: input.caCertPem });
  } catch (error) {
    // 403 is head office refusing the code itself.
    if (error instanceof SyncHttpError && error.status === 403) throw new AppError('VALIDATION', msg('sync.codeRefused'), { code: msg('sync.codeRefused') });
    const reason = error instanceof SyncHttpError ? error.ref : msg('sync.headOfficeUnreachable');
    throw new AppError('CONFLICT', reason, { serverUrl: msg('sync.unreachableField') });
  }
  const enrolled = EnrolResponse.parse(answer);
  await core.transaction(async (trx) => {
    await writeSyncConfig(trx, {
      serverUrl: input.serverUrl,
      deviceId: enrolled.deviceId,
      token: enrolled.token,
      locationId: enrolled.locationId,
      locationName: enrolled.locationName,
      caCertPem: input.caCertPem,
    });
    await moveToLocation(trx, enrolled.locationId, core.now());
  });
  // The first PC of the location creates the location's sync key now; a later PC learns it must
  // wait for a transfer code. Offline in between: the next sync round does it.
  const config = await readSyncConfig(core.db());
  if (config) await claimSyncKey(core, (work) => work(), config, requestJson).then(() => escrowSyncKey(core, (work) => work(), config, requestJson)).catch(() => undefined);
}

/** A request to head office from a service method: its failures become the Dutch AppError the UI shows. */
async function ask(config: SyncConfig, options: { method: 'GET' | 'POST'; path: string; body?: unknown }): Promise<unknown> {
  try {
    return await requestJson(config.serverUrl, { ...options, token: config.token, caCertPem: config.caCertPem });
  } catch (error) {
    throw new AppError('CONFLICT', error instanceof SyncHttpError ? error.ref : msg('sync.headOfficeUnreachable'));
  }
}

/** Overdrachtscode: wraps this PC's key under a key derived from a new one-time code, and sends head office only that. */
export async function makeTransferCode(core: AppCore): Promise<{ code: string; expiresAt: string }> {
  const config = await readSyncConfig(core.db());
  if (!config) throw new AppError('CONFLICT', msg('sync.transfer.notEnrolled'));
  const key = await currentKey(core.db());
  if (!key) throw new AppError('CONFLICT', msg('sync.transfer.noKey'));
  const code = newTransferCode();
  const wrapped = await wrapKey(code, config.locationId, key);
  const stored = (await ask(config, { method: 'POST', path: '/v1/sync/transfers', body: { keyId: key.keyId, wrapped } })) as { expiresAt: string };
  return { code, expiresAt: stored.expiresAt };
}

/**
 * A growing delay after wrong codes or herstelsleutels typed on this PC (per running app, like the
 * login's): 3 free attempts, then 5 s doubling up to 15 minutes. A wrong attempt changes nothing else.
 */
const KEY_THROTTLE = { freeAttempts: 3, firstDelayMs: 5000, maxDelayMs: 15 * 60 * 1000 };
const keyThrottles = new WeakMap<AppCore, AttemptThrottle>();

function keyThrottle(core: AppCore): AttemptThrottle {
  let throttle = keyThrottles.get(core);
  if (!throttle) {
    throttle = new AttemptThrottle(KEY_THROTTLE, core.now);
    keyThrottles.set(core, throttle);
  }
  return throttle;
}

function refuseKeyAttempt(core: AppCore, ref: MessageRef, field: string): never {
  keyThrottle(core).recordFailure();
  throw new AppError('VALIDATION', ref, { [field]: ref });
}

/**
 * The code typed on this PC: a transfer code is tried on the location's open transfers, a
 * herstelsleutel on the location's herstelsleutel wraps. A wrong or expired one opens nothing and
 * changes nothing; the right one installs the key (sealing what was queued in clear and pulling
 * again what waited for it). A used transfer is deleted at head office; a herstelsleutel wrap stays
 * (the herstelsleutel is not one-time) and may hold an older key, so the rotations since are
 * followed at once: new writes are sealed under the current key (what was queued before is sealed
 * under the older one, which the location's PCs keep for opening).
 */
export async function receiveKey(core: AppCore, code: string): Promise<void> {
  const config = await readSyncConfig(core.db());
  if (!config) throw new AppError('CONFLICT', msg('sync.transfer.notEnrolled'));
  if (await currentKey(core.db())) throw new AppError('CONFLICT', msg('sync.transfer.hasKey'));
  keyThrottle(core).assertMayAttempt();
  const direct = <T>(work: () => Promise<T>) => work();
  if (isRecoveryKeyCode(code)) {
    const received = await receiveWithRecoveryKey(core, config, requestJson, code).catch((error: unknown) => {
      throw new AppError('CONFLICT', error instanceof SyncHttpError ? error.ref : msg('sync.headOfficeUnreachable'));
    });
    if (!received) refuseKeyAttempt(core, msg('sync.recovery.refused'), 'code');
    keyThrottle(core).reset();
    if (received.locationKeyId) await followKeyRotation(core, direct, config, requestJson, { keyId: received.locationKeyId, rotate: false }).catch(() => undefined);
    await escrowSyncKey(core, direct, config, requestJson).catch(() => undefined);
    return;
  }
  const { transfers } = (await ask(config, { method: 'GET', path: '/v1/sync/transfers' })) as { transfers: { id: string; keyId: string; wrapped: WrappedKey }[] };
  for (const transfer of transfers) {
    const key = await unwrapKey(code, config.locationId, transfer.keyId, transfer.wrapped).catch(() => null);
    if (!key) continue;
    keyThrottle(core).reset();
    await core.transaction((trx) => installKey(trx, { keyId: transfer.keyId, key }, 'transfer', core.now()));
    await ask(config, { method: 'POST', path: '/v1/sync/transfers/consume', body: { id: transfer.id } }).catch(() => undefined);
    await escrowSyncKey(core, direct, config, requestJson).catch(() => undefined);
    return;
  }
  refuseKeyAttempt(core, msg('sync.transfer.codeRefused'), 'code');
}

/**
 * "Herstelsleutel gebruiken voor nieuwe pc's": the herstelsleutel typed must open this PC's own
 * recovery slot (so a typo never leaves an unusable wrap); then the key goes to head office
 * wrapped under it (sync/recovery.ts). The herstelsleutel itself is not kept.
 */
export async function offerRecoveryKey(core: AppCore, recoveryKey: string): Promise<void> {
  const config = await readSyncConfig(core.db());
  if (!config) throw new AppError('CONFLICT', msg('sync.transfer.notEnrolled'));
  if (!(await currentKey(core.db()))) throw new AppError('CONFLICT', msg('sync.transfer.noKey'));
  keyThrottle(core).assertMayAttempt();
  const dbKey = core.loadKeyring().unlockWithRecoveryKey(recoveryKey);
  const matches = dbKey?.equals(core.dbKey()) ?? false;
  dbKey?.fill(0);
  if (!matches) refuseKeyAttempt(core, msg('sync.recovery.notThisPc'), 'recoveryKey');
  keyThrottle(core).reset();
  try {
    await offerRecoveryWrap(core, config, requestJson, recoveryKey);
  } catch (error) {
    throw new AppError('CONFLICT', error instanceof SyncHttpError ? error.ref : msg('sync.headOfficeUnreachable'));
  }
}

/** The manager confirms the new escrow fingerprint shown on this PC (it must still be the one offered). */
export async function confirmEscrowFingerprint(core: AppCore, fingerprint: string): Promise<void> {
  if (!(await core.transaction((trx) => confirmEscrowKey(trx, fingerprint)))) throw new AppError('CONFLICT', msg('sync.escrow.offerChanged'));
}

async function labelFor(db: DbOrTrx, entity: string, id: string): Promise<string> {
  if (entity === 'child_medical' || entity === 'children') {
    const child = await childName(db, id);
    if (child) return displayName({ firstName: child.first_name, surnamePrefix: child.surname_prefix, surname: child.surname });
  }
  return `${entity} ${id.slice(0, 8)}`;
}

const payload = (json: string | null) => (json ? (JSON.parse(json) as Record<string, unknown>) : null);

/** Open conflicts with both versions (a read of medical data when one is about it; see the contract). */
export async function listConflicts(core: AppCore): Promise<SyncConflict[]> {
  const db = core.db();
  const result: SyncConflict[] = [];
  for (const row of await openConflicts(db)) {
    result.push({
      id: row.id,
      kind: row.kind,
      entity: row.entity,
      entityId: row.entity_id,
      label: await labelFor(db, row.entity, row.entity_id),
      localPayload: payload(row.local_payload),
      serverPayload: payload(row.server_payload),
      serverVersion: row.server_version,
      reason: row.reason,
      createdAt: row.created_at,
    });
  }
  return result;
}

const EDITABLE_MEDICAL = ['allergies', 'diet', 'medication', 'other_particulars'];

/**
 * The manager picks this PC's version, head office's version, or a merge. The result is written
 * locally and (for local/merged) queued against head office's version, so it is not stale again.
 */
export async function resolveConflict(core: AppCore, session: Session, input: Input<'sync.resolveConflict'>): Promise<void> {
  await core.transaction(async (trx) => {
    const conflict = await findConflict(trx, input.id);
    if (!conflict || conflict.resolved_at) throw new AppError('NOT_FOUND', msg('sync.conflictResolved'));
    const entity = conflict.entity as SyncedEntity;
    if (conflict.kind === 'conflict') {
      const local = payload(conflict.local_payload) ?? {};
      const server = payload(conflict.server_payload) ?? {};
      let chosen = input.resolution === 'local' ? local : server;
      if (input.resolution === 'merged') {
        if (!input.merged) throw new AppError('VALIDATION', msg('sync.mergedRequired'));
        chosen = { ...server, ...Object.fromEntries(Object.entries(input.merged).filter(([k]) => EDITABLE_MEDICAL.includes(k))), updated_at: core.now().toISOString(), updated_by: session.userId };
      }
      await writeChosenVersion(trx, entity, { ...chosen, [PRIMARY_KEY[entity]]: conflict.entity_id, version: conflict.server_version });
      if (input.resolution !== 'server') await queueUpsert(trx, entity, conflict.entity_id, core.now());
    }
    await markResolved(trx, input.id, { userId: session.userId, resolution: input.resolution, at: core.now() });
  });
}
