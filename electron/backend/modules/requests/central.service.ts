import type { CentralRequest } from '../../../../shared/api/requests.schemas';
import { AppError } from '../../../../shared/api/result';
import { deadlineState } from '../../../../shared/domain/requests';
import { msg } from '../../../../shared/i18n/translate';
import type { AppCore, Session } from '../../core';
import type { CentralRequestRow, DbOrTrx, Trx } from '../../db/schema';
import { queueUpsert } from '../../sync/outbox';
import { findCentralRequest, openCentralRequests, updateCentralRequest } from './central.repository';

/**
 * Verzoeken via privacy@ (issue 18 part 3). The privacy officer registers a request at head office
 * for this location; it arrives with the sync and stays on Overzicht and AVG-verzoeken until the
 * manager registers it at the person it concerns (an ordinary AVG-verzoek with head office's date of
 * receipt, so the deadline is the organisation's) or records that the person is not known here.
 * Either way the requester's name, contact and words are then cleared from this row (data map:
 * `request_intake_handled`); head office sees the kind, dates and status come back.
 */

const toCentral = (row: CentralRequestRow, today: string): CentralRequest => ({
  id: row.id,
  kind: row.kind,
  receivedOn: row.received_on,
  deadline: row.deadline,
  deadlineState: deadlineState(row.deadline, today),
  requesterName: row.requester_name ?? '',
  requesterContact: row.requester_contact,
  description: row.description,
  registeredByName: row.registered_by_name,
});

export async function listCentralRequests(db: DbOrTrx, today: string): Promise<CentralRequest[]> {
  return (await openCentralRequests(db)).map((row) => toCentral(row, today));
}

/** The central request a registration takes over: it must still wait here. */
export async function requireOpenCentral(db: DbOrTrx, id: string): Promise<CentralRequestRow> {
  const row = await findCentralRequest(db, id);
  if (!row) throw new AppError('NOT_FOUND', msg('requests.central.notFound'));
  if (row.status !== 'new') throw new AppError('CONFLICT', msg('requests.central.alreadyHandled'));
  return row;
}

const CLEARED = { requester_name: null, requester_contact: null, description: null } as const;

/** The request was registered as AVG-verzoek `requestId` (in the same transaction). */
export async function markCentralRegistered(trx: Trx, core: AppCore, session: Session, id: string, requestId: string): Promise<void> {
  await updateCentralRequest(trx, id, { ...CLEARED, status: 'registered', request_id: requestId, handled_on: core.today(), handled_by_name: session.name });
  await queueUpsert(trx, 'central_requests', id, core.now());
}

/** "Niet bekend bij deze locatie": head office sees it and can send the request to the right location. */
export async function declineCentralRequest(core: AppCore, session: Session, id: string): Promise<void> {
  await core.transaction(async (trx) => {
    await requireOpenCentral(trx, id);
    await updateCentralRequest(trx, id, { ...CLEARED, status: 'not_here', handled_on: core.today(), handled_by_name: session.name });
    await queueUpsert(trx, 'central_requests', id, core.now());
  });
}
