import type { CategoryRetention, Decision, ErasurePreview } from '../../../../shared/api/requests.schemas';
import type { CategoryKey } from '../../../../shared/domain/personalData';
import type { SyncedEntity } from '../../../../shared/sync/protocol';
import type { AppCore, Session } from '../../core';
import type { DbOrTrx, Trx } from '../../db/schema';
import { queueErasure, requeueAfterErasure } from '../../sync/outbox';
import { appendAudit } from '../audit/audit.service';
import { recordOptOut } from '../disclosures/disclosures.service';
import { destroyCase } from '../meldcode/meldcode.service';
import { categoryRetention, childDossier, meldcodeDisclosureFor, parentDossier, type MeldcodeDisclosure, type PersonDossier } from './personalData';
import { closeRequest, requireOpen, requireRequest } from './requests.service';
import { createRecipientTasks } from './restriction.service';
import { isoDateIn } from '../../../../shared/domain/clock';

/** The request's own subject only (erasure of a child is its own request by the contract parent). */
/** The manager sees meldcode files in the preview (meldcode.access); what is stored for the letter follows the officer's decision. */
const dossierOf = (db: DbOrTrx, row: { subject_type: 'parent' | 'child'; subject_id: string }, today: string, disclose: MeldcodeDisclosure) =>
  row.subject_type === 'child' ? childDossier(db, row.subject_id, today, disclose) : parentDossier(db, row.subject_id, today, disclose);

/** Categories that hold data, each with what may happen to it now. */
const withData = (dossier: PersonDossier): CategoryRetention[] => dossier.categories.filter((c) => c.items.length > 0).map(categoryRetention);

export async function erasurePreview(db: DbOrTrx, id: string, today: string): Promise<ErasurePreview> {
  const row = await requireRequest(db, id);
  requireOpen(row, ['erasure']);
  const dossier = await dossierOf(db, row, today, 'include');
  return { subjectName: dossier.name, categories: withData(dossier) };
}

/** Deletes rows and queues their tombstones (and drops their queued upserts). */
async function deleteRows(trx: Trx, entity: SyncedEntity & ('children' | 'parents' | 'households' | 'contracts' | 'tasks' | 'child_medical' | 'pickup_persons' | 'pickup_bans' | 'identification_log' | 'photo_consents' | 'consent_form_returns' | 'exchange_consents' | 'bsn_verifications'), ids: string[], now: Date) {
  if (ids.length === 0) return;
  const key = entity === 'child_medical' ? 'child_id' : 'id';
  // Dynamic table from a closed list; Kysely cannot type this generically.
  await trx.deleteFrom(entity).where(key as never, 'in', ids as never).execute();
  for (const id of ids) await queueErasure(trx, entity, id, now);
}

const idsOf = async (trx: Trx, table: 'contracts' | 'pickup_persons' | 'pickup_bans' | 'identification_log' | 'photo_consents' | 'consent_form_returns' | 'exchange_consents', childId: string) =>
  (await trx.selectFrom(table).select('id').where('child_id', '=', childId).execute()).map((r) => r.id);

const bsnChecks = async (trx: Trx, type: 'parent' | 'child', id: string) =>
  (await trx.selectFrom('bsn_verifications').select('id').where('subject_type', '=', type).where('subject_id', '=', id).execute()).map((r) => r.id);

/** Rectification history holds old values: it goes with the data it is about. */
async function deleteCorrections(trx: Trx, subjectId: string, fields: string[] | null, now: Date) {
  let query = trx.selectFrom('data_corrections').select('id').where('subject_id', '=', subjectId);
  if (fields) query = query.where('field', 'in', fields);
  const ids = (await query.execute()).map((r) => r.id);
  if (ids.length === 0) return;
  await trx.deleteFrom('data_corrections').where('id', 'in', ids).execute();
  for (const id of ids) await queueErasure(trx, 'data_corrections', id, now);
}

/** A household goes when nobody is left in it. */
async function dropEmptyHousehold(trx: Trx, householdId: string, now: Date) {
  const parents = await trx.selectFrom('parents').select('id').where('household_id', '=', householdId).execute();
  const children = await trx.selectFrom('children').select('id').where('household_id', '=', householdId).execute();
  if (parents.length > 0 || children.length > 0) return;
  await deleteCorrections(trx, householdId, null, now);
  await deleteRows(trx, 'households', [householdId], now);
}

interface EraseContext {
  core: AppCore;
  session: Session;
  now: Date;
}
type Eraser = (trx: Trx, person: PersonDossier, ctx: EraseContext) => Promise<void>;

async function deleteParent(trx: Trx, person: PersonDossier, { now }: EraseContext) {
  await deleteRows(trx, 'bsn_verifications', await bsnChecks(trx, 'parent', person.id), now);
  await deleteCorrections(trx, person.id, null, now);
  await deleteRows(trx, 'parents', [person.id], now);
  await dropEmptyHousehold(trx, person.householdId, now);
}

async function deleteChildContracts(trx: Trx, childId: string, now: Date) {
  const contracts = await idsOf(trx, 'contracts', childId);
  const tasks = contracts.length ? (await trx.selectFrom('tasks').select('id').where('contract_id', 'in', contracts).execute()).map((r) => r.id) : [];
  await deleteRows(trx, 'tasks', tasks, now);
  await deleteRows(trx, 'contracts', contracts, now);
}

/** What erasing one category does. Categories are erased smallest first; identity removes the person. */
const ERASERS: Record<CategoryKey, Eraser> = {
  parent_contact: async (trx, p, { now }) => {
    await trx.updateTable('parents').set({ email: null, phone: null }).where('id', '=', p.id).execute();
    await requeueAfterErasure(trx, 'parents', p.id, now);
    await deleteCorrections(trx, p.id, ['email', 'phone'], now);
  },
  parent_bsn: async (trx, p, { now }) => {
    await trx.updateTable('parents').set({ bsn: null }).where('id', '=', p.id).execute();
    await requeueAfterErasure(trx, 'parents', p.id, now);
    await deleteRows(trx, 'bsn_verifications', await bsnChecks(trx, 'parent', p.id), now);
  },
  household_financial: async (trx, p, { now }) => {
    await trx.updateTable('households').set({ iban: null, iban_holder: null }).where('id', '=', p.householdId).execute();
    await requeueAfterErasure(trx, 'households', p.householdId, now);
    await deleteCorrections(trx, p.householdId, ['iban', 'ibanHolder'], now);
  },
  parent_identity: deleteParent,
  other_parent: deleteParent,
  // Marketing use ends by putting the address on the opt-out list, which every marketing export honours.
  parent_marketing: async (trx, p, { core, session, now }) => {
    const parent = await trx.selectFrom('parents').select('email').where('id', '=', p.id).executeTakeFirstOrThrow();
    if (parent.email) await recordOptOut(trx, core, session, { email: parent.email, requestedOn: isoDateIn(now), how: 'avg-verzoek' });
  },
  // An objection is kept to be honoured; never erasable, so never called.
  marketing_objection: async () => {},
  child_bsn: async (trx, c, { now }) => {
    await trx.updateTable('children').set({ bsn: null }).where('id', '=', c.id).execute();
    await requeueAfterErasure(trx, 'children', c.id, now);
    await deleteRows(trx, 'bsn_verifications', await bsnChecks(trx, 'child', c.id), now);
  },
  child_contracts: async (trx, c, { now }) => deleteChildContracts(trx, c.id, now),
  child_medical: async (trx, c, { now }) => deleteRows(trx, 'child_medical', [c.id], now),
  child_pickup: async (trx, c, { now }) => {
    await deleteRows(trx, 'pickup_persons', await idsOf(trx, 'pickup_persons', c.id), now);
    await deleteRows(trx, 'pickup_bans', await idsOf(trx, 'pickup_bans', c.id), now);
    await deleteRows(trx, 'identification_log', await idsOf(trx, 'identification_log', c.id), now);
  },
  child_consents: async (trx, c, { now }) => {
    await deleteRows(trx, 'photo_consents', await idsOf(trx, 'photo_consents', c.id), now);
    await deleteRows(trx, 'consent_form_returns', await idsOf(trx, 'consent_form_returns', c.id), now);
    await deleteRows(trx, 'exchange_consents', await idsOf(trx, 'exchange_consents', c.id), now);
  },
  // Only reachable after the destruction date: the case file goes as the retention rules say.
  child_meldcode: async (trx, c, { now }) => {
    for (const { id } of await trx.selectFrom('meldcode_cases').select('id').where('child_id', '=', c.id).execute()) await destroyCase(trx, id, now);
  },
  child_identity: async (trx, c, { now }) => {
    // Everything else of the child first (its contracts and tasks), then the child itself.
    await deleteChildContracts(trx, c.id, now);
    const dossierTasks = (await trx.selectFrom('tasks').select('id').where('child_id', '=', c.id).execute()).map((r) => r.id);
    await deleteRows(trx, 'tasks', dossierTasks, now);
    await trx.updateTable('waitlist_entries').set({ placed_child_id: null }).where('placed_child_id', '=', c.id).execute();
    await deleteCorrections(trx, c.id, null, now);
    await deleteRows(trx, 'children', [c.id], now);
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
    await appendAudit(trx, { userId: session.userId, action: 'requests.erase', entity: 'subjectRequest', entityId: row.id, details: { erased: erased.length, kept: kept.length } }, core.now());
    await closeRequest(trx, core, session, row, decision, today);
  });
}
