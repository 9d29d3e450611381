import { describe, expect, it } from 'vitest';
import { addPeriod, DEFAULT_POLICIES, destructionDate, retentionState, ruleText, type PolicyKey } from '../../shared/domain/retention';

const policy = (key: PolicyKey) => DEFAULT_POLICIES.find((p) => p.key === key)!;

describe('retention dates (calendar arithmetic)', () => {
  // [rule, anchor date, expected destruction date] — month ends and 29 February for every rule.
  const cases: [PolicyKey, string, string][] = [
    ['contract', '2024-02-29', '2031-02-28'],
    ['contract', '2023-01-31', '2030-01-31'],
    ['contract', '2024-12-31', '2031-12-31'],
    ['contract', '2021-02-28', '2028-02-28'],
    ['complaint', '2024-02-29', '2031-02-28'],
    ['complaint', '2024-04-30', '2031-04-30'],
    ['complaint', '2025-12-31', '2032-12-31'],
    ['paper_dossier', '2024-02-29', '2024-02-29'],
    ['paper_dossier', '2025-12-31', '2025-12-31'],
    ['meldcode', '2024-02-29', '2026-02-28'],
    ['meldcode', '2026-02-28', '2028-02-28'],
    ['meldcode', '2025-06-30', '2027-06-30'],
    ['applicant', '2024-02-01', '2024-02-29'],
    ['applicant', '2023-02-01', '2023-03-01'],
    ['applicant', '2024-02-29', '2024-03-28'],
    ['applicant', '2024-12-31', '2025-01-28'],
    ['applicant_consent', '2024-02-29', '2025-02-28'],
    ['applicant_consent', '2023-03-31', '2024-03-31'],
    ['applicant_consent', '2023-02-28', '2024-02-28'],
    ['employee', '2024-02-29', '2026-02-28'],
    ['employee', '2022-02-28', '2024-02-28'],
    ['employee', '2024-10-31', '2026-10-31'],
    ['employee_dispute', '2024-02-29', '2034-02-28'],
    ['employee_dispute', '2018-02-28', '2028-02-28'],
    ['employee_dispute', '2024-11-30', '2034-11-30'],
  ];
  it.each(cases)('%s from %s → %s', (key, anchor, expected) => {
    expect(destructionDate(policy(key), anchor)).toBe(expected);
  });

  it('every default rule is covered above, with its legal basis text', () => {
    expect(new Set(cases.map(([k]) => k))).toEqual(new Set(DEFAULT_POLICIES.map((p) => p.key)));
    for (const p of DEFAULT_POLICIES) expect(p.legalBasis.length).toBeGreaterThan(20);
  });

  it('months clamp to the last day of a shorter month, also in a leap year', () => {
    expect(addPeriod('2023-01-31', 1, 'months')).toBe('2023-02-28');
    expect(addPeriod('2024-01-31', 1, 'months')).toBe('2024-02-29');
    expect(addPeriod('2024-03-31', 1, 'months')).toBe('2024-04-30');
  });

  it('refuses something that is not a date', () => {
    expect(() => addPeriod('31-01-2024', 1, 'years')).toThrow();
  });

  it('reads the rules in Dutch', () => {
    expect(ruleText(policy('contract'))).toBe('7 jaar na einde van het laatste contract');
    expect(ruleText(policy('applicant'))).toBe('4 weken na einde van de sollicitatieprocedure');
    expect(ruleText(policy('paper_dossier'))).toBe('direct na einde van het contract');
  });
});

describe('retention state', () => {
  it('is due on the destruction date itself, pending the day before', () => {
    expect(retentionState({ ruleDate: '2026-03-01', extensions: [] }, '2026-03-01')).toEqual({ status: 'due', dueDate: '2026-03-01', daysLeft: 0 });
    expect(retentionState({ ruleDate: '2026-03-01', extensions: [] }, '2026-02-28')).toEqual({ status: 'pending', dueDate: '2026-03-01', daysLeft: 1 });
  });

  it('a statutory duty extends to its end, never shortens', () => {
    const later = { kind: 'statutory' as const, until: '2030-06-30', reason: 'ziek uit dienst' };
    const earlier = { kind: 'statutory' as const, until: '2026-01-01', reason: 'loonheffing' };
    expect(retentionState({ ruleDate: '2027-01-31', extensions: [later, earlier] }, '2027-02-01')).toMatchObject({ status: 'pending', dueDate: '2030-06-30' });
    expect(retentionState({ ruleDate: '2027-01-31', extensions: [earlier] }, '2027-02-01')).toMatchObject({ status: 'due', dueDate: '2027-01-31' });
  });

  it('a hold blocks even when long past due; no start date means running', () => {
    const hold = { kind: 'hold' as const, until: '2030-01-01', reason: 'juridische claim' };
    expect(retentionState({ ruleDate: '2020-01-01', extensions: [hold] }, '2029-01-01')).toMatchObject({ status: 'held', hold });
    expect(retentionState({ ruleDate: null, runningReason: 'Er loopt nog een contract.', extensions: [] }, '2029-01-01')).toEqual({ status: 'running', reason: 'Er loopt nog een contract.' });
  });
});
