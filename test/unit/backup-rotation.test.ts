import { describe, expect, it } from 'vitest';
import { backupsToKeep } from '../../electron/backend/modules/backup/rotation';

const DAY = 86_400_000;
const at = (ms: number) => ({ createdAt: new Date(ms).toISOString() });
const ageDays = (b: { createdAt: string }, now: Date) => (now.getTime() - Date.parse(b.createdAt)) / DAY;

describe('backup rotation by calendar age', () => {
  it('a PC used once every few months keeps nothing older than 8 weeks, over years', () => {
    // Four sessions a year for five years, each with a few daily backups and a manual one.
    const sessions = Array.from({ length: 20 }, (_, i) => Date.parse('2027-01-04T09:00:00Z') + i * 91 * DAY);
    let folder: { createdAt: string }[] = [];
    for (const start of sessions) {
      for (let d = 0; d < 3; d++) {
        const now = new Date(start + d * DAY);
        folder.push(at(now.getTime()));
        folder.push(at(now.getTime() + 3_600_000));
        const keep = backupsToKeep(folder, new Date(now.getTime() + 3_600_000));
        folder = folder.filter((b) => keep.has(b));
        // After every run: nothing older than 8 weeks, whatever else happened.
        for (const b of folder) expect(ageDays(b, now)).toBeLessThanOrEqual(8 * 7);
      }
      // Between sessions only this session's backups remain: none from months (or years) ago.
      expect(folder.every((b) => Date.parse(b.createdAt) >= start)).toBe(true);
    }
    expect(folder.length).toBeGreaterThan(0);
    expect(folder.every((b) => b.createdAt >= new Date(sessions.at(-1)!).toISOString())).toBe(true);
  });

  it('backups spread over years: only those of the last 8 weeks survive, thinned as before', () => {
    const now = new Date('2034-03-15T12:00:00Z');
    // One a day for three years, ending now.
    const backups = Array.from({ length: 3 * 365 }, (_, i) => at(now.getTime() - i * DAY - 60_000));
    const kept = backups.filter((b) => backupsToKeep(backups, now).has(b));
    expect(kept.every((b) => ageDays(b, now) <= 56)).toBe(true);
    // Last 24 hours, then one per day for 14 days, then the newest of each week: at most 1 + 14 + 8.
    expect(kept.length).toBeGreaterThanOrEqual(14);
    expect(kept.length).toBeLessThanOrEqual(1 + 14 + 8);
    expect(ageDays(kept.at(-1)!, now)).toBeGreaterThan(6 * 7);
  });

  it('the 8-week limit is exact: 56 days stays, 56 days and a minute goes', () => {
    const now = new Date('2030-06-30T12:00:00Z');
    const onTheLimit = at(now.getTime() - 56 * DAY);
    const past = at(now.getTime() - 56 * DAY - 60_000);
    const keep = backupsToKeep([onTheLimit, past], now);
    expect(keep.has(onTheLimit)).toBe(true);
    expect(keep.has(past)).toBe(false);
  });

  it('keeps every backup of the last 24 hours (before a migration or a destruction run)', () => {
    const now = new Date('2030-06-30T12:00:00Z');
    const today = [1, 2, 3, 4].map((h) => at(now.getTime() - h * 3_600_000));
    expect(backupsToKeep(today, now).size).toBe(4);
  });
});
