/**
 * The app's clock. The backend's clock is an option (`--clock` in web mode, fixed clocks in tests);
 * every "today" and every "not in the future" check reads it from here, never from the PC directly.
 *
 * - The backend parses each method's input inside `withClock(core.now, …)` (parsing is synchronous,
 *   so the clock of one backend never leaks into another's call).
 * - The renderer follows the backend: `followClock(serverNow)` keeps the offset from `app.status`.
 */
let current: () => Date = () => new Date();

/** A date in the location's calendar (Europe/Amsterdam) as YYYY-MM-DD. */
export function isoDateIn(moment: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(moment);
}

/**
 * The instant the location's calendar day `date` (YYYY-MM-DD) begins, as an ISO string in UTC.
 * The offset is read at 00:00 UTC of that day: the clocks change at 01:00 UTC, so that is still
 * the offset in force at the local midnight before it.
 */
export function startOfDayIn(date: string): string {
  const utcMidnight = new Date(`${date}T00:00:00Z`);
  const local = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam', hour: '2-digit', hourCycle: 'h23' }).format(utcMidnight);
  return new Date(utcMidnight.getTime() - Number(local) * 3_600_000).toISOString();
}

/** The wall-clock time in the location (Europe/Amsterdam) at `ms`, read as if it were UTC, minus `ms`: the offset. */
function amsterdamOffsetAt(ms: number): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - Math.floor(ms / 1000) * 1000;
}

/** The instant of a wall-clock time (HH:mm) on a day in the location's calendar, as an ISO string in UTC (summer time included). */
export function instantIn(date: string, time: string): string {
  const wall = new Date(`${date}T${time}:00Z`).getTime();
  let guess = wall - amsterdamOffsetAt(wall);
  guess = wall - amsterdamOffsetAt(guess);
  return new Date(guess).toISOString();
}

/** Now on the app's clock (for "not in the future" on a moment, not a day). */
export const appNow = (): Date => current();

/** Today on the app's clock, in the location's calendar. */
export const appToday = (): string => isoDateIn(current());

/** Runs synchronous work (schema parsing) with another clock, then restores the previous one. */
export function withClock<T>(now: () => Date, work: () => T): T {
  const previous = current;
  current = now;
  try {
    return work();
  } finally {
    current = previous;
  }
}

/** The renderer: from now on the clock runs at the backend's offset (the backend may run on `--clock`). */
export function followClock(serverNow: Date, localNow: Date = new Date()): void {
  const offset = serverNow.getTime() - localNow.getTime();
  current = Math.abs(offset) < 5_000 ? () => new Date() : () => new Date(Date.now() + offset);
}
