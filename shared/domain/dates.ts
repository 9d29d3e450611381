/** `YYYY-MM-DD` → `DD-MM-YYYY`, the way Dutch documents write a date. */
export const nlDate = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;

/**
 * A Dutch date typed by hand ("20-6-2023", e.g. the privacy statement's version) in the one date
 * style, `20-06-2023`; any other text stays as it is.
 */
export const paddedDutchDate = (text: string) => text.replace(/(?<![\d-])(\d{1,2})-(\d{1,2})-(\d{4})(?![\d-])/g, (_, d: string, m: string, y: string) => `${d.padStart(2, '0')}-${m.padStart(2, '0')}-${y}`);

/** The location's clock: documents show Dutch office time whatever time zone the PC is set to. */
const AMSTERDAM = 'Europe/Amsterdam';
const longStamp = new Intl.DateTimeFormat('nl-NL', { timeZone: AMSTERDAM, day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const shortStamp = new Intl.DateTimeFormat('nl-NL', { timeZone: AMSTERDAM, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** "25 november 2026 om 14:05" (Amsterdam time). */
export const nlDateTime = (moment: Date) => longStamp.format(moment);
/** "25-11-2026 14:05" (Amsterdam time), for tables and timelines. */
export const nlDateTimeShort = (moment: Date) => shortStamp.format(moment).replace(',', '');

// Calendar dates are formatted at UTC midnight, so no time zone can move them to another day.
const longDay = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
/** `YYYY-MM-DD` → "1 december 2026", for a date in a sentence (screen: format.ts dateLong). */
export const nlDateLong = (iso: string) => longDay.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));

const monthYear = new Intl.DateTimeFormat('nl-NL', { month: 'long', year: 'numeric', timeZone: 'UTC' });
/**
 * A register period on paper, as the screen shows it (renderer RegisterTable): a day `YYYY-MM-DD`
 * as `01-12-2026`, a month `YYYY-MM` as `december 2026`.
 */
export const nlPeriod = (period: string) => (/^\d{4}-\d{2}$/.test(period) ? monthYear.format(new Date(`${period}-01T00:00:00Z`)) : /^\d{4}-\d{2}-\d{2}$/.test(period) ? nlDate(period) : period);
