import { addDays, addMonths, addWeeks, addYears, differenceInCalendarDays, format, parseISO } from 'date-fns';

/**
 * Bewaartermijnen (retention periods) from the privacy statement. The app enforces them: a record
 * is destroyed on its destruction date, unless a legal hold (blokkade) or a statutory duty
 * (wettelijke bewaarplicht) keeps it longer — and then the app says why and until when.
 *
 * Policies are data (table `retention_policies`, synced from head office); these are the defaults.
 */
export const POLICY_KEYS = ['contract', 'complaint', 'paper_dossier', 'meldcode', 'applicant', 'applicant_consent', 'employee', 'employee_dispute'] as const;
export type PolicyKey = (typeof POLICY_KEYS)[number];

export const PERIOD_UNITS = ['days', 'weeks', 'months', 'years'] as const;
export type PeriodUnit = (typeof PERIOD_UNITS)[number];

/** `K`: the statement's keys by default; the engine uses every key of the data map (shared/dataMap/policies.ts). */
export interface RetentionPolicy<K extends string = PolicyKey> {
  key: K;
  /** What the rule covers, in Dutch (shown in the Bewaartermijnen table and the "Waarom" view). */
  category: string;
  periodAmount: number;
  periodUnit: PeriodUnit;
  /** The event the period starts at, in Dutch ("einde contract"). */
  anchor: string;
  /** Wettelijke grondslag / source of the rule, in Dutch. */
  legalBasis: string;
}

const STATEMENT = 'Privacystatement, "Hoe lang worden je gegevens bewaard?"';

export const DEFAULT_POLICIES: readonly RetentionPolicy[] = [
  {
    key: 'contract',
    category: 'Contractgegevens en financiële gegevens (naam, voorletters, geboortedatum en BSN van ouder en kind, contracten, IBAN)',
    periodAmount: 7,
    periodUnit: 'years',
    anchor: 'einde van het laatste contract',
    legalBasis: `Fiscale bewaarplicht, art. 52 Algemene wet inzake rijksbelastingen en art. 2:10 Burgerlijk Wetboek (7 jaar); ${STATEMENT}`,
  },
  {
    key: 'complaint',
    category: 'Klachten',
    periodAmount: 7,
    periodUnit: 'years',
    anchor: 'afsluiting van de klacht',
    legalBasis: `Wet kinderopvang (klachtenregeling); ${STATEMENT}: klachten bewaren we 7 jaar`,
  },
  {
    key: 'paper_dossier',
    category: 'Papieren kinddossier op de locatie',
    periodAmount: 0,
    periodUnit: 'days',
    anchor: 'einde van het contract',
    legalBasis: `${STATEMENT}: het papieren kinddossier wordt direct na het einde van het contract vernietigd`,
  },
  {
    key: 'meldcode',
    category: 'Meldcodedossiers',
    periodAmount: 2,
    periodUnit: 'years',
    anchor: 'afsluiting van het dossier',
    legalBasis: `Wet verplichte meldcode huiselijk geweld en kindermishandeling; ${STATEMENT}: documenten van een meldcodeproces worden 2 jaar bewaard`,
  },
  {
    key: 'applicant',
    category: 'Sollicitanten',
    periodAmount: 4,
    periodUnit: 'weeks',
    anchor: 'einde van de sollicitatieprocedure',
    legalBasis: 'AVG art. 5 lid 1 sub e (opslagbeperking); privacystatement, sollicitanten: niet langer dan 4 weken na de procedure',
  },
  {
    key: 'applicant_consent',
    category: 'Sollicitanten met toestemming om langer te bewaren',
    periodAmount: 1,
    periodUnit: 'years',
    anchor: 'einde van de sollicitatieprocedure',
    legalBasis: 'AVG art. 6 lid 1 sub a (toestemming); privacystatement, sollicitanten: met toestemming maximaal 1 jaar na de procedure',
  },
  {
    key: 'employee',
    category: 'Medewerkers (personeelsdossier)',
    periodAmount: 2,
    periodUnit: 'years',
    anchor: 'einde van het dienstverband',
    legalBasis: 'Privacystatement, gegevens medewerkers: uiterlijk 2 jaar na het einde van het dienstverband (richtlijn Autoriteit Persoonsgegevens)',
  },
  {
    key: 'employee_dispute',
    category: 'Medewerkers met een arbeidsconflict bij uitdiensttreding',
    periodAmount: 10,
    periodUnit: 'years',
    anchor: 'einde van het dienstverband',
    legalBasis: 'Privacystatement, gegevens medewerkers: 10 jaar bij een arbeidsconflict bij uitdiensttreding (verjaringstermijn)',
  },
];

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Calendar results already computed (pure functions of their arguments): an evaluation of 100k
 * records meets the same contract end dates again and again. Bounded, so a long-running process
 * never grows it without end.
 */
const periodEnds = new Map<string, string>();
const dayDistances = new Map<string, number>();
function remember<T>(cache: Map<string, T>, key: string, value: T): T {
  if (cache.size >= 20_000) cache.clear();
  cache.set(key, value);
  return value;
}

/**
 * The destruction date: the anchor date plus the period, in calendar terms. A month or year
 * added to a month end or 29 February lands on the last day of the target month (date-fns
 * clamps): 2024-02-29 + 1 year = 2025-02-28, 2023-01-31 + 1 month = 2023-02-28.
 */
export function addPeriod(anchorDate: string, amount: number, unit: PeriodUnit): string {
  const key = `${anchorDate}|${amount}|${unit}`;
  const known = periodEnds.get(key);
  if (known !== undefined) return known;
  if (!ISO_DATE.test(anchorDate)) throw new Error(`not an ISO date: ${anchorDate}`);
  const date = parseISO(anchorDate);
  const add = { days: addDays, weeks: addWeeks, months: addMonths, years: addYears }[unit];
  return remember(periodEnds, key, format(add(date, amount), 'yyyy-MM-dd'));
}

export const destructionDate = (policy: Pick<RetentionPolicy, 'periodAmount' | 'periodUnit'>, anchorDate: string) =>
  addPeriod(anchorDate, policy.periodAmount, policy.periodUnit);

/** "7 jaar", "4 weken", "direct" — the period in Dutch. */
export function periodLabel(amount: number, unit: PeriodUnit): string {
  if (amount === 0) return 'direct';
  const words: Record<PeriodUnit, [string, string]> = { days: ['dag', 'dagen'], weeks: ['week', 'weken'], months: ['maand', 'maanden'], years: ['jaar', 'jaar'] };
  return `${amount} ${words[unit][amount === 1 ? 0 : 1]}`;
}

/** "7 jaar na einde van het laatste contract" */
export const ruleText = (policy: Pick<RetentionPolicy<string>, 'periodAmount' | 'periodUnit' | 'anchor'>) =>
  policy.periodAmount === 0 ? `direct na ${policy.anchor}` : `${periodLabel(policy.periodAmount, policy.periodUnit)} na ${policy.anchor}`;

/** Days from today until the date (negative: past). */
function daysUntil(date: string, today: string): number {
  const key = `${date}|${today}`;
  return dayDistances.get(key) ?? remember(dayDistances, key, differenceInCalendarDays(parseISO(date), parseISO(today)));
}


/**
 * The applicant rule: 4 weeks after the procedure, or 1 year with consent. Hired applicants are
 * not destroyed here: their data moved into the personnel file (employee).
 */
export const applicantPolicy = (consentLongerRetention: boolean): PolicyKey => (consentLongerRetention ? 'applicant_consent' : 'applicant');

/** The employee rule: 2 years after employment, 10 years when there was a labour dispute at departure. */
export const employeePolicy = (labourDispute: boolean): PolicyKey => (labourDispute ? 'employee_dispute' : 'employee');

/**
 * When a record is kept beyond its rule. A statutory duty (e.g. leaving while sick) extends it to
 * the duty's end, never longer; a legal hold blocks destruction until it is lifted.
 */
export interface Extension {
  kind: 'statutory' | 'hold';
  until: string | null;
  reason: string;
  /** The duty is a meldcode file: a document without meldcode access names neither it nor its date. */
  aboutMeldcode?: true;
}

/**
 * Why a clock has not started, where a document words it differently from the engine's sentence:
 * `meldcode` (an open meldcode file: hidden from whoever may not know of it), `contract_running`
 * and `no_contract` (the rule already names the contract, so a letter does not repeat it).
 */
export type RunningCause = 'meldcode' | 'contract_running' | 'no_contract';

export type RetentionState =
  | { status: 'running'; reason: string; cause?: RunningCause }
  | { status: 'due'; dueDate: string; daysLeft: number }
  | { status: 'pending'; dueDate: string; daysLeft: number }
  | { status: 'held'; dueDate: string; hold: Extension };

/**
 * What happens to a record today: its own date (or why the clock has not started), pushed out by
 * statutory duties, blocked by holds. `due` means it may be destroyed today.
 */
export function retentionState(input: { ruleDate: string | null; runningReason?: string; runningCause?: RunningCause; extensions: readonly Extension[] }, today: string): RetentionState {
  if (input.ruleDate === null) {
    const reason = input.runningReason ?? 'De bewaartermijn is nog niet begonnen.';
    return input.runningCause ? { status: 'running', reason, cause: input.runningCause } : { status: 'running', reason };
  }
  let dueDate = input.ruleDate;
  for (const e of input.extensions) if (e.kind === 'statutory' && e.until !== null && e.until > dueDate) dueDate = e.until;
  const hold = input.extensions.find((e) => e.kind === 'hold');
  if (hold) return { status: 'held', dueDate, hold };
  const daysLeft = daysUntil(dueDate, today);
  return daysLeft <= 0 ? { status: 'due', dueDate, daysLeft } : { status: 'pending', dueDate, daysLeft };
}
