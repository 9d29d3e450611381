import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { Decision, ObjectableCategory, ObjectionInput } from '../../../../shared/api/requests.schemas';
import { AppError } from '../../../../shared/api/result';
import { CATEGORIES, DATA_MAP, SUBJECTS, type DataCategoryKey, type PersonalTable, type SubjectDef, type SubjectKey } from '../../../../shared/dataMap';
import { OBJECTION_EFFECT, isObjectable, type LegitimateInterestCategory } from '../../../../shared/domain/objections';
import { msg } from '../../../../shared/i18n/translate';
import type { AppCore, Session } from '../../core';
import type { DbOrTrx, SubjectRequestRow, Trx } from '../../db/schema';
import { queueUpsert } from '../../sync/outbox';
import { appendAudit } from '../audit/audit.service';
import { setLifted } from '../holds/holds.repository';
import { optOutsOfEmail } from '../marketing/marketing.repository';
import { normaliseEmail } from '../marketing/marketing.service';
import { optOutByRequest } from './optOut';
import { pickupPersonRows } from '../pickup/pickup.repository';
import { subjectDossier, type PersonDossier } from './dossier';
import { clearRow, eraseSets } from './erase';
import { insertObjection } from './objections.repository';
import { closeRequest, requireOpen, requireRequest } from './requests.service';

/**
 * The processings on legitimate interest the map holds for this kind of person: every category of
 * a column group about them (or of another use of those columns, the e-mail address for marketing)
 * whose legal basis is legitimate interest. Who recorded something is not data about the person.
 */
function objectableFor(subject: SubjectKey): LegitimateInterestCategory[] {
  const found = new Set<DataCategoryKey>();
  for (const entry of Object.values(DATA_MAP)) {
    if (entry.kind !== 'personal') continue;
    const table = entry as PersonalTable;
    const tablePath = table.subjects[subject];
    for (const g of table.groups) {
      if (g.category === 'staff_actor') continue;
      // As subjectRows finds them: the person's own groups, and groups about a person the row names itself (a collector on the identification log).
      const about = g.subject === subject ? Boolean(g.path ?? tablePath) : Boolean(tablePath) && !g.path && table.subjects[g.subject]?.length === 0 && !(SUBJECTS[g.subject] as SubjectDef).home;
      if (!about) continue;
      found.add(g.category);
      for (const use of g.uses ?? []) found.add(use);
    }
  }
  const order = Object.keys(CATEGORIES);
  return [...found].filter(isObjectable).filter((c) => OBJECTION_EFFECT[c] !== null).sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

const hasData = (dossier: PersonDossier, category: DataCategoryKey) => dossier.categories.some((c) => c.key === category && c.items.length > 0);

/** What the person of an objection can object to, with whether data of it are stored now and what upholding stops. */
export async function objectionCategories(db: DbOrTrx, id: string, today: string): Promise<ObjectableCategory[]> {
  const row = await requireRequest(db, id);
  requireOpen(row, ['objection']);
  // Meldcode files rest on a legal obligation: no objection reaches them, so they are never read here.
  const dossier = await subjectDossier(db, row, today, 'omit');
  return objectableFor(dossier.subject).map((category) => ({
    category,
    label: CATEGORIES[category].label,
    purpose: CATEGORIES[category].purpose,
    legalBasis: CATEGORIES[category].legalBasis,
    hasData: hasData(dossier, category),
    effect: OBJECTION_EFFECT[category]!,
  }));
}

const LIFT_REASON = 'Bezwaar van de betrokkene gehonoreerd (AVG artikel 21)';

/** Stops one processing for the person, in the transaction that records the upheld objection. */
async function stopProcessing(trx: Trx, core: AppCore, session: Session, row: SubjectRequestRow, dossier: PersonDossier, category: LegitimateInterestCategory): Promise<void> {
  const now = core.now();
  const rowsOf = (table: string) => dossier.rows.filter((r) => r.table === table);
  switch (category) {
    case 'parent_marketing': {
      // Absolute (art. 21(3)): the address goes on the opt-out list every marketing export honours.
      const email = rowsOf('parents')[0]?.values.email;
      if (typeof email === 'string' && email && (await optOutsOfEmail(trx, normaliseEmail(email))).length === 0) await optOutByRequest(trx, core, session, email, row.received_on);
      return;
    }
    case 'other_parent': {
      // Contact stops: the address and number go (as an erasure clears them, backups included); name and gezag stay.
      const parent = rowsOf('parents')[0];
      if (parent) await clearRow(trx, 'parents', parent.key, ['email', 'phone'], now, session.name);
      return;
    }
    case 'child_identification': {
      const keys = rowsOf('identification_log').map((r) => r.key);
      if (keys.length > 0) await eraseSets(trx, [{ table: 'identification_log', keys }], now, session.name);
      return;
    }
    case 'legal_hold': {
      for (const hold of rowsOf('legal_holds').filter((r) => r.values.lifted_at === null)) {
        await setLifted(trx, hold.key, { at: now.toISOString(), byName: session.name, reason: LIFT_REASON });
        await queueUpsert(trx, 'legal_holds', hold.key, now);
        // A sub-event of requests.objection (not a call of holds.lift): logged by hand.
        await appendAudit(trx, { userId: session.userId, action: 'requests.objectionLiftHold', entity: 'legal_hold', entityId: hold.key, details: { requestId: row.id } }, now);
      }
      return;
    }
    case 'staff_actor':
      // Not about anyone a request can be about (objectableFor leaves it out).
      return;
  }
}

/**
 * Bezwaar (AVG art. 21): the manager's decision per processing the person objected to. Upheld: the
 * processing stops for the person at once (stopProcessing) and stays stopped (./objections guards it);
 * refused: the reasons are recorded and printed in the letter. The request closes with the decision.
 */
export async function decideObjection(core: AppCore, session: Session, input: z.output<typeof ObjectionInput>, today: string): Promise<void> {
  await core.transaction(async (trx) => {
    const row = await requireRequest(trx, input.id);
    requireOpen(row, ['objection']);
    const dossier = await subjectDossier(trx, row, today, 'omit');
    const allowed = new Set<string>(objectableFor(dossier.subject));
    input.decisions.forEach((d, i) => {
      if (!allowed.has(d.category)) throw new AppError('VALIDATION', msg('requests.objectionNotApplicable'), { [`decisions.${i}.category`]: msg('requests.objectionNotApplicable') });
    });
    const personKey = row.subject_type === 'pickup_person' ? ((await pickupPersonRows(trx, row.subject_id))?.key ?? null) : null;
    const decided: Decision['objections'] = [];
    for (const d of input.decisions) {
      const category = d.category as LegitimateInterestCategory;
      const id = uuidv7();
      await insertObjection(trx, {
        id,
        location_id: row.location_id,
        request_id: row.id,
        subject_type: row.subject_type,
        subject_id: row.subject_id,
        person_key: personKey,
        category,
        outcome: d.outcome,
        reason: d.outcome === 'refused' ? d.reason : null,
        decided_on: today,
        decided_by_name: session.name,
        version: null,
      });
      await queueUpsert(trx, 'processing_objections', id, core.now());
      if (d.outcome === 'upheld') await stopProcessing(trx, core, session, row, dossier, category);
      decided.push({ category, label: CATEGORIES[category].label, outcome: d.outcome, reason: d.outcome === 'refused' ? d.reason : null, effect: d.outcome === 'upheld' ? OBJECTION_EFFECT[category] : null });
    }
    const upheld = decided.filter((d) => d.outcome === 'upheld').length;
    const outcome = upheld === decided.length ? 'granted' : upheld === 0 ? 'refused' : 'partially_granted';
    await closeRequest(trx, core, row, { outcome, reason: null, erased: [], kept: [], corrections: 0, informedRecipients: [], objections: decided }, today);
  });
}
