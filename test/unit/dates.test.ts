import { describe, expect, it } from 'vitest';
import { nlDate, nlDateTime, nlDateTimeShort } from '../../shared/domain/dates';

describe('dates on documents', () => {
  it('writes a date the Dutch way', () => {
    expect(nlDate('2026-02-09')).toBe('09-02-2026');
  });

  it('shows Amsterdam office time whatever the PC’s time zone (summer and winter time, across midnight)', () => {
    expect(nlDateTime(new Date('2026-07-01T22:30:00Z'))).toBe('2 juli 2026 om 00:30');
    expect(nlDateTime(new Date('2026-11-25T13:05:00Z'))).toBe('25 november 2026 om 14:05');
    expect(nlDateTimeShort(new Date('2026-12-31T23:15:00Z'))).toBe('01-01-2027 00:15');
  });
});
