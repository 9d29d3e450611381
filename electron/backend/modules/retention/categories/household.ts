import { sql } from 'kysely';
import { destructionDate, type RetentionPolicy } from '../../../../../shared/domain/retention';
import { displayName } from '../../../../../shared/domain/names';
import type { DbOrTrx, Trx } from '../../../db/schema';
import { countStatistic, eraseRows, holdIds, idsWhere } from '../erase';
import { destroyMeldcodeCases } from './meldcode';
import { directHolds, inSlices, type Candidate, type RetentionCategory } from './category';

/**
 * A household (gezin) with its parents and children: contract and financial data are kept 7 years
 * after the last contract of any of its children ended, then everything about them goes —
 * contracts, BSN-controles, medical data, consents, pickup lists, identification log, tasks,
 * waiting-list entries, disclosure subjects, restrictions, marketing opt-outs, AVG-verzoeken with
 * their rectification history, and the children's (due) meldcode files.
 */
export const householdCategory: RetentionCategory = {
  key: 'household',
  label: 'Gezin',

  async candidates(db, policies, ids) {
    const policy = policies.get('contract')!;
    let query = db
      .selectFrom('households')
      .leftJoin('children', 'children.household_id', 'households.id')
      .leftJoin('contracts', 'contracts.child_id', 'children.id')
      .select((eb) => [
        'households.id as id',
        eb.fn.max('contracts.end_date').as('lastEnd'),
        eb.fn.count<number>('contracts.id').as('contracts'),
        eb.fn.sum<number>(sql`CASE WHEN contracts.id IS NOT NULL AND contracts.end_date IS NULL THEN 1 ELSE 0 END`).as('open'),
      ])
      .groupBy('households.id');
    if (ids) query = query.where('households.id', 'in', ids.length ? [...ids] : ['']);
    const rows = await query.execute();
    const cases = await meldcodeCasesByHousehold(db, policies.get('meldcode')!, ids);
    return rows.map((r): Candidate => {
      const files = cases.get(r.id);
      if (files?.open) return { id: r.id, policy: 'contract', statutory: [], anchorDate: null, ruleDate: null, runningReason: 'Er loopt een meldcodedossier over een kind van dit gezin.' };
      // The children's closed case files must go first: the household waits for the last one.
      const statutory = files ? [{ kind: 'statutory' as const, until: files.lastDue, reason: 'meldcodedossier over een kind van dit gezin (Wet verplichte meldcode)' }] : [];
      const base = { id: r.id, policy: 'contract' as const, statutory };
      if (Number(r.contracts) === 0) return { ...base, anchorDate: null, ruleDate: null, runningReason: 'Er is nog geen contract vastgelegd; de termijn begint bij het einde van het laatste contract.' };
      if (Number(r.open) > 0 || !r.lastEnd) return { ...base, anchorDate: null, ruleDate: null, runningReason: 'Er loopt nog een contract zonder einddatum.' };
      return { ...base, anchorDate: r.lastEnd, ruleDate: destructionDate(policy, r.lastEnd) };
    });
  },

  async heldBy(db, holds) {
    const held = directHolds(holds, 'household');
    const childHolds = directHolds(holds, 'child');
    if (childHolds.size) {
      const children = await db.selectFrom('children').select(['id', 'household_id']).where('id', 'in', [...childHolds.keys()]).execute();
      for (const c of children) if (!held.has(c.household_id)) held.set(c.household_id, childHolds.get(c.id)!);
    }
    return held;
  },

  async labels(db, ids) {
    const rows = await inSlices(ids, (slice) =>
      db
        .selectFrom('parents')
        .select(['household_id', 'first_name', 'surname_prefix', 'surname'])
        .where('household_id', 'in', slice)
        .orderBy('is_contract_parent', 'desc')
        .execute(),
    );
    const labels = new Map<string, string>();
    for (const r of rows) if (!labels.has(r.household_id)) labels.set(r.household_id, `Gezin ${displayName({ firstName: r.first_name, surnamePrefix: r.surname_prefix, surname: r.surname })}`);
    return labels;
  },

  async destroy(trx, ids, now) {
    const childIds = await idsWhere(trx, 'children', 'household_id', ids);
    const parents = await inSlices(ids, (slice) => trx.selectFrom('parents').select(['id', 'email']).where('household_id', 'in', slice).execute());
    const parentIds = parents.map((p) => p.id);
    const emails = parents.flatMap((p) => (p.email ? [p.email] : []));
    await keepStatistics(trx, childIds, ids.length, now);
    const caseIds = await inSlices(childIds, (slice) => trx.selectFrom('meldcode_cases').select('id').where('child_id', 'in', slice).execute());
    await destroyMeldcodeCases(
      trx,
      caseIds.map((c) => c.id),
      now,
    );

    const bySubject = async (entity: 'bsn_verifications' | 'disclosure_subjects' | 'processing_restrictions') => [
      ...(await subjectIds(trx, entity, 'child', childIds)),
      ...(await subjectIds(trx, entity, 'parent', parentIds)),
    ];
    await eraseRows(trx, 'bsn_verifications', await bySubject('bsn_verifications'), now);
    await eraseRows(trx, 'disclosure_subjects', await bySubject('disclosure_subjects'), now);
    await eraseRows(trx, 'processing_restrictions', await bySubject('processing_restrictions'), now);
    for (const entity of ['tasks', 'pickup_persons', 'pickup_bans', 'identification_log', 'photo_consents', 'consent_form_returns', 'exchange_consents', 'contracts'] as const) {
      await eraseRows(trx, entity, await idsWhere(trx, entity, 'child_id', childIds), now);
    }
    await eraseRows(trx, 'child_medical', await idsWhere(trx, 'child_medical', 'child_id', childIds), now);
    await eraseRows(trx, 'waitlist_entries', await idsWhere(trx, 'waitlist_entries', 'placed_child_id', childIds), now);
    // AVG-verzoeken of this household: the register entries, their tasks and the rectification history (old values).
    const requestIds = await idsWhere(trx, 'subject_requests', 'household_id', ids);
    await eraseRows(trx, 'request_tasks', await idsWhere(trx, 'request_tasks', 'request_id', requestIds), now);
    const corrections = new Set([...(await idsWhere(trx, 'data_corrections', 'request_id', requestIds)), ...(await idsWhere(trx, 'data_corrections', 'subject_id', [...ids, ...childIds, ...parentIds]))]);
    await eraseRows(trx, 'data_corrections', [...corrections], now);
    await eraseRows(trx, 'subject_requests', requestIds, now);
    await eraseRows(trx, 'marketing_opt_outs', await idsWhere(trx, 'marketing_opt_outs', 'email', emails), now);
    await eraseRows(trx, 'legal_holds', [...(await holdIds(trx, 'household', ids)), ...(await holdIds(trx, 'child', childIds))], now);
    await eraseRows(trx, 'children', childIds, now);
    await eraseRows(trx, 'parents', parentIds, now);
    await eraseRows(trx, 'households', ids, now);
  },
};

/** Per household: whether a case file about one of its children is open, and when the last closed one goes. */
async function meldcodeCasesByHousehold(db: DbOrTrx, policy: RetentionPolicy, ids?: readonly string[]) {
  let query = db.selectFrom('meldcode_cases').innerJoin('children', 'children.id', 'meldcode_cases.child_id').select(['children.household_id', 'meldcode_cases.closed_on']);
  if (ids) query = query.where('children.household_id', 'in', ids.length ? [...ids] : ['']);
  const byHousehold = new Map<string, { open: boolean; lastDue: string }>();
  for (const c of await query.execute()) {
    const entry = byHousehold.get(c.household_id) ?? { open: false, lastDue: '' };
    if (!c.closed_on) entry.open = true;
    else entry.lastDue = [entry.lastDue, destructionDate(policy, c.closed_on)].sort().at(-1)!;
    byHousehold.set(c.household_id, entry);
  }
  return byHousehold;
}

async function subjectIds(trx: Trx, entity: 'bsn_verifications' | 'disclosure_subjects' | 'processing_restrictions', type: 'child' | 'parent', ids: readonly string[]) {
  const rows = await inSlices(ids, (slice) => trx.selectFrom(entity).select('id').where('subject_type', '=', type).where('subject_id', 'in', slice).execute());
  return rows.map((r) => r.id);
}

/** Anonymous management figures: contracts per care type and start year, households per destruction year. */
async function keepStatistics(trx: Trx, childIds: readonly string[], households: number, now: Date) {
  const contracts = await inSlices(childIds, (slice) =>
    trx
      .selectFrom('contracts')
      .select((eb) => ['care_type', sql<string>`substr(start_date, 1, 4)`.as('year'), eb.fn.count<number>('id').as('n')])
      .where('child_id', 'in', slice)
      .groupBy(['care_type', sql`substr(start_date, 1, 4)`])
      .execute(),
  );
  for (const c of contracts) await countStatistic(trx, `contracts.${c.care_type}`, c.year, Number(c.n));
  await countStatistic(trx, 'destroyed.household', String(now.getUTCFullYear()), households);
}
