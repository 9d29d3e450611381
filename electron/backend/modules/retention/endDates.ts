import { AppError } from '../../../../shared/api/result';
import type { DestructionCategory } from '../../../../shared/api/retention.schemas';
import {
  applicableRules,
  CATEGORIES as DATA_CATEGORIES,
  DATA_MAP,
  EVENTS,
  POLICY_EVENT,
  SUBJECTS,
  type ColumnGroup,
  type Condition,
  type DataCategoryKey,
  type DataMapPolicyKey,
  type PersonalTable,
  type Rule,
  type SubjectDef,
  type SubjectKey,
  type TableEntry,
} from '../../../../shared/dataMap';
import type { RequestSubjectType } from '../../../../shared/domain/requests';
import { periodLabel, type RunningCause } from '../../../../shared/domain/retention';
import { msg } from '../../../../shared/i18n/translate';
import type { DbOrTrx } from '../../db/schema';
import { activeHolds } from '../holds/holds.repository';
import { pickupPersonRows } from '../pickup/pickup.repository';
import { disclosuresAbout, waitlistEntriesOf } from './endDates.repository';
import { evaluate, type Evaluated } from './engine';
import { loadPolicies, type Policies } from './policies';
import { caseIdsOfChildren, childHousehold, childIdsOf, childSpans, contractSpans, householdsWithOpenCase, isErasable, parentsById, rowIds } from './retention.repository';

/**
 * For the letters and the access report (modules/requests, issue 14 §7): per data-map category of
 * one parent's or child's data, the rule in force, its real end date as the engine computes it
 * (holds and running contracts included) and what happens then. Only categories the map links to
 * that kind of person, and for the parts with their own rule only those that hold data. This is
 * the one computation of "until when": the access report, the erasure preview and the decision
 * letters read it, so nothing promises a deletion the engine does not perform.
 */
export interface CategoryEndDate {
  category: DataCategoryKey;
  /** Dutch, as in the register and the letters. */
  label: string;
  policy: DataMapPolicyKey | null;
  /** The date the engine acts (null while the period has not started: a contract runs, a hold without date …). */
  endDate: string | null;
  /** What happens on that date. */
  action: 'vernietigd' | 'gewist' | 'geanonimiseerd' | 'bewaard' | 'samen';
  /**
   * running / pending / due / held as the engine sees it; `kept`: no end by design (reason in
   * `explanation`); `with`: goes with the row it belongs to (date and state of that row's rule);
   * `fixed`: a built-in technical rule (ends at an event within the life of the data);
   * `unstarted`: the clock can never start as things are — no contract was ever recorded, no
   * meldcode file is open, no blokkade — so no bewaarplicht keeps the data.
   */
  status: 'running' | 'pending' | 'due' | 'held' | 'kept' | 'with' | 'fixed' | 'unstarted';
  explanation: string;
  /** May go on request now: the bewaartermijn is over (or never started, see `unstarted`). */
  erasableNow: boolean;
  /** The date a letter states: while kept and the date lies ahead; null otherwise. */
  keptUntil: string | null;
  /** Why there is no date yet, or the blokkade that keeps it, as part of a Dutch sentence. */
  note: string | null;
  /** The bewaartermijn in words ("7 jaar na einde van het laatste contract") and its legal basis. */
  rule: string;
  legalBasis: string;
}

export interface EndDateOptions {
  /**
   * No decision of the aandachtsfunctionaris to disclose meldcode information: meldcode files
   * and what points at them are left out, and no note names a meldcode file. Dates stay the
   * engine's (a household waits for its children's case files).
   */
  hideMeldcode?: boolean;
}

/** What a letter says about a category as a whole. */
export interface CategoryRetention {
  erasableNow: boolean;
  keptUntil: string | null;
  note: string | null;
  rule: string;
  legalBasis: string;
}

const ACTION = { delete_row: 'vernietigd', clear_columns: 'gewist', anonymise: 'geanonimiseerd' } as const;
const PERSONAL = (Object.entries(DATA_MAP) as [string, TableEntry][]).filter((e): e is [string, PersonalTable] => e[1].kind === 'personal');
/** Said instead of an engine reason that would reveal a meldcode file. */
const NEUTRAL = 'de einddatum staat nog niet vast';
const CONTRACT_RUNNING = 'het contract loopt nog';
const NO_CONTRACT = 'er is nog geen contract vastgelegd';

/** Rows of a meldcode file, or pointing at one (a blokkade on a case file). */
export const aboutMeldcode = (table: string, group: ColumnGroup) =>
  table.startsWith('meldcode_') || group.category === 'child_meldcode' || group.category === 'employee_meldcode' || (group.path ?? []).some((s) => s.to.startsWith('meldcode_cases.'));

/** "7 jaar na einde van het laatste contract", "Direct na …". */
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const policyText = (policies: Policies, key: DataMapPolicyKey) => {
  const p = policies.get(key)!;
  return capitalise(p.periodAmount === 0 ? `direct na ${p.anchor}` : `${periodLabel(p.periodAmount, p.periodUnit)} na ${p.anchor}`);
};
/** An engine sentence as part of ours: "Er loopt nog een contract." → "er loopt nog een contract". */
const sentencePart = (text: string) => text.charAt(0).toLowerCase() + text.slice(1).replace(/\.$/, '');

/** The condition a subject's own table puts on its rows (contract parent or not). */
const homeWhere = (subject: SubjectKey): Condition | undefined => (SUBJECTS[subject] as SubjectDef).home?.where;
const compatible = (a?: Condition, b?: Condition) => !a || !b || a.column !== b.column || a.equals === b.equals;

/** Whether a group is about a person of this kind, as subjectRows finds it (its own data, or a person the row names itself). */
function isAbout(entry: PersonalTable, group: ColumnGroup, kind: SubjectKey): boolean {
  if (group.category === 'staff_actor') return false;
  const tablePath = entry.subjects[kind];
  if (group.subject === kind) return Boolean(group.path ?? tablePath);
  return Boolean(tablePath) && !group.path && entry.subjects[group.subject]?.length === 0 && !homeWhere(group.subject);
}

interface Scope {
  kinds: SubjectKey[];
  /** Null for a person without a household (employee, applicant, waiting-list prospect, complainant). */
  householdId: string | null;
  /** Every child of the household (a hold on one keeps the household). */
  householdChildren: string[];
  only: { category: DestructionCategory; ids: readonly string[] }[];
  /** Per table, this person's rows a `with` rule can point at. */
  owners: Record<string, readonly string[]>;
}

/** A person whose own row is one record of the engine: the data-map subject, the engine's category and the row's table. */
const OWN_RECORD = {
  employee: { kind: 'employee', category: 'employee', table: 'employees' },
  applicant: { kind: 'applicant', category: 'applicant', table: 'applicants' },
  waitlist_prospect: { kind: 'waitlist_prospect', category: 'waitlist', table: 'waitlist_entries' },
  complainant: { kind: 'complainant', category: 'complaint', table: 'complaints' },
} as const satisfies Record<Exclude<RequestSubjectType, 'parent' | 'child' | 'pickup_person'>, { kind: SubjectKey; category: DestructionCategory; table: string }>;

/**
 * A pickup person: the rows of the pickup lists and the identification log with their name. Each
 * of those parts is one record of the engine per child (its clock is that child's contract end).
 */
async function pickupScope(db: DbOrTrx, id: string): Promise<Scope> {
  const found = await pickupPersonRows(db, id);
  if (!found) throw new AppError('NOT_FOUND', msg('retention.recordNotFound'));
  const childrenOf = (rows: readonly { child_id: string }[]) => [...new Set(rows.map((r) => r.child_id))];
  const requests = await rowIds(db, 'subject_requests', 'subject_id', [id], { column: 'subject_type', equals: 'pickup_person' });
  return {
    kinds: ['pickup_person'],
    householdId: null,
    householdChildren: childrenOf([...found.persons, ...found.bans, ...found.identifications]),
    only: [
      { category: 'pickup_persons', ids: childrenOf(found.persons) },
      { category: 'pickup_bans', ids: childrenOf(found.bans) },
      { category: 'identification', ids: childrenOf(found.identifications) },
      { category: 'request_register', ids: requests },
    ],
    owners: { pickup_persons: found.persons.map((p) => p.id), subject_requests: requests },
  };
}

/** The engine's records that hold this person's data (the household and every part with its own rule). */
async function scopeOf(db: DbOrTrx, subject: { type: RequestSubjectType; id: string }): Promise<Scope> {
  if (subject.type === 'pickup_person') return pickupScope(db, subject.id);
  if (subject.type !== 'parent' && subject.type !== 'child') {
    const own = OWN_RECORD[subject.type];
    const ids = [subject.id];
    const requests = await rowIds(db, 'subject_requests', 'subject_id', ids, { column: 'subject_type', equals: subject.type });
    return {
      kinds: [own.kind],
      householdId: null,
      householdChildren: [],
      only: [
        { category: own.category, ids },
        { category: 'request_register', ids: requests },
      ],
      owners: { [own.table]: ids, subject_requests: requests },
    };
  }
  if (subject.type === 'child') {
    const child = await childHousehold(db, subject.id);
    if (!child) throw new AppError('NOT_FOUND', msg('retention.childNotFound'));
    const ids = [subject.id];
    const cases = await caseIdsOfChildren(db, ids);
    const requests = await rowIds(db, 'subject_requests', 'subject_id', ids, { column: 'subject_type', equals: 'child' });
    const disclosures = await disclosuresAbout(db, 'child', ids);
    return {
      kinds: ['child'],
      householdId: child.household_id,
      householdChildren: await childIdsOf(db, child.household_id),
      only: [
        { category: 'household', ids: [child.household_id] },
        ...(['medical', 'pickup_persons', 'pickup_bans', 'identification', 'photo_consent'] as const).map((category) => ({ category, ids })),
        { category: 'exchange_consent', ids: await rowIds(db, 'exchange_consents', 'child_id', ids) },
        { category: 'waitlist', ids: await waitlistEntriesOf(db, ids) },
        { category: 'meldcode', ids: cases },
        { category: 'request_register', ids: requests },
        { category: 'disclosure_register', ids: disclosures },
      ],
      owners: { households: [child.household_id], children: ids, meldcode_cases: cases, subject_requests: requests, disclosures },
    };
  }
  const [parent] = await parentsById(db, [subject.id]);
  if (!parent) throw new AppError('NOT_FOUND', msg('retention.recordNotFound'));
  const contractParent = parent.is_contract_parent === 1;
  const children = await childIdsOf(db, parent.household_id);
  const requests = await rowIds(db, 'subject_requests', 'household_id', [parent.household_id]);
  const disclosures = await disclosuresAbout(db, 'parent', [parent.id]);
  // Complaints about the household (issue 16): about its contract parent, kept under their own rule (7 years after handling).
  const complaints = contractParent ? await rowIds(db, 'complaints', 'household_id', [parent.household_id]) : [];
  return {
    kinds: contractParent ? ['parent'] : ['other_parent'],
    householdId: parent.household_id,
    householdChildren: children,
    only: [
      { category: 'household', ids: [parent.household_id] },
      contractParent ? { category: 'parent_contact', ids: [parent.household_id] } : { category: 'other_parent', ids: [parent.id] },
      { category: 'exchange_consent', ids: contractParent ? await rowIds(db, 'exchange_consents', 'child_id', children) : [] },
      { category: 'request_register', ids: requests },
      { category: 'disclosure_register', ids: disclosures },
      { category: 'complaint', ids: complaints },
    ],
    owners: { households: [parent.household_id], parents: [parent.id], subject_requests: requests, disclosures, complaints },
  };
}

type State = { status: 'running'; reason: string; cause?: RunningCause } | { status: 'pending' | 'due'; endDate: string } | { status: 'held'; endDate: string; hold: string } | { status: 'unstarted' };

/**
 * Whether a running record's clock can never start as things are: its event is the end of the
 * last contract, no contract was ever recorded, no meldcode file is open and no blokkade keeps
 * the household. Then no bewaarplicht keeps the data and they may go on request.
 */
interface Facts {
  householdContracts: number;
  childContracts: ReadonlyMap<string, number>;
  openCase: boolean;
  held: boolean;
}

function unstarted(record: Evaluated, facts: Facts): boolean {
  if (record.state.status !== 'running' || facts.openCase || facts.held) return false;
  const event = POLICY_EVENT[record.policy];
  if (event === 'household_contract_end') return facts.householdContracts === 0;
  if (event === 'child_contract_end') return (facts.childContracts.get(record.id) ?? 0) === 0;
  return false;
}

/** The latest date among the records of one policy (a running one wins: the period has not started). */
function combined(records: readonly Evaluated[], facts: Facts): State {
  const running = records.find((r) => r.state.status === 'running' && !unstarted(r, facts));
  if (running?.state.status === 'running') return { status: 'running', reason: running.state.reason, ...(running.state.cause ? { cause: running.state.cause } : {}) };
  const dated = records.filter((r) => r.state.status !== 'running');
  if (dated.length === 0) return { status: 'unstarted' };
  const dueDate = (r: Evaluated) => (r.state as { dueDate: string }).dueDate;
  const endDate = dated.map(dueDate).sort().at(-1)!;
  const held = dated.find((r) => r.state.status === 'held');
  if (held) return { status: 'held', endDate, hold: (held.state as { hold: { reason: string } }).hold.reason };
  return { status: dated.find((r) => dueDate(r) === endDate)!.state.status as 'pending' | 'due', endDate };
}

/**
 * Why there is no date yet, after the rule in a letter ("7 jaar na einde van het laatste contract;
 * het contract loopt nog"): the rule already names the contract, so the note does not repeat it;
 * an open meldcode file is not named without the aandachtsfunctionaris' decision.
 */
function runningNote(state: Extract<State, { status: 'running' }>, hideMeldcode: boolean): string {
  if (state.cause === 'meldcode' && hideMeldcode) return NEUTRAL;
  if (state.cause === 'contract_running') return CONTRACT_RUNNING;
  if (state.cause === 'no_contract') return NO_CONTRACT;
  return sentencePart(state.reason);
}

/** What a letter says about one state. */
function told(state: State, today: string, hideMeldcode: boolean): Pick<CategoryEndDate, 'endDate' | 'erasableNow' | 'keptUntil' | 'note'> {
  switch (state.status) {
    case 'unstarted':
      return { endDate: null, erasableNow: true, keptUntil: null, note: null };
    case 'due':
      return { endDate: state.endDate, erasableNow: true, keptUntil: null, note: null };
    case 'pending':
      return { endDate: state.endDate, erasableNow: false, keptUntil: state.endDate, note: null };
    case 'held':
      return { endDate: state.endDate, erasableNow: false, keptUntil: state.endDate > today ? state.endDate : null, note: `blokkade: ${state.hold}` };
    case 'running':
      return { endDate: null, erasableNow: false, keptUntil: null, note: runningNote(state, hideMeldcode) };
  }
}

export async function categoryEndDates(db: DbOrTrx, today: string, subject: { type: RequestSubjectType; id: string }, options: EndDateOptions = {}): Promise<CategoryEndDate[]> {
  const hide = options.hideMeldcode === true;
  const scope = await scopeOf(db, subject);
  const { kinds } = scope;
  const evaluated = await evaluate(
    db,
    today,
    scope.only.filter((o) => o.ids.length > 0 && !(hide && o.category === 'meldcode')),
  );
  const policies = await loadPolicies(db);
  const [household] = scope.householdId ? await contractSpans(db, [scope.householdId]) : [];
  const holds = await activeHolds(db);
  const facts: Facts = {
    householdContracts: Number(household?.contracts ?? 0),
    childContracts: new Map((await childSpans(db, scope.householdChildren)).map((s) => [s.id, Number(s.contracts)])),
    openCase: scope.householdId !== null && (await householdsWithOpenCase(db)).has(scope.householdId),
    held: holds.some((h) => (h.subject_type === 'household' && h.subject_id === scope.householdId) || (h.subject_type === 'child' && scope.householdChildren.includes(h.subject_id))),
  };
  const byPolicy = new Map<DataMapPolicyKey, Evaluated[]>();
  for (const e of evaluated) byPolicy.set(e.policy, [...(byPolicy.get(e.policy) ?? []), e]);
  const stateOf = (policy: DataMapPolicyKey): State | null => {
    const records = byPolicy.get(policy);
    return records?.length ? combined(records, facts) : null;
  };
  /** The state of the row a `with` rule points at: that table's own policies for this kind of person. */
  const ownerState = (table: string): { policy: DataMapPolicyKey; state: State } | null => {
    const owner = DATA_MAP[table as keyof typeof DATA_MAP];
    if (owner?.kind !== 'personal') return null;
    const where = kinds.map(homeWhere).find(Boolean);
    for (const rule of owner.rules) {
      if (rule.kind !== 'policy' || !compatible(rule.when, where)) continue;
      const state = stateOf(rule.policy);
      if (state) return { policy: rule.policy, state };
    }
    return null;
  };
  /** Whether this person has rows in `table` that go with their rows of the `with` rule's table. */
  const hasRowsWith = async (table: string, rule: Extract<Rule, { kind: 'with' }>) => {
    const ids = scope.owners[rule.table] ?? [];
    return ids.length > 0 && isErasable(table) && (await rowIds(db, table, rule.via, ids, rule.when)).length > 0;
  };

  const out = new Map<string, CategoryEndDate>();
  for (const [table, entry] of PERSONAL) {
    for (const group of entry.groups) {
      if (!kinds.some((k) => isAbout(entry, group, k))) continue;
      if (hide && aboutMeldcode(table, group)) continue;
      // Own clocks before `with`: a child's pickup list has its own rule, even though it also goes with the child.
      const rules = applicableRules(entry, group);
      const own = rules.filter((r) => r.kind !== 'with');
      for (const rule of own.length > 0 ? own : rules) {
        const key = `${group.category}:${rule.kind === 'policy' ? rule.policy : rule.kind === 'with' ? `with:${rule.table}` : rule.kind}`;
        if (out.has(key)) continue;
        const category = DATA_CATEGORIES[group.category];
        const base = { category: group.category, label: category.label };
        if (rule.kind === 'policy') {
          const state = stateOf(rule.policy);
          if (!state) continue; // no data under this rule (or a register entry not about this person)
          const explanation = state.status === 'running' ? (hide && state.cause === 'meldcode' ? capitalise(NEUTRAL) : state.reason) : '';
          out.set(key, { ...base, policy: rule.policy, status: state.status, action: ACTION[rule.deletion], explanation, ...told(state, today, hide), rule: policyText(policies, rule.policy), legalBasis: policies.get(rule.policy)!.legalBasis });
        } else if (rule.kind === 'kept') {
          out.set(key, { ...base, policy: null, endDate: null, status: 'kept', action: 'bewaard', explanation: rule.reason, erasableNow: false, keptUntil: null, note: null, rule: rule.reason, legalBasis: category.legalBasis });
        } else if (rule.kind === 'with') {
          if (!(await hasRowsWith(table, rule))) continue;
          const owner = ownerState(rule.table);
          const label = (DATA_MAP[rule.table as keyof typeof DATA_MAP] as TableEntry | undefined)?.label ?? rule.table;
          const when = owner ? told(owner.state, today, hide) : { endDate: null, erasableNow: false, keptUntil: null, note: null };
          out.set(key, { ...base, policy: owner?.policy ?? null, status: 'with', action: 'samen', explanation: `Samen met ${label}`, ...when, rule: `Samen met ${label}`, legalBasis: category.legalBasis });
        } else {
          if (!scope.owners[table]?.length) continue; // only for rows this person has (an AVG request's description)
          const text = `Direct na ${EVENTS[rule.event]}`;
          out.set(key, { ...base, policy: null, endDate: null, status: 'fixed', action: ACTION[rule.deletion], explanation: rule.reason, erasableNow: false, keptUntil: null, note: null, rule: text, legalBasis: rule.reason });
        }
      }
    }
  }
  return [...out.values()];
}

/**
 * One category as a whole, from its parts: kept while any part is kept, until the latest date; a
 * part without a date (a running contract) keeps it without one. A built-in technical rule
 * (`fixed`: a request's description cleared at closing) ends before the rest and counts only when
 * nothing else covers the category.
 */
export function retentionOfCategory(ends: readonly CategoryEndDate[], category: DataCategoryKey): CategoryRetention | null {
  const all = ends.filter((e) => e.category === category);
  const parts = all.some((e) => e.status !== 'fixed') ? all.filter((e) => e.status !== 'fixed') : all;
  if (parts.length === 0) return null;
  const kept = parts.filter((p) => !p.erasableNow);
  const chosen = kept.find((p) => p.keptUntil === null) ?? [...kept].sort((a, b) => (b.keptUntil ?? '').localeCompare(a.keptUntil ?? ''))[0] ?? parts[0]!;
  const note = chosen.note ?? kept.find((p) => p.note)?.note ?? null;
  return { erasableNow: kept.length === 0, keptUntil: chosen.keptUntil, note, rule: chosen.rule, legalBasis: chosen.legalBasis };
}
