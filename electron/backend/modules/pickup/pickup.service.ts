import { v7 as uuidv7 } from 'uuid';
import { queueUpsert } from '../../sync/outbox';
import type { z } from 'zod';
import { AppError } from '../../../../shared/api/result';
import type { IdentificationInput, IdType, PickupBanInput, PickupPersonInput } from '../../../../shared/api/clients.schemas';
import { msg } from '../../../../shared/i18n/translate';
import type { AppCore, Session } from '../../core';
import type { DbOrTrx, Trx } from '../../db/schema';
import { findChild } from '../children/children.repository';
import { assertIdentificationAllowed } from '../requests/objections';
import {
  activePersonsOfChild,
  bansOfChild,
  findBan,
  findPerson,
  identificationsOfChild,
  insertBan,
  insertIdentification,
  insertPerson,
  updateBan,
  updatePerson,
} from './pickup.repository';

async function requireChild(db: DbOrTrx, childId: string) {
  const child = await findChild(db, childId);
  if (!child) throw new AppError('NOT_FOUND', msg('children.notFound'));
  return child;
}

/** Ophaalpersonen, "mag niet ophalen" and the identification log of one child. */
export async function pickupOverview(db: DbOrTrx, childId: string, today: string) {
  await requireChild(db, childId);
  const persons = await activePersonsOfChild(db, childId);
  const bans = await bansOfChild(db, childId);
  const identifications = await identificationsOfChild(db, childId);
  return {
    persons: persons.map((p) => ({
      id: p.id,
      name: p.name,
      relation: p.relation,
      phone: p.phone,
      validUntil: p.valid_until,
      expired: p.valid_until !== null && p.valid_until < today,
    })),
    bans: bans.map((b) => ({
      id: b.id,
      name: b.name,
      basisReference: b.basis_reference,
      basisDate: b.basis_date,
      notes: b.notes,
      createdAt: b.created_at,
      liftedAt: b.lifted_at,
    })),
    identifications: identifications.map((i) => ({
      id: i.id,
      collectorName: i.collector_name,
      method: i.method,
      idType: (i.id_type ?? null) as IdType | null,
      recordedByName: i.recorded_by_name,
      recordedAt: i.recorded_at,
    })),
  };
}

/** Inserts an ophaalpersoon inside `trx` (also used when taking in a portability file). */
export async function insertPickupPerson(trx: Trx, core: AppCore, input: z.output<typeof PickupPersonInput>): Promise<string> {
  const id = uuidv7();
  const child = await requireChild(trx, input.childId);
  await insertPerson(trx, {
    id,
    location_id: child.location_id,
    child_id: child.id,
    name: input.name,
    relation: input.relation,
    phone: input.phone,
    valid_until: input.validUntil,
    revoked_at: null,
    created_at: core.now().toISOString(),
    version: null,
  });
  await queueUpsert(trx, 'pickup_persons', id, core.now());
  return id;
}

// The writes below are audited as the contract declares (pickup.addPerson, .revokePerson, .addBan, .liftBan, .recordIdentification).

export async function addPickupPerson(core: AppCore, input: z.output<typeof PickupPersonInput>) {
  const id = await core.transaction((trx) => insertPickupPerson(trx, core, input));
  return (await pickupOverview(core.db(), input.childId, core.today())).persons.find((p) => p.id === id)!;
}

export async function revokePickupPerson(core: AppCore, id: string) {
  await core.transaction(async (trx) => {
    const person = await findPerson(trx, id);
    if (!person || person.revoked_at) throw new AppError('NOT_FOUND', msg('pickup.personNotFound'));
    await updatePerson(trx, id, { revoked_at: core.now().toISOString() });
    await queueUpsert(trx, 'pickup_persons', id, core.now());
  });
  return {};
}

export async function addPickupBan(core: AppCore, session: Session, input: z.output<typeof PickupBanInput>) {
  const id = uuidv7();
  await core.transaction(async (trx) => {
    const child = await requireChild(trx, input.childId);
    await insertBan(trx, {
      id,
      location_id: child.location_id,
      child_id: child.id,
      name: input.name,
      basis_reference: input.basisReference,
      basis_date: input.basisDate,
      notes: input.notes,
      created_at: core.now().toISOString(),
      created_by: session.userId,
      lifted_at: null,
      lift_reason: null,
      version: null,
    });
    await queueUpsert(trx, 'pickup_bans', id, core.now());
  });
  return (await pickupOverview(core.db(), input.childId, core.today())).bans.find((b) => b.id === id)!;
}

export async function liftPickupBan(core: AppCore, input: { id: string; reason: string }) {
  const ban = await core.transaction(async (trx) => {
    const row = await findBan(trx, input.id);
    if (!row) throw new AppError('NOT_FOUND', msg('pickup.banNotFound'));
    if (row.lifted_at) throw new AppError('CONFLICT', msg('pickup.banLifted'));
    await updateBan(trx, input.id, { lifted_at: core.now().toISOString(), lift_reason: input.reason });
    await queueUpsert(trx, 'pickup_bans', input.id, core.now());
    return row;
  });
  return (await pickupOverview(core.db(), ban.child_id, core.today())).bans.find((b) => b.id === input.id)!;
}

/** Identificatie: how staff established who collected the child — ID type only, never its number. */
export async function recordIdentification(core: AppCore, session: Session, input: z.output<typeof IdentificationInput>) {
  const id = uuidv7();
  await core.transaction(async (trx) => {
    const child = await requireChild(trx, input.childId);
    // An upheld objection (AVG art. 21) of the child's parent or of the collector: not recorded.
    await assertIdentificationAllowed(trx, child.id, input.collectorName);
    await insertIdentification(trx, {
      id,
      location_id: child.location_id,
      child_id: child.id,
      collector_name: input.collectorName,
      method: input.method,
      id_type: input.idType ?? null,
      recorded_by: session.userId,
      recorded_by_name: session.name,
      recorded_at: core.now().toISOString(),
      version: null,
    });
    await queueUpsert(trx, 'identification_log', id, core.now());
  });
  return (await pickupOverview(core.db(), input.childId, core.today())).identifications.find((i) => i.id === id)!;
}
