import { v7 as uuidv7 } from 'uuid';
import { queueUpsert } from '../../sync/outbox';
import { z } from 'zod';
import { AppError } from '../../../../shared/api/result';
import { msg } from '../../../../shared/i18n/translate';
import { type Household, type HouseholdInput, type HouseholdUpdateInput } from '../../../../shared/api/clients.schemas';
import { can } from '../../../../shared/auth/permissions';
import { displayName, searchKey } from '../../../../shared/domain/names';
import type { AppCore, Session } from '../../core';
import type { DbOrTrx, Trx } from '../../db/schema';
import { appendAudit } from '../audit/audit.service';
import { bsnStatuses } from '../bsn/bsn.service';
import { childSummaries } from '../children/children.service';
import { currentLocationId } from '../location/location.service';
import { findHousehold, insertHousehold, insertParent, parentsOfHousehold, updateHouseholdRow, updateParentRow } from './households.repository';
import { assertNotRestricted } from '../requests/restrictions';
import { assertContactAllowed } from '../requests/objections';

type NewHousehold = z.output<typeof HouseholdInput>;
type HouseholdUpdate = z.output<typeof HouseholdUpdateInput>;

/** Address and IBAN are contract administration: staff do not receive them. */
const seesAdministration = (session: Session) => can(session.roles, 'contracts.manage');

export async function loadHousehold(db: DbOrTrx, session: Session, id: string, today: string): Promise<Household> {
  const row = await findHousehold(db, id);
  if (!row) throw new AppError('NOT_FOUND', msg('households.notFound'));
  const parents = await parentsOfHousehold(db, id);
  const bsn = await bsnStatuses(db, session.roles, 'parent', parents);
  const admin = seesAdministration(session);
  return {
    id: row.id,
    ...(admin ? { street: row.street, houseNumber: row.house_number, postcode: row.postcode, city: row.city, iban: row.iban, ibanHolder: row.iban_holder } : {}),
    parents: parents.map((p) => ({
      id: p.id,
      firstName: p.first_name,
      initials: p.initials,
      surnamePrefix: p.surname_prefix,
      surname: p.surname,
      displayName: displayName({ firstName: p.first_name, surnamePrefix: p.surname_prefix, surname: p.surname }),
      email: admin ? p.email : null,
      phone: p.phone,
      hasParentalAuthority: p.has_parental_authority === 1,
      isContractParent: p.is_contract_parent === 1,
      ...(bsn.get(p.id) === undefined ? {} : { bsn: bsn.get(p.id) }),
    })),
    children: await childSummaries(db, id, today),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A parent added or changed inside households.create / households.update / waitlist.place: a sub-event, not a method. */
const auditParent = (trx: Trx, core: AppCore, session: Session, action: 'parents.create' | 'parents.update', parentId: string) =>
  appendAudit(trx, { userId: session.userId, action, entity: 'parent', entityId: parentId }, core.now());

function parentRow(p: NewHousehold['parents'][number]) {
  return {
    first_name: p.firstName,
    initials: p.initials,
    surname_prefix: p.surnamePrefix,
    surname: p.surname,
    search_name: searchKey(p),
    email: p.email,
    phone: p.phone,
    has_parental_authority: p.hasParentalAuthority ? (1 as const) : (0 as const),
    is_contract_parent: p.isContractParent ? (1 as const) : (0 as const),
  };
}

/**
 * Creates the household with its parents; also used by waitlist.place and the portability import.
 * The method's audit row is declared in the contract; each parent gets a `parents.create` row here.
 */
export async function createHousehold(core: AppCore, session: Session, input: NewHousehold, trxOuter?: Trx): Promise<string> {
  const work = async (trx: Trx) => {
    const id = uuidv7();
    const now = core.now().toISOString();
    const location_id = await currentLocationId(trx);
    await insertHousehold(trx, {
      id,
      location_id,
      street: input.street,
      house_number: input.houseNumber,
      postcode: input.postcode,
      city: input.city,
      iban: input.iban,
      iban_holder: input.ibanHolder,
      created_at: now,
      updated_at: now,
      version: null,
    });
    await queueUpsert(trx, 'households', id, core.now());
    for (const parent of input.parents) {
      const parentId = uuidv7();
      await insertParent(trx, { id: parentId, location_id, household_id: id, ...parentRow(parent), bsn: parent.bsn, created_at: now, updated_at: now, version: null });
      await queueUpsert(trx, 'parents', parentId, core.now());
      await auditParent(trx, core, session, 'parents.create', parentId);
    }
    return id;
  };
  return trxOuter ? work(trxOuter) : core.transaction(work);
}

/**
 * Edits address, IBAN and parents. Parents are not removed here: that goes through an AVG-verzoek.
 * Audited as `households.update` (contract), each parent as `parents.update` / `parents.create`.
 */
export async function updateHousehold(core: AppCore, session: Session, input: HouseholdUpdate): Promise<void> {
  await core.transaction(async (trx) => {
    const existing = await findHousehold(trx, input.id);
    if (!existing) throw new AppError('NOT_FOUND', msg('households.notFound'));
    const now = core.now().toISOString();
    const parents = await parentsOfHousehold(trx, input.id);
    await assertNotRestricted(trx, 'parent', parents.map((p) => p.id), core.today());
    const keptIds = new Set(input.parents.map((p) => p.id).filter(Boolean));
    if (parents.some((p) => !keptIds.has(p.id))) {
      throw new AppError('VALIDATION', msg('households.parentRemoval'), { parents: msg('households.keepAllParents') });
    }
    await updateHouseholdRow(trx, input.id, {
      street: input.street,
      house_number: input.houseNumber,
      postcode: input.postcode,
      city: input.city,
      iban: input.iban,
      iban_holder: input.ibanHolder,
      updated_at: now,
    });
    await queueUpsert(trx, 'households', input.id, core.now());
    const location_id = existing.location_id;
    for (const parent of input.parents) {
      if (parent.id) {
        if (!parents.some((p) => p.id === parent.id)) throw new AppError('NOT_FOUND', msg('households.parentNotInHousehold'));
        // An upheld objection of the other parent to being contacted (AVG art. 21) keeps their contact details out.
        await assertContactAllowed(trx, parent.id, { email: parent.email, phone: parent.phone });
        // The BSN is not changed here (bsn.set is audited and resets the BSN-controle).
        await updateParentRow(trx, parent.id, { ...parentRow(parent), updated_at: now });
        await queueUpsert(trx, 'parents', parent.id, core.now());
        await auditParent(trx, core, session, 'parents.update', parent.id);
      } else {
        const parentId = uuidv7();
        await insertParent(trx, { id: parentId, location_id, household_id: input.id, ...parentRow(parent), bsn: parent.bsn, created_at: now, updated_at: now, version: null });
        await queueUpsert(trx, 'parents', parentId, core.now());
        await auditParent(trx, core, session, 'parents.create', parentId);
      }
    }
  });
}
