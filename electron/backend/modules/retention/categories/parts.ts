import type { DestructionCategory } from '../../../../../shared/api/retention.schemas';
import { NEW_POLICY_DEFAULTS, type DataMapPolicyKey, type NewPolicyKey } from '../../../../../shared/dataMap/policies';
import { nlDate } from '../../../../../shared/domain/dates';
import { displayName } from '../../../../../shared/domain/names';
import { destructionDate, type RunningCause } from '../../../../../shared/domain/retention';
import type { DbOrTrx, LegalHoldRow, Trx } from '../../../db/schema';
import type { Policies } from '../policies';
import {
  childNames,
  childSpans,
  clearColumns,
  closedWaitlistEntries,
  contractSpans,
  correctionsOfFields,
  disclosureHouseholds,
  disclosureRows,
  distinctValues,
  eraseRows,
  exchangeConsentRows,
  finishedRuns,
  householdsOfChildren,
  householdsWithFilled,
  householdsWithOpenCase,
  isFilled,
  optOutsNoLongerNeeded,
  parentsById,
  parentsOfHouseholds,
  parentsWhere,
  requestRows,
  rowIds,
  runlessLogEntries,
  type ErasableTable,
  type HouseholdParent,
} from '../retention.repository';
import type { Candidate, Memo, RetentionCategory } from './category';
import { allHouseholdSpans, contactGroups, endedParents, endedSpans, labelParents } from './household';
import { childColumn, columnRules, dependents, onlyRowRule, rowRules } from './fromMap';

/**
 * The parts of a record that end before the record does (issue 14 §4), each under its own policy
 * and built from the data map: the tables and columns a policy covers and how they end come from
 * its rules (fromMap.ts); what is written here is only when each rule's event happened.
 *
 * Running contracts, open meldcode files about a child of the household and legal holds (on the
 * child or the household) block every part of a household's data, as they block the household.
 */

const categoryOf = (key: NewPolicyKey) => NEW_POLICY_DEFAULTS.find((p) => p.key === key)!.category;
const nameOf = (r: { first_name: string; surname_prefix: string | null; surname: string }) => displayName({ firstName: r.first_name, surnamePrefix: r.surname_prefix, surname: r.surname });
const day = (instant: string) => instant.slice(0, 10);

const CONTRACT_PARENT = { column: 'is_contract_parent', equals: 1 } as const;
const contactLabel = (p: HouseholdParent) => `E-mailadres en telefoonnummer van ${nameOf(p)}`;
const otherParentLabel = (p: { first_name: string; surname_prefix: string | null; surname: string }) => `Andere ouder ${nameOf(p)}`;

/** Whether a parent from the window's read matches a data-map condition (on a column that read selects). */
function matches(p: HouseholdParent, when: { column: string; equals: string | number }): boolean {
  if (!Object.hasOwn(p, when.column) || when.column.startsWith('filled_')) throw new Error(`data map: the preview cannot tell parents apart by ${when.column}`);
  return (p as unknown as Record<string, unknown>)[when.column] === when.equals;
}

/** Erases rows and, first, every row that goes with them (the map's `with` rules), in the caller's transaction. */
async function eraseWithDependents(trx: Trx, table: ErasableTable, ids: readonly string[], now: Date, path: readonly string[] = []): Promise<void> {
  if (ids.length === 0) return;
  if (path.includes(table)) throw new Error(`data map: 'with' rules loop through ${table}`);
  for (const dep of dependents(table)) await eraseWithDependents(trx, dep.table, await rowIds(trx, dep.table, dep.via, ids, dep.when), now, [...path, table]);
  await eraseRows(trx, table, ids, now);
}

/**
 * A register whose rows live in several tables under one policy: `root` holds the event, the
 * others must go `with` it (directly or through each other), or the map promises more than the
 * engine does.
 */
function rootOf(policy: DataMapPolicyKey, root: ErasableTable): ErasableTable {
  const reached = new Set<string>([root]);
  const queue: string[] = [root];
  for (let t = queue.shift(); t !== undefined; t = queue.shift()) {
    for (const d of dependents(t)) {
      if (reached.has(d.table)) continue;
      reached.add(d.table);
      queue.push(d.table);
    }
  }
  for (const r of rowRules(policy)) {
    if (r.deletion !== 'delete_row') throw new Error(`data map: ${policy} rows of ${r.table} must be deleted`);
    if (!reached.has(r.table)) throw new Error(`data map: ${r.table} is under ${policy} but does not go with ${root}`);
  }
  return root;
}

// ---- The clock of a household's data: its contracts, open case files, holds --------------------

interface Clock {
  anchorDate: string | null;
  runningReason?: string;
  runningCause?: RunningCause;
}

function clockOf(span: { lastEnd: string | null; contracts: number | string; open: number | string | null }, openCase: boolean, scope: 'het gezin' | 'het kind'): Clock {
  if (openCase) return { anchorDate: null, runningReason: 'Er loopt een meldcodedossier over een kind van dit gezin.', runningCause: 'meldcode' };
  if (Number(span.contracts) === 0) return { anchorDate: null, runningReason: `Er is voor ${scope} nog geen contract vastgelegd; de termijn begint bij het einde van het laatste contract.`, runningCause: 'no_contract' };
  if (Number(span.open) > 0 || !span.lastEnd) return { anchorDate: null, runningReason: `Er loopt nog een contract van ${scope} zonder einddatum.`, runningCause: 'contract_running' };
  return { anchorDate: span.lastEnd };
}

/** Active holds per household: on the household itself, or on one of its children. */
async function householdHolds(db: DbOrTrx, holds: readonly LegalHoldRow[]): Promise<Map<string, LegalHoldRow>> {
  const byHousehold = new Map(holds.filter((h) => h.subject_type === 'household').map((h) => [h.subject_id, h]));
  const childHolds = holds.filter((h) => h.subject_type === 'child');
  if (childHolds.length) {
    const households = await householdsOfChildren(
      db,
      childHolds.map((h) => h.subject_id),
    );
    for (const c of households) if (!byHousehold.has(c.household_id)) byHousehold.set(c.household_id, childHolds.find((h) => h.subject_id === c.id)!);
  }
  return byHousehold;
}

const noHolds = async () => new Map<string, LegalHoldRow>();

// Shared within one evaluation: a full evaluation (preview, automatic run) reads each once; a narrow one (ids) reads only those.
const openCasesOf = (db: DbOrTrx, memo: Memo) => memo('openCases', () => householdsWithOpenCase(db));
const heldHouseholds = (db: DbOrTrx, memo: Memo, holds: readonly LegalHoldRow[]) => memo('householdHolds', () => householdHolds(db, holds));
async function spansOf(db: DbOrTrx, memo: Memo, childIds: readonly string[], narrow: boolean) {
  if (narrow) return childSpans(db, childIds);
  const all = await memo('childSpans', async () => new Map((await childSpans(db)).map((s) => [s.id, s])));
  return childIds.flatMap((id) => all.get(id) ?? []);
}
async function householdSpansOf(db: DbOrTrx, memo: Memo, householdIds: readonly string[], narrow: boolean) {
  if (narrow) return contractSpans(db, householdIds);
  const all = await allHouseholdSpans(db, memo);
  return householdIds.flatMap((id) => all.get(id) ?? []);
}

function candidate(id: string, policy: DataMapPolicyKey, policies: Policies, clock: Clock, extra: Partial<Candidate> = {}): Candidate {
  const ruleDate = clock.anchorDate ? destructionDate(policies.get(policy)!, clock.anchorDate) : null;
  return { id, policy, anchorDate: clock.anchorDate, ruleDate, ...(clock.runningReason ? { runningReason: clock.runningReason } : {}), ...(clock.runningCause ? { runningCause: clock.runningCause } : {}), statutory: [], ...extra };
}

const withHold = (hold: LegalHoldRow | undefined): Partial<Candidate> => (hold ? { hold } : {});

// ---- A child's data with a rule from the end of the child's last contract ---------------------

/**
 * Medical data, pickup persons, pickup bans, identification log, photo consents: every table the
 * map puts under the policy, as one item per child (the child's data of that kind go together).
 */
function childPart(key: DestructionCategory, policy: 'medical' | 'pickup_persons' | 'pickup_bans' | 'identification' | 'photo_consent', label: string): RetentionCategory {
  const tables = () =>
    rowRules(policy).map((r) => {
      if (r.deletion !== 'delete_row') throw new Error(`data map: ${policy} rows of ${r.table} must be deleted`);
      return { ...r, childColumn: childColumn(r.table) };
    });
  const childrenWithData = async (db: DbOrTrx, ids?: readonly string[]) => [...new Set((await Promise.all(tables().map((t) => distinctValues(db, t.table, t.childColumn, t.when, ids)))).flat())];
  const labelOf = (child: { first_name: string; surname_prefix: string | null; surname: string }) => `${label} van ${nameOf(child)}`;
  return {
    key,
    label: categoryOf(policy),
    policies: [policy],
    async candidates(db, policies, ids, holds, memo, dueBy) {
      // For the preview only children whose contracts all ended by the window's end can be listed.
      const inWindow = !ids && dueBy ? await endedSpans(db, memo, dueBy) : undefined;
      const ended = inWindow?.children;
      // The window's one list of children (its JSON is built once for every part table).
      const childIds = await childrenWithData(db, ids ?? inWindow?.childIds);
      if (childIds.length === 0) return [];
      const [openCases, held] = [await openCasesOf(db, memo), await heldHouseholds(db, memo, holds)];
      const childHolds = new Map(holds.filter((h) => h.subject_type === 'child').map((h) => [h.subject_id, h]));
      const extra = (s: { id: string; household_id: string }) => ({ household: s.household_id, ...withHold(childHolds.get(s.id) ?? held.get(s.household_id)) });
      // In the window the child's name came with it (the window's covering index): no second read for the label.
      if (ended) return childIds.map((id) => ended.get(id)!).map((s) => candidate(s.id, policy, policies, clockOf(s, openCases.has(s.household_id), 'het kind'), { ...extra(s), label: labelOf(s) }));
      const spans = await spansOf(db, memo, childIds, ids !== undefined);
      return spans.map((s) => candidate(s.id, policy, policies, clockOf(s, openCases.has(s.household_id), 'het kind'), extra(s)));
    },
    heldBy: noHolds,
    async labels(db, ids) {
      return new Map((await childNames(db, ids)).map((s) => [s.id, labelOf(s)]));
    },
    async destroy(trx, ids, now) {
      for (const t of tables()) await eraseWithDependents(trx, t.table, await rowIds(trx, t.table, t.childColumn, ids, t.when), now);
    },
  };
}

// ---- Parents: e-mail and phone cleared, the other parent's row deleted -------------------------

/** E-mail and phone of the contract parent(s), cleared 3 months after the household's last contract; name, address and BSN stay. */
const parentContact: RetentionCategory = {
  key: 'parent_contact',
  policies: ['parent_contact'],
  label: categoryOf('parent_contact'),
  async candidates(db, policies, ids, holds, memo, dueBy) {
    const groups = contactGroups();
    // For the preview only households whose contracts all ended by the window's end can be listed.
    const ended = !ids && dueBy ? (await endedSpans(db, memo, dueBy)).households : undefined;
    const [openCases, held] = [await openCasesOf(db, memo), await heldHouseholds(db, memo, holds)];
    const make = (s: { id: string; lastEnd: string | null; contracts: number | string; open: number | string | null }, label?: string) =>
      candidate(s.id, 'parent_contact', policies, clockOf(s, openCases.has(s.id), 'het gezin'), { household: s.id, ...withHold(held.get(s.id)), ...(label ? { label } : {}) });
    if (ended) {
      // The window's one read of the parents (shared with the household's label and the other parents) says what is still filled in.
      const parents = await endedParents(db, memo, dueBy!);
      const households = new Set(parents.filter((p) => groups.some((g, i) => isFilled(p, i) && matches(p, g.when ?? CONTRACT_PARENT))).map((p) => p.household_id));
      const named = labelParents(parents);
      return [...households].map((id) => make(ended.get(id)!, contactLabel(named.get(id)!)));
    }
    const households = new Set<string>();
    for (const g of groups) for (const h of await householdsWithFilled(db, g.when ?? CONTRACT_PARENT, g.columns, ids)) households.add(h);
    if (households.size === 0) return [];
    return (await householdSpansOf(db, memo, [...households], ids !== undefined)).map((s) => make(s));
  },
  heldBy: noHolds,
  async labels(db, ids) {
    return new Map([...labelParents(await parentsOfHouseholds(db, ids))].map(([id, p]) => [id, contactLabel(p)]));
  },
  async destroy(trx, ids, now) {
    for (const rule of columnRules('parent_contact')) {
      if (rule.deletion !== 'clear_columns' || rule.table !== 'parents') throw new Error('data map: parent_contact must clear columns of parents');
      const parentIds = (await parentsWhere(trx, rule.when ?? CONTRACT_PARENT, ids)).map((p) => p.id);
      const addresses = rule.columns.includes('email') ? (await parentsWhere(trx, rule.when ?? CONTRACT_PARENT, ids)).flatMap((p) => (p.email ? [p.email] : [])) : [];
      await clearColumns(trx, rule.table, parentIds, rule.columns, now);
      // An objection to marketing (bezwaar) is kept while we hold the address; once no parent has it any more, it goes too.
      await eraseRows(trx, 'marketing_opt_outs', await optOutsNoLongerNeeded(trx, addresses), now);
      // A rectification of these fields holds an old and a new value (map: CORRECTION_NOTE): it goes with them.
      await eraseRows(trx, 'data_corrections', await correctionsOfFields(trx, 'parent', parentIds, rule.columns), now);
    }
  },
};

/** The other parent (no contract): 3 months after the household's last contract, the row and what goes with it. */
const otherParent: RetentionCategory = {
  key: 'other_parent',
  policies: ['other_parent'],
  label: categoryOf('other_parent'),
  async candidates(db, policies, ids, holds, memo, dueBy) {
    const rule = onlyRowRule('other_parent');
    // For the preview only households whose contracts all ended by the window's end can be listed.
    const ended = !ids && dueBy ? (await endedSpans(db, memo, dueBy)).households : undefined;
    // In the window: from the parents' one read, with their names (the label).
    const parents: { id: string; household_id: string; label?: string }[] = ended
      ? (await endedParents(db, memo, dueBy!)).filter((p) => !rule.when || matches(p, rule.when)).map((p) => ({ id: p.id, household_id: p.household_id, label: otherParentLabel(p) }))
      : ids
        ? (await parentsById(db, ids)).filter((p) => !rule.when || p[rule.when.column as 'is_contract_parent'] === rule.when.equals)
        : await parentsWhere(db, rule.when!);
    if (parents.length === 0) return [];
    const spans: Map<string, { lastEnd: string | null; contracts: number | string; open: number | string | null }> =
      ended ?? new Map((await householdSpansOf(db, memo, [...new Set(parents.map((p) => p.household_id))], ids !== undefined)).map((s) => [s.id, s]));
    const [openCases, held] = [await openCasesOf(db, memo), await heldHouseholds(db, memo, holds)];
    return parents.map((p) =>
      candidate(p.id, 'other_parent', policies, clockOf(spans.get(p.household_id)!, openCases.has(p.household_id), 'het gezin'), { household: p.household_id, ...withHold(held.get(p.household_id)), ...(p.label ? { label: p.label } : {}) }),
    );
  },
  heldBy: noHolds,
  async labels(db, ids) {
    return new Map((await parentsById(db, ids)).map((p) => [p.id, otherParentLabel(p)]));
  },
  async destroy(trx, ids, now) {
    const rule = onlyRowRule('other_parent');
    const parents = (await parentsById(trx, ids)).filter((p) => !rule.when || p[rule.when.column as 'is_contract_parent'] === rule.when.equals);
    await eraseWithDependents(
      trx,
      rule.table,
      parents.map((p) => p.id),
      now,
    );
  },
};

// ---- Exchange consents: 5 years after the consent ended ----------------------------------------

const exchangeConsent: RetentionCategory = {
  key: 'exchange_consent',
  policies: ['exchange_consent'],
  label: categoryOf('exchange_consent'),
  async candidates(db, policies, ids, holds) {
    const rows = await exchangeConsentRows(db, ids);
    if (rows.length === 0) return [];
    const held = await householdHolds(db, holds);
    const childHolds = new Map(holds.filter((h) => h.subject_type === 'child').map((h) => [h.subject_id, h]));
    return rows.map((r) => {
      const end = r.withdrawn_on ?? r.valid_until;
      const clock: Clock = end ? { anchorDate: end } : { anchorDate: null, runningReason: 'De toestemming geldt nog (zonder einddatum); de termijn begint bij het intrekken.' };
      return candidate(r.id, 'exchange_consent', policies, clock, { household: r.household_id, ...withHold(childHolds.get(r.child_id) ?? held.get(r.household_id)) });
    });
  },
  heldBy: noHolds,
  async labels(db, ids) {
    return new Map((await exchangeConsentRows(db, ids)).map((r) => [r.id, `Toestemming voor uitwisseling met ${r.recipient_name} (${r.first_name})`]));
  },
  async destroy(trx, ids, now) {
    const rule = onlyRowRule('exchange_consent');
    await eraseWithDependents(trx, rule.table, ids, now);
  },
};

// ---- The waiting list: withdrawn or declined (1 year), placed (its own row, at placement) -------

const waitlist: RetentionCategory = {
  key: 'waitlist',
  policies: ['waitlist_withdrawn', 'waitlist_placed'],
  label: 'Wachtlijstaanvragen',
  async candidates(db, policies, ids) {
    const rules = [...rowRules('waitlist_withdrawn').map((r) => ({ ...r, policy: 'waitlist_withdrawn' as const })), ...rowRules('waitlist_placed').map((r) => ({ ...r, policy: 'waitlist_placed' as const }))];
    const policyOf = new Map(rules.map((r) => [String(r.when?.equals), r.policy]));
    const rows = await closedWaitlistEntries(db, [...policyOf.keys()], ids);
    return rows.map((r) => candidate(r.id, policyOf.get(r.status)!, policies, r.closed_at ? { anchorDate: day(r.closed_at) } : { anchorDate: null, runningReason: 'De aanvraag is nog niet afgesloten.' }));
  },
  heldBy: noHolds,
  async labels(db, ids) {
    const statuses = ['ingetrokken', 'afgewezen', 'geplaatst'];
    return new Map((await closedWaitlistEntries(db, statuses, ids)).map((r) => [r.id, `Wachtlijstaanvraag van ${r.parent_name} (${r.status}, aangemeld ${nlDate(day(r.created_at))})`]));
  },
  async destroy(trx, ids, now) {
    const tables = new Set([...rowRules('waitlist_withdrawn'), ...rowRules('waitlist_placed')].map((r) => r.table));
    for (const table of tables) await eraseWithDependents(trx, table, ids, now);
  },
};

// ---- Registers: disclosures (7 years), AVG requests (5 years), the destruction log (5 years) ----

const disclosureRegister: RetentionCategory = {
  key: 'disclosure_register',
  policies: ['disclosure_register'],
  label: categoryOf('disclosure_register'),
  async candidates(db, policies, ids, holds) {
    const rows = await disclosureRows(db, ids);
    if (rows.length === 0) return [];
    // A hold on a child or household named in the disclosure keeps the register entry too.
    const held = await householdHolds(db, holds);
    const childHolds = new Map(holds.filter((h) => h.subject_type === 'child').map((h) => [h.subject_id, h]));
    const holdOf = new Map<string, LegalHoldRow>();
    if (held.size || childHolds.size) {
      for (const s of await disclosureHouseholds(
        db,
        rows.map((r) => r.id),
      )) {
        const hold = (s.child_id ? childHolds.get(s.child_id) : undefined) ?? held.get(s.household_id);
        if (hold && !holdOf.has(s.disclosure_id)) holdOf.set(s.disclosure_id, hold);
      }
    }
    return rows.map((r) => candidate(r.id, 'disclosure_register', policies, { anchorDate: day(r.created_at) }, withHold(holdOf.get(r.id))));
  },
  heldBy: noHolds,
  async labels(db, ids) {
    return new Map((await disclosureRows(db, ids)).map((r) => [r.id, `Verstrekking aan ${r.recipient_name} op ${nlDate(day(r.created_at))}`]));
  },
  async destroy(trx, ids, now) {
    await eraseWithDependents(trx, rootOf('disclosure_register', 'disclosures'), ids, now);
  },
};

const REQUEST_KINDS: Record<string, string> = {
  access: 'inzage',
  rectification: 'rectificatie',
  completion: 'aanvulling',
  restriction: 'beperking',
  erasure: 'verwijdering',
  portability: 'dataportabiliteit',
  objection: 'bezwaar',
};

const requestRegister: RetentionCategory = {
  key: 'request_register',
  policies: ['request_register'],
  label: categoryOf('request_register'),
  async candidates(db, policies, ids, holds) {
    const rows = await requestRows(db, ids);
    if (rows.length === 0) return [];
    const held = await householdHolds(db, holds);
    const childHolds = new Map(holds.filter((h) => h.subject_type === 'child').map((h) => [h.subject_id, h]));
    return rows.map((r) =>
      candidate(r.id, 'request_register', policies, r.closed_on ? { anchorDate: r.closed_on } : { anchorDate: null, runningReason: 'Het verzoek is nog niet afgesloten.' }, {
        // A request of an employee, applicant, … belongs to no household (issue 16).
        ...(r.household_id ? { household: r.household_id } : {}),
        ...withHold((r.subject_type === 'child' ? childHolds.get(r.subject_id) : undefined) ?? (r.household_id ? held.get(r.household_id) : undefined)),
      }),
    );
  },
  heldBy: noHolds,
  async labels(db, ids) {
    return new Map((await requestRows(db, ids)).map((r) => [r.id, `AVG-verzoek (${REQUEST_KINDS[r.kind] ?? r.kind}) ontvangen op ${nlDate(r.received_on)}`]));
  },
  async destroy(trx, ids, now) {
    // The register entry is the root; its rectifications and tasks go with it (their own rows of the same policy).
    await eraseWithDependents(trx, rootOf('request_register', 'subject_requests'), ids, now);
  },
};

/**
 * The destruction log's own rule (5 years after the run): housekeeping at the end of every
 * automatic run, without entries of its own (an entry for removing an old entry would keep the
 * log alive for ever). The runs and, with them, their log entries go; so do entries without a run
 * (an AVG erasure, carried over by a restore: they name who executed it) by their own date.
 */
export async function purgeDestructionLog(trx: Trx, policies: Policies, today: string, now: Date): Promise<number> {
  const root = rootOf('destruction_log', 'destruction_runs');
  const policy = policies.get('destruction_log')!;
  const old = (await finishedRuns(trx)).filter((r) => destructionDate(policy, day(r.started_at)) < today).map((r) => r.id);
  await eraseWithDependents(trx, root, old, now);
  const runless = (await runlessLogEntries(trx)).filter((r) => destructionDate(policy, day(r.executed_at)) < today).map((r) => String(r.id));
  await eraseRows(trx, 'destruction_log', runless, now);
  return old.length + runless.length;
}

/** Policies the engine enforces outside the categories (housekeeping at the end of each automatic run). */
export const HOUSEKEEPING_POLICIES: readonly DataMapPolicyKey[] = ['destruction_log'];

export const PART_CATEGORIES: readonly RetentionCategory[] = [
  childPart('medical', 'medical', 'Medische gegevens'),
  childPart('pickup_persons', 'pickup_persons', 'Ophaalpersonen'),
  childPart('pickup_bans', 'pickup_bans', 'Ophaalverboden'),
  childPart('identification', 'identification', 'Identificaties bij het ophalen'),
  childPart('photo_consent', 'photo_consent', 'Toestemmingen voor beeldmateriaal'),
  exchangeConsent,
  parentContact,
  otherParent,
  waitlist,
  disclosureRegister,
  requestRegister,
];
