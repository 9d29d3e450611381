/**
 * The one date style of screen and paper (renderer/src/lib/format.ts, shared/domain/dates.ts):
 * `01-12-2026`, `1 december 2026`, `01-12-2026 14:05`, `1 december 2026 om 14:05`. What else looks
 * like a date, with a little context, so a test can say where it was found.
 */
const STYLES: [string, RegExp][] = [
  ['ISO date (2026-12-01)', /\b\d{4}-\d{2}-\d{2}\b/g],
  ['day or month without a leading zero (20-6-2023)', /(?<![\d-])(\d-\d{1,2}|\d{2}-\d)-\d{4}\b/g],
  ['slashes (1/12/2026)', /\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/g],
  ['abbreviated month (1 dec. 2026)', /\b\d{1,2} (jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec)\.? \d{4}\b/gi],
  ['English month in Dutch (1 December 2026)', /\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b/g],
  ['long date with a comma before the time (1 december 2026, 14:05)', /\b\d{4}, \d{2}:\d{2}\b/g],
  ['time with seconds', /\b\d{2}:\d{2}:\d{2}\b/g],
];

export function offStyleDates(text: string, options: { seconds?: boolean } = {}): string[] {
  const found: string[] = [];
  for (const [name, pattern] of STYLES) {
    if (options.seconds && name === 'time with seconds') continue;
    for (const match of text.matchAll(pattern)) {
      found.push(`${name}: "${text.slice(Math.max(0, match.index - 40), match.index + match[0].length + 20).replace(/\s+/g, ' ')}"`);
    }
  }
  return found;
}
