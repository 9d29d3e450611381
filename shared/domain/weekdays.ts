import type { Weekday } from '../api/clients.schemas';

/** Sunday … Saturday as contract weekday codes; there is no care at the weekend. */
const CODES: readonly (Weekday | null)[] = [null, 'ma', 'di', 'wo', 'do', 'vr', null];

/** The contract weekday ('ma' … 'vr') of a calendar date `YYYY-MM-DD`; null on Saturday and Sunday. */
export function weekdayOf(date: string): Weekday | null {
  return CODES[new Date(`${date}T00:00:00Z`).getUTCDay()] ?? null;
}

// A calendar date is formatted at UTC midnight, so no time zone can move it to another day.
const longNl = new Intl.DateTimeFormat('nl-NL', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "woensdag 9 december 2026": a day as a Dutch document names it. */
export const nlWeekdayDate = (date: string) => longNl.format(new Date(`${date}T00:00:00Z`));
