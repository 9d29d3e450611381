import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addMonths, currentDeadline, deadlineState, extensionProblem, firstDeadline } from '../../shared/domain/requests';

describe('AVG-verzoek: deadline (one month, calendar arithmetic)', () => {
  it('31 January gives the last day of February: 28 in a common year, 29 in a leap year', () => {
    expect(firstDeadline('2026-01-31')).toBe('2026-02-28');
    expect(firstDeadline('2028-01-31')).toBe('2028-02-29');
    expect(firstDeadline('2028-01-29')).toBe('2028-02-29');
    expect(firstDeadline('2026-01-28')).toBe('2026-02-28');
  });

  it('other month ends and the year boundary', () => {
    expect(firstDeadline('2026-03-31')).toBe('2026-04-30');
    expect(firstDeadline('2026-08-31')).toBe('2026-09-30');
    expect(firstDeadline('2026-12-15')).toBe('2027-01-15');
    expect(firstDeadline('2026-12-31')).toBe('2027-01-31');
    expect(firstDeadline('2028-02-29')).toBe('2028-03-29');
  });

  it('an extension counts from the receipt date, not from the first deadline', () => {
    // 31 Jan + 1 = 28 Feb, but 31 Jan + 3 months = 30 April (not 28 April).
    expect(currentDeadline({ receivedOn: '2026-01-31', extendedMonths: 2 })).toBe('2026-04-30');
    expect(currentDeadline({ receivedOn: '2026-01-31', extendedMonths: 1 })).toBe('2026-03-31');
    expect(currentDeadline({ receivedOn: '2026-11-30', extendedMonths: 2 })).toBe('2027-02-28');
  });

  it('the deadline is always later, in the next month, and never past its last day', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1990-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }), fc.integer({ min: 1, max: 3 }), (date, months) => {
        const received = date.toISOString().slice(0, 10);
        const deadline = addMonths(received, months);
        expect(deadline > received).toBe(true);
        const monthIndex = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7));
        expect(monthIndex(deadline) - monthIndex(received)).toBe(months);
        expect(Number(deadline.slice(8, 10))).toBeLessThanOrEqual(Number(received.slice(8, 10)));
        expect(new Date(`${deadline}T00:00:00Z`).toISOString().slice(0, 10)).toBe(deadline);
      }),
    );
  });
});

describe('AVG-verzoek: extension rules', () => {
  const fresh = { receivedOn: '2026-01-31', extendedMonths: 0 };

  it('allowed once, for 1 or 2 months, with a reason, up to and including the first deadline', () => {
    expect(extensionProblem(fresh, 2, 'Veel gegevens over vijf jaar', '2026-02-10')).toBeNull();
    expect(extensionProblem(fresh, 1, 'Complex verzoek', '2026-02-28')).toBeNull();
  });

  it('refused after the first deadline', () => {
    expect(extensionProblem(fresh, 2, 'Te laat bedacht', '2026-03-01')).toMatch(/vóór de eerste termijn/);
  });

  it('refused without a reason', () => {
    expect(extensionProblem(fresh, 1, '   ', '2026-02-01')).toMatch(/reden/);
  });

  it('refused for more than two months, zero months, or a second time', () => {
    expect(extensionProblem(fresh, 3, 'Reden', '2026-02-01')).toMatch(/1 of 2 maanden/);
    expect(extensionProblem(fresh, 0, 'Reden', '2026-02-01')).toMatch(/1 of 2 maanden/);
    expect(extensionProblem({ ...fresh, extendedMonths: 1 }, 1, 'Reden', '2026-02-01')).toMatch(/al verlengd/);
  });
});

describe('AVG-verzoek: dashboard state', () => {
  it('warns from 7 days before the deadline and flags overdue the day after', () => {
    expect(deadlineState('2026-02-28', '2026-02-20')).toBe('ok');
    expect(deadlineState('2026-02-28', '2026-02-21')).toBe('due_soon');
    expect(deadlineState('2026-02-28', '2026-02-28')).toBe('due_soon');
    expect(deadlineState('2026-02-28', '2026-03-01')).toBe('overdue');
  });
});
