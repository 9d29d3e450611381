import { weekdayOf } from '../../shared/domain/weekdays';

/** Calendar arithmetic on `YYYY-MM-DD` (UTC midnight, so no time zone moves the day). */
export const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The first day on or after `date` that is this contract weekday ('ma' … 'vr'). */
export function weekdayOnOrAfter(date: string, weekday: 'ma' | 'di' | 'wo' | 'do' | 'vr'): string {
  let day = date;
  while (weekdayOf(day) !== weekday) day = addDays(day, 1);
  return day;
}

/** The last day on or before `date` that is this contract weekday. */
export function weekdayOnOrBefore(date: string, weekday: 'ma' | 'di' | 'wo' | 'do' | 'vr'): string {
  let day = date;
  while (weekdayOf(day) !== weekday) day = addDays(day, -1);
  return day;
}
