import { v7 as uuidv7 } from 'uuid';
import { CONFLICT_CHECKED, SEALED, type SyncedEntity } from '../../../shared/sync/protocol';
import type { Trx } from '../db/schema';
import { sealedOutboxPayload } from './keys';

/** Primary key column per synced table. */
export const PRIMARY_KEY: Record<SyncedEntity, string> = {
  households: 'id',
  parents: 'id',
  groups: 'id',
  children: 'id',
  bsn_verifications: 'id',
  child_medical: 'child_id',
  contracts: 'id',
  tasks: 'id',
  waitlist_entries: 'id',
  pickup_persons: 'id',
  pickup_bans: 'id',
  identification_log: 'id',
  photo_consents: 'id',
  consent_form_returns: 'id',
  exchange_consents: 'id',
  disclosures: 'id',
  disclosure_subjects: 'id',
  disclosure_restriction_decisions: 'id',
  municipality_configs: 'id',
  marketing_opt_outs: 'id',
  processing_restrictions: 'id',
  meldcode_cases: 'id',
  meldcode_entries: 'id',
  subject_requests: 'id',
  data_corrections: 'id',
  request_tasks: 'id',
  retention_policies: 'id',
  organisation_profile: 'id',
  applicants: 'id',
  employees: 'id',
  employee_statutory_holds: 'id',
  complaints: 'id',
  legal_holds: 'id',
  processing_objections: 'id',
  data_breaches: 'id',
  central_requests: 'id',
  privacy_statement_versions: 'id',
  privacy_statement_informed: 'id',
};

/**
 * The one helper every module calls after a synced write, inside the same transaction: it queues
 * the row as it now is. Head office sees the write exactly when the local transaction committed.
 */
export async function queueUpsert(trx: Trx, entity: SyncedEntity, id: string, now: Date): Promise<void> {
  const key = PRIMARY_KEY[entity];
  // Dynamic table name from a closed list; Kysely cannot type this generically.
  const row = (await trx
    .selectFrom(entity)
    .selectAll()
    .where(key as never, '=', id as never)
    .executeTakeFirst()) as Record<string, unknown> | undefined;
  if (!row) throw new Error(`queueUpsert: ${entity} ${id} not found`);
  const { version, ...payload } = row;
  const json = JSON.stringify(payload);
  await trx
    .insertInto('outbox')
    .values({
      mutation_id: uuidv7(),
      entity,
      entity_id: id,
      op: 'upsert',
      // Medical data and meldcode files are sealed here, before they enter the outbox (seal.ts).
      payload: SEALED.has(entity) ? await sealedOutboxPayload(trx, entity, id, (version as number | null) ?? 0, json) : json,
      // Only conflict-checked entities need the base version; LWW entities ignore it.
      base_version: CONFLICT_CHECKED.has(entity) ? ((version as number | null) ?? null) : null,
      created_at: now.toISOString(),
    })
    .execute();
}

/** A tombstone: entity and id only, no personal data. */
export async function queueDelete(trx: Trx, entity: SyncedEntity, id: string, now: Date): Promise<void> {
  await trx.insertInto('outbox').values({ mutation_id: uuidv7(), entity, entity_id: id, op: 'delete', payload: null, base_version: null, created_at: now.toISOString() }).execute();
}

/**
 * For erasure: queued upserts of the row still hold the data being erased, so they leave the
 * outbox before the row's new state is queued (a row that goes whole leaves through eraseRows).
 */
async function dropPendingUpserts(trx: Trx, entity: SyncedEntity, id: string): Promise<void> {
  await trx.deleteFrom('outbox').where('entity', '=', entity).where('entity_id', '=', id).where('op', '=', 'upsert').execute();
}

/** After fields of a row were erased: only its new state may leave the PC. */
export async function requeueAfterErasure(trx: Trx, entity: SyncedEntity, id: string, now: Date): Promise<void> {
  await dropPendingUpserts(trx, entity, id);
  await queueUpsert(trx, entity, id, now);
}
