import { v7 as uuidv7 } from 'uuid';
import { queueUpsert } from '../../sync/outbox';
import type { z } from 'zod';
import { AppError } from '../../../../shared/api/result';
import type { WaitlistEntry, WaitlistInput, WaitlistPlaceInput, WaitlistStatus } from '../../../../shared/api/clients.schemas';
import { msg } from '../../../../shared/i18n/translate';
import type { AppCore, Session } from '../../core';
import type { DbOrTrx, WaitlistRow } from '../../db/schema';
import { createChild } from '../children/children.service';
import { createContract } from '../contracts/contracts.service';
import { createHousehold } from '../households/households.service';
import { currentLocationId } from '../location/location.service';
import { entries, findEntry, insertEntry, updateEntry } from './waitlist.repository';
import { assertNotRestricted } from '../requests/restrictions';

const toEntry = (r: WaitlistRow): WaitlistEntry => ({
  id: r.id,
  parentName: r.parent_name,
  parentEmail: r.parent_email,
  parentPhone: r.parent_phone,
  childFirstName: r.child_first_name,
  childSurname: r.child_surname,
  childBirthDate: r.child_birth_date,
  expectedDate: r.expected_date,
  careType: r.care_type,
  desiredDays: JSON.parse(r.desired_days) as WaitlistEntry['desiredDays'],
  desiredStartDate: r.desired_start_date,
  notes: r.notes,
  status: r.status,
  createdAt: r.created_at,
  closedAt: r.closed_at,
  placedChildId: r.placed_child_id,
  withdrawReason: r.withdraw_reason,
});

async function requireEntry(db: DbOrTrx, id: string) {
  const row = await findEntry(db, id);
  if (!row) throw new AppError('NOT_FOUND', msg('waitlist.notFound'));
  return row;
}

async function requireOpenEntry(db: DbOrTrx, id: string) {
  const row = await requireEntry(db, id);
  if (row.status !== 'open') throw new AppError('CONFLICT', msg('waitlist.closed'));
  return row;
}

export const listWaitlist = async (db: DbOrTrx, status: WaitlistStatus | null | undefined) => (await entries(db, status)).map(toEntry);

/** Writes of the waiting list are audited as the contract declares (`waitlist.create`, `.place`, `.withdraw`). */
export async function createWaitlistEntry(core: AppCore, input: z.output<typeof WaitlistInput>) {
  const id = uuidv7();
  await core.transaction(async (trx) => {
    await insertEntry(trx, {
      id,
      location_id: await currentLocationId(trx),
      parent_name: input.parentName,
      parent_email: input.parentEmail,
      parent_phone: input.parentPhone,
      child_first_name: input.childFirstName,
      child_surname: input.childSurname,
      child_birth_date: input.childBirthDate,
      expected_date: input.expectedDate,
      care_type: input.careType,
      desired_days: JSON.stringify(input.desiredDays),
      desired_start_date: input.desiredStartDate,
      notes: input.notes,
      status: 'open',
      created_at: core.now().toISOString(),
      closed_at: null,
      placed_child_id: null,
      withdraw_reason: null,
      version: null,
    });
    await queueUpsert(trx, 'waitlist_entries', id, core.now());
  });
  return toEntry(await requireEntry(core.db(), id));
}

/** Plaatsen: household, child and contract in one transaction; the entry is closed as placed. */
export async function placeWaitlistEntry(core: AppCore, session: Session, input: z.output<typeof WaitlistPlaceInput>) {
  return core.transaction(async (trx) => {
    const entry = await requireOpenEntry(trx, input.id);
    // Placing copies the prospect's data into a household: new processing, refused while restricted (AVG art. 18). Withdrawing stays possible.
    await assertNotRestricted(trx, 'waitlist_prospect', [entry.id], core.today());
    const householdId = await createHousehold(core, session, input.household, trx);
    const childId = await createChild(core, session, { ...input.child, householdId }, trx);
    const contractId = await createContract(core, session, { ...input.contract, childId }, trx);
    await updateEntry(trx, entry.id, { status: 'geplaatst', closed_at: core.now().toISOString(), placed_child_id: childId });
    await queueUpsert(trx, 'waitlist_entries', entry.id, core.now());
    return { householdId, childId, contractId };
  });
}

/** Intrekken (by the parent) or afwijzen (`declined`, by the location): closed_at starts the waitlist_withdrawn rule. */
export async function withdrawWaitlistEntry(core: AppCore, input: { id: string; reason: string; declined?: boolean }) {
  await core.transaction(async (trx) => {
    await requireOpenEntry(trx, input.id);
    await updateEntry(trx, input.id, { status: input.declined ? 'afgewezen' : 'ingetrokken', closed_at: core.now().toISOString(), withdraw_reason: input.reason });
    await queueUpsert(trx, 'waitlist_entries', input.id, core.now());
  });
  return toEntry(await requireEntry(core.db(), input.id));
}
