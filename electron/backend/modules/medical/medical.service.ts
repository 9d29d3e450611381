import type { z } from 'zod';
import { queueUpsert } from '../../sync/outbox';
import { AppError } from '../../../../shared/api/result';
import { type MedicalInfo, type MedicalInput } from '../../../../shared/api/clients.schemas';
import { can, type Role } from '../../../../shared/auth/permissions';
import { msg } from '../../../../shared/i18n/translate';
import type { AppCore, Session } from '../../core';
import type { DbOrTrx, Trx } from '../../db/schema';
import { findChild } from '../children/children.repository';
import { assertNotRestricted } from '../requests/restrictions';
import { findMedical, upsertMedical } from './medical.repository';

/**
 * Medische gegevens en bijzonderheden (special-category data, AVG art. 9). Staff receive the care
 * information — allergies, diet and medication instructions, what they need to care for the child —
 * and never the other particulars (issue 17). Reads and writes are audited as the
 * contract declares (`medical.get`, `medical.update`).
 */
export async function readMedical(db: DbOrTrx, roles: readonly Role[], childId: string): Promise<MedicalInfo> {
  const child = await findChild(db, childId);
  if (!child) throw new AppError('NOT_FOUND', msg('children.notFound'));
  const row = await findMedical(db, childId);
  const care = { childId, allergies: row?.allergies ?? null, diet: row?.diet ?? null, medication: row?.medication ?? null, updatedAt: row?.updated_at ?? null };
  return can(roles, 'medical.full') ? { ...care, otherParticulars: row?.other_particulars ?? null } : care;
}

/** Writes the medical section inside `trx` (also used when taking in a portability file). */
export async function saveMedical(trx: Trx, core: AppCore, session: Session, input: z.output<typeof MedicalInput>): Promise<void> {
  const child = await findChild(trx, input.childId);
  if (!child) throw new AppError('NOT_FOUND', msg('children.notFound'));
  await assertNotRestricted(trx, 'child', [child.id], core.today());
  await upsertMedical(
    trx,
    { child_id: input.childId, location_id: child.location_id },
    {
      allergies: input.allergies,
      diet: input.diet,
      medication: input.medication,
      other_particulars: input.otherParticulars,
      updated_at: core.now().toISOString(),
      updated_by: session.userId,
    },
  );
  await queueUpsert(trx, 'child_medical', input.childId, core.now());
}

export async function writeMedical(core: AppCore, session: Session, input: z.output<typeof MedicalInput>): Promise<MedicalInfo> {
  await core.transaction((trx) => saveMedical(trx, core, session, input));
  return readMedical(core.db(), session.roles, input.childId);
}
