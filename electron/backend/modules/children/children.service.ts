import { v7 as uuidv7 } from 'uuid';
import { queueUpsert } from '../../sync/outbox';
import type { z } from 'zod';
import { AppError } from '../../../../shared/api/result';
import { type Child, type ChildContractStatus, type ChildInput, type ChildListRow, type ChildUpdateInput, type ContractStatus } from '../../../../shared/api/clients.schemas';
import { msg } from '../../../../shared/i18n/translate';
import { childContractStatus, contractStatus } from '../../../../shared/domain/contracts';
import { displayName, searchKey } from '../../../../shared/domain/names';
import { can } from '../../../../shared/auth/permissions';
import type { AppCore, Session } from '../../core';
import type { DbOrTrx, Trx } from '../../db/schema';
import { bsnStatuses } from '../bsn/bsn.service';
import { contractDates } from '../contracts/contracts.repository';
import { findHousehold, parentsOfHousehold } from '../households/households.repository';
import { activeBanCount } from '../pickup/pickup.repository';
import { childrenOfHousehold, childrenWithContractParent, findChild, insertChild, updateChildRow } from './children.repository';
import { assertNotRestricted } from '../requests/restrictions';
import { assertGroupChoice } from '../groups/groups.service';

/** Status per child from its contracts' dates. */
async function statusesFor(db: DbOrTrx, childIds: string[] | null, today: string): Promise<Map<string, ChildContractStatus>> {
  const byChild = new Map<string, ContractStatus[]>();
  for (const c of await contractDates(db, childIds)) {
    const list = byChild.get(c.child_id) ?? [];
    list.push(contractStatus(c.start_date, c.end_date, today));
    byChild.set(c.child_id, list);
  }
  return new Map([...byChild].map(([id, statuses]) => [id, childContractStatus(statuses)]));
}

export async function childSummaries(db: DbOrTrx, householdId: string, today: string) {
  const children = await childrenOfHousehold(db, householdId);
  const statuses = await statusesFor(
    db,
    children.map((c) => c.id),
    today,
  );
  return children.map((c) => ({
    id: c.id,
    displayName: displayName({ firstName: c.first_name, surnamePrefix: c.surname_prefix, surname: c.surname }),
    birthDate: c.birth_date,
    groupName: c.group_name,
    contractStatus: statuses.get(c.id) ?? ('geen' as const),
  }));
}

export async function loadChild(db: DbOrTrx, session: Session, id: string, today: string): Promise<Child> {
  const row = await findChild(db, id);
  if (!row) throw new AppError('NOT_FOUND', msg('children.notFound'));
  const bsn = (await bsnStatuses(db, session.roles, 'child', [row])).get(row.id);
  const parents = await parentsOfHousehold(db, row.household_id);
  return {
    id: row.id,
    householdId: row.household_id,
    firstName: row.first_name,
    initials: row.initials,
    surnamePrefix: row.surname_prefix,
    surname: row.surname,
    displayName: displayName({ firstName: row.first_name, surnamePrefix: row.surname_prefix, surname: row.surname }),
    birthDate: row.birth_date,
    groupId: row.group_id,
    groupName: row.group_name,
    hasAllergies: (await childrenWithContractParent(db, { childId: row.id }))[0]?.has_allergies === 1,
    ...(bsn === undefined ? {} : { bsn }),
    contractStatus: (await statusesFor(db, [row.id], today)).get(row.id) ?? 'geen',
    activePickupBans: can(session.roles, 'pickup.read') ? await activeBanCount(db, row.id) : 0,
    parents: parents.map((p) => ({
      id: p.id,
      displayName: displayName({ firstName: p.first_name, surnamePrefix: p.surname_prefix, surname: p.surname }),
      phone: p.phone,
      isContractParent: p.is_contract_parent === 1,
    })),
  };
}

/**
 * Also used by waitlist.place and the portability import; audited as the calling method declares.
 * `_session` is unused since the audit row moved to the contract; it stays until the portability import's call drops it.
 */
export async function createChild(core: AppCore, _session: Session, input: z.output<typeof ChildInput>, trxOuter?: Trx): Promise<string> {
  const work = async (trx: Trx) => {
    const household = await findHousehold(trx, input.householdId);
    if (!household) throw new AppError('NOT_FOUND', msg('households.notFound'));
    await assertGroupChoice(trx, input.groupId);
    const id = uuidv7();
    const now = core.now().toISOString();
    await insertChild(trx, {
      id,
      location_id: household.location_id,
      household_id: household.id,
      first_name: input.firstName,
      initials: input.initials,
      surname_prefix: input.surnamePrefix,
      surname: input.surname,
      search_name: searchKey(input),
      birth_date: input.birthDate,
      group_id: input.groupId,
      bsn: input.bsn,
      created_at: now,
      updated_at: now,
      version: null,
    });
    await queueUpsert(trx, 'children', id, core.now());
    return id;
  };
  return trxOuter ? work(trxOuter) : core.transaction(work);
}

export async function updateChild(core: AppCore, input: z.output<typeof ChildUpdateInput>): Promise<void> {
  await core.transaction(async (trx) => {
    const current = await findChild(trx, input.id);
    if (!current) throw new AppError('NOT_FOUND', msg('children.notFound'));
    await assertNotRestricted(trx, 'child', [input.id], core.today());
    await assertGroupChoice(trx, input.groupId, current.group_id);
    await updateChildRow(trx, input.id, {
      first_name: input.firstName,
      initials: input.initials,
      surname_prefix: input.surnamePrefix,
      surname: input.surname,
      search_name: searchKey(input),
      birth_date: input.birthDate,
      group_id: input.groupId,
      updated_at: core.now().toISOString(),
    });
    await queueUpsert(trx, 'children', input.id, core.now());
  });
}

export async function listChildren(db: DbOrTrx, filter: { groupId?: string | null; contractStatus?: ChildContractStatus | null }, today: string) {
  const rows = await childrenWithContractParent(db);
  const statuses = await statusesFor(db, null, today);
  const all: ChildListRow[] = rows.map((r) => ({
    id: r.id,
    householdId: r.household_id,
    displayName: displayName({ firstName: r.first_name, surnamePrefix: r.surname_prefix, surname: r.surname }),
    surname: r.surname,
    birthDate: r.birth_date,
    groupId: r.group_id,
    groupName: r.group_name,
    hasAllergies: r.has_allergies === 1,
    contractStatus: statuses.get(r.id) ?? 'geen',
    contractParentName: r.parent_first_name ? displayName({ firstName: r.parent_first_name, surnamePrefix: r.parent_surname_prefix, surname: r.parent_surname ?? '' }) : '',
  }));
  return {
    rows: all.filter((r) => (!filter.groupId || r.groupId === filter.groupId) && (!filter.contractStatus || r.contractStatus === filter.contractStatus)),
  };
}
