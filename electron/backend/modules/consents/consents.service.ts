import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import { AppError } from '../../../../shared/api/result';
import type { ConsentOverview, ConsentRecordInput, ExchangeConsent, ExchangeConsentInput, Roster } from '../../../../shared/api/consents.schemas';
import { PURPOSES, photoPermission, type Purpose } from '../../../../shared/domain/consents';
import { displayName } from '../../../../shared/domain/names';
import type { AppCore, Session } from '../../core';
import type { DbOrTrx, Trx } from '../../db/schema';
import { queueUpsert } from '../../sync/outbox';
import { appendAudit } from '../audit/audit.service';
import { findChild } from '../children/children.repository';
import { parentsOfHousehold } from '../households/households.repository';
import { readSetting } from '../settings/settings.repository';

/** The privacy statement's date ("De laatste wijziging was op 20-6-2023"); consents refer to it. */
export const DEFAULT_PRIVACY_STATEMENT_VERSION = '20-6-2023';
export const privacyStatementVersion = async (db: DbOrTrx) => (await readSetting<string>(db, 'privacy.statementVersion')) ?? DEFAULT_PRIVACY_STATEMENT_VERSION;

async function requireChild(db: DbOrTrx, childId: string) {
  const child = await findChild(db, childId);
  if (!child) throw new AppError('NOT_FOUND', 'Dit kind bestaat niet (meer).');
  return child;
}

/** The contract parent is the one who signed the care contract: only they give or withdraw consent. */
async function contractParentOf(db: DbOrTrx, householdId: string) {
  const parents = await parentsOfHousehold(db, householdId);
  return parents.find((p) => p.is_contract_parent === 1) ?? null;
}

async function assertContractParent(db: DbOrTrx, householdId: string, parentId: string) {
  const contractParent = await contractParentOf(db, householdId);
  if (!contractParent || contractParent.id !== parentId) {
    throw new AppError(
      'VALIDATION',
      'Alleen de contractouder kan toestemming geven of intrekken. De andere ouder regelt dit via de contractouder (privacystatement).',
      { parentId: 'Kies de contractouder.' },
    );
  }
  return contractParent;
}

/** Latest decision per child and purpose (newest record wins; ids are time-ordered UUIDv7). */
export async function currentConsents(db: DbOrTrx, childIds: string[]) {
  const map = new Map<string, Map<Purpose, { decision: 'given' | 'withdrawn'; recognisable: boolean; decidedOn: string }>>();
  if (childIds.length === 0) return map;
  const rows = await db.selectFrom('photo_consents').selectAll().where('child_id', 'in', childIds).orderBy('recorded_at').orderBy('id').execute();
  for (const row of rows) {
    const perChild = map.get(row.child_id) ?? new Map();
    perChild.set(row.purpose, { decision: row.decision, recognisable: row.recognisable === 1, decidedOn: row.decided_on });
    map.set(row.child_id, perChild);
  }
  return map;
}

export async function consentOverview(db: DbOrTrx, childId: string): Promise<ConsentOverview> {
  const child = await requireChild(db, childId);
  const parents = await parentsOfHousehold(db, child.household_id);
  const nameOf = (id: string) => {
    const p = parents.find((x) => x.id === id);
    return p ? displayName({ firstName: p.first_name, surnamePrefix: p.surname_prefix, surname: p.surname }) : 'onbekend';
  };
  const current = (await currentConsents(db, [childId])).get(childId);
  const history = await db.selectFrom('photo_consents').selectAll().where('child_id', '=', childId).orderBy('recorded_at', 'desc').orderBy('id', 'desc').execute();
  const returns = await db.selectFrom('consent_form_returns').selectAll().where('child_id', '=', childId).orderBy('returned_on', 'desc').execute();
  const contractParent = parents.find((p) => p.is_contract_parent === 1);
  return {
    childId,
    current: PURPOSES.map((purpose) => ({ purpose, permission: photoPermission(current?.get(purpose)), since: current?.get(purpose)?.decidedOn ?? null })),
    history: history.map((r) => ({
      id: r.id,
      purpose: r.purpose,
      decision: r.decision,
      recognisable: r.recognisable === 1,
      parentName: nameOf(r.parent_id),
      decidedOn: r.decided_on,
      channel: r.channel,
      privacyStatementVersion: r.privacy_statement_version,
      recordedAt: r.recorded_at,
      recordedByName: r.recorded_by_name,
    })),
    formReturns: returns.map((r) => ({ id: r.id, returnedOn: r.returned_on, recordedByName: r.recorded_by_name })),
    contractParent: contractParent ? { id: contractParent.id, displayName: nameOf(contractParent.id) } : null,
    privacyStatementVersion: await privacyStatementVersion(db),
  };
}

/** Each answer is a new history row; nothing is edited. A withdrawal counts from this moment. */
export async function insertConsents(trx: Trx, core: AppCore, session: Session, input: z.output<typeof ConsentRecordInput>): Promise<void> {
  const child = await requireChild(trx, input.childId);
  await assertContractParent(trx, child.household_id, input.parentId);
  const version = await privacyStatementVersion(trx);
  for (const answer of input.answers) {
    const id = uuidv7();
    await trx
      .insertInto('photo_consents')
      .values({
        id,
        location_id: child.location_id,
        child_id: child.id,
        purpose: answer.purpose,
        decision: answer.given ? 'given' : 'withdrawn',
        recognisable: answer.given && answer.recognisable ? 1 : 0,
        parent_id: input.parentId,
        decided_on: input.decidedOn,
        channel: input.channel,
        privacy_statement_version: version,
        recorded_at: core.now().toISOString(),
        recorded_by_name: session.name,
        version: null,
      })
      .execute();
    await queueUpsert(trx, 'photo_consents', id, core.now());
    await appendAudit(trx, { userId: session.userId, action: answer.given ? 'consents.give' : 'consents.withdraw', entity: 'child', entityId: child.id, details: { purpose: answer.purpose } }, core.now());
  }
}

export async function recordConsents(core: AppCore, session: Session, input: z.output<typeof ConsentRecordInput>) {
  await core.transaction((trx) => insertConsents(trx, core, session, input));
  return consentOverview(core.db(), input.childId);
}

export async function recordFormReturned(core: AppCore, session: Session, input: { childId: string; returnedOn: string }) {
  await core.transaction(async (trx) => {
    const child = await requireChild(trx, input.childId);
    const id = uuidv7();
    await trx
      .insertInto('consent_form_returns')
      .values({ id, location_id: child.location_id, child_id: child.id, returned_on: input.returnedOn, recorded_at: core.now().toISOString(), recorded_by_name: session.name, version: null })
      .execute();
    await queueUpsert(trx, 'consent_form_returns', id, core.now());
    await appendAudit(trx, { userId: session.userId, action: 'consents.formReturned', entity: 'child', entityId: child.id }, core.now());
  });
  return consentOverview(core.db(), input.childId);
}

/** Fotolijst: who may be photographed for one purpose in one group, in three columns. */
export async function roster(db: DbOrTrx, groupName: string, purpose: Purpose, today: string): Promise<Roster> {
  const children = await db
    .selectFrom('children')
    .select(['id', 'first_name', 'surname_prefix', 'surname'])
    .where('group_name', '=', groupName)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('contracts')
          .select('contracts.id')
          .whereRef('contracts.child_id', '=', 'children.id')
          .where((eb) => eb.or([eb('contracts.end_date', 'is', null), eb('contracts.end_date', '>=', today)])),
      ),
    )
    .orderBy('first_name')
    .orderBy('surname')
    .execute();
  const current = await currentConsents(
    db,
    children.map((c) => c.id),
  );
  const result: Roster = { groupName, purpose, recognisable: [], unrecognisable: [], no: [] };
  for (const c of children) {
    result[photoPermission(current.get(c.id)?.get(purpose))].push(displayName({ firstName: c.first_name, surnamePrefix: c.surname_prefix, surname: c.surname }));
  }
  return result;
}

// ---- exchange with a school or care institution ---------------------------------------------

const toExchange = (r: { id: string; child_id: string; recipient_name: string; recipient_type: string; purpose: string; data_description: string; valid_until: string; given_on: string; withdrawn_on: string | null }, parentName: string, today: string): ExchangeConsent => ({
  id: r.id,
  childId: r.child_id,
  recipientName: r.recipient_name,
  recipientType: r.recipient_type,
  purpose: r.purpose,
  dataDescription: r.data_description,
  validUntil: r.valid_until,
  parentName,
  givenOn: r.given_on,
  withdrawnOn: r.withdrawn_on,
  valid: r.withdrawn_on === null && r.valid_until >= today,
});

export async function listExchangeConsents(db: DbOrTrx, childId: string, today: string) {
  const child = await requireChild(db, childId);
  const parents = await parentsOfHousehold(db, child.household_id);
  const rows = await db.selectFrom('exchange_consents').selectAll().where('child_id', '=', childId).orderBy('given_on', 'desc').execute();
  return rows.map((r) => {
    const p = parents.find((x) => x.id === r.parent_id);
    return toExchange(r, p ? displayName({ firstName: p.first_name, surnamePrefix: p.surname_prefix, surname: p.surname }) : 'onbekend', today);
  });
}

export async function createExchangeConsent(core: AppCore, session: Session, input: z.output<typeof ExchangeConsentInput>, today: string) {
  const id = uuidv7();
  await core.transaction(async (trx) => {
    const child = await requireChild(trx, input.childId);
    await assertContractParent(trx, child.household_id, input.parentId);
    if (input.validUntil < input.givenOn) throw new AppError('VALIDATION', 'Geldig tot ligt vóór de datum van de toestemming.', { validUntil: 'Geldig tot ligt vóór de datum van de toestemming.' });
    await trx
      .insertInto('exchange_consents')
      .values({
        id,
        location_id: child.location_id,
        child_id: child.id,
        recipient_name: input.recipientName,
        recipient_type: input.recipientType,
        purpose: input.purpose,
        data_description: input.dataDescription,
        valid_until: input.validUntil,
        parent_id: input.parentId,
        given_on: input.givenOn,
        withdrawn_on: null,
        recorded_at: core.now().toISOString(),
        recorded_by_name: session.name,
        version: null,
      })
      .execute();
    await queueUpsert(trx, 'exchange_consents', id, core.now());
    await appendAudit(trx, { userId: session.userId, action: 'exchange.create', entity: 'child', entityId: child.id }, core.now());
  });
  return (await listExchangeConsents(core.db(), input.childId, today)).find((e) => e.id === id)!;
}

export async function withdrawExchangeConsent(core: AppCore, session: Session, input: { id: string; withdrawnOn: string }, today: string) {
  const childId = await core.transaction(async (trx: Trx) => {
    const row = await trx.selectFrom('exchange_consents').selectAll().where('id', '=', input.id).executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', 'Deze toestemming bestaat niet (meer).');
    if (row.withdrawn_on) throw new AppError('CONFLICT', 'Deze toestemming is al ingetrokken.');
    await trx.updateTable('exchange_consents').set({ withdrawn_on: input.withdrawnOn }).where('id', '=', input.id).execute();
    await queueUpsert(trx, 'exchange_consents', input.id, core.now());
    await appendAudit(trx, { userId: session.userId, action: 'exchange.withdraw', entity: 'child', entityId: row.child_id }, core.now());
    return row.child_id;
  });
  return (await listExchangeConsents(core.db(), childId, today)).find((e) => e.id === input.id)!;
}
