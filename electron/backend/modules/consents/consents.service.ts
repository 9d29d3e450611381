import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import { AppError } from '../../../../shared/api/result';
import type { ConsentOverview, ConsentRecord, ConsentRecordInput, Roster } from '../../../../shared/api/consents.schemas';
import type { PdfFile } from '../../../../shared/api/schemas';
import { PURPOSES, photoPermission, type PhotoPermission, type Purpose } from '../../../../shared/domain/consents';
import { nlDate, nlDateLong, paddedDutchDate } from '../../../../shared/domain/dates';
import { displayName } from '../../../../shared/domain/names';
import { msg } from '../../../../shared/i18n/translate';
import type { AppCore, Session } from '../../core';
import type { DbOrTrx, ParentRow, Trx } from '../../db/schema';
import { renderConsentForms } from '../../pdf/consentForm.pdf';
import { renderPhotoRoster } from '../../pdf/photoRoster.pdf';
import { queueUpsert } from '../../sync/outbox';
import { childrenWithContractParent, findChild } from '../children/children.repository';
import { findGroup } from '../groups/groups.repository';
import { parentsOfHousehold } from '../households/households.repository';
import { getLocation } from '../location/location.repository';
import { letterSender, organisationProfile } from '../location/location.service';
import { statementCited } from '../privacyStatement/privacyStatement.service';
import { readSetting } from '../settings/settings.repository';
import { consentHistory, consentRowsOfChildren, formReturnsOfChild, insertFormReturn, insertPhotoConsent, rosterChildren } from './consents.repository';

/** The privacy statement's date ("De laatste wijziging was op 20-6-2023"), in the one date style; consents refer to it. */
const DEFAULT_PRIVACY_STATEMENT_VERSION = '20-06-2023';

/**
 * The privacy statement new consents belong to: the version head office published that is in force
 * today ("1 september 2026 (versie 2026.2)"), else the date set here by hand (from before issue 18).
 */
export async function privacyStatementVersion(db: DbOrTrx, today: string): Promise<{ version: string; published: boolean }> {
  const cited = await statementCited(db, today);
  if (cited) return { version: `${nlDateLong(cited.effectiveDate)} (versie ${cited.version})`, published: true };
  return { version: paddedDutchDate((await readSetting<string>(db, 'privacy.statementVersion')) ?? DEFAULT_PRIVACY_STATEMENT_VERSION), published: false };
}

export async function requireChild(db: DbOrTrx, childId: string) {
  const child = await findChild(db, childId);
  if (!child) throw new AppError('NOT_FOUND', msg('consents.childNotFound'));
  return child;
}

export const parentName = (parents: readonly ParentRow[], id: string) => {
  const p = parents.find((x) => x.id === id);
  return p ? displayName({ firstName: p.first_name, surnamePrefix: p.surname_prefix, surname: p.surname }) : 'onbekend';
};

/** The contract parent is the one who signed the care contract: only they give or withdraw consent. */
export async function assertContractParent(db: DbOrTrx, householdId: string, parentId: string) {
  const contractParent = (await parentsOfHousehold(db, householdId)).find((p) => p.is_contract_parent === 1);
  if (!contractParent || contractParent.id !== parentId) {
    throw new AppError('VALIDATION', msg('consents.contractParentOnly'), { parentId: msg('consents.chooseContractParent') });
  }
  return contractParent;
}

type Decision = Pick<ConsentRecord, 'decision' | 'recognisable' | 'decidedOn'>;

/** Latest decision per child and purpose (newest record wins; ids are time-ordered UUIDv7). */
async function currentConsents(db: DbOrTrx, childIds: string[]) {
  const map = new Map<string, Map<Purpose, Decision>>();
  if (childIds.length === 0) return map;
  for (const row of await consentRowsOfChildren(db, childIds)) {
    const perChild = map.get(row.child_id) ?? new Map<Purpose, Decision>();
    perChild.set(row.purpose, { decision: row.decision, recognisable: row.recognisable === 1, decidedOn: row.decided_on });
    map.set(row.child_id, perChild);
  }
  return map;
}

export async function consentOverview(db: DbOrTrx, childId: string, today: string): Promise<ConsentOverview> {
  const child = await requireChild(db, childId);
  const parents = await parentsOfHousehold(db, child.household_id);
  const current = (await currentConsents(db, [childId])).get(childId);
  const history = await consentHistory(db, childId);
  const returns = await formReturnsOfChild(db, childId);
  const contractParent = parents.find((p) => p.is_contract_parent === 1);
  return {
    childId,
    current: PURPOSES.map((purpose) => ({ purpose, permission: photoPermission(current?.get(purpose)), since: current?.get(purpose)?.decidedOn ?? null })),
    history: history.map((r) => ({
      id: r.id,
      purpose: r.purpose,
      decision: r.decision,
      recognisable: r.recognisable === 1,
      parentName: parentName(parents, r.parent_id),
      decidedOn: r.decided_on,
      channel: r.channel,
      privacyStatementVersion: paddedDutchDate(r.privacy_statement_version),
      recordedAt: r.recorded_at,
      recordedByName: r.recorded_by_name,
    })),
    formReturns: returns.map((r) => ({ id: r.id, returnedOn: r.returned_on, recordedByName: r.recorded_by_name })),
    contractParent: contractParent ? { id: contractParent.id, displayName: parentName(parents, contractParent.id) } : null,
    privacyStatementVersion: (await privacyStatementVersion(db, today)).version,
  };
}

/** Each answer is a new history row; nothing is edited. A withdrawal counts from this moment. */
export async function insertConsents(trx: Trx, core: AppCore, session: Session, input: z.output<typeof ConsentRecordInput>): Promise<void> {
  const child = await requireChild(trx, input.childId);
  await assertContractParent(trx, child.household_id, input.parentId);
  const { version } = await privacyStatementVersion(trx, core.today());
  for (const answer of input.answers) {
    const id = uuidv7();
    await insertPhotoConsent(trx, {
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
    });
    await queueUpsert(trx, 'photo_consents', id, core.now());
  }
}

export async function recordConsents(core: AppCore, session: Session, input: z.output<typeof ConsentRecordInput>) {
  await core.transaction((trx) => insertConsents(trx, core, session, input));
  return consentOverview(core.db(), input.childId, core.today());
}

export async function recordFormReturned(core: AppCore, session: Session, input: { childId: string; returnedOn: string }) {
  await core.transaction(async (trx) => {
    const child = await requireChild(trx, input.childId);
    const id = uuidv7();
    await insertFormReturn(trx, { id, location_id: child.location_id, child_id: child.id, returned_on: input.returnedOn, recorded_at: core.now().toISOString(), recorded_by_name: session.name, version: null });
    await queueUpsert(trx, 'consent_form_returns', id, core.now());
  });
  return consentOverview(core.db(), input.childId, core.today());
}

/** Fotolijst: who may be photographed for one purpose in one group, in three columns. */
export async function roster(db: DbOrTrx, groupId: string, purpose: Purpose, today: string): Promise<Roster> {
  const group = await findGroup(db, groupId);
  if (!group) throw new AppError('NOT_FOUND', msg('groups.notFound'));
  const groupName = group.name;
  const children = await rosterChildren(db, groupId, today);
  const current = await currentConsents(
    db,
    children.map((c) => c.id),
  );
  const result: Roster = { groupName, purpose, recognisable: [], unrecognisable: [], no: [] };
  for (const c of children) {
    result[photoPermission(current.get(c.id)?.get(purpose))].push({ name: displayName({ firstName: c.first_name, surnamePrefix: c.surname_prefix, surname: c.surname }), hasAllergies: c.has_allergies === 1 });
  }
  return result;
}

const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-');

export async function rosterPdf(core: AppCore, groupId: string, purpose: Purpose): Promise<PdfFile> {
  const db = core.db();
  const data = await roster(db, groupId, purpose, core.today());
  const pdf = await renderPhotoRoster(core.options.resourcesDir, data, {
    locationName: (await getLocation(db))?.name ?? '',
    organisationName: (await organisationProfile(db))?.controllerName ?? null,
    printedAt: core.now(),
  });
  return { fileName: `fotolijst-${slug(data.groupName)}-${purpose}.pdf`, base64: pdf.toString('base64') };
}

/** The toestemmingsformulier of one child, or of every child of a group; blank = empty boxes. */
export async function formPdf(core: AppCore, input: { childId?: string | null; groupId?: string | null; blank: boolean }): Promise<PdfFile> {
  const db = core.db();
  const children = await childrenWithContractParent(db, input.childId ? { childId: input.childId } : { groupId: input.groupId! }, 'firstName');
  if (children.length === 0) throw new AppError('NOT_FOUND', input.childId ? msg('consents.childNotFound') : msg('consents.groupHasNoChildren'));
  const current = await currentConsents(
    db,
    children.map((c) => c.id),
  );
  const pdf = await renderConsentForms(core.options.resourcesDir, {
    ...(await letterSender(db)),
    privacyStatementVersion: (await privacyStatementVersion(db, core.today())).version,
    statement: await statementCited(db, core.today()),
    children: children.map((c) => ({
      childName: displayName({ firstName: c.first_name, surnamePrefix: c.surname_prefix, surname: c.surname }),
      birthDate: nlDate(c.birth_date),
      groupName: c.group_name,
      contractParentName: c.parent_first_name ? displayName({ firstName: c.parent_first_name, surnamePrefix: c.parent_surname_prefix, surname: c.parent_surname ?? '' }) : '',
      answers: input.blank ? null : (Object.fromEntries(PURPOSES.map((p) => [p, photoPermission(current.get(c.id)?.get(p))])) as Record<Purpose, PhotoPermission>),
    })),
  });
  const name = input.childId ? children[0]!.first_name.toLowerCase() : slug(children[0]!.group_name);
  return { fileName: `toestemmingsformulier-${name}.pdf`, base64: pdf.toString('base64') };
}
