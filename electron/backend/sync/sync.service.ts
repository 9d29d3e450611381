import { AppError } from '../../../shared/api/result';
import type { SyncConflict, SyncStatus } from '../../../shared/api/sync.contract';
import { displayName } from '../../../shared/domain/names';
import { EnrolResponse, SYNCED_ENTITIES, type SyncedEntity } from '../../../shared/sync/protocol';
import type { AppCore, Session } from '../core';
import type { DbOrTrx } from '../db/schema';
import { appendAudit } from '../modules/audit/audit.service';
import { requestJson, SyncHttpError } from './http';
import { PRIMARY_KEY, queueUpsert } from './outbox';
import { readRunState, readSyncConfig, writeSyncConfig } from './sync.state';

export async function syncStatus(core: AppCore): Promise<SyncStatus> {
  const db = core.db();
  const config = await readSyncConfig(db);
  const run = await readRunState(db);
  const pending = Number((await db.selectFrom('outbox').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const openConflicts = Number(
    (await db.selectFrom('sync_conflicts').select((eb) => eb.fn.countAll().as('n')).where('resolved_at', 'is', null).executeTakeFirstOrThrow()).n,
  );
  const scheduler = core.scheduler;
  return {
    enrolled: Boolean(config),
    serverUrl: config?.serverUrl ?? null,
    locationName: config?.locationName ?? null,
    deviceId: config?.deviceId ?? null,
    online: run.lastAttemptAt === null ? null : run.lastError === null,
    running: scheduler?.isRunning ?? false,
    pending,
    openConflicts,
    lastSuccessAt: run.lastSuccessAt,
    lastAttemptAt: run.lastAttemptAt,
    lastError: run.lastError,
    nextAttemptAt: config && scheduler && scheduler.nextAttemptAt > 0 ? new Date(scheduler.nextAttemptAt).toISOString() : null,
  };
}

/**
 * Koppelen: exchange the one-time code for a device token. Head office's location id replaces
 * the local one on every row, so all PCs of a location share one id.
 */
export async function enrol(
  core: AppCore,
  session: Session,
  input: { serverUrl: string; code: string; deviceName: string; caCertPem: string | null },
): Promise<void> {
  if (await readSyncConfig(core.db())) throw new AppError('CONFLICT', 'Deze computer is al gekoppeld aan het hoofdkantoor.');
  let answer: unknown;
  try {
    answer = await requestJson(input.serverUrl, { method: 'POST', path: '/v1/enrol', body: { code: input.code, deviceName: input.deviceName }, caCertPem: input.caCertPem });
  } catch (error) {
    if (error instanceof SyncHttpError && error.status === 403) {
      throw new AppError('VALIDATION', error.message, { code: error.message });
    }
    throw new AppError('CONFLICT', error instanceof Error ? error.message : 'Het hoofdkantoor is niet bereikbaar.', { serverUrl: 'Niet bereikbaar.' });
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
    await trx.updateTable('location').set({ id: enrolled.locationId, updated_at: core.now().toISOString() }).execute();
    for (const entity of SYNCED_ENTITIES) {
      await trx
        .updateTable(entity)
        .set({ location_id: enrolled.locationId } as never)
        .execute();
    }
    await appendAudit(trx, { userId: session.userId, action: 'sync.enrol', entity: 'device', entityId: enrolled.deviceId }, core.now());
  });
}

async function labelFor(db: DbOrTrx, entity: string, id: string): Promise<string> {
  const childId = entity === 'child_medical' ? id : entity === 'children' ? id : null;
  if (childId) {
    const child = await db.selectFrom('children').select(['first_name', 'surname_prefix', 'surname']).where('id', '=', childId).executeTakeFirst();
    if (child) return displayName({ firstName: child.first_name, surnamePrefix: child.surname_prefix, surname: child.surname });
  }
  return `${entity} ${id.slice(0, 8)}`;
}

export async function listConflicts(core: AppCore, session: Session): Promise<SyncConflict[]> {
  const rows = await core.db().selectFrom('sync_conflicts').selectAll().where('resolved_at', 'is', null).orderBy('created_at').execute();
  const result: SyncConflict[] = [];
  for (const row of rows) {
    result.push({
      id: row.id,
      kind: row.kind,
      entity: row.entity,
      entityId: row.entity_id,
      label: await labelFor(core.db(), row.entity, row.entity_id),
      localPayload: row.local_payload ? (JSON.parse(row.local_payload) as Record<string, unknown>) : null,
      serverPayload: row.server_payload ? (JSON.parse(row.server_payload) as Record<string, unknown>) : null,
      serverVersion: row.server_version,
      reason: row.reason,
      createdAt: row.created_at,
    });
  }
  // Both versions of medical data were shown: that is a read of special-category data.
  const medical = result.filter((c) => c.entity === 'child_medical');
  if (medical.length) {
    await core.transaction(async (trx) => {
      for (const c of medical) await appendAudit(trx, { userId: session.userId, action: 'medical.read', entity: 'child', entityId: c.entityId, details: { scope: 'conflict' } }, core.now());
    });
  }
  return result;
}

const EDITABLE_MEDICAL = ['allergies', 'diet', 'medication', 'other_particulars'];

/**
 * The manager picks this PC's version, head office's version, or a merge. The result is written
 * locally and (for local/merged) queued against head office's version, so it is not stale again.
 */
export async function resolveConflict(
  core: AppCore,
  session: Session,
  input: { id: string; resolution: 'local' | 'server' | 'merged'; merged?: Record<string, string | null> | null | undefined },
): Promise<void> {
  await core.transaction(async (trx) => {
    const conflict = await trx.selectFrom('sync_conflicts').selectAll().where('id', '=', input.id).executeTakeFirst();
    if (!conflict || conflict.resolved_at) throw new AppError('NOT_FOUND', 'Dit conflict is al opgelost.');
    const entity = conflict.entity as SyncedEntity;
    if (conflict.kind === 'conflict') {
      const local = conflict.local_payload ? (JSON.parse(conflict.local_payload) as Record<string, unknown>) : {};
      const server = conflict.server_payload ? (JSON.parse(conflict.server_payload) as Record<string, unknown>) : {};
      let chosen = input.resolution === 'local' ? local : server;
      if (input.resolution === 'merged') {
        if (!input.merged) throw new AppError('VALIDATION', 'Vul de samengevoegde versie in.');
        chosen = { ...server, ...Object.fromEntries(Object.entries(input.merged).filter(([k]) => EDITABLE_MEDICAL.includes(k))), updated_at: core.now().toISOString(), updated_by: session.userId };
      }
      const key = PRIMARY_KEY[entity];
      const values = { ...chosen, [key]: conflict.entity_id, version: conflict.server_version } as Record<string, unknown>;
      await trx
        .insertInto(entity)
        .values(values as never)
        .onConflict((oc) => oc.column(key as never).doUpdateSet(values as never))
        .execute();
      if (input.resolution !== 'server') await queueUpsert(trx, entity, conflict.entity_id, core.now());
    }
    await trx
      .updateTable('sync_conflicts')
      .set({ resolved_at: core.now().toISOString(), resolved_by: session.userId, resolution: input.resolution, local_payload: null, server_payload: null })
      .where('id', '=', input.id)
      .execute();
    await appendAudit(trx, { userId: session.userId, action: 'sync.resolveConflict', entity: conflict.entity, entityId: conflict.entity_id, details: { resolution: input.resolution } }, core.now());
  });
}
