import { describe, expect, it } from 'vitest';
import { caseProgress, reportRequirement, type WeighingAnswers } from '../../shared/domain/meldcode';
import { DEFAULT_POLICIES, destructionDate } from '../../shared/domain/retention';

describe('meldcode destruction date (default policy: closing date + 2 years, calendar arithmetic)', () => {
  const policy = DEFAULT_POLICIES.find((p) => p.key === 'meldcode')!;
  it.each([
    ['2026-11-20', '2028-11-20'],
    ['2026-12-31', '2028-12-31'],
    ['2026-01-31', '2028-01-31'],
    // A leap day has no counterpart two years later: the end of February.
    ['2024-02-29', '2026-02-28'],
    ['2026-02-28', '2028-02-28'],
  ])('closed %s → destroyed %s', (closedOn, expected) => {
    expect(destructionDate(policy, closedOn)).toBe(expected);
  });
});

describe('afwegingskader', () => {
  const base: WeighingAnswers = { q1Suspicion: true, q2Unsafe: false, q3HelpPossible: true, q4Cooperation: true, q5LastingSafety: null };
  it('makes a report mandatory for acute or structural unsafety, no help, no cooperation or no lasting safety', () => {
    expect(reportRequirement(base)).toBeNull();
    expect(reportRequirement({ ...base, q2Unsafe: true })).toBe('q2_unsafe');
    expect(reportRequirement({ ...base, q3HelpPossible: false })).toBe('q3_no_help');
    expect(reportRequirement({ ...base, q4Cooperation: false })).toBe('q4_no_cooperation');
    expect(reportRequirement({ ...base, q5LastingSafety: false })).toBe('q5_not_safe');
    expect(reportRequirement({ ...base, q1Suspicion: false, q2Unsafe: true })).toBeNull();
  });

  it('counts the newest weighing and the route\'s own step 3', () => {
    const entries = [{ kind: 'weighing' as const, weighing: { ...base, q2Unsafe: true } }, { kind: 'parent_conversation' as const }, { kind: 'weighing' as const, weighing: base }];
    expect(caseProgress('huiselijk', entries)).toMatchObject({ reportRequired: null, step3Done: true, stepsDone: { 1: false, 3: true, 4: true } });
    expect(caseProgress('medewerker', entries).step3Done).toBe(false);
    expect(caseProgress('medewerker', [{ kind: 'vertrouwensinspecteur' }]).step3Done).toBe(true);
  });
});
