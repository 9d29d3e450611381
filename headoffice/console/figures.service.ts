import type { Figures, FiguresResponse } from '../../shared/console/figures';
import { PURPOSES } from '../../shared/domain/consents';
import { REQUEST_KINDS } from '../../shared/domain/requests';
import type { HoDb } from '../db/schema';
import { figureLocations, figureRecords, statisticsOfYear, type FigureEntity } from './figures.repository';

/**
 * Anonymised figures (issue 18 part 9): counted in memory from the few payload fields each figure
 * needs (kind, dates, status, recipient, purpose, decision); the answer holds numbers and category
 * keys only, never a name or an id of a person.
 *
 * Small numbers: counts of events (requests, breaches, disclosures, destructions) are shown as they
 * are — they describe the organisation's work, not a person. A consent rate of a location with fewer
 * than 5 children is not shown (null, "te weinig kinderen"): with 1–4 children a percentage tells
 * what one family chose. The organisation's rate is always shown.
 */
const MIN_CHILDREN_FOR_RATE = 5;

interface Tally {
  requests: Map<string, { received: number; onTime: number; late: number; pending: number }>;
  breaches: { total: number; reportedToAp: number };
  disclosures: Map<string, number>;
  destructions: Map<string, number>;
  /** The children in care in the year: with a contract that ran on at least one day of it. */
  children: Set<string>;
  /** child id + purpose → the latest decision (append-only history: the newest row counts). */
  consents: Map<string, { at: string; given: boolean }>;
}

const newTally = (): Tally => ({ requests: new Map(), breaches: { total: 0, reportedToAp: 0 }, disclosures: new Map(), destructions: new Map(), children: new Set(), consents: new Map() });
const str = (value: unknown) => (typeof value === 'string' ? value : '');
const add = (map: Map<string, number>, key: string, n: number) => map.set(key, (map.get(key) ?? 0) + n);
const percent = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);

function count(tally: Tally, entity: FigureEntity, row: Record<string, unknown>, apReportedAt: string | null, year: string, today: string): void {
  const inYear = (date: string) => date.slice(0, 4) === year;
  switch (entity) {
    case 'subject_requests': {
      if (!inYear(str(row.received_on))) return;
      const kind = str(row.kind);
      const figure = tally.requests.get(kind) ?? { received: 0, onTime: 0, late: 0, pending: 0 };
      figure.received++;
      const deadline = str(row.deadline);
      const closedOn = row.status === 'closed' ? str(row.closed_on) : '';
      if (closedOn) figure[closedOn <= deadline ? 'onTime' : 'late']++;
      else figure[today > deadline ? 'late' : 'pending']++;
      tally.requests.set(kind, figure);
      return;
    }
    case 'data_breaches':
      if (!inYear(str(row.discovered_at))) return;
      tally.breaches.total++;
      if (apReportedAt) tally.breaches.reportedToAp++;
      return;
    case 'disclosures':
      if (inYear(str(row.disclosed_on) || str(row.created_at))) add(tally.disclosures, str(row.recipient), 1);
      return;
    case 'contracts': {
      // A child whose record is kept after the last contract (7 years) is not in care any more: it does not count.
      const end = str(row.end_date);
      if (str(row.start_date) <= `${year}-12-31` && (!end || end >= `${year}-01-01`)) tally.children.add(str(row.child_id));
      return;
    }
    case 'photo_consents': {
      const decidedOn = str(row.decided_on);
      if (decidedOn.slice(0, 4) > year) return;
      const key = `${str(row.child_id)}|${str(row.purpose)}`;
      const at = `${decidedOn}|${str(row.recorded_at)}`;
      const latest = tally.consents.get(key);
      if (!latest || at > latest.at) tally.consents.set(key, { at, given: row.decision === 'given' });
    }
  }
}

function figuresOf(tally: Tally, smallLocation: boolean): Figures {
  const requests = REQUEST_KINDS.map((kind) => ({ kind, ...(tally.requests.get(kind) ?? { received: 0, onTime: 0, late: 0, pending: 0 }) }));
  const onTime = requests.reduce((n, r) => n + r.onTime, 0);
  const decided = requests.reduce((n, r) => n + r.onTime + r.late, 0);
  const consents = PURPOSES.map((purpose) => {
    let given = 0;
    for (const child of tally.children) if (tally.consents.get(`${child}|${purpose}`)?.given) given++;
    const children = tally.children.size;
    return { purpose, children, given, rate: smallLocation && children < MIN_CHILDREN_FOR_RATE ? null : percent(given, children) };
  });
  return {
    requests,
    onTimeShare: percent(onTime, decided),
    breaches: { ...tally.breaches },
    disclosures: [...tally.disclosures].map(([recipient, n]) => ({ recipient, count: n })).sort((a, b) => b.count - a.count || a.recipient.localeCompare(b.recipient)),
    destructions: [...tally.destructions].map(([metric, n]) => ({ metric, count: n })).sort((a, b) => a.metric.localeCompare(b.metric)),
    consents,
  };
}

/** The figures of one calendar year (default: the current year on the service's clock), per location and in total. */
export async function figures(db: HoDb, now: Date, requestedYear?: number): Promise<FiguresResponse> {
  const year = requestedYear ?? now.getUTCFullYear();
  const period = String(year);
  const today = now.toISOString().slice(0, 10);
  const locations = await figureLocations(db);
  const tallies = new Map(locations.map((l) => [l.id, newTally()]));
  const total = newTally();
  for (const record of await figureRecords(db)) {
    const tally = tallies.get(record.location_id);
    if (!tally || !record.payload) continue;
    const row = JSON.parse(record.payload) as Record<string, unknown>;
    for (const t of [tally, total]) count(t, record.entity as FigureEntity, row, record.ap_reported_at, period, today);
  }
  for (const s of await statisticsOfYear(db, period)) {
    const tally = tallies.get(s.location_id);
    if (!tally) continue;
    add(tally.destructions, s.metric, Number(s.count));
    add(total.destructions, s.metric, Number(s.count));
  }
  // The organisation's children: a child's id is unique over all locations, so the union counts each once.
  return { year, currentYear: now.getUTCFullYear(), organisation: figuresOf(total, false), locations: locations.map((l) => ({ id: l.id, name: l.name, figures: figuresOf(tallies.get(l.id)!, true) })) };
}
