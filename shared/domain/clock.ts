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
