import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../../../shared/api/result';
import type { RequestSubjectType } from '../../../../shared/api/requests.schemas';
import { nlDate } from '../../../../shared/domain/dates';
import { msg } from '../../../../shared/i18n/translate';
import type { AppCore, Session } from '../../core';
import type { SubjectRequestRow, Trx } from '../../db/schema';
import { queueUpsert } from '../../sync/outbox';
import { appendAudit } from '../audit/audit.service';
import { disclosureRegister } from '../disclosures/disclosures.service';
import { activeRestriction, findTask, informedRecipientNames, insertRequestTask, insertRestriction, liftPending, liftRestriction, markTaskDone, unliftedRestrictionOfRequest } from './requests.repository';
import { requireOpen, requireRequest } from './requests.service';

// Lifecycle of a restriction (AVG art. 18); what a restriction blocks is in ./restrictions.

/** Everyone a request can be about can have their processing restricted (issue 16; ./restrictions says what it blocks). */
const restrictable = (row: SubjectRequestRow): RequestSubjectType => row.subject_type;

/** Art. 19: every recipient the data went to (verstrekkingenregister) becomes a task to inform. */
export async function createRecipientTasks(trx: Trx, core: AppCore, row: SubjectRequestRow, subjects: { type: RequestSubjectType; id: string }[], dueDate: string): Promise<string[]> {
  const names = new Set<string>();
  // The disclosure register names parents and children only: nobody else's data were provided to a recipient.
  for (const s of subjects) if (s.type === 'parent' || s.type === 'child') for (const entry of await disclosureRegister(trx, { subjectType: s.type, subjectId: s.id })) names.add(entry.recipientName);
  const existing = await informedRecipientNames(trx, row.id);
  const created = [...names].filter((n) => !existing.has(n)).sort((a, b) => a.localeCompare(b, 'nl'));
  for (const recipient of created) {
    const id = uuidv7();
    await insertRequestTask(trx, { id, location_id: row.location_id, request_id: row.id, kind: 'inform_recipient', recipient_name: recipient, due_date: dueDate, created_at: core.now().toISOString(), done_at: null, done_by_name: null, version: null });
    await queueUpsert(trx, 'request_tasks', id, core.now());
  }
  return [...names].sort((a, b) => a.localeCompare(b, 'nl'));
}

export async function restrictProcessing(core: AppCore, input: { id: string; reason: string }, today: string): Promise<void> {
  await core.transaction(async (trx) => {
    const row = await requireRequest(trx, input.id);
    requireOpen(row, ['restriction']);
    const subjectType = restrictable(row);
    const current = await activeRestriction(trx, subjectType, row.subject_id, today);
    if (current) throw new AppError('CONFLICT', msg('requests.alreadyRestricted', { since: nlDate(current.since) }));
    const id = uuidv7();
    await insertRestriction(trx, { id, location_id: row.location_id, subject_type: subjectType, subject_id: row.subject_id, since: today, until: null, reason: input.reason, request_id: row.id, version: null });
    await queueUpsert(trx, 'processing_restrictions', id, core.now());
    await createRecipientTasks(trx, core, row, [{ type: row.subject_type, id: row.subject_id }], row.deadline);
  });
}

/** Lifting starts with informing the person (art. 18(3)); the restriction ends when that task is done. */
export async function requestLift(core: AppCore, id: string, today: string): Promise<void> {
  await core.transaction(async (trx) => {
    const row = await requireRequest(trx, id);
    const restriction = await activeRestriction(trx, restrictable(row), row.subject_id, today);
    if (!restriction || restriction.request_id !== row.id) throw new AppError('CONFLICT', msg('requests.noRestrictionInForce'));
    if (await liftPending(trx, row.id)) throw new AppError('CONFLICT', msg('requests.liftAlreadyStarted'));
    const taskId = uuidv7();
    await insertRequestTask(trx, { id: taskId, location_id: row.location_id, request_id: row.id, kind: 'inform_before_lift', recipient_name: null, due_date: today, created_at: core.now().toISOString(), done_at: null, done_by_name: null, version: null });
    await queueUpsert(trx, 'request_tasks', taskId, core.now());
  });
}

/** Marks a task done. Informing the person before lifting ends the restriction today. */
export async function completeTask(core: AppCore, session: Session, taskId: string, today: string): Promise<string> {
  return core.transaction(async (trx) => {
    const task = await findTask(trx, taskId);
    if (!task) throw new AppError('NOT_FOUND', msg('requests.taskNotFound'));
    if (task.done_at) throw new AppError('CONFLICT', msg('requests.taskAlreadyDone'));
    await markTaskDone(trx, taskId, core.now().toISOString(), session.name);
    await queueUpsert(trx, 'request_tasks', taskId, core.now());
    if (task.kind === 'inform_before_lift') {
      const restriction = await unliftedRestrictionOfRequest(trx, task.request_id);
      if (restriction) {
        await liftRestriction(trx, restriction.id, today);
        await queueUpsert(trx, 'processing_restrictions', restriction.id, core.now());
        // The restriction ending is a sub-event of requests.completeTask, not a method call: logged by hand.
        await appendAudit(trx, { userId: session.userId, action: 'requests.liftRestriction', entity: 'subjectRequest', entityId: task.request_id, details: { restrictionId: restriction.id } }, core.now());
      }
    }
    return task.request_id;
  });
}
