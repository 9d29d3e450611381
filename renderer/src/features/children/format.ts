import { format, parseISO } from 'date-fns';

/**
 * Dates as Dutch users write them: dd-mm-jjjj (also in the English UI, so a date reads the same on
 * paper forms and in the app). Instants get the time as well.
 */
export const formatDate = (iso: string | null | undefined) => (iso ? format(parseISO(iso.slice(0, 10)), 'dd-MM-yyyy') : '—');
export const formatDateTime = (iso: string) => format(parseISO(iso), 'dd-MM-yyyy HH:mm');

/** `YYYY-MM-DD` plus a number of calendar days (UTC arithmetic: no DST surprises). */
export function addDaysIso(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
