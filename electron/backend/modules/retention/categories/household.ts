import { destructionDate, type RetentionPolicy, type RunningCause } from '../../../../../shared/domain/retention';
import { displayName } from '../../../../../shared/domain/names';
import type { DbOrTrx, Trx } from '../../../db/schema';
import {
  caseClosuresByHousehold,
  caseIdsOfChildren,
  childrenEndedBy,
  contractCounts,
  contractSpans,
  countStatistic,
  eraseRows,
  householdsOfChildren,
  idsWhere,
  isErasable,
  optOutsNoLongerNeeded,
  parentsOf,
  parentsOfHouseholds,
  type HouseholdParent,
} from '../retention.repository';
import { inEraseOrder, rowsLeadingToPeople, withDependents, type EraseSet } from '../../requests/subjectRows';
import { destroyMeldcodeCases } from './meldcode';
import { directHolds, type Candidate, type EndedSpans, type Memo, type RetentionCategory } from './category';
import { columnRules } from './fromMap';

/**
 * A household (gezin) with its parents and children: contract and financial data are kept for the
 * contract policy's period after the last contract of any of its children ended, then everything about them goes —
 * contracts, BSN-controles, medical data, consents, pickup lists, identification log, tasks,
 * waiting-list entries, disclosure subjects, restrictions, marketing opt-outs, AVG-verzoeken with
 * their rectification history, and the children's (due) meldcode files.
 */
export const householdCategory: RetentionCategory = {
  key: 'household',
  policies: ['contract'],
  label: 'Gezin',

  async candidates(db, policies, ids, _holds, memo, dueBy) {
    const policy = policies.get('contract')!;
    // For the preview only households whose every contract ended by the window's end can be listed.
    const rows = ids ? await contractSpans(db, ids) : dueBy ? [...(await endedSpans(db, memo, dueBy)).households.values()] : [...(await allHouseholdSpans(db, memo)).values()];
    const cases = await meldcodeCasesByHousehold(db, policies.get('meldcode')!, ids);
    // In the window the labels come with the parents' one read (shared with the parts).
    const named = !ids && dueBy ? labelParents(await endedParents(db, memo, dueBy)) : undefined;
    return rows.map((r): Candidate => {
      const parent = named?.get(r.id);
      const files = cases.get(r.id);
      // The children's closed case files must go first: the household waits for the last one.
      const statutory = files && !files.open ? [{ kind: 'statutory' as const, until: files.lastDue, reason: 'meldcodedossier over een kind van dit gezin (Wet verplichte meldcode)', aboutMeldcode: true as const }] : [];
      const running: [string, RunningCause] | null = files?.open
        ? ['Er loopt een meldcodedossier over een kind van dit gezin.', 'meldcode']
        : Number(r.contracts) === 0
          ? ['Er is nog geen contract vastgelegd; de termijn begint bij het einde van het laatste contract.', 'no_contract']
          : Number(r.open) > 0 || !r.lastEnd
            ? ['Er loopt nog een contract zonder einddatum.', 'contract_running']
            : null;
      // One object per household (a preview over a large location makes tens of thousands).
      const c: Candidate = running
        ? { id: r.id, policy: 'contract', statutory, anchorDate: null, ruleDate: null, runningReason: running[0], runningCause: running[1] }
        : { id: r.id, policy: 'contract', statutory, anchorDate: r.lastEnd, ruleDate: destructionDate(policy, r.lastEnd!) };
      if (parent) c.label = householdLabel(parent);
      return c;
    });
  },

  async heldBy(db, holds) {
    const held = directHolds(holds, 'household');
    const childHolds = directHolds(holds, 'child');
    if (childHolds.size) {
      for (const c of await householdsOfChildren(db, [...childHolds.keys()])) if (!held.has(c.household_id)) held.set(c.household_id, childHolds.get(c.id)!);
    }
    return held;
  },

  async labels(db, ids) {
    return new Map([...labelParents(await parentsOfHouseholds(db, ids))].map(([id, p]) => [id, householdLabel(p)]));
  },

  /**
   * The rows to erase come from the data map: the household, its parents and children, every row
   * whose path leads to one of them (parent, other_parent, child), and what goes `with` those
   * rows, erased dependents first. Beyond rows: the anonymous statistics, the children's meldcode
   * files (first: destroyCase keeps the append-only entries' rules), and the marketing opt-outs.
   */
  async destroy(trx, ids, now) {
    const childIds = await idsWhere(trx, 'children', 'household_id', ids);
    const parents = await parentsOf(trx, ids);
    const parentIds = parents.map((p) => p.id);
    await keepStatistics(trx, childIds);
    await destroyMeldcodeCases(trx, await caseIdsOfChildren(trx, childIds), now);

    const people = [
      { subject: 'parent', ids: parentIds },
      { subject: 'other_parent', ids: parentIds },
      { subject: 'child', ids: childIds },
    ] as const;
    const start: EraseSet[] = [{ table: 'households', keys: [...ids] }, { table: 'parents', keys: parentIds }, { table: 'children', keys: childIds }, ...(await rowsLeadingToPeople(trx, people, NOT_BY_PATH))];
    for (const { table, keys } of inEraseOrder(await withDependents(trx, start, NOT_BY_PATH), 'dependents-first')) {
      if (!isErasable(table)) throw new Error(`data map: the engine cannot delete rows of ${table}`);
      await eraseRows(trx, table, keys, now);
    }
    // An opt-out holds an address, not a link to a person: the map's path (email → parents.email) reaches only
    // contract parents, and another household's parent may have the same address. The objection is kept while
    // any parent still has the address, so it is checked once the parents are gone.
    await eraseRows(trx, 'marketing_opt_outs', await optOutsNoLongerNeeded(trx, parents.flatMap((p) => (p.email ? [p.email] : []))), now);
  },
};

/** Marketing opt-outs are handled by address (see destroy), not by the map's path. */
const NOT_BY_PATH = new Set<string>(['marketing_opt_outs']);

/** Per household: whether a case file about one of its children is open, and when the last closed one goes. */
async function meldcodeCasesByHousehold(db: DbOrTrx, policy: RetentionPolicy<string>, ids?: readonly string[]) {
  const byHousehold = new Map<string, { open: boolean; lastDue: string }>();
  for (const c of await caseClosuresByHousehold(db, ids)) {
    const entry = byHousehold.get(c.household_id) ?? { open: false, lastDue: '' };
    if (!c.closed_on) entry.open = true;
    else entry.lastDue = [entry.lastDue, destructionDate(policy, c.closed_on)].sort().at(-1)!;
    byHousehold.set(c.household_id, entry);
  }
  return byHousehold;
}

/** Anonymous management figures: contracts per care type and start year (the engine counts the households destroyed). */
async function keepStatistics(trx: Trx, childIds: readonly string[]) {
  for (const c of await contractCounts(trx, childIds)) await countStatistic(trx, `contracts.${c.care_type}`, c.year, Number(c.n));
}

/**
 * The children and households whose contracts all ended by `endedBy`, read once per evaluation
 * from the contracts' end dates (the household and its parts share it). A household whose
 * children all ended has the span of its children; one with a child not in the list (running,
 * or without a contract) is read again as a whole, so it counts exactly as contractSpans does.
 */
export const endedSpans = (db: DbOrTrx, memo: Memo, endedBy: string) =>
  memo(`endedSpans:${endedBy}`, async (): Promise<EndedSpans> => {
    const spans: EndedSpans = { children: new Map(), households: new Map(), childIds: [] };
    const ended = new Map<string, { id: string; lastEnd: string; contracts: number; open: 0; children: number; siblings: number }>();
    for (const r of await childrenEndedBy(db, endedBy)) {
      const contracts = Number(r.contracts);
      // The window's row is the child's span (it has every field), as the household's entry below is the household's.
      spans.children.set(r.id, r);
      const h = ended.get(r.household_id);
      if (!h) ended.set(r.household_id, { id: r.household_id, lastEnd: r.lastEnd, contracts, open: 0, children: 1, siblings: Number(r.siblings) });
      else {
        h.contracts += contracts;
        h.children += 1;
        if (r.lastEnd > h.lastEnd) h.lastEnd = r.lastEnd;
      }
    }
    spans.childIds = [...spans.children.keys()];
    const mixed: string[] = [];
    for (const h of ended.values()) {
      if (h.children === h.siblings) spans.households.set(h.id, h);
      else mixed.push(h.id);
    }
    for (const s of await contractSpans(db, mixed)) {
      if (Number(s.open) === 0 && s.lastEnd && s.lastEnd <= endedBy) spans.households.set(s.id, { id: s.id, lastEnd: s.lastEnd, contracts: Number(s.contracts), open: 0 });
    }
    return spans;
  });

/** Every household's contract span, read once per evaluation (the household and its parts share it). */
export const allHouseholdSpans = (db: DbOrTrx, memo: Memo) => memo('householdSpans', async () => new Map((await contractSpans(db)).map((s) => [s.id, s])));

const nameOf = (p: HouseholdParent) => displayName({ firstName: p.first_name, surnamePrefix: p.surname_prefix, surname: p.surname });
const householdLabel = (p: HouseholdParent) => `Gezin ${nameOf(p)}`;

/** The parent who names a household: a contract parent, or another parent where it has none (the lowest id of them, so every read picks the same). */
export function labelParents(parents: readonly HouseholdParent[]): Map<string, HouseholdParent> {
  const out = new Map<string, HouseholdParent>();
  for (const p of parents) {
    const have = out.get(p.household_id);
    if (!have || p.is_contract_parent > have.is_contract_parent || (p.is_contract_parent === have.is_contract_parent && p.id < have.id)) out.set(p.household_id, p);
  }
  return out;
}

/** The parents' column groups under parent_contact (data map): the parents' read says per group whether one of its columns is still filled in. */
export const contactGroups = () => columnRules('parent_contact').filter((g) => g.table === 'parents');

/**
 * Every parent of the households whose contracts all ended by `endedBy`, read once per
 * evaluation from one covering index: the household's label, the contact details still to be
 * cleared (flags in the order of contactGroups) and the other parents come from this one read.
 */
export const endedParents = (db: DbOrTrx, memo: Memo, endedBy: string) =>
  memo(`endedParents:${endedBy}`, async () =>
    parentsOfHouseholds(
      db,
      [...(await endedSpans(db, memo, endedBy)).households.keys()],
      contactGroups().map((g) => g.columns),
    ),
  );
