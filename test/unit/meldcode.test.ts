import { describe, expect, it } from 'vitest';
import { caseProgress, meldcodeDestructionDate, reportRequirement, type WeighingAnswers } from '../../shared/domain/meldcode';

describe('meldcode destruction date (closing date + 2 years, calendar arithmetic)', () => {
  it.each([
    ['2026-11-20', '2028-11-20'],
    ['2026-12-31', '2028-12-31'],
    ['2026-01-31', '2028-01-31'],
    // A leap day has no counterpart two years later: the end of February.
    ['2024-02-29', '2026-02-28'],
    ['2026-02-28', '2028-02-28'],
  ])('closed %s → destroyed %s', (closedOn, expected) => {
    expect(meldcodeDestructionDate(closedOn)).toBe(expected);
  });

  it('takes another period when the retention policy says so', () => {
    expect(meldcodeDestructionDate('2028-02-29', 4)).toBe('2032-02-29');
    expect(meldcodeDestructionDate('2028-02-29', 1)).toBe('2029-02-28');
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
