/** `YYYY-MM-DD` → `DD-MM-YYYY`, the way Dutch documents write a date. */
export const nlDate = (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;

/** The location's clock: documents show Dutch office time whatever time zone the PC is set to. */
const AMSTERDAM = 'Europe/Amsterdam';
const longStamp = new Intl.DateTimeFormat('nl-NL', { timeZone: AMSTERDAM, day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const shortStamp = new Intl.DateTimeFormat('nl-NL', { timeZone: AMSTERDAM, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** "25 november 2026 om 14:05" (Amsterdam time). */
export const nlDateTime = (moment: Date) => longStamp.format(moment);
/** "25-11-2026 14:05" (Amsterdam time), for tables and timelines. */
export const nlDateTimeShort = (moment: Date) => shortStamp.format(moment).replace(',', '');
