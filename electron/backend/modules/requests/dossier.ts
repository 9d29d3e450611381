import { AppError } from '../../../../shared/api/result';
import type { DisclosureEntry } from '../../../../shared/api/consents.schemas';
import type { CategoryRetention, SubjectType } from '../../../../shared/api/requests.schemas';
import { CATEGORIES, DATA_MAP, DATA_MAP_DEFAULT_POLICIES, EVENTS, POLICY_EVENT, applicableRules, type ColumnGroup, type DataCategoryKey, type PersonalTable, type PolicyLike, type Rule, type SubjectKey } from '../../../../shared/dataMap';
import { destructionDate, periodLabel, type RetentionState } from '../../../../shared/domain/retention';
import { displayName } from '../../../../shared/domain/names';
import { msg } from '../../../../shared/i18n/translate';
import type { DbOrTrx, SubjectRequestRow } from '../../db/schema';
import { childrenOfHousehold, findChild } from '../children/children.repository';
import { disclosureRegister } from '../disclosures/disclosures.service';
import { evaluate } from '../retention/engine';
import { loadPolicies } from '../retention/policies';
import { contractEndsOfHousehold, hasMeldcodeCase } from './dossier.repository';
import { findParent } from './requests.repository';
import { present, type DataItem } from './subjectFields';
import { subjectRows, type SubjectRow } from './subjectRows';

/**
 * A person's dossier as an AVG answer shows it (access report, erasure preview and letter): the
 * categories of shared/dataMap/categories.ts that hold data about them, the values from their rows
 * (subjectRows.ts, following the data map), and per category the rule that ends it, from the map's
 * rules with the periods in force.
 */

export type { DataItem } from './subjectFields';

export interface Retention {
  erasableNow: boolean;
  keptUntil: string | null;
}

export interface CategoryBlock {
  key: DataCategoryKey;
  items: DataItem[];
  retention: Retention;
  /** The bewaartermijn in words and its legal basis. */
  rule: string;
  legalBasis: string;
  /** Why there is no end date yet (contract still running, open meldcode file, blokkade). */
  note: string | null;
}

export interface PersonDossier {
  type: SubjectType;
  subject: SubjectKey;
  id: string;
  name: string;
  householdId: string;
  categories: CategoryBlock[];
  /** The rows behind the categories (erasure works on these). */
  rows: SubjectRow[];
  recipients: DisclosureEntry[];
}

/**
 * Categories about the processing itself (registers the law asks us to keep): shown in an access
 * report, never erased on request (AVG art. 17 lid 3 sub b and e); they go with the person's rows
 * as the map's `with` rules say, or under their own rule.
 */
export const REGISTER_CATEGORIES: ReadonlySet<DataCategoryKey> = new Set(['subject_request', 'disclosure_register', 'processing_restriction', 'legal_hold']);

/**
 * Whether meldcode information may appear: only on the aandachtsfunctionaris' recorded decision
 * ('include'); otherwise the category is left out entirely. Retention still counts the case files.
 */
export type MeldcodeDisclosure = 'include' | 'omit';

/** Rows of a meldcode file, or pointing at one (a blokkade on a case file). */
const aboutMeldcode = (table: string, group: ColumnGroup) =>
  table.startsWith('meldcode_') || group.category === 'child_meldcode' || group.category === 'employee_meldcode' || (group.path ?? []).some((s) => s.to.startsWith('meldcode_cases.'));

/** The retention of a category for this person, with the rule's Dutch text (for preview and letters). */
export function categoryRetention(block: CategoryBlock): CategoryRetention {
  return { category: block.key, label: CATEGORIES[block.key].label, erasableNow: block.retention.erasableNow, rule: block.rule, legalBasis: block.legalBasis, keptUntil: block.retention.keptUntil, note: block.note };
}

// ---- Retention -------------------------------------------------------------------------------

/** The contract facts that start contract-based clocks. */
interface ContractFacts {
  anyContract: boolean;
  openEnded: boolean;
  lastEnd: string | null;
}

function contractFacts(ends: readonly (string | null)[]): ContractFacts {
  if (ends.length === 0) return { anyContract: false, openEnded: false, lastEnd: null };
  if (ends.some((e) => e === null)) return { anyContract: true, openEnded: true, lastEnd: null };
  return { anyContract: true, openEnded: false, lastEnd: [...(ends as string[])].sort().at(-1)! };
}

interface RetentionInputs {
  today: string;
  policies: (key: string) => PolicyLike;
  household: ContractFacts;
  child: ContractFacts | null;
  householdState: RetentionState | undefined;
  meldcode: RetentionState[];
  /** Meldcode files may not be mentioned (no decision to include them): explanations stay neutral. */
  hideMeldcode: boolean;
}

interface Resolved {
  retention: Retention;
  note: string | null;
  rule: string;
  legalBasis: string;
}

/** "7 jaar na einde van het laatste contract", "direct na …" (as ruleText, for any policy of the map). */
const policyText = (p: PolicyLike) => (p.periodAmount === 0 ? `direct na ${p.anchor}` : `${periodLabel(p.periodAmount, p.periodUnit)} na ${p.anchor}`);
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
/** An engine sentence as part of ours: "Er loopt nog een contract." → "er loopt nog een contract". */
const sentencePart = (text: string) => text.charAt(0).toLowerCase() + text.slice(1).replace(/\.$/, '');

/** Several case files: kept while one runs, otherwise until the last one's date. */
function combined(states: RetentionState[]): RetentionState | undefined {
  return states.find((s) => s.status === 'running') ?? [...states].sort((a, b) => ('dueDate' in b ? b.dueDate : '').localeCompare('dueDate' in a ? a.dueDate : ''))[0];
}

/** The engine's state as an answer to "may it go now?" ('due' = the bewaartermijn is over). */
function fromEngine(state: RetentionState | undefined): { retention: Retention; note: string | null } {
  if (!state || state.status === 'due') return { retention: { erasableNow: true, keptUntil: null }, note: null };
  if (state.status === 'running') return { retention: { erasableNow: false, keptUntil: null }, note: sentencePart(state.reason) };
  const hold = state.status === 'held' ? `blokkade: ${state.hold.reason}` : null;
  return { retention: { erasableNow: false, keptUntil: state.dueDate }, note: hold };
}

/** The date a row's event happened (null: not yet), for events that a row's own columns record. */
function eventDate(event: string, values: Record<string, unknown>): string | null | undefined {
  const s = (c: string) => (typeof values[c] === 'string' ? (values[c] as string).slice(0, 10) : null);
  switch (event) {
    case 'waitlist_withdrawn':
    case 'waitlist_placed':
      return s('closed_at');
    case 'consent_end':
      return s('withdrawn_on') ?? s('valid_until');
    case 'request_closed':
      return s('closed_on');
    default:
      return undefined;
  }
}

function fromDate(due: string | null, today: string, runningNote: string | null): { retention: Retention; note: string | null } {
  if (due === null) return { retention: { erasableNow: false, keptUntil: null }, note: runningNote };
  return due <= today ? { retention: { erasableNow: true, keptUntil: null }, note: null } : { retention: { erasableNow: false, keptUntil: due }, note: null };
}

function resolveRule(rule: Rule, values: Record<string, unknown>, category: DataCategoryKey, inputs: RetentionInputs): Resolved {
  const basis = CATEGORIES[category].legalBasis;
  switch (rule.kind) {
    case 'kept':
      return { retention: { erasableNow: false, keptUntil: null }, note: null, rule: rule.reason, legalBasis: basis };
    case 'fixed':
      return { retention: { erasableNow: false, keptUntil: null }, note: null, rule: `Direct na ${EVENTS[rule.event]}`, legalBasis: rule.reason };
    case 'with':
      return { retention: { erasableNow: false, keptUntil: null }, note: null, rule: `Samen met ${DATA_MAP[rule.table as keyof typeof DATA_MAP]?.label ?? rule.table}`, legalBasis: basis };
    case 'policy': {
      const policy = inputs.policies(rule.policy);
      const text = { rule: capitalise(policyText(policy)), legalBasis: policy.legalBasis };
      if (rule.policy === 'contract' || rule.policy === 'meldcode') {
        // Without any contract there is no fiscal duty: only a meldcode file can still keep the data.
        const state = rule.policy === 'meldcode' || !inputs.household.anyContract ? combined(inputs.meldcode) : inputs.householdState;
        const engine = fromEngine(state);
        // The engine's reason may name a meldcode file; without the officer's decision it must not show.
        const note = inputs.hideMeldcode && engine.note ? 'de einddatum staat nog niet vast' : engine.note;
        return { ...engine, note, ...text };
      }
      const event = POLICY_EVENT[rule.policy];
      let resolved: { retention: Retention; note: string | null };
      if (event === 'household_contract_end' || event === 'child_contract_end' || event === 'contract_end') {
        const facts = event === 'household_contract_end' ? inputs.household : (inputs.child ?? inputs.household);
        if (!facts.anyContract) resolved = { retention: { erasableNow: true, keptUntil: null }, note: null };
        else resolved = fromDate(facts.lastEnd ? destructionDate(policy, facts.lastEnd) : null, inputs.today, 'tot het einde van het lopende contract');
      } else {
        const at = eventDate(event, values);
        resolved = fromDate(at ? destructionDate(policy, at) : null, inputs.today, null);
      }
      // A blokkade on the household keeps everything of it.
      if (inputs.householdState?.status === 'held' && resolved.retention.erasableNow) resolved = { retention: { erasableNow: false, keptUntil: null }, note: `blokkade: ${inputs.householdState.hold.reason}` };
      return { ...resolved, ...text };
    }
  }
}

/** The rules that end a group on this row: its own, else the row's (own clocks before `with`). */
function rulesOf(entry: PersonalTable, group: ColumnGroup, values: Record<string, unknown>): readonly Rule[] {
  const rules = applicableRules(entry, group).filter((r) => !r.when || values[r.when.column] === r.when.equals);
  const own = rules.filter((r) => r.kind !== 'with');
  return own.length > 0 ? own : rules;
}

/** One category from all its rows: kept while any part is kept, until the latest date. */
function combine(parts: Resolved[]): Resolved {
  const kept = parts.filter((p) => !p.retention.erasableNow);
  const first = kept[0] ?? parts[0]!;
  if (kept.length === 0) return first;
  const undated = kept.find((p) => p.retention.keptUntil === null);
  const latest = [...kept].sort((a, b) => (b.retention.keptUntil ?? '').localeCompare(a.retention.keptUntil ?? ''))[0]!;
  const chosen = undated ?? latest;
  return { ...chosen, note: chosen.note ?? kept.find((p) => p.note)?.note ?? null };
}

// ---- The dossier -----------------------------------------------------------------------------

async function policiesInForce(db: DbOrTrx): Promise<(key: string) => PolicyLike> {
  const loaded = await loadPolicies(db);
  return (key) => {
    const found = loaded.get(key as never) ?? DATA_MAP_DEFAULT_POLICIES.find((p) => p.key === key);
    if (!found) throw new Error(`no retention policy '${key}'`);
    return found;
  };
}

interface Person {
  type: SubjectType;
  subject: SubjectKey;
  id: string;
  name: string;
  householdId: string;
}

async function dossierOf(db: DbOrTrx, person: Person, today: string, disclose: MeldcodeDisclosure): Promise<PersonDossier> {
  const rows = (await subjectRows(db, person.subject, person.id))
    .map((r) => (disclose === 'omit' ? { ...r, groups: r.groups.filter((g) => !aboutMeldcode(r.table, g)) } : r))
    .filter((r) => r.groups.length > 0);
  const caseIds = rows.filter((r) => r.table === 'meldcode_cases').map((r) => r.key);
  const childEnds = rows.filter((r) => r.table === 'contracts').map((r) => (r.values.end_date as string | null) ?? null);
  const evaluated = await evaluate(db, today, [
    { category: 'household', ids: [person.householdId] },
    { category: 'meldcode', ids: caseIds },
  ]);
  const inputs: RetentionInputs = {
    today,
    policies: await policiesInForce(db),
    household: contractFacts((await contractEndsOfHousehold(db, person.householdId)).map((c) => c.end_date)),
    child: person.type === 'child' ? contractFacts(childEnds) : null,
    householdState: evaluated.find((e) => e.category === 'household')?.state,
    meldcode: evaluated.filter((e) => e.category === 'meldcode').map((e) => e.state),
    hideMeldcode: disclose === 'omit' && (await hasMeldcodeCase(db, person.type === 'child' ? { childId: person.id } : { householdId: person.householdId })),
  };

  const found = new Map<DataCategoryKey, { items: DataItem[]; parts: Resolved[] }>();
  const add = (key: DataCategoryKey, items: DataItem[], part: Resolved[]) => {
    const block = found.get(key) ?? { items: [], parts: [] };
    block.items.push(...items);
    block.parts.push(...part);
    found.set(key, block);
  };
  const optedOut = rows.some((r) => r.groups.some((g) => g.category === 'marketing_objection'));
  for (const row of rows) {
    const entry = DATA_MAP[row.table] as PersonalTable;
    for (const group of row.groups) {
      const parts = rulesOf(entry, group, row.values).map((rule) => resolveRule(rule, row.values, group.category, inputs));
      add(group.category, present(row, group), parts);
      // Another use of the same columns (the e-mail address for marketing): ends by objection (art. 21).
      for (const use of group.uses ?? []) {
        const email = row.values.email;
        const items = use === 'parent_marketing' && typeof email === 'string' && email && !optedOut ? [{ label: 'E-mailadres (alleen gepseudonimiseerd gedeeld)', value: email }] : [];
        add(use, items, [{ retention: { erasableNow: true, keptUntil: null }, note: null, rule: 'Tot intrekking, bezwaar of een verzoek om verwijdering', legalBasis: CATEGORIES[use].legalBasis }]);
      }
    }
  }
  const order = Object.keys(CATEGORIES) as DataCategoryKey[];
  const categories = [...found.entries()]
    .sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]))
    .map(([key, { items, parts }]) => {
      const r = combine(parts);
      return { key, items, retention: r.retention, note: r.note, rule: r.rule, legalBasis: r.legalBasis };
    });
  return { ...person, categories, rows, recipients: await disclosureRegister(db, { subjectType: person.type, subjectId: person.id }) };
}

export async function parentDossier(db: DbOrTrx, parentId: string, today: string, disclose: MeldcodeDisclosure): Promise<PersonDossier> {
  const parent = await findParent(db, parentId);
  if (!parent) throw new AppError('NOT_FOUND', msg('requests.parentNotFound'));
  const name = displayName({ firstName: parent.first_name, surnamePrefix: parent.surname_prefix, surname: parent.surname });
  const subject: SubjectKey = parent.is_contract_parent ? 'parent' : 'other_parent';
  return dossierOf(db, { type: 'parent', subject, id: parent.id, name, householdId: parent.household_id }, today, disclose);
}

export async function childDossier(db: DbOrTrx, childId: string, today: string, disclose: MeldcodeDisclosure): Promise<PersonDossier> {
  const child = await findChild(db, childId);
  if (!child) throw new AppError('NOT_FOUND', msg('requests.childNotFound'));
  const name = displayName({ firstName: child.first_name, surnamePrefix: child.surname_prefix, surname: child.surname });
  return dossierOf(db, { type: 'child', subject: 'child', id: child.id, name, householdId: child.household_id }, today, disclose);
}

/**
 * The dossiers an answer covers: the person, and — when a contract parent asks about themself —
 * also their children, whose rights the contract parent exercises. Never anyone else.
 */
export async function dossiersFor(db: DbOrTrx, subject: { subject_type: SubjectType; subject_id: string }, today: string, disclose: MeldcodeDisclosure): Promise<PersonDossier[]> {
  if (subject.subject_type === 'child') return [await childDossier(db, subject.subject_id, today, disclose)];
  const parent = await parentDossier(db, subject.subject_id, today, disclose);
  if (parent.subject !== 'parent') return [parent];
  const children = await childrenOfHousehold(db, parent.householdId);
  return [parent, ...(await Promise.all(children.map((c) => childDossier(db, c.id, today, disclose))))];
}

/**
 * What a document may say about meldcode files: nothing unless the aandachtsfunctionaris decided
 * for this request. When the people in scope have a case file and nobody decided yet, the
 * document waits for that decision.
 */
export async function meldcodeDisclosureFor(
  db: DbOrTrx,
  row: Pick<SubjectRequestRow, 'subject_type' | 'subject_id' | 'household_id' | 'meldcode_decision'>,
): Promise<MeldcodeDisclosure> {
  if (!(await hasMeldcodeCase(db, row.subject_type === 'child' ? { childId: row.subject_id } : { householdId: row.household_id }))) return 'omit';
  if (!row.meldcode_decision) throw new AppError('CONFLICT', msg('requests.meldcodeDecisionFirst'));
  return row.meldcode_decision === 'include' ? 'include' : 'omit';
}
