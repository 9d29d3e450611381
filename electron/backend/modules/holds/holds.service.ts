import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { holdsContract } from '../../../../shared/api/holds.contract';
import { AppError } from '../../../../shared/api/result';
import type { LegalHold, SubjectType } from '../../../../shared/api/retention.schemas';
import { msg } from '../../../../shared/i18n/translate';
import type { AppCore, Session } from '../../core';
import type { DbOrTrx, LegalHoldRow } from '../../db/schema';
import { queueUpsert } from '../../sync/outbox';
import { findHold, holdsOn, insertHold, setLifted, subjectLocation } from './holds.repository';

type Input<M extends keyof typeof holdsContract> = z.output<(typeof holdsContract)[M]['input']>;

export const toHold = (r: LegalHoldRow): LegalHold => ({
  id: r.id,
  subjectType: r.subject_type as SubjectType,
  subjectId: r.subject_id,
  reasonKind: r.reason_kind,
  reason: r.reason,
  reviewDate: r.review_date,
  placedAt: r.placed_at,
  placedByName: r.placed_by_name,
  liftedAt: r.lifted_at,
  liftedByName: r.lifted_by_name,
  liftReason: r.lift_reason,
});

export async function listHolds(db: DbOrTrx, subjectType: SubjectType, subjectId: string): Promise<LegalHold[]> {
  return (await holdsOn(db, subjectType, [subjectId])).map(toHold);
}

async function loadHold(db: DbOrTrx, id: string): Promise<LegalHold> {
  const row = await findHold(db, id);
  if (!row) throw new AppError('NOT_FOUND', msg('retention.holdNotFound'));
  return toHold(row);
}

/** Blokkade: nothing under an active hold is destroyed, by hand or automatically. */
export async function placeHold(core: AppCore, session: Session, input: Input<'holds.place'>): Promise<LegalHold> {
  const id = uuidv7();
  await core.transaction(async (trx) => {
    const locationId = await subjectLocation(trx, input.subjectType, input.subjectId);
    if (!locationId) throw new AppError('NOT_FOUND', msg('retention.recordNotFound'));
    await insertHold(trx, {
      id,
      location_id: locationId,
      subject_type: input.subjectType,
      subject_id: input.subjectId,
      reason_kind: input.reasonKind,
      reason: input.reason,
      review_date: input.reviewDate,
      placed_at: core.now().toISOString(),
      placed_by_name: session.name,
      lifted_at: null,
      lifted_by_name: null,
      lift_reason: null,
      version: null,
    });
    await queueUpsert(trx, 'legal_holds', id, core.now());
  });
  return loadHold(core.db(), id);
}

export async function liftHold(core: AppCore, session: Session, input: Input<'holds.lift'>): Promise<LegalHold> {
  await core.transaction(async (trx) => {
    const hold = await findHold(trx, input.id);
    if (!hold) throw new AppError('NOT_FOUND', msg('retention.holdNotFound'));
    if (hold.lifted_at) throw new AppError('CONFLICT', msg('retention.holdAlreadyLifted'));
    await setLifted(trx, input.id, { at: core.now().toISOString(), byName: session.name, reason: input.reason });
    await queueUpsert(trx, 'legal_holds', input.id, core.now());
  });
  return loadHold(core.db(), input.id);
}
