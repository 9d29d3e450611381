import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import { AppError } from '../../../../shared/api/result';
import {
  Decision,
  type CloseInput,
  type DueList,
  type ExtendInput,
  type MeldcodeDecisionInput,
  type RequestDetail,
  type RequestInput,
  type RequestStatus,
  type RequestSummary,
  type RequestTask,
  type RequestSubjectType,
} from '../../../../shared/api/requests.schemas';
import { displayName } from '../../../../shared/domain/names';
import { currentDeadline, deadlineState, extensionRefusal, firstDeadline, isOwnRecordSubject } from '../../../../shared/domain/requests';
import { msg, translate } from '../../../../shared/i18n/translate';
import type { AppCore, Session } from '../../core';
import type { DbOrTrx, SubjectRequestRow, Trx } from '../../db/schema';
import { queueUpsert } from '../../sync/outbox';
import { findChild } from '../children/children.repository';
import { currentLocationId } from '../location/location.service';
import { listCentralRequests, markCentralRegistered, requireOpenCentral } from './central.service';
import { openRequestsAwaitingMeldcodeDecision } from './dossier.repository';
import {
  activeRestriction,
  correctionsOfRequest,
  findParent,
  findParentInHousehold,
  findRequest,
  insertRequest,
  liftPending,
  listRequestRows,
  openRequestTasks,
  ownPersonName,
  personNames,
  subjectLocationId,
  tasksOfRequest,
  updateRequestRow,
} from './requests.repository';

// Every method of the namespace is audited by the dispatcher (declared in requests.contract.ts).

type NewRequest = z.output<typeof RequestInput>;

/** A parent without parental authority asks about a child: they cannot exercise the child's rights. */
const NO_AUTHORITY = msg('requests.noParentalAuthority');
/** The refusal as the envelope's (Dutch) message carries it. */
export const NO_AUTHORITY_MESSAGE = translate(NO_AUTHORITY);

const nameOf = (row: { first_name: string; surname_prefix: string | null; surname: string }) =>
  displayName({ firstName: row.first_name, surnamePrefix: row.surname_prefix, surname: row.surname });

/** Display names of the subjects that still exist (erased subjects are absent). */
async function subjectNames(db: DbOrTrx, rows: { subject_type: RequestSubjectType; subject_id: string }[]) {
  const ids = (type: RequestSubjectType) => [...new Set(rows.filter((r) => r.subject_type === type).map((r) => r.subject_id))];
  const people = await personNames(db, { parent: ids('parent'), child: ids('child') });
  const names = new Map(people.map((r) => [r.id, nameOf(r)]));
  for (const r of rows) {
    if (!isOwnRecordSubject(r.subject_type) || names.has(r.subject_id)) continue;
    const name = await ownPersonName(db, r.subject_type, r.subject_id);
    if (name !== undefined) names.set(r.subject_id, name);
  }
  return names;
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

export async function listRequests(db: DbOrTrx, status: RequestStatus | null, today: string): Promise<RequestSummary[]> {
  const rows = await listRequestRows(db, status);
  const names = await subjectNames(db, rows);
  return rows.map((r) => toSummary(r, names, today));
}

/** Open access and erasure requests about a household with a meldcode file, not yet decided by the aandachtsfunctionaris. */
export async function meldcodeDecisionsAwaited(db: DbOrTrx, today: string): Promise<RequestSummary[]> {
  const waiting = await openRequestsAwaitingMeldcodeDecision(db);
  const names = await subjectNames(db, waiting);
  return waiting.map((r) => toSummary(r, names, today));
}

export async function requireRequest(db: DbOrTrx, id: string): Promise<SubjectRequestRow> {
  const row = await findRequest(db, id);
  if (!row) throw new AppError('NOT_FOUND', msg('requests.notFound'));
  return row;
}

export function requireOpen(row: SubjectRequestRow, kinds?: readonly SubjectRequestRow['kind'][]) {
  if (row.status !== 'open') throw new AppError('CONFLICT', msg('requests.alreadyHandled'));
  if (kinds && !kinds.includes(row.kind)) throw new AppError('VALIDATION', msg('requests.wrongKind'));
}

export async function loadRequest(db: DbOrTrx, id: string, today: string): Promise<RequestDetail> {
  const row = await requireRequest(db, id);
  const names = await subjectNames(db, [row]);
  const restriction = await activeRestriction(db, row.subject_type, row.subject_id, today);
  const tasks = (await tasksOfRequest(db, id)).map(toTask);
  return {
    ...toSummary(row, names, today),
    identityMethod: row.identity_method,
    coordination: row.coordination_how ? { parentName: row.coordination_parent_name ?? '', on: row.coordination_on ?? '', how: row.coordination_how } : null,
    description: row.description,
    firstDeadline: firstDeadline(row.received_on),
    extendedMonths: row.extended_months,
    extensionReason: row.extension_reason,
    extendedOn: row.extended_on,
    meldcode: row.meldcode_decision
      ? { decision: row.meldcode_decision, reason: row.meldcode_decision_reason ?? '', decidedByName: row.meldcode_decided_by_name ?? '', decidedAt: row.meldcode_decided_at ?? '' }
      : null,
    restriction: restriction ? { since: restriction.since, reason: restriction.reason, liftPending: await liftPending(db, restriction.request_id ?? '') } : null,
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

type Coordination = { parentId: string; parentName: string; on: string; how: NonNullable<NewRequest['coordinationHow']> };

/**
 * The afstemming the other parent's request about a child needs: with the household's contract
 * parent, when and how; each missing part is refused at its field.
 */
async function requireCoordination(trx: Trx, input: NewRequest, householdId: string): Promise<Coordination> {
  const missing: Record<string, ReturnType<typeof msg>> = {};
  const contractParent = input.coordinationParentId ? await findParentInHousehold(trx, input.coordinationParentId, householdId) : undefined;
  if (!contractParent || contractParent.is_contract_parent !== 1) missing.coordinationParentId = msg('requests.chooseCoordinationParent');
  if (!input.coordinationOn) missing.coordinationOn = msg('common.required', { label: 'requests.field.coordinationOn' });
  if (!input.coordinationHow) missing.coordinationHow = msg('requests.chooseCoordinationHow');
  if (!contractParent || contractParent.is_contract_parent !== 1 || !input.coordinationOn || !input.coordinationHow) {
    throw new AppError('VALIDATION', msg('requests.coordinationNeeded'), missing);
  }
  return { parentId: contractParent.id, parentName: nameOf(contractParent), on: input.coordinationOn, how: input.coordinationHow };
}

/** The person a request is about, with the household, the parent entitled to ask for them and the afstemming it needed. */
async function resolveSubject(trx: Trx, input: NewRequest): Promise<{ householdId: string | null; requester: { id: string | null; name: string }; coordination: Coordination | null }> {
  // An employee, applicant, waiting-list prospect or complainant asks for themself.
  if (isOwnRecordSubject(input.subjectType)) {
    const name = await ownPersonName(trx, input.subjectType, input.subjectId);
    if (name === undefined) throw new AppError('NOT_FOUND', msg('requests.personNotFound'));
    return { householdId: null, requester: { id: null, name }, coordination: null };
  }
  if (!input.requesterParentId) throw new AppError('VALIDATION', msg('requests.chooseRequester'), { requesterParentId: msg('requests.chooseRequester') });
  if (input.subjectType === 'child') {
    const child = await findChild(trx, input.subjectId);
    if (!child) throw new AppError('NOT_FOUND', msg('requests.childNotFound'));
    const requester = await findParentInHousehold(trx, input.requesterParentId, child.household_id);
    if (!requester) throw new AppError('VALIDATION', msg('requests.requesterNotInHousehold'), { requesterParentId: msg('requests.chooseParentOfHousehold') });
    const asks = { id: requester.id, name: nameOf(requester) };
    if (requester.is_contract_parent === 1) return { householdId: child.household_id, requester: asks, coordination: null };
    // The other parent exercises the child's rights only with gezag, and in afstemming met de contractouder (privacy statement).
    if (requester.has_parental_authority !== 1) throw new AppError('FORBIDDEN', NO_AUTHORITY, { requesterParentId: msg('requests.needsParentalAuthority') });
    return { householdId: child.household_id, requester: asks, coordination: await requireCoordination(trx, input, child.household_id) };
  }
  const parent = await findParent(trx, input.subjectId);
  if (!parent) throw new AppError('NOT_FOUND', msg('requests.parentNotFound'));
  if (input.requesterParentId !== parent.id) {
    throw new AppError('FORBIDDEN', msg('requests.parentAsksOwn'), { requesterParentId: msg('requests.chooseSubjectParent') });
  }
  return { householdId: parent.household_id, requester: { id: parent.id, name: nameOf(parent) }, coordination: null };
}

export async function createRequest(core: AppCore, session: Session, input: NewRequest): Promise<string> {
  return core.transaction(async (trx) => {
    // Via privacy@: the kind, the date the organisation received it and the requester's words come from head office's registration.
    const central = input.centralRequestId ? await requireOpenCentral(trx, input.centralRequestId) : null;
    const { householdId, requester, coordination } = await resolveSubject(trx, input);
    // A record synced in for another location is not this location's to answer for: refused, nothing written.
    const here = await currentLocationId(trx);
    if ((await subjectLocationId(trx, input.subjectType, input.subjectId)) !== here) throw new AppError('FORBIDDEN', msg('requests.otherLocation'), { subjectId: msg('requests.otherLocation') });
    const id = uuidv7();
    await insertRequest(trx, {
      id,
      location_id: here,
      kind: central?.kind ?? input.kind,
      subject_type: input.subjectType,
      subject_id: input.subjectId,
      household_id: householdId,
      requester_parent_id: requester.id,
      requester_name: requester.name,
      received_on: central?.received_on ?? input.receivedOn,
      identity_method: input.identityMethod,
      description: input.description ?? central?.description ?? null,
      deadline: firstDeadline(central?.received_on ?? input.receivedOn),
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
      coordination_parent_id: coordination?.parentId ?? null,
      coordination_parent_name: coordination?.parentName ?? null,
      coordination_on: coordination?.on ?? null,
      coordination_how: coordination?.how ?? null,
      version: null,
    });
    await queueUpsert(trx, 'subject_requests', id, core.now());
    if (central) await markCentralRegistered(trx, core, session, central.id, id);
    return id;
  });
}

export async function extendRequest(core: AppCore, input: z.output<typeof ExtendInput>, today: string): Promise<void> {
  await core.transaction(async (trx) => {
    const row = await requireRequest(trx, input.id);
    requireOpen(row);
    const problem = extensionRefusal({ receivedOn: row.received_on, extendedMonths: row.extended_months }, input.months, input.reason, today);
    if (problem) throw new AppError('VALIDATION', problem, { months: problem });
    const extended = { receivedOn: row.received_on, extendedMonths: input.months };
    await updateRequestRow(trx, row.id, { extended_months: input.months, extension_reason: input.reason, extended_on: today, deadline: currentDeadline(extended) });
    await queueUpsert(trx, 'subject_requests', row.id, core.now());
  });
}

/** Only the aandachtsfunctionaris decides (a manager who is also the officer holds both roles). */
export async function recordMeldcodeDecision(core: AppCore, session: Session, input: z.output<typeof MeldcodeDecisionInput>): Promise<void> {
  if (!session.roles.includes('meldcodeOfficer')) throw new AppError('FORBIDDEN', msg('requests.officerDecides'));
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
  });
}

/**
 * Closes a request with its decision. A closed request keeps only what proves it was handled:
 * kind, dates, requester, how identity was checked, and the decision (codes and dates). The free
 * description is cleared.
 */
export async function closeRequest(trx: Trx, core: AppCore, row: SubjectRequestRow, decision: Decision, today: string): Promise<void> {
  await updateRequestRow(trx, row.id, { status: 'closed', outcome: decision.outcome, decision: JSON.stringify(decision), closed_on: today, description: null });
  await queueUpsert(trx, 'subject_requests', row.id, core.now());
}

/** Closing by hand (access, portability, rectification, restriction handled, or a refusal). */
export async function closeWithOutcome(core: AppCore, input: z.output<typeof CloseInput>, today: string): Promise<void> {
  await core.transaction(async (trx) => {
    const row = await requireRequest(trx, input.id);
    requireOpen(row);
    const previous = row.decision ? Decision.parse(JSON.parse(row.decision)) : null;
    const corrections = (await correctionsOfRequest(trx, row.id)).filter((c) => c.field !== null).length;
    const informed = (await tasksOfRequest(trx, row.id)).filter((t) => t.kind === 'inform_recipient').map((t) => t.recipient_name!);
    await closeRequest(trx, core, row, { ...(previous ?? { erased: [], kept: [], objections: [] }), outcome: input.outcome, reason: input.reason, corrections, informedRecipients: informed }, today);
  });
}

export async function dueList(db: DbOrTrx, today: string): Promise<DueList> {
  const open = await listRequests(db, 'open', today);
  const tasks = await openRequestTasks(db);
  return {
    requests: open.filter((r) => r.deadlineState !== 'ok'),
    central: await listCentralRequests(db, today),
    tasks: tasks.map((t) => ({ ...toTask(t), requestKind: t.request_kind })),
  };
}
