import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { complaintsContract } from '../../../../shared/api/complaints.contract';
import { AppError } from '../../../../shared/api/result';
import type { Complaint } from '../../../../shared/api/retention.schemas';
import { destructionDate } from '../../../../shared/domain/retention';
import { msg } from '../../../../shared/i18n/translate';
import type { AppCore } from '../../core';
import type { ComplaintRow, DbOrTrx } from '../../db/schema';
import { queueUpsert } from '../../sync/outbox';
import { loadPolicies, type Policies } from '../retention/policies';
import { locationId } from '../setup/setup.service';
import { allComplaints, findComplaint, insertComplaint, updateComplaint } from './complaints.repository';

type Input<M extends keyof typeof complaintsContract> = z.output<(typeof complaintsContract)[M]['input']>;

const NOT_FOUND = msg('complaints.notFound');

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
  return (await allComplaints(db)).map((r) => toComplaint(r, policies));
}

async function loadComplaint(db: DbOrTrx, id: string): Promise<Complaint> {
  const row = await findComplaint(db, id);
  if (!row) throw new AppError('NOT_FOUND', NOT_FOUND);
  return toComplaint(row, await loadPolicies(db));
}

/** Register a complaint, or record its handling (an open complaint with notes is "in behandeling"). */
export async function saveComplaint(core: AppCore, input: Input<'complaints.save'>): Promise<Complaint> {
  const id = await core.transaction(async (trx) => {
    const now = core.now().toISOString();
    const values = {
      received_on: input.receivedOn,
      complainant_name: input.complainantName,
      complainant_contact: input.complainantContact,
      subject: input.subject,
      description: input.description,
      handling_notes: input.handlingNotes,
      status: input.handlingNotes ? ('in_behandeling' as const) : ('open' as const),
      updated_at: now,
    };
    let id = input.id ?? null;
    if (id) {
      const existing = await findComplaint(trx, id);
      if (!existing) throw new AppError('NOT_FOUND', NOT_FOUND);
      if (existing.status === 'gesloten') throw new AppError('CONFLICT', msg('complaints.closedNoChanges'));
      await updateComplaint(trx, id, values);
    } else {
      id = uuidv7();
      await insertComplaint(trx, { ...values, id, location_id: await locationId(trx), resolution: null, closed_on: null, created_at: now, version: null });
    }
    await queueUpsert(trx, 'complaints', id, core.now());
    return id;
  });
  return loadComplaint(core.db(), id);
}

/** Closing starts the complaint's retention period. */
export async function closeComplaint(core: AppCore, input: Input<'complaints.close'>): Promise<Complaint> {
  await core.transaction(async (trx) => {
    const existing = await findComplaint(trx, input.id);
    if (!existing) throw new AppError('NOT_FOUND', NOT_FOUND);
    if (existing.status === 'gesloten') throw new AppError('CONFLICT', msg('complaints.alreadyClosed'));
    if (input.closedOn < existing.received_on) {
      const message = msg('complaints.closedBeforeReceived');
      throw new AppError('VALIDATION', message, { closedOn: message });
    }
    await updateComplaint(trx, input.id, { status: 'gesloten', closed_on: input.closedOn, resolution: input.resolution, updated_at: core.now().toISOString() });
    await queueUpsert(trx, 'complaints', input.id, core.now());
  });
  return loadComplaint(core.db(), input.id);
}
