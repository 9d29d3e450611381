import { contractStatus } from '../../../../shared/domain/contracts';
import { nlWeekdayDate, weekdayOf } from '../../../../shared/domain/weekdays';
import type { OrganisationProfile } from '../../../../shared/organisation/profile';
import { renderTablePdf } from '../../../../shared/pdf/table.pdf';
import { toCsv } from './csv';

/**
 * The GGD list for an inspection day (beroepskracht-kindratio): only the children who come that
 * day, per group, under the location's name, LRK number and the day in Dutch.
 */

/**
 * The child's group as the disclosures read it. The one place that knows where a child's group
 * comes from, so a managed group list changes only this function (and the query behind it).
 */
export const groupOf = (row: { group_name: string }): string => row.group_name;

/** A child comes on `date` when one of their contracts runs that day and its days include the weekday. */
export function comesOn(contracts: readonly { start_date: string; end_date: string | null; days: string }[], date: string): boolean {
  const weekday = weekdayOf(date);
  if (weekday === null) return false;
  return contracts.some((c) => contractStatus(c.start_date, c.end_date, date) === 'actief' && (JSON.parse(c.days) as string[]).includes(weekday));
}

export interface GgdHeading {
  locationName: string;
  lrkNumber: string;
  /** "woensdag 9 december 2026". */
  day: string;
}

export const ggdHeading = (location: { name: string; lrk_number: string } | undefined, date: string): GgdHeading => ({
  locationName: location?.name ?? '',
  lrkNumber: location?.lrk_number ?? '',
  day: nlWeekdayDate(date),
});

/** Groups in alphabetical order, each with its rows in the order given (surname, first name). */
function byGroup<T>(items: readonly T[], group: (item: T) => string): { name: string; items: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(group(item), [...(groups.get(group(item)) ?? []), item]);
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b, 'nl')).map(([name, members]) => ({ name, items: members }));
}

/** The list's rows sorted per group, for the preview and the CSV. */
export function sortedByGroup<T>(items: readonly T[], group: (item: T) => string): T[] {
  return byGroup(items, group).flatMap((g) => g.items);
}

const headingLines = (heading: GgdHeading) => [`Locatie: ${heading.locationName}`, `LRK-nummer: ${heading.lrkNumber}`, `Datum: ${heading.day}`];

/** CSV: the heading lines first (as Excel shows them), a blank line, then one line per child with the group. */
export function ggdCsv(heading: GgdHeading, header: string[], rows: string[][]): Buffer {
  return toCsv(header, rows, [['Locatie', heading.locationName], ['LRK-nummer', heading.lrkNumber], ['Datum', heading.day]]);
}

/** PDF: the location, LRK number and day at the top, then a table per group (the group is its heading). */
export function ggdPdf(
  resourcesDir: string,
  data: { heading: GgdHeading; title: string; lines: string[]; organisation: OrganisationProfile | null; header: string[]; rows: string[][]; groupColumn: number; footer: string },
): Promise<Buffer> {
  const withoutGroup = (row: string[]) => row.filter((_, i) => i !== data.groupColumn);
  const groups = byGroup(data.rows, (row) => row[data.groupColumn] ?? '');
  return renderTablePdf(resourcesDir, {
    title: data.title,
    lines: [...headingLines(data.heading), ...data.lines],
    organisation: data.organisation,
    header: withoutGroup(data.header),
    rows: [],
    groups: groups.map((g) => ({ title: `Groep ${g.name || '(geen groep)'} — ${g.items.length} ${g.items.length === 1 ? 'kind' : 'kinderen'}`, rows: g.items.map(withoutGroup) })),
    footer: data.footer,
  });
}
