import type { z } from 'zod';
import { queueUpsert } from '../../sync/outbox';
import { AppError } from '../../../../shared/api/result';
import { type MedicalInfo, type MedicalInput } from '../../../../shared/api/clients.schemas';
import { can } from '../../../../shared/auth/permissions';
import type { AppCore, Session } from '../../core';
import type { Trx } from '../../db/schema';
import { findChild } from './children.repository';
import { assertNotRestricted } from '../requests/restrictions';

/**
 * Medische gegevens en bijzonderheden (special-category data, AVG art. 9). Staff receive allergies
 * and diet — what they need for care — and nothing else. Reads and writes are audited as the
 * contract declares (`medical.get`, `medical.update`).
 */
export async function readMedical(core: AppCore, session: Session, childId: string): Promise<MedicalInfo> {
  const full = can(session.roles, 'medical.full');
  return core.transaction(async (trx) => {
    const child = await findChild(trx, childId);
    if (!child) throw new AppError('NOT_FOUND', 'Dit kind bestaat niet (meer).');
    const row = await trx.selectFrom('child_medical').selectAll().where('child_id', '=', childId).executeTakeFirst();
    const base = { childId, allergies: row?.allergies ?? null, diet: row?.diet ?? null, updatedAt: row?.updated_at ?? null };
    return full ? { ...base, medication: row?.medication ?? null, otherParticulars: row?.other_particulars ?? null } : base;
  });
}

/** Writes the medical section inside `trx` (also used when taking in a portability file). */
export async function saveMedical(trx: Trx, core: AppCore, session: Session, input: z.output<typeof MedicalInput>): Promise<void> {
  const child = await findChild(trx, input.childId);
  if (!child) throw new AppError('NOT_FOUND', 'Dit kind bestaat niet (meer).');
  await assertNotRestricted(trx, 'child', [child.id], core.today());
  const values = {
    allergies: input.allergies,
    diet: input.diet,
    medication: input.medication,
    other_particulars: input.otherParticulars,
    updated_at: core.now().toISOString(),
    updated_by: session.userId,
  };
  await trx
    .insertInto('child_medical')
    .values({ child_id: input.childId, location_id: child.location_id, ...values, version: null })
    .onConflict((oc) => oc.column('child_id').doUpdateSet(values))
    .execute();
  await queueUpsert(trx, 'child_medical', input.childId, core.now());
}

export async function writeMedical(core: AppCore, session: Session, input: z.output<typeof MedicalInput>): Promise<MedicalInfo> {
  await core.transaction((trx) => saveMedical(trx, core, session, input));
  return readMedical(core, session, input.childId);
}
