import { DEFAULT_POLICIES, ruleText, type PolicyKey, type RetentionPolicy } from '../../../../shared/domain/retention';
import type { Policy } from '../../../../shared/api/retention.schemas';
import type { AppCore } from '../../core';
import type { DbOrTrx, RetentionPolicyRow, Trx } from '../../db/schema';
import { getLocation } from '../location/location.repository';
import { insertPolicy, movePolicy, policyRows } from './retention.repository';

export type Policies = ReadonlyMap<PolicyKey, RetentionPolicy>;

const policyId = (locationId: string, key: PolicyKey) => `${locationId}:${key}`;

/**
 * Writes the statement's defaults for rules this PC does not have yet. Defaults are the same on
 * every PC, so they are not pushed: head office changes a rule by sending `<location id>:<key>`
 * down, which overwrites the row here. After enrolment the location id changes; the ids follow.
 */
export async function ensureDefaultPolicies(trx: Trx, now: Date): Promise<void> {
  const location = await getLocation(trx);
  if (!location) return;
  const existing = await policyRows(trx);
  for (const row of existing) {
    const wanted = policyId(location.id, row.key as PolicyKey);
    if (row.id !== wanted) await movePolicy(trx, row.id, { id: wanted, locationId: location.id });
  }
  const have = new Set(existing.map((r) => r.key));
  for (const p of DEFAULT_POLICIES) {
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

const toPolicy = (row: RetentionPolicyRow): RetentionPolicy => ({
  key: row.key as PolicyKey,
  category: row.category,
  periodAmount: row.period_amount,
  periodUnit: row.period_unit,
  anchor: row.anchor,
  legalBasis: row.legal_basis,
});

/** The rules in force: the table's rows, falling back to the defaults for a missing key. */
export async function loadPolicies(db: DbOrTrx): Promise<Policies> {
  const map = new Map<PolicyKey, RetentionPolicy>(DEFAULT_POLICIES.map((p) => [p.key, p]));
  for (const row of await policyRows(db)) map.set(row.key as PolicyKey, toPolicy(row));
  return map;
}

/** The rules in force as the Bewaartermijnen page shows them (missing defaults are written first). */
export async function listPolicies(core: AppCore): Promise<Policy[]> {
  await core.transaction((trx) => ensureDefaultPolicies(trx, core.now()));
  const db = core.db();
  const rows = new Map((await policyRows(db)).map((r) => [r.key, r]));
  const policies = await loadPolicies(db);
  return DEFAULT_POLICIES.map(({ key }) => {
    const p = policies.get(key)!;
    return { ...p, rule: ruleText(p), fromHeadOffice: rows.get(key)?.version != null };
  });
}
