import { v7 as uuidv7 } from 'uuid';
import { queueUpsert } from '../../sync/outbox';
import type { z } from 'zod';
import { AppError } from '../../../../shared/api/result';
import type { IdentificationInput, PickupBanInput, PickupPersonInput } from '../../../../shared/api/clients.schemas';
import type { AppCore, Session } from '../../core';
import type { DbOrTrx, Trx } from '../../db/schema';
import { appendAudit } from '../audit/audit.service';
import { findChild } from '../children/children.repository';

async function requireChild(db: DbOrTrx, childId: string) {
  const child = await findChild(db, childId);
  if (!child) throw new AppError('NOT_FOUND', 'Dit kind bestaat niet (meer).');
  return child;
}

/** Ophaalpersonen, "mag niet ophalen" and the identification log of one child. */
export async function pickupOverview(db: DbOrTrx, childId: string, today: string) {
  await requireChild(db, childId);
  const persons = await db.selectFrom('pickup_persons').selectAll().where('child_id', '=', childId).where('revoked_at', 'is', null).orderBy('name').execute();
  const bans = await db.selectFrom('pickup_bans').selectAll().where('child_id', '=', childId).orderBy('lifted_at').orderBy('created_at', 'desc').execute();
  const identifications = await db
    .selectFrom('identification_log')
    .select(['id', 'collector_name', 'method', 'id_type', 'recorded_at', 'recorded_by_name'])
    .where('child_id', '=', childId)
    .orderBy('recorded_at', 'desc')
    .limit(100)
    .execute();
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
      idType: (i.id_type ?? null) as 'paspoort' | 'identiteitskaart' | 'rijbewijs' | 'verblijfsdocument' | null,
      recordedByName: i.recorded_by_name,
      recordedAt: i.recorded_at,
    })),
  };
}

async function audited<T>(core: AppCore, session: Session, action: string, entityId: (result: T) => string, work: (trx: Trx) => Promise<T>) {
  return core.transaction(async (trx) => {
    const result = await work(trx);
    await appendAudit(trx, { userId: session.userId, action, entity: 'child', entityId: entityId(result) }, core.now());
    return result;
  });
}

/** Inserts an ophaalpersoon inside `trx` (also used when taking in a portability file). */
export async function insertPickupPerson(trx: Trx, core: AppCore, input: z.output<typeof PickupPersonInput>): Promise<string> {
  const id = uuidv7();
  const child = await requireChild(trx, input.childId);
  await trx
    .insertInto('pickup_persons')
    .values({ id, location_id: child.location_id, child_id: child.id, name: input.name, relation: input.relation, phone: input.phone, valid_until: input.validUntil, revoked_at: null, created_at: core.now().toISOString(), version: null })
    .execute();
  await queueUpsert(trx, 'pickup_persons', id, core.now());
  return id;
}

export async function addPickupPerson(core: AppCore, session: Session, input: z.output<typeof PickupPersonInput>, today: string) {
  const id = await audited(core, session, 'pickup.addPerson', () => input.childId, (trx) => insertPickupPerson(trx, core, input));
  return (await pickupOverview(core.db(), input.childId, today)).persons.find((p) => p.id === id)!;
}

export async function revokePickupPerson(core: AppCore, session: Session, id: string) {
  await core.transaction(async (trx) => {
    const person = await trx.selectFrom('pickup_persons').selectAll().where('id', '=', id).executeTakeFirst();
    if (!person || person.revoked_at) throw new AppError('NOT_FOUND', 'Deze ophaalpersoon bestaat niet (meer).');
    await trx.updateTable('pickup_persons').set({ revoked_at: core.now().toISOString() }).where('id', '=', id).execute();
    await queueUpsert(trx, 'pickup_persons', id, core.now());
    await appendAudit(trx, { userId: session.userId, action: 'pickup.revokePerson', entity: 'child', entityId: person.child_id, details: { pickupPersonId: id } }, core.now());
  });
  return {};
}

export async function addPickupBan(core: AppCore, session: Session, input: z.output<typeof PickupBanInput>, today: string) {
  const id = uuidv7();
  await audited(core, session, 'pickup.addBan', () => input.childId, async (trx) => {
    const child = await requireChild(trx, input.childId);
    await trx
      .insertInto('pickup_bans')
      .values({
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
      })
      .execute();
    await queueUpsert(trx, 'pickup_bans', id, core.now());
  });
  return (await pickupOverview(core.db(), input.childId, today)).bans.find((b) => b.id === id)!;
}

export async function liftPickupBan(core: AppCore, session: Session, input: { id: string; reason: string }, today: string) {
  const ban = await core.transaction(async (trx) => {
    const row = await trx.selectFrom('pickup_bans').selectAll().where('id', '=', input.id).executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', 'Deze regel bestaat niet (meer).');
    if (row.lifted_at) throw new AppError('CONFLICT', 'Deze regel is al opgeheven.');
    await trx.updateTable('pickup_bans').set({ lifted_at: core.now().toISOString(), lift_reason: input.reason }).where('id', '=', input.id).execute();
    await queueUpsert(trx, 'pickup_bans', input.id, core.now());
    await appendAudit(trx, { userId: session.userId, action: 'pickup.liftBan', entity: 'child', entityId: row.child_id, details: { banId: row.id } }, core.now());
    return row;
  });
  return (await pickupOverview(core.db(), ban.child_id, today)).bans.find((b) => b.id === input.id)!;
}

/** Identificatie: how staff established who collected the child — ID type only, never its number. */
export async function recordIdentification(core: AppCore, session: Session, input: z.output<typeof IdentificationInput>, today: string) {
  const id = uuidv7();
  await audited(core, session, 'pickup.identification', () => input.childId, async (trx) => {
    const child = await requireChild(trx, input.childId);
    await trx
      .insertInto('identification_log')
      .values({
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
      })
      .execute();
    await queueUpsert(trx, 'identification_log', id, core.now());
  });
  return (await pickupOverview(core.db(), input.childId, today)).identifications.find((i) => i.id === id)!;
}
