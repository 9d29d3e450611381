import { BACKUP_ROTATION } from '../../../../shared/api/backup.contract';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

/** Days since 1970-01-01 (a Thursday); +3 makes weeks start on Monday, as ISO weeks do. */
const dayNumber = (iso: string) => Math.floor(Date.parse(iso) / DAY_MS);
const weekNumber = (iso: string) => Math.floor((dayNumber(iso) + 3) / 7);

/**
 * Rotation (bewaarschema), by calendar age: no backup older than `weekly` weeks (8) is ever kept,
 * however rarely the PC is used — data destroyed under the retention rules or erased on request
 * live on in a backup for at most those 8 weeks (the letters promise it). Inside that window:
 * every backup of the last 24 hours (so a backup made just before a migration or destruction run
 * survives a manual one made later that day), the newest backup of each of the 14 most recent days
 * that have one, and the newest of each of the 8 most recent weeks that have one.
 */
export function backupsToKeep<T extends { createdAt: string }>(backups: readonly T[], now: Date, policy: { daily: number; weekly: number } = BACKUP_ROTATION): Set<T> {
  const oldest = now.getTime() - policy.weekly * WEEK_MS;
  const newestFirst = [...backups].filter((b) => Date.parse(b.createdAt) >= oldest).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const keep = new Set<T>(newestFirst.filter((b) => now.getTime() - Date.parse(b.createdAt) < DAY_MS));
  const pick = (period: (iso: string) => number, count: number) => {
    const seen = new Set<number>();
    for (const backup of newestFirst) {
      const key = period(backup.createdAt);
      if (seen.has(key)) continue;
      if (seen.size === count) break;
      seen.add(key);
      keep.add(backup);
    }
  };
  pick(dayNumber, policy.daily);
  pick(weekNumber, policy.weekly);
  return keep;
}
