import { v7 as uuidv7 } from 'uuid';
import { assertNotRestricted } from '../requests/restrictions';
import type { z } from 'zod';
import type { complaintsContract } from '../../../../shared/api/complaints.contract';
import type { Complaint, ComplaintDue } from '../../../../shared/api/complaints.schemas';
import { AppError } from '../../../../shared/api/result';
import { complaintDeadline, complaintDeadlineState } from '../../../../shared/domain/complaints';
import { displayName, foldForSearch } from '../../../../shared/domain/names';
import { nlDate } from '../../../../shared/domain/dates';
import { destructionDate } from '../../../../shared/domain/retention';
import { msg } from '../../../../shared/i18n/translate';
import { normalisePostcode } from '../../../../shared/validation/postcode';
import type { AppCore, Session } from '../../core';
import type { ComplaintRow, DbOrTrx } from '../../db/schema';
import { renderComplaintLetter } from '../../pdf/complaintLetter.pdf';
import { queueUpsert } from '../../sync/outbox';
import { letterSender } from '../location/location.service';
import { loadPolicies, type Policies } from '../retention/policies';
import { locationId } from '../setup/setup.service';
import { allComplaints, findComplaint, findHouseholds, householdExists, householdMembers, insertComplaint, openComplaints, updateComplaint } from './complaints.repository';

type Input<M extends keyof typeof complaintsContract> = z.output<(typeof complaintsContract)[M]['input']>;

const NOT_FOUND = msg('complaints.notFound');

/** Per household id: its name as the retention screens write it ("Gezin Jan Jansen") and a label to pick it by ("Emma, Noah; 4131 NN"). */
async function householdLabels(db: DbOrTrx, ids: readonly string[]): Promise<Map<string, { name: string; label: string }>> {
  const { households, parents, children } = await householdMembers(db, [...new Set(ids)]);
  const out = new Map<string, { name: string; label: string }>();
  for (const h of households) {
    const parent = parents.find((p) => p.household_id === h.id);
    const parentName = parent ? displayName({ firstName: parent.first_name, surnamePrefix: parent.surname_prefix, surname: parent.surname }) : '';
    const name = parent ? `Gezin ${parentName}` : 'Gezin';
    const kids = children.filter((c) => c.household_id === h.id).map((c) => c.first_name);
    out.set(h.id, { name, label: [kids.join(', '), h.postcode].filter(Boolean).join('; ') });
  }
  return out;
}

function toComplaint(r: ComplaintRow, policies: Policies, households: Map<string, { name: string }>, today: string): Complaint {
  const deadline = complaintDeadline(r.received_on);
  return {
    id: r.id,
    receivedOn: r.received_on,
    deadline,
    deadlineState: r.status === 'gesloten' ? null : complaintDeadlineState(r.received_on, today),
    complainantName: r.complainant_name,
    complainantContact: r.complainant_contact,
    householdId: r.household_id,
    householdName: r.household_id ? (households.get(r.household_id)?.name ?? null) : null,
    subject: r.subject,
    description: r.description,
    status: r.status,
    handlingNotes: r.handling_notes,
    outcome: r.outcome,
    resolution: r.resolution,
    measures: r.measures,
    closedOn: r.closed_on,
    closedLate: r.closed_on !== null && r.closed_on > deadline,
    destructionDate: r.closed_on ? destructionDate(policies.get('complaint')!, r.closed_on) : null,
  };
}

export async function listComplaints(db: DbOrTrx, today: string): Promise<Complaint[]> {
  const policies = await loadPolicies(db);
  const rows = await allComplaints(db);
  const households = await householdLabels(db, rows.flatMap((r) => (r.household_id ? [r.household_id] : [])));
  return rows.map((r) => toComplaint(r, policies, households, today));
}

async function loadComplaint(db: DbOrTrx, id: string, today: string): Promise<Complaint> {
  const row = await findComplaint(db, id);
  if (!row) throw new AppError('NOT_FOUND', NOT_FOUND);
  return toComplaint(row, await loadPolicies(db), await householdLabels(db, row.household_id ? [row.household_id] : []), today);
}

/** Overzicht: open complaints whose six weeks end within 7 days or have ended; a closed complaint leaves the list. */
export async function dueComplaints(db: DbOrTrx, today: string): Promise<ComplaintDue[]> {
  return (await openComplaints(db)).flatMap((r) => {
    const state = complaintDeadlineState(r.received_on, today);
    return state === 'ok' ? [] : [{ id: r.id, subject: r.subject, receivedOn: r.received_on, deadline: complaintDeadline(r.received_on), deadlineState: state }];
  });
}

/** Households to link a complaint to: by a parent's or child's name (every word), or by postcode. */
export async function householdOptions(db: DbOrTrx, q: string) {
  if (q.trim().length < 2) return [];
  const postcode = normalisePostcode(q);
  const ids = await findHouseholds(db, postcode ? { postcode } : { words: foldForSearch(q).split(' ').filter(Boolean) }, 20);
  const labels = await householdLabels(db, ids);
  return ids.flatMap((id) => {
    const l = labels.get(id);
    return l ? [{ id, label: `${l.name} (${l.label})` }] : [];
  });
}

/** Register a complaint, or record its handling (an open complaint with notes is "in behandeling"). */
export async function saveComplaint(core: AppCore, input: Input<'complaints.save'>): Promise<Complaint> {
  const id = await core.transaction(async (trx) => {
    const now = core.now().toISOString();
    const location = await locationId(trx);
    if (input.householdId && !(await householdExists(trx, input.householdId, location))) {
      const message = msg('complaints.householdNotFound');
      throw new AppError('VALIDATION', message, { householdId: message });
    }
    const values = {
      received_on: input.receivedOn,
      complainant_name: input.complainantName,
      complainant_contact: input.complainantContact,
      household_id: input.householdId,
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
      // A restricted complainant's data are read-only (AVG art. 18); closing stays possible: the houder must judge the complaint within six weeks.
      await assertNotRestricted(trx, 'complainant', [id], core.today());
      await updateComplaint(trx, id, values);
    } else {
      id = uuidv7();
      await insertComplaint(trx, { ...values, id, location_id: location, outcome: null, resolution: null, measures: null, closed_on: null, created_at: now, version: null });
    }
    await queueUpsert(trx, 'complaints', id, core.now());
    return id;
  });
  return loadComplaint(core.db(), id, core.today());
}

/** Closing records the houder's judgement and starts the complaint's retention period. */
export async function closeComplaint(core: AppCore, input: Input<'complaints.close'>): Promise<Complaint> {
  await core.transaction(async (trx) => {
    const existing = await findComplaint(trx, input.id);
    if (!existing) throw new AppError('NOT_FOUND', NOT_FOUND);
    if (existing.status === 'gesloten') throw new AppError('CONFLICT', msg('complaints.alreadyClosed'));
    if (input.closedOn < existing.received_on) {
      const message = msg('complaints.closedBeforeReceived');
      throw new AppError('VALIDATION', message, { closedOn: message });
    }
    await updateComplaint(trx, input.id, {
      status: 'gesloten',
      closed_on: input.closedOn,
      outcome: input.outcome,
      resolution: input.resolution,
      measures: input.measures,
      updated_at: core.now().toISOString(),
    });
    await queueUpsert(trx, 'complaints', input.id, core.now());
  });
  return loadComplaint(core.db(), input.id, core.today());
}

const complaintReference = (row: { id: string }) => `KL-${row.id.slice(-8).toUpperCase()}`;

/** The outcome letter, from the stored judgement, so it can be printed again; only for a closed complaint. */
export async function complaintLetter(core: AppCore, session: Session, id: string) {
  const db = core.db();
  const row = await findComplaint(db, id);
  if (!row) throw new AppError('NOT_FOUND', NOT_FOUND);
  if (row.status !== 'gesloten' || !row.closed_on) throw new AppError('CONFLICT', msg('complaints.letterAfterClosing'));
  const pdf = await renderComplaintLetter(core.options.resourcesDir, {
    head: {
      title: 'Afhandeling van uw klacht',
      ...(await letterSender(db)),
      to: [row.complainant_name, ...(row.complainant_contact ? [row.complainant_contact] : [])],
      date: nlDate(row.closed_on),
      reference: complaintReference(row),
    },
    receivedOn: row.received_on,
    closedOn: row.closed_on,
    deadline: complaintDeadline(row.received_on),
    subject: row.subject,
    outcome: row.outcome,
    resolution: row.resolution ?? '',
    measures: row.measures,
    signedBy: session.name,
  });
  return { fileName: `klacht-${complaintReference(row).toLowerCase()}.pdf`, base64: pdf.toString('base64') };
}
