import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import { AppError } from '../../../../shared/api/result';
import type { LegalHold, LiftHoldInput, PlaceHoldInput, SubjectType } from '../../../../shared/api/retention.schemas';
import type { AppCore, Session } from '../../core';
import type { DbOrTrx, LegalHoldRow, Trx } from '../../db/schema';
import { queueUpsert } from '../../sync/outbox';
import { appendAudit } from '../audit/audit.service';

const SUBJECT_TABLE = { household: 'households', child: 'children', applicant: 'applicants', employee: 'employees', complaint: 'complaints', meldcode_case: 'meldcode_cases' } as const;

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
  const rows = await db.selectFrom('legal_holds').selectAll().where('subject_type', '=', subjectType).where('subject_id', '=', subjectId).orderBy('placed_at', 'desc').execute();
  return rows.map(toHold);
}

async function subjectLocation(trx: Trx, type: SubjectType, id: string): Promise<string> {
  const row = await trx.selectFrom(SUBJECT_TABLE[type]).select('location_id').where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'Dit record bestaat niet (meer).');
  return row.location_id;
}

/** Blokkade: nothing under an active hold is destroyed, by hand or automatically. */
export async function placeHold(core: AppCore, session: Session, input: z.output<typeof PlaceHoldInput>): Promise<LegalHold> {
  const id = uuidv7();
  await core.transaction(async (trx) => {
    const location_id = await subjectLocation(trx, input.subjectType, input.subjectId);
    await trx
      .insertInto('legal_holds')
      .values({
        id,
        location_id,
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
      })
      .execute();
    await queueUpsert(trx, 'legal_holds', id, core.now());
    await appendAudit(trx, { userId: session.userId, action: 'holds.place', entity: input.subjectType, entityId: input.subjectId, details: { holdId: id, reasonKind: input.reasonKind } }, core.now());
  });
  return toHold((await core.db().selectFrom('legal_holds').selectAll().where('id', '=', id).executeTakeFirstOrThrow()));
}

export async function liftHold(core: AppCore, session: Session, input: z.output<typeof LiftHoldInput>): Promise<LegalHold> {
  await core.transaction(async (trx) => {
    const hold = await trx.selectFrom('legal_holds').selectAll().where('id', '=', input.id).executeTakeFirst();
    if (!hold) throw new AppError('NOT_FOUND', 'Deze blokkade bestaat niet (meer).');
    if (hold.lifted_at) throw new AppError('CONFLICT', 'Deze blokkade is al opgeheven.');
    await trx.updateTable('legal_holds').set({ lifted_at: core.now().toISOString(), lifted_by_name: session.name, lift_reason: input.reason }).where('id', '=', input.id).execute();
    await queueUpsert(trx, 'legal_holds', input.id, core.now());
    await appendAudit(trx, { userId: session.userId, action: 'holds.lift', entity: hold.subject_type, entityId: hold.subject_id, details: { holdId: hold.id } }, core.now());
  });
  return toHold(await core.db().selectFrom('legal_holds').selectAll().where('id', '=', input.id).executeTakeFirstOrThrow());
}
