import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import { AppError } from '../../../../shared/api/result';
import type { CloseComplaintInput, Complaint, ComplaintInput } from '../../../../shared/api/retention.schemas';
import { destructionDate } from '../../../../shared/domain/retention';
import type { AppCore, Session } from '../../core';
import type { ComplaintRow, DbOrTrx } from '../../db/schema';
import { queueUpsert } from '../../sync/outbox';
import { appendAudit } from '../audit/audit.service';
import { getLocation } from '../location/location.repository';
import { loadPolicies, type Policies } from '../retention/policies';

const toComplaint = (r: ComplaintRow, policies: Policies): Complaint => ({
  id: r.id,
  receivedOn: r.received_on,
  complainantName: r.complainant_name,
  complainantContact: r.complainant_contact,
  subject: r.subject,
  description: r.description,
  status: r.status,
  handlingNotes: r.handling_notes,
  resolution: r.resolution,
  closedOn: r.closed_on,
  destructionDate: r.closed_on ? destructionDate(policies.get('complaint')!, r.closed_on) : null,
});

export async function listComplaints(db: DbOrTrx): Promise<Complaint[]> {
  const policies = await loadPolicies(db);
  return (await db.selectFrom('complaints').selectAll().orderBy('received_on', 'desc').execute()).map((r) => toComplaint(r, policies));
}

async function loadComplaint(db: DbOrTrx, id: string): Promise<Complaint> {
  const row = await db.selectFrom('complaints').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'Deze klacht bestaat niet (meer).');
  return toComplaint(row, await loadPolicies(db));
}

/** Register a complaint, or record its handling (an open complaint with notes is "in behandeling"). */
export async function saveComplaint(core: AppCore, session: Session, input: z.output<typeof ComplaintInput>): Promise<Complaint> {
  const id = await core.transaction(async (trx) => {
    const now = core.now().toISOString();
    const values = {
      received_on: input.receivedOn,
      complainant_name: input.complainantName,
      complainant_contact: input.complainantContact,
      subject: input.subject,
      description: input.description,
      handling_notes: input.handlingNotes,
      updated_at: now,
    };
    let id = input.id ?? null;
    if (id) {
      const existing = await trx.selectFrom('complaints').select('status').where('id', '=', id).executeTakeFirst();
      if (!existing) throw new AppError('NOT_FOUND', 'Deze klacht bestaat niet (meer).');
      if (existing.status === 'gesloten') throw new AppError('CONFLICT', 'Deze klacht is al afgesloten en kan niet meer worden gewijzigd.');
      await trx
        .updateTable('complaints')
        .set({ ...values, status: input.handlingNotes ? 'in_behandeling' : 'open' })
        .where('id', '=', id)
        .execute();
    } else {
      const location = await getLocation(trx);
      if (!location) throw new AppError('CONFLICT', 'De locatie is nog niet ingericht.');
      id = uuidv7();
      await trx
        .insertInto('complaints')
        .values({ ...values, id, location_id: location.id, status: input.handlingNotes ? 'in_behandeling' : 'open', resolution: null, closed_on: null, created_at: now, version: null })
        .execute();
    }
    await queueUpsert(trx, 'complaints', id, core.now());
    await appendAudit(trx, { userId: session.userId, action: input.id ? 'complaints.update' : 'complaints.create', entity: 'complaint', entityId: id }, core.now());
    return id;
  });
  return loadComplaint(core.db(), id);
}

/** Closing starts the 7-year retention clock. */
export async function closeComplaint(core: AppCore, session: Session, input: z.output<typeof CloseComplaintInput>): Promise<Complaint> {
  await core.transaction(async (trx) => {
    const existing = await trx.selectFrom('complaints').select(['status', 'received_on']).where('id', '=', input.id).executeTakeFirst();
    if (!existing) throw new AppError('NOT_FOUND', 'Deze klacht bestaat niet (meer).');
    if (existing.status === 'gesloten') throw new AppError('CONFLICT', 'Deze klacht is al afgesloten.');
    if (input.closedOn < existing.received_on) throw new AppError('VALIDATION', 'De afsluitdatum ligt vóór de datum van ontvangst.', { closedOn: 'De afsluitdatum ligt vóór de datum van ontvangst.' });
    await trx
      .updateTable('complaints')
      .set({ status: 'gesloten', closed_on: input.closedOn, resolution: input.resolution, updated_at: core.now().toISOString() })
      .where('id', '=', input.id)
      .execute();
    await queueUpsert(trx, 'complaints', input.id, core.now());
    await appendAudit(trx, { userId: session.userId, action: 'complaints.close', entity: 'complaint', entityId: input.id }, core.now());
  });
  return loadComplaint(core.db(), input.id);
}
