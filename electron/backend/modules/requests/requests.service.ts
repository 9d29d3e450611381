import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import { AppError } from '../../../../shared/api/result';
import { Decision, type CloseInput, type DueList, type ExtendInput, type MeldcodeDecisionInput, type RequestDetail, type RequestInput, type RequestSummary, type RequestTask } from '../../../../shared/api/requests.schemas';
import { displayName } from '../../../../shared/domain/names';
import { currentDeadline, deadlineState, extensionProblem, firstDeadline } from '../../../../shared/domain/requests';
import type { AppCore, Session } from '../../core';
import type { DbOrTrx, SubjectRequestRow, Trx } from '../../db/schema';
import { queueUpsert } from '../../sync/outbox';
import { appendAudit } from '../audit/audit.service';
import { findChild } from '../children/children.repository';
import { currentLocationId } from '../location/location.service';
import { activeRestriction, correctionsOfRequest, findRequest, insertRequest, listRequestRows, openRequestTasks, tasksOfRequest, updateRequestRow } from './requests.repository';

type NewRequest = z.output<typeof RequestInput>;

export const REFERRAL_MESSAGE =
  'Alleen de contractouder kan een verzoek over een kind indienen. De andere ouder oefent deze rechten uit via de contractouder (privacystatement); verwijs de verzoeker naar de contractouder.';

const nameOf = (row: { first_name: string; surname_prefix: string | null; surname: string }) =>
  displayName({ firstName: row.first_name, surnamePrefix: row.surname_prefix, surname: row.surname });

/** Display names of the subjects that still exist (erased subjects are absent). */
async function subjectNames(db: DbOrTrx, rows: { subject_type: 'parent' | 'child'; subject_id: string }[]) {
  const ids = (type: 'parent' | 'child') => [...new Set(rows.filter((r) => r.subject_type === type).map((r) => r.subject_id))];
  const [parentIds, childIds] = [ids('parent'), ids('child')];
  const cols = ['id', 'first_name', 'surname_prefix', 'surname'] as const;
  const parents = parentIds.length ? await db.selectFrom('parents').select(cols).where('id', 'in', parentIds).execute() : [];
  const children = childIds.length ? await db.selectFrom('children').select(cols).where('id', 'in', childIds).execute() : [];
  return new Map([...parents, ...children].map((r) => [r.id, nameOf(r)]));
}

function toSummary(row: SubjectRequestRow, names: Map<string, string>, today: string): RequestSummary {
  return {
    id: row.id,
    kind: row.kind,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    householdId: row.household_id,
    subjectName: names.get(row.subject_id) ?? null,
    requesterName: row.requester_name,
    receivedOn: row.received_on,
    deadline: row.deadline,
    deadlineState: row.status === 'open' ? deadlineState(row.deadline, today) : null,
    status: row.status,
    outcome: row.outcome,
    closedOn: row.closed_on,
  };
}

const toTask = (t: { id: string; request_id: string; kind: RequestTask['kind']; recipient_name: string | null; due_date: string; done_at: string | null; done_by_name: string | null }): RequestTask => ({
  id: t.id,
  requestId: t.request_id,
  kind: t.kind,
  recipientName: t.recipient_name,
  dueDate: t.due_date,
  doneAt: t.done_at,
  doneByName: t.done_by_name,
});

export async function listRequests(db: DbOrTrx, status: 'open' | 'closed' | null, today: string): Promise<RequestSummary[]> {
  const rows = await listRequestRows(db, status);
  const names = await subjectNames(db, rows);
  return rows.map((r) => toSummary(r, names, today));
}

export async function requireRequest(db: DbOrTrx, id: string): Promise<SubjectRequestRow> {
  const row = await findRequest(db, id);
  if (!row) throw new AppError('NOT_FOUND', 'Dit verzoek bestaat niet (meer).');
  return row;
}

export function requireOpen(row: SubjectRequestRow, kinds?: readonly SubjectRequestRow['kind'][]) {
  if (row.status !== 'open') throw new AppError('CONFLICT', 'Dit verzoek is al afgehandeld.');
  if (kinds && !kinds.includes(row.kind)) throw new AppError('VALIDATION', 'Deze actie hoort niet bij dit soort verzoek.');
}

export async function loadRequest(db: DbOrTrx, id: string, today: string): Promise<RequestDetail> {
  const row = await requireRequest(db, id);
  const names = await subjectNames(db, [row]);
  const restriction = await activeRestriction(db, row.subject_type, row.subject_id, today);
  const tasks = (await tasksOfRequest(db, id)).map(toTask);
  const liftPending = restriction ? (await db.selectFrom('request_tasks').select('id').where('kind', '=', 'inform_before_lift').where('done_at', 'is', null).where('request_id', '=', restriction.request_id ?? '').executeTakeFirst()) !== undefined : false;
  return {
    ...toSummary(row, names, today),
    identityMethod: row.identity_method,
    description: row.description,
    firstDeadline: firstDeadline(row.received_on),
    extendedMonths: row.extended_months,
    extensionReason: row.extension_reason,
    extendedOn: row.extended_on,
    meldcode: row.meldcode_decision
      ? { decision: row.meldcode_decision, reason: row.meldcode_decision_reason ?? '', decidedByName: row.meldcode_decided_by_name ?? '', decidedAt: row.meldcode_decided_at ?? '' }
      : null,
    restriction: restriction ? { since: restriction.since, reason: restriction.reason, liftPending } : null,
    tasks,
    corrections: (await correctionsOfRequest(db, id)).map((c) => ({
      id: c.id,
      subjectType: c.subject_type,
      field: c.field,
      oldValue: c.old_value,
      newValue: c.new_value,
      statement: c.statement,
      correctedOn: c.corrected_on,
      correctedByName: c.corrected_by_name,
    })),
    decision: row.decision ? Decision.parse(JSON.parse(row.decision)) : null,
  };
}

/** The person a request is about, with the household and the parent entitled to ask for them. */
async function resolveSubject(trx: Trx, input: NewRequest) {
  if (input.subjectType === 'child') {
    const child = await findChild(trx, input.subjectId);
    if (!child) throw new AppError('NOT_FOUND', 'Dit kind bestaat niet (meer).');
    const requester = await trx.selectFrom('parents').selectAll().where('id', '=', input.requesterParentId).where('household_id', '=', child.household_id).executeTakeFirst();
    if (!requester) throw new AppError('VALIDATION', 'De verzoeker hoort niet bij het gezin van dit kind.', { requesterParentId: 'Kies een ouder van dit gezin.' });
    // Only the contract parent exercises the child's rights; the other parent is referred to them.
    if (requester.is_contract_parent !== 1) throw new AppError('FORBIDDEN', REFERRAL_MESSAGE, { requesterParentId: 'Alleen de contractouder kan dit verzoek indienen.' });
    return { householdId: child.household_id, requester };
  }
  const parent = await trx.selectFrom('parents').selectAll().where('id', '=', input.subjectId).executeTakeFirst();
  if (!parent) throw new AppError('NOT_FOUND', 'Deze ouder bestaat niet (meer).');
  if (input.requesterParentId !== parent.id) {
    throw new AppError('FORBIDDEN', 'Een verzoek over de gegevens van een ouder kan alleen die ouder zelf indienen.', { requesterParentId: 'Kies de ouder over wie het verzoek gaat.' });
  }
  return { householdId: parent.household_id, requester: parent };
}

export async function createRequest(core: AppCore, session: Session, input: NewRequest): Promise<string> {
  return core.transaction(async (trx) => {
    const { householdId, requester } = await resolveSubject(trx, input);
    const id = uuidv7();
    await insertRequest(trx, {
      id,
      location_id: await currentLocationId(trx),
      kind: input.kind,
      subject_type: input.subjectType,
      subject_id: input.subjectId,
      household_id: householdId,
      requester_parent_id: requester.id,
      requester_name: nameOf(requester),
      received_on: input.receivedOn,
      identity_method: input.identityMethod,
      description: input.description,
      deadline: firstDeadline(input.receivedOn),
      extended_months: 0,
      extension_reason: null,
      extended_on: null,
      meldcode_decision: null,
      meldcode_decision_reason: null,
      meldcode_decided_by_name: null,
      meldcode_decided_at: null,
      status: 'open',
      outcome: null,
      decision: null,
      closed_on: null,
      created_at: core.now().toISOString(),
      created_by_name: session.name,
      version: null,
    });
    await queueUpsert(trx, 'subject_requests', id, core.now());
    await appendAudit(trx, { userId: session.userId, action: 'requests.create', entity: 'subjectRequest', entityId: id, details: { kind: input.kind, subjectType: input.subjectType } }, core.now());
    return id;
  });
}

export async function extendRequest(core: AppCore, session: Session, input: z.output<typeof ExtendInput>, today: string): Promise<void> {
  await core.transaction(async (trx) => {
    const row = await requireRequest(trx, input.id);
    requireOpen(row);
    const problem = extensionProblem({ receivedOn: row.received_on, extendedMonths: row.extended_months }, input.months, input.reason, today);
    if (problem) throw new AppError('VALIDATION', problem, { months: problem });
    const extended = { receivedOn: row.received_on, extendedMonths: input.months };
    await updateRequestRow(trx, row.id, { extended_months: input.months, extension_reason: input.reason, extended_on: today, deadline: currentDeadline(extended) });
    await queueUpsert(trx, 'subject_requests', row.id, core.now());
    await appendAudit(trx, { userId: session.userId, action: 'requests.extend', entity: 'subjectRequest', entityId: row.id, details: { months: input.months } }, core.now());
  });
}

/** Only the aandachtsfunctionaris decides (a manager who is also the officer holds both roles). */
export async function recordMeldcodeDecision(core: AppCore, session: Session, input: z.output<typeof MeldcodeDecisionInput>): Promise<void> {
  if (!session.roles.includes('meldcodeOfficer')) throw new AppError('FORBIDDEN', 'Alleen de aandachtsfunctionaris beslist of meldcode-informatie in het antwoord mag.');
  await core.transaction(async (trx) => {
    const row = await requireRequest(trx, input.id);
    requireOpen(row, ['access', 'erasure']);
    await updateRequestRow(trx, row.id, {
      meldcode_decision: input.decision,
      meldcode_decision_reason: input.reason,
      meldcode_decided_by_name: session.name,
      meldcode_decided_at: core.now().toISOString(),
    });
    await queueUpsert(trx, 'subject_requests', row.id, core.now());
    await appendAudit(trx, { userId: session.userId, action: 'requests.meldcodeDecision', entity: 'subjectRequest', entityId: row.id, details: { decision: input.decision } }, core.now());
  });
}

/**
 * Closes a request with its decision. A closed request keeps only what proves it was handled:
 * kind, dates, requester, how identity was checked, and the decision (codes and dates). The free
 * description is cleared.
 */
export async function closeRequest(trx: Trx, core: AppCore, session: Session, row: SubjectRequestRow, decision: Decision, today: string): Promise<void> {
  await updateRequestRow(trx, row.id, { status: 'closed', outcome: decision.outcome, decision: JSON.stringify(decision), closed_on: today, description: null });
  await queueUpsert(trx, 'subject_requests', row.id, core.now());
  await appendAudit(trx, { userId: session.userId, action: 'requests.close', entity: 'subjectRequest', entityId: row.id, details: { outcome: decision.outcome } }, core.now());
}

/** Closing by hand (access, portability, rectification, restriction handled, or a refusal). */
export async function closeWithOutcome(core: AppCore, session: Session, input: z.output<typeof CloseInput>, today: string): Promise<void> {
  await core.transaction(async (trx) => {
    const row = await requireRequest(trx, input.id);
    requireOpen(row);
    const previous = row.decision ? Decision.parse(JSON.parse(row.decision)) : null;
    const corrections = (await correctionsOfRequest(trx, row.id)).filter((c) => c.field !== null).length;
    const informed = (await tasksOfRequest(trx, row.id)).filter((t) => t.kind === 'inform_recipient').map((t) => t.recipient_name!);
    await closeRequest(trx, core, session, row, { ...(previous ?? { erased: [], kept: [] }), outcome: input.outcome, reason: input.reason, corrections, informedRecipients: informed }, today);
  });
}

export async function dueList(db: DbOrTrx, today: string): Promise<DueList> {
  const open = await listRequests(db, 'open', today);
  const tasks = await openRequestTasks(db);
  return {
    requests: open.filter((r) => r.deadlineState !== 'ok'),
    tasks: tasks.map((t) => ({ ...toTask(t), requestKind: t.request_kind })),
  };
}
