import { AppError } from '../../../../shared/api/result';
import type { DestructionCategory } from '../../../../shared/api/retention.schemas';
import { applicableRules, CATEGORIES as DATA_CATEGORIES, DATA_MAP, type DataCategoryKey, type DataMapPolicyKey, type PersonalTable, type SubjectDef, type SubjectKey, type TableEntry, SUBJECTS } from '../../../../shared/dataMap';
import { msg } from '../../../../shared/i18n/translate';
import type { DbOrTrx } from '../../db/schema';
import { evaluate, type Evaluated } from './engine';
import { caseIdsOfChildren, childHousehold, childIdsOf, parentsById, rowIds } from './retention.repository';

/**
 * For the letters and the access report (modules/requests, issue 14 §7): per data-map category of
 * one parent's or child's data, the rule in force, its real end date as the engine computes it
 * (holds and running contracts included) and what happens then. Only categories the map links to
 * that kind of person, and for the parts with their own rule only those that hold data.
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
  /** running / pending / due / held as the engine sees it; `kept`: no end by design (reason in `explanation`). */
  status: 'running' | 'pending' | 'due' | 'held' | 'kept' | 'with';
  explanation: string;
}

const ACTION = { delete_row: 'vernietigd', clear_columns: 'gewist', anonymise: 'geanonimiseerd' } as const;
const PERSONAL = (Object.entries(DATA_MAP) as [string, TableEntry][]).filter((e): e is [string, PersonalTable] => e[1].kind === 'personal');

/** The engine's records that hold this person's data (the household and every part with its own rule). */
async function recordsOf(db: DbOrTrx, subject: { type: 'parent' | 'child'; id: string }): Promise<{ kinds: SubjectKey[]; only: { category: DestructionCategory; ids: readonly string[] }[] }> {
  if (subject.type === 'child') {
    const child = await childHousehold(db, subject.id);
    if (!child) throw new AppError('NOT_FOUND', msg('retention.childNotFound'));
    const ids = [subject.id];
    return {
      kinds: ['child'],
      only: [
        { category: 'household', ids: [child.household_id] },
        ...(['medical', 'pickup_persons', 'pickup_bans', 'identification', 'photo_consent'] as const).map((category) => ({ category, ids })),
        { category: 'exchange_consent', ids: await rowIds(db, 'exchange_consents', 'child_id', ids) },
        { category: 'meldcode', ids: await caseIdsOfChildren(db, ids) },
        { category: 'request_register', ids: await rowIds(db, 'subject_requests', 'subject_id', ids, { column: 'subject_type', equals: 'child' }) },
      ],
    };
  }
  const [parent] = await parentsById(db, [subject.id]);
  if (!parent) throw new AppError('NOT_FOUND', msg('retention.recordNotFound'));
  const contractParent = parent.is_contract_parent === 1;
  const children = await childIdsOf(db, parent.household_id);
  return {
    kinds: contractParent ? ['parent'] : ['other_parent'],
    only: [
      { category: 'household', ids: [parent.household_id] },
      contractParent ? { category: 'parent_contact', ids: [parent.household_id] } : { category: 'other_parent', ids: [parent.id] },
      { category: 'exchange_consent', ids: contractParent ? await rowIds(db, 'exchange_consents', 'child_id', children) : [] },
      { category: 'request_register', ids: await rowIds(db, 'subject_requests', 'household_id', [parent.household_id]) },
    ],
  };
}

/** The latest date among the records of one policy (a running one wins: the period has not started). */
function combined(records: readonly Evaluated[]): Pick<CategoryEndDate, 'endDate' | 'status'> & { hold?: string } {
  const running = records.find((r) => r.state.status === 'running');
  if (running) return { endDate: null, status: 'running' };
  const held = records.find((r) => r.state.status === 'held');
  const dates = records.map((r) => (r.state.status === 'running' ? '' : r.state.dueDate)).sort();
  const last = records.find((r) => r.state.status !== 'running' && r.state.dueDate === dates.at(-1))!;
  return { endDate: dates.at(-1) ?? null, status: held ? 'held' : (last.state.status as 'pending' | 'due') };
}

export async function categoryEndDates(db: DbOrTrx, today: string, subject: { type: 'parent' | 'child'; id: string }): Promise<CategoryEndDate[]> {
  const { kinds, only } = await recordsOf(db, subject);
  const evaluated = await evaluate(
    db,
    today,
    only.filter((o) => o.ids.length > 0),
  );
  const byPolicy = new Map<DataMapPolicyKey, Evaluated[]>();
  for (const e of evaluated) byPolicy.set(e.policy, [...(byPolicy.get(e.policy) ?? []), e]);
  const out = new Map<string, CategoryEndDate>();
  for (const [, entry] of PERSONAL) {
    for (const group of entry.groups) {
      // The person's own data, and what the table records about them while naming someone else (their pickup persons); not who recorded it.
      const named = SUBJECTS[group.subject] as SubjectDef;
      const about = (kinds as string[]).includes(group.subject) || (!named.home && kinds.some((k) => k in entry.subjects));
      if (!about) continue;
      for (const rule of applicableRules(entry, group)) {
        const key = `${group.category}:${rule.kind === 'policy' ? rule.policy : rule.kind}`;
        if (out.has(key)) continue;
        const base = { category: group.category, label: DATA_CATEGORIES[group.category].label };
        if (rule.kind === 'policy') {
          const records = byPolicy.get(rule.policy);
          if (!records?.length) continue; // no data under this rule (or a register entry not about this person)
          const state = combined(records);
          out.set(key, { ...base, policy: rule.policy, ...state, action: ACTION[rule.deletion], explanation: state.status === 'running' ? (records.find((r) => r.state.status === 'running')!.state as { reason: string }).reason : '' });
        } else if (rule.kind === 'kept') {
          out.set(key, { ...base, policy: null, endDate: null, status: 'kept', action: 'bewaard', explanation: rule.reason });
        }
      }
    }
  }
  return [...out.values()];
}

