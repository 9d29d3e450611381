import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { CentralRequestInput, ConsoleRequest } from '../../shared/console/requests';
import { isoDateIn } from '../../shared/domain/clock';
import { currentDeadline, firstDeadline, type RequestKind } from '../../shared/domain/requests';
import type { HoDb } from '../db/schema';
import { publishToLocation } from '../service/publish.service';
import { appendAudit } from './audit';
import { ConsoleError } from './auth.service';
import { locationName, requestRecords } from './requests.repository';

/** The fields of a location's request rows the overview reads (nothing of the person or the content). */
interface RequestFields {
  kind: RequestKind;
  received_on: string;
  deadline: string;
  extended_months?: number;
  status: string;
  closed_on?: string | null;
  handled_on?: string | null;
  request_id?: string | null;
}

/**
 * A request received via privacy@ goes to the location as a `central_requests` row in its stream:
 * every PC of the location pulls it, and it waits there as a task until registered at the person.
 * The deadline is a month from the day privacy@ received it (AVG art. 12(3)).
 */
export async function registerCentralRequest(db: HoDb, input: z.output<typeof CentralRequestInput>, actor: { id: string; name: string }, now: Date): Promise<{ id: string; deadline: string }> {
  const today = isoDateIn(now);
  if (input.receivedOn > today) throw new ConsoleError(400, 'De datum van ontvangst ligt in de toekomst.', { receivedOn: 'De datum van ontvangst ligt in de toekomst.' });
  return db.transaction().execute(async (trx) => {
    if (!(await locationName(trx, input.locationId))) throw new ConsoleError(400, 'Deze locatie bestaat niet.', { locationId: 'Deze locatie bestaat niet.' });
    const id = randomUUID();
    const at = now.toISOString();
    const deadline = firstDeadline(input.receivedOn);
    const row = {
      id,
      location_id: input.locationId,
      kind: input.kind,
      received_on: input.receivedOn,
      deadline,
      requester_name: input.requesterName,
      requester_contact: input.requesterContact,
      description: input.description || null,
      registered_by_name: actor.name,
      registered_at: at,
      status: 'new',
      request_id: null,
      handled_on: null,
      handled_by_name: null,
    };
    await publishToLocation(trx, input.locationId, [{ entity: 'central_requests', entityId: id, payload: row }], at);
    await appendAudit(trx, { userId: actor.id, action: 'console.request.register', detail: { requestId: id, locationId: input.locationId, kind: input.kind } }, now);
    return { id, deadline };
  });
}

/**
 * Every request of every location: those registered here (until the location registers them at the
 * person, then as the AVG-verzoek they became) and those the location registered itself. The most
 * urgent first: open ones by deadline, then the handled ones, newest first.
 */
export async function listConsoleRequests(db: HoDb, now: Date): Promise<ConsoleRequest[]> {
  const today = isoDateIn(now);
  const rows = await requestRecords(db);
  const fields = (payload: string | null) => JSON.parse(payload ?? '{}') as RequestFields;
  const central = rows.filter((r) => r.entity === 'central_requests');
  const becameRequest = new Set(central.map((r) => fields(r.payload).request_id).filter((id): id is string => Boolean(id)));
  const out: ConsoleRequest[] = [];
  for (const row of rows) {
    const f = fields(row.payload);
    const base = { locationId: row.location_id, locationName: row.location_name, kind: f.kind, receivedOn: f.received_on };
    if (row.entity === 'central_requests') {
      if (f.status === 'registered') continue; // shown as the AVG-verzoek it became
      const waiting = f.status === 'new';
      out.push({ ...base, id: row.entity_id, viaPrivacyOffice: true, deadline: f.deadline, extendedMonths: 0, status: waiting ? 'waiting' : 'not_here', handledOn: f.handled_on ?? null, overdue: waiting && f.deadline < today });
      continue;
    }
    const extendedMonths = f.extended_months ?? 0;
    const deadline = currentDeadline({ receivedOn: f.received_on, extendedMonths });
    const closed = f.status === 'closed';
    out.push({ ...base, id: row.entity_id, viaPrivacyOffice: becameRequest.has(row.entity_id), deadline, extendedMonths, status: closed ? 'closed' : 'open', handledOn: f.closed_on ?? null, overdue: !closed && deadline < today });
  }
  const pending = (r: ConsoleRequest) => r.status === 'waiting' || r.status === 'open';
  return out.sort((a, b) => (pending(a) !== pending(b) ? (pending(a) ? -1 : 1) : pending(a) ? a.deadline.localeCompare(b.deadline) : b.receivedOn.localeCompare(a.receivedOn)));
}
