import type { CategoryRetention, Decision, ErasurePreview, SubjectType } from '../../../../shared/api/requests.schemas';
import { isoDateIn } from '../../../../shared/domain/clock';
import type { CategoryKey } from '../../../../shared/domain/personalData';
import type { AppCore, Session } from '../../core';
import type { DbOrTrx, Trx } from '../../db/schema';
import { queueErasure, requeueAfterErasure } from '../../sync/outbox';
import { destroyCase } from '../meldcode/meldcode.service';
import { recordErasure } from '../retention/destructionLog';
import { categoryRetention, childDossier, meldcodeDisclosureFor, parentDossier, type MeldcodeDisclosure, type PersonDossier } from './personalData';
import { closeRequest, requireOpen, requireRequest } from './requests.service';
import { optOutByRequest } from './objection.service';
import { createRecipientTasks } from './restriction.service';
import {
  bsnCheckIds,
  clearBsn,
  clearIban,
  clearParentContact,
  correctionIds,
  deleteRows,
  householdIsEmpty,
  idsOfChild,
  meldcodeCaseIdsOfChild,
  parentEmail,
  taskIdsOfContracts,
  unlinkPlacedChild,
  type ErasedTable,
} from './erasure.repository';

/**
 * The request's own subject only (erasure of a child is its own request by the contract parent).
 * The manager sees meldcode files in the preview (meldcode.access); what is stored for the letter follows the officer's decision.
 */
const dossierOf = (db: DbOrTrx, row: { subject_type: SubjectType; subject_id: string }, today: string, disclose: MeldcodeDisclosure) =>
  row.subject_type === 'child' ? childDossier(db, row.subject_id, today, disclose) : parentDossier(db, row.subject_id, today, disclose);

/** Categories that hold data, each with what may happen to it now. */
const withData = (dossier: PersonDossier): CategoryRetention[] => dossier.categories.filter((c) => c.items.length > 0).map(categoryRetention);

export async function erasurePreview(db: DbOrTrx, id: string, today: string): Promise<ErasurePreview> {
  const row = await requireRequest(db, id);
  requireOpen(row, ['erasure']);
  const dossier = await dossierOf(db, row, today, 'include');
  return { subjectName: dossier.name, categories: withData(dossier) };
}

/**
 * Deletes rows and queues their tombstones (and drops their queued upserts). The destruction log
 * records them (hashed ids), so a backup restored later destroys them again.
 */
async function eraseRows(trx: Trx, table: ErasedTable, ids: string[], now: Date) {
  if (ids.length === 0) return;
  await deleteRows(trx, table, ids);
  for (const id of ids) await queueErasure(trx, table, id, now);
  await recordErasure(trx, { kind: 'rows', entity: table }, ids, now);
}

/** Logs emptied columns the same way (a restore empties them again). */
const logCleared = (trx: Trx, entity: 'parents' | 'children' | 'households', columns: string[], id: string, now: Date) => recordErasure(trx, { kind: 'columns', entity, columns }, [id], now);

/** Rectification history holds old values: it goes with the data it is about. */
const deleteCorrections = async (trx: Trx, subjectId: string, fields: string[] | null, now: Date) => eraseRows(trx, 'data_corrections', await correctionIds(trx, subjectId, fields), now);

/** A household goes when nobody is left in it. */
async function dropEmptyHousehold(trx: Trx, householdId: string, now: Date) {
  if (!(await householdIsEmpty(trx, householdId))) return;
  await deleteCorrections(trx, householdId, null, now);
  await eraseRows(trx, 'households', [householdId], now);
}

interface EraseContext {
  core: AppCore;
  session: Session;
  now: Date;
}
type Eraser = (trx: Trx, person: PersonDossier, ctx: EraseContext) => Promise<void>;

async function deleteParent(trx: Trx, person: PersonDossier, { now }: EraseContext) {
  await eraseRows(trx, 'bsn_verifications', await bsnCheckIds(trx, 'parent', person.id), now);
  await deleteCorrections(trx, person.id, null, now);
  await eraseRows(trx, 'parents', [person.id], now);
  await dropEmptyHousehold(trx, person.householdId, now);
}

async function deleteChildContracts(trx: Trx, childId: string, now: Date) {
  const contracts = await idsOfChild(trx, 'contracts', childId);
  await eraseRows(trx, 'tasks', await taskIdsOfContracts(trx, contracts), now);
  await eraseRows(trx, 'contracts', contracts, now);
}

/** What erasing one category does. Categories are erased smallest first; identity removes the person. */
const ERASERS: Record<CategoryKey, Eraser> = {
  parent_contact: async (trx, p, { now }) => {
    await clearParentContact(trx, p.id);
    await logCleared(trx, 'parents', ['email', 'phone'], p.id, now);
    await requeueAfterErasure(trx, 'parents', p.id, now);
    await deleteCorrections(trx, p.id, ['email', 'phone'], now);
  },
  parent_bsn: async (trx, p, { now }) => {
    await clearBsn(trx, 'parents', p.id);
    await logCleared(trx, 'parents', ['bsn'], p.id, now);
    await requeueAfterErasure(trx, 'parents', p.id, now);
    await eraseRows(trx, 'bsn_verifications', await bsnCheckIds(trx, 'parent', p.id), now);
  },
  household_financial: async (trx, p, { now }) => {
    await clearIban(trx, p.householdId);
    await logCleared(trx, 'households', ['iban', 'iban_holder'], p.householdId, now);
    await requeueAfterErasure(trx, 'households', p.householdId, now);
    await deleteCorrections(trx, p.householdId, ['iban', 'ibanHolder'], now);
  },
  parent_identity: deleteParent,
  other_parent: deleteParent,
  // Marketing use ends by putting the address on the opt-out list, which every marketing export honours.
  parent_marketing: async (trx, p, { core, session, now }) => {
    const email = await parentEmail(trx, p.id);
    if (email) await optOutByRequest(trx, core, session, email, isoDateIn(now));
  },
  // An objection is kept to be honoured; never erasable, so never called.
  marketing_objection: async () => {},
  child_bsn: async (trx, c, { now }) => {
    await clearBsn(trx, 'children', c.id);
    await logCleared(trx, 'children', ['bsn'], c.id, now);
    await requeueAfterErasure(trx, 'children', c.id, now);
    await eraseRows(trx, 'bsn_verifications', await bsnCheckIds(trx, 'child', c.id), now);
  },
  child_contracts: async (trx, c, { now }) => deleteChildContracts(trx, c.id, now),
  child_medical: async (trx, c, { now }) => eraseRows(trx, 'child_medical', [c.id], now),
  child_pickup: async (trx, c, { now }) => {
    await eraseRows(trx, 'pickup_persons', await idsOfChild(trx, 'pickup_persons', c.id), now);
    await eraseRows(trx, 'pickup_bans', await idsOfChild(trx, 'pickup_bans', c.id), now);
    await eraseRows(trx, 'identification_log', await idsOfChild(trx, 'identification_log', c.id), now);
  },
  child_consents: async (trx, c, { now }) => {
    await eraseRows(trx, 'photo_consents', await idsOfChild(trx, 'photo_consents', c.id), now);
    await eraseRows(trx, 'consent_form_returns', await idsOfChild(trx, 'consent_form_returns', c.id), now);
    await eraseRows(trx, 'exchange_consents', await idsOfChild(trx, 'exchange_consents', c.id), now);
  },
  // Only reachable after the destruction date: the case file goes as the retention rules say.
  child_meldcode: async (trx, c, { now }) => {
    const cases = await meldcodeCaseIdsOfChild(trx, c.id);
    for (const id of cases) await destroyCase(trx, id, now);
    // As the retention category: a restore destroys the case file again through that category.
    await recordErasure(trx, { kind: 'record', category: 'meldcode' }, cases, now);
  },
  child_identity: async (trx, c, { now }) => {
    // Everything else of the child first (its contracts and tasks), then the child itself.
    await deleteChildContracts(trx, c.id, now);
    await eraseRows(trx, 'tasks', await idsOfChild(trx, 'tasks', c.id), now);
    await unlinkPlacedChild(trx, c.id);
    await deleteCorrections(trx, c.id, null, now);
    await eraseRows(trx, 'children', [c.id], now);
    await dropEmptyHousehold(trx, c.householdId, now);
  },
};
const IDENTITY: readonly CategoryKey[] = ['parent_identity', 'other_parent', 'child_identity'];

/**
 * Executes an erasure request: erases every category that may go now, keeps the rest with rule,
 * legal basis and end date, lists the recipients to inform (art. 19) and closes the request.
 */
export async function executeErasure(core: AppCore, session: Session, id: string, today: string): Promise<void> {
  await core.transaction(async (trx) => {
    const row = await requireRequest(trx, id);
    requireOpen(row, ['erasure']);
    const disclose = await meldcodeDisclosureFor(trx, row);
    // Erase with the whole picture (meldcode files included); the letter gets what may be told.
    const person = await dossierOf(trx, row, today, 'include');
    const told = disclose === 'include' ? person : await dossierOf(trx, row, today, 'omit');
    const categories = withData(person);
    const erased = categories.filter((c) => c.erasableNow);
    const kept = categories.filter((c) => !c.erasableNow);
    const toldKept = withData(told).filter((c) => !c.erasableNow);
    // Recipients first: once the person is gone, the register can no longer be read for them.
    const informed = erased.length > 0 ? await createRecipientTasks(trx, core, row, [{ type: row.subject_type, id: row.subject_id }], row.deadline) : [];
    const now = core.now();
    const removesPerson = erased.some((c) => IDENTITY.includes(c.category as CategoryKey));
    // Smallest first, the person last. When the person goes, no opt-out (which keeps the address) is needed.
    const order = erased
      .filter((c) => !(removesPerson && c.category === 'parent_marketing'))
      .sort((a, b) => Number(IDENTITY.includes(a.category as CategoryKey)) - Number(IDENTITY.includes(b.category as CategoryKey)));
    for (const c of order) await ERASERS[c.category as CategoryKey](trx, person, { core, session, now });
    const decision: Decision = {
      outcome: kept.length === 0 ? 'granted' : erased.length > 0 ? 'partially_granted' : 'refused',
      reason: kept.length === 0 ? null : 'Voor een deel van de gegevens geldt nog een bewaartermijn. Hieronder staat per categorie waarom en tot wanneer wij ze bewaren.',
      erased,
      kept: toldKept,
      corrections: 0,
      informedRecipients: informed,
    };
    await closeRequest(trx, core, row, decision, today);
  });
}
