import { AppError } from '../../../../shared/api/result';
import type { DestructionCategory, WhyReport, WhySubjectType } from '../../../../shared/api/retention.schemas';
import { nlDate } from '../../../../shared/domain/dates';
import { ruleText, type RetentionState } from '../../../../shared/domain/retention';
import { displayName } from '../../../../shared/domain/names';
import { msg, translate } from '../../../../shared/i18n/translate';
import type { AppCore } from '../../core';
import type { DbOrTrx } from '../../db/schema';
import { statutoryHoldsOf } from '../employees/employees.repository';
import { holdsOn } from '../holds/holds.repository';
import { toHold } from '../holds/holds.service';
import { category } from './categories';
import { evaluate } from './engine';
import { ensureDefaultPolicies, loadPolicies } from './policies';
import { caseIdsOfChildren, childHousehold, childIdsOf, childSpans, householdExists, paperDossierTasks, parentsWhere, rowIds } from './retention.repository';
import { columnRules } from './categories/fromMap';
import type { Policies } from './policies';

/** An item as built here: `aboutMeldcode` marks one whose explanation is an open meldcode file (never sent). */
type WhyItem = WhyReport['items'][number] & { aboutMeldcode?: boolean };

/** `verb`: what happens on the date ("vernietigd"; "gewist" for columns cleared while the row stays). */
function explain(state: RetentionState, verb: 'vernietigd' | 'gewist' = 'vernietigd'): Pick<WhyItem, 'destructionDate' | 'explanation' | 'aboutMeldcode'> {
  switch (state.status) {
    case 'running':
      return { destructionDate: null, explanation: state.reason, aboutMeldcode: state.cause === 'meldcode' };
    case 'held':
      return { destructionDate: state.dueDate, explanation: `Blokkade (${state.hold.reason}): niet ${verb} zolang de blokkade geldt; herbeoordelen op ${nlDate(state.hold.until!)}.` };
    case 'due':
      return { destructionDate: state.dueDate, explanation: `De bewaartermijn is verstreken: de gegevens worden bij de eerstvolgende vernietigingsronde ${verb}.` };
    default:
      return { destructionDate: state.dueDate, explanation: `Wordt ${verb} op ${nlDate(state.dueDate)} (over ${state.daysLeft} ${state.daysLeft === 1 ? 'dag' : 'dagen'}).` };
  }
}

/** The record whose rule decides, and who the person is. */
async function resolve(db: DbOrTrx, type: WhySubjectType, id: string): Promise<{ category: DestructionCategory; recordId: string; name: string; childIds: string[] }> {
  if (type === 'child' || type === 'household') {
    const child = type === 'child' ? await childHousehold(db, id) : undefined;
    const householdId = type === 'child' ? child?.household_id : id;
    if (!householdId) throw new AppError('NOT_FOUND', msg('retention.childNotFound'));
    const labels = await category('household').labels(db, [householdId]);
    if (type === 'household' && !labels.has(householdId) && !(await householdExists(db, id))) throw new AppError('NOT_FOUND', msg('retention.householdNotFound'));
    const childIds = type === 'child' ? [id] : await childIdsOf(db, householdId);
    const name = child ? displayName({ firstName: child.first_name, surnamePrefix: child.surname_prefix, surname: child.surname }) : (labels.get(householdId) ?? 'Gezin');
    return { category: 'household', recordId: householdId, name, childIds };
  }
  const labels = await category(type).labels(db, [id]);
  const name = labels.get(id);
  if (!name) throw new AppError('NOT_FOUND', msg(type === 'employee' ? 'staff.employeeNotFound' : 'staff.applicantNotFound'));
  return { category: type, recordId: id, name, childIds: [] };
}

/**
 * "Waarom bewaren we dit nog?": each category of the person's data, the rule, and the date it goes.
 * `meldcodeDetail`: whether a meldcode file may be named (its own line, rule and date). Only on
 * screen for a user with meldcode access; otherwise — and always in the PDF a manager may hand to
 * a parent — it is one line that says a statutory retention duty applies, without any detail.
 */
export async function whyReport(core: AppCore, type: WhySubjectType, id: string, meldcodeDetail: boolean): Promise<WhyReport> {
  await core.transaction((trx) => ensureDefaultPolicies(trx, core.now()));
  const db = core.db();
  const today = core.today();
  const subject = await resolve(db, type, id);
  const policies = await loadPolicies(db);
  const [evaluated] = await evaluate(db, today, [{ category: subject.category, ids: [subject.recordId] }]);
  if (!evaluated) throw new AppError('NOT_FOUND', msg('retention.recordNotFound'));
  const policy = policies.get(evaluated.policy)!;
  const main: WhyItem = { category: policy.category, policy: evaluated.policy, rule: ruleText(policy), legalBasis: policy.legalBasis, action: 'vernietigen', ...explain(evaluated.state) };
  if (subject.category === 'household' && type === 'child') main.explanation += ' De gegevens van het kind worden samen met die van het gezin vernietigd.';
  const items: WhyItem[] = [main];

  if (subject.category === 'employee') {
    for (const s of await statutoryHoldsOf(db, id)) {
      items.push({
        category: `Onderdeel personeelsdossier: ${s.description}`,
        policy: null,
        rule: `wettelijke bewaarplicht tot ${nlDate(s.until)}`,
        legalBasis: s.legal_basis,
        destructionDate: s.until,
        action: 'vernietigen',
        explanation: 'Langer bewaard dan de hoofdregel omdat de wet dat voor dit onderdeel eist, en nooit langer dan deze plicht.',
      });
    }
  }
  if (subject.childIds.length) {
    const dossier = policies.get('paper_dossier')!;
    for (const t of await paperDossierTasks(db, subject.childIds)) {
      items.push({
        category: `${dossier.category} (${t.first_name})`,
        policy: 'paper_dossier',
        rule: ruleText(dossier),
        legalBasis: dossier.legalBasis,
        destructionDate: t.due_date,
        action: t.confirmed_at ? 'vernietigd' : 'bevestigen',
        explanation: t.confirmed_at
          ? `Vernietigd; bevestigd op ${nlDate(t.confirmed_at.slice(0, 10))} door ${t.confirmed_by_name ?? 'onbekend'}.`
          : `Het papieren dossier moet op ${nlDate(t.due_date)} worden vernietigd; een medewerker bevestigt dat op het dashboard.`,
      });
    }
  }

  if (subject.category === 'household') items.push(...(await partItems(db, today, policies, subject.recordId, subject.childIds)));

  if (subject.childIds.length) {
    const caseIds = await caseIdsOfChildren(db, subject.childIds);
    const meldcode = policies.get('meldcode')!;
    const labels = await category('meldcode').labels(db, caseIds);
    const states = await evaluate(db, today, [{ category: 'meldcode', ids: caseIds }]);
    if (meldcodeDetail) {
      for (const c of states) {
        items.push({ category: labels.get(c.id) ?? meldcode.category, policy: 'meldcode', rule: ruleText(meldcode), legalBasis: meldcode.legalBasis, action: 'vernietigen', ...explain(c.state) });
      }
    } else if (states.length > 0) {
      const text = translate(msg('retention.statutoryDuty'));
      items.push({ category: translate(msg('retention.otherData')), policy: null, rule: text, legalBasis: text, action: 'vernietigen', destructionDate: null, explanation: text });
    }
  }

  const holdSubjects: [string, string[]][] = subject.category === 'household' ? [['household', [subject.recordId]], ['child', subject.childIds]] : [[subject.category, [subject.recordId]]];
  const holds = [];
  for (const [t, ids] of holdSubjects) {
    holds.push(...(await holdsOn(db, t, ids)));
  }
  const shown = items.map(({ aboutMeldcode, ...item }) => (aboutMeldcode && !meldcodeDetail ? withoutMeldcode(item) : item));
  return { subjectType: type, subjectId: id, name: subject.name, items: shown, holds: holds.map(toHold) };
}

/**
 * A rule of the household's whose clock waits for an open meldcode file (the engine flags that
 * reason, shared/domain/retention.ts RunningCause): without meldcode detail the reason becomes
 * the plain sentence, and no date is given.
 */
function withoutMeldcode(item: WhyReport['items'][number]): WhyReport['items'][number] {
  return { ...item, explanation: translate(msg('retention.statutoryDuty')), destructionDate: null };
}

/** The child's data with a rule of its own, one item per child (the paper dossier is listed apart). */
const CHILD_PARTS = ['medical', 'pickup_persons', 'pickup_bans', 'identification', 'photo_consent'] as const satisfies readonly DestructionCategory[];

/**
 * Every part of the household's (or one child's) data that ends before the household does, each
 * with its own rule and date: medical data, pickup persons and bans, identifications, consents,
 * the parents' e-mail and phone, the other parent. Only parts that hold data are listed.
 */
async function partItems(db: DbOrTrx, today: string, policies: Policies, householdId: string, childIds: readonly string[]): Promise<WhyItem[]> {
  const otherParents = (await parentsWhere(db, { column: 'is_contract_parent', equals: 0 }, [householdId])).map((p) => p.id);
  const consents = await rowIds(db, 'exchange_consents', 'child_id', childIds);
  const evaluated = await evaluate(db, today, [
    ...CHILD_PARTS.map((c) => ({ category: c, ids: childIds })),
    { category: 'exchange_consent' as const, ids: consents },
    { category: 'parent_contact' as const, ids: [householdId] },
    { category: 'other_parent' as const, ids: otherParents },
  ]);
  const firstNames = new Map((await childSpans(db, childIds)).map((c) => [c.id, c.first_name]));
  const labelsOf = new Map<DestructionCategory, Map<string, string>>();
  for (const key of ['exchange_consent', 'other_parent'] as const) {
    labelsOf.set(
      key,
      await category(key).labels(
        db,
        evaluated.filter((e) => e.category === key).map((e) => e.id),
      ),
    );
  }
  // Parents' e-mail and phone: the map clears those columns, the row stays under the contract rule.
  const clears = columnRules('parent_contact').every((r) => r.deletion === 'clear_columns');
  return evaluated.map((e): WhyItem => {
    const policy = policies.get(e.policy)!;
    const name = (CHILD_PARTS as readonly string[]).includes(e.category) ? `${policy.category} (${firstNames.get(e.id) ?? ''})` : (labelsOf.get(e.category)?.get(e.id) ?? policy.category);
    const cleared = e.category === 'parent_contact' && clears;
    const state = explain(e.state, cleared ? 'gewist' : 'vernietigd');
    return {
      category: name,
      policy: e.policy,
      rule: ruleText(policy),
      legalBasis: policy.legalBasis,
      action: cleared ? 'wissen' : 'vernietigen',
      ...state,
      ...(cleared ? { explanation: `${state.explanation} Naam, adres en BSN blijven onder de bewaartermijn van het contract.` } : {}),
    };
  });
}
