import { describe, expect, it } from 'vitest';
import { formatsFor } from '../../renderer/src/lib/format';

describe('the renderer formats through one module', () => {
  const nl = formatsFor('nl');
  const en = formatsFor('en');

  it('writes dates as on Dutch paper forms in both languages, the long date in the UI language', () => {
    expect(nl.date('2026-12-01')).toBe('01-12-2026');
    expect(en.date('2026-12-01')).toBe('01-12-2026');
    expect(nl.date(null)).toBe('—');
    expect(nl.dateLong('2026-12-01')).toBe('1 december 2026');
    expect(en.dateLong('2026-12-01')).toBe('1 December 2026');
    expect(nl.month('2026-03')).toBe('maart 2026');
  });

  it('shows instants in office time (Europe/Amsterdam), also across midnight and in summer time', () => {
    expect(nl.date('2026-07-01T22:30:00Z')).toBe('02-07-2026');
    expect(nl.dateTime('2026-12-31T23:15:00Z')).toBe('01-01-2027 00:15');
    expect(nl.dateTimeSeconds('2026-11-25T13:05:09Z')).toBe('25-11-2026 14:05:09');
    expect(nl.dateTimeLong('2026-07-01T22:30:00Z')).toBe('2 juli 2026 om 00:30');
    expect(en.dateTimeLong('2026-11-25T13:05:00Z')).toBe('25 November 2026 at 14:05');
  });

  it('writes numbers and file sizes with the decimal sign of the UI language', () => {
    expect(nl.number(27.5)).toBe('27,5');
    expect(en.number(27.5)).toBe('27.5');
    expect(nl.fileSize(3.1 * 1024 * 1024)).toBe('3,1 MB');
    expect(en.fileSize(3.1 * 1024 * 1024)).toBe('3.1 MB');
    expect(nl.fileSize(12 * 1024)).toBe('12 kB');
  });
});
