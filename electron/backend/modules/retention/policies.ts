import { AppError } from '../../../../shared/api/result';
import type { Policy } from '../../../../shared/api/retention.schemas';
import { DATA_MAP_DEFAULT_POLICIES, DATA_MAP_POLICY_KEYS, type DataMapPolicyKey } from '../../../../shared/dataMap/policies';
import { PERIOD_UNITS, ruleText, type PeriodUnit, type RetentionPolicy } from '../../../../shared/domain/retention';
import { msg } from '../../../../shared/i18n/translate';
import type { AppCore } from '../../core';
import type { DbOrTrx, RetentionPolicyRow, Trx } from '../../db/schema';
import { getLocation } from '../location/location.repository';
import { insertPolicy, movePolicy, policyRows } from './retention.repository';

/** Every policy the engine knows: the statement's and the data map's (shared/dataMap/policies.ts). */
export type AnyPolicy = RetentionPolicy<DataMapPolicyKey>;
export type Policies = ReadonlyMap<DataMapPolicyKey, AnyPolicy>;

const policyId = (locationId: string, key: string) => `${locationId}:${key}`;
const isPolicyKey = (key: string): key is DataMapPolicyKey => (DATA_MAP_POLICY_KEYS as readonly string[]).includes(key);

/** No rule may keep data longer than this: a longer period is a typing error, not a decision. */
const MAX_YEARS = 100;
const YEARS_PER_UNIT: Record<PeriodUnit, number> = { days: 1 / 365, weeks: 7 / 365, months: 1 / 12, years: 1 };

/**
 * Refuses a policy change that would make the engine compute nonsense (a negative or broken
 * period, an unknown unit or key): the Dutch message names the rule and what is wrong. Used for
 * every rule head office sends down, before it is written.
 */
export function checkPolicyChange(change: { key: unknown; period_amount: unknown; period_unit: unknown; category?: unknown }): void {
  const key = typeof change.key === 'string' ? change.key : '';
  const label = isPolicyKey(key) ? (DATA_MAP_DEFAULT_POLICIES.find((p) => p.key === key)?.category ?? key) : key;
  if (!isPolicyKey(key)) throw new AppError('VALIDATION', msg('retention.policyUnknown', { key }));
  const unit = change.period_unit;
  if (typeof unit !== 'string' || !(PERIOD_UNITS as readonly string[]).includes(unit)) throw new AppError('VALIDATION', msg('retention.policyUnitInvalid', { category: label }));
  const amount = change.period_amount;
  if (typeof amount !== 'number' || !Number.isInteger(amount) || amount < 0 || amount * YEARS_PER_UNIT[unit as PeriodUnit] > MAX_YEARS) {
    throw new AppError('VALIDATION', msg('retention.policyPeriodInvalid', { category: label, amount: String(amount), max: String(MAX_YEARS) }));
  }
}

/**
 * Writes the defaults for rules this PC does not have yet — the statement's and the data map's
 * new ones. Defaults are the same on every PC, so they are not pushed: head office changes a rule
 * by sending `<location id>:<key>` down, which overwrites the row here. After enrolment the
 * location id changes; the ids follow.
 */
export async function ensureDefaultPolicies(trx: Trx, now: Date): Promise<void> {
  const location = await getLocation(trx);
  if (!location) return;
  const existing = await policyRows(trx);
  for (const row of existing) {
    const wanted = policyId(location.id, row.key);
    if (row.id !== wanted) await movePolicy(trx, row.id, { id: wanted, locationId: location.id });
  }
  const have = new Set(existing.map((r) => r.key));
  for (const p of DATA_MAP_DEFAULT_POLICIES) {
    if (have.has(p.key)) continue;
    await insertPolicy(trx, {
      id: policyId(location.id, p.key),
      location_id: location.id,
      key: p.key,
      category: p.category,
      period_amount: p.periodAmount,
      period_unit: p.periodUnit,
      anchor: p.anchor,
      legal_basis: p.legalBasis,
      updated_at: now.toISOString(),
      version: null,
    });
  }
}

const toPolicy = (row: RetentionPolicyRow & { key: DataMapPolicyKey }): AnyPolicy => ({
  key: row.key,
  category: row.category,
  periodAmount: row.period_amount,
  periodUnit: row.period_unit,
  anchor: row.anchor,
  legalBasis: row.legal_basis,
});

/** The rules in force: the table's rows, falling back to the defaults for a missing key (or a row the engine cannot read). */
export async function loadPolicies(db: DbOrTrx): Promise<Policies> {
  const map = new Map<DataMapPolicyKey, AnyPolicy>(DATA_MAP_DEFAULT_POLICIES.map((p) => [p.key, { key: p.key, category: p.category, periodAmount: p.periodAmount, periodUnit: p.periodUnit, anchor: p.anchor, legalBasis: p.legalBasis }]));
  for (const row of await policyRows(db)) {
    const { key } = row;
    if (!isPolicyKey(key)) continue;
    try {
      checkPolicyChange(row);
    } catch {
      continue;
    }
    map.set(key, toPolicy({ ...row, key }));
  }
  return map;
}

/** The rules in force as the Bewaartermijnen page shows them (missing defaults are written first), in the data map's order. */
export async function listPolicies(core: AppCore): Promise<Policy[]> {
  await core.transaction((trx) => ensureDefaultPolicies(trx, core.now()));
  const db = core.db();
  const rows = new Map((await policyRows(db)).map((r) => [r.key, r]));
  const policies = await loadPolicies(db);
  return DATA_MAP_DEFAULT_POLICIES.map(({ key }) => {
    const p = policies.get(key)!;
    return { ...p, rule: ruleText(p), fromHeadOffice: rows.get(key)?.version != null };
  });
}
