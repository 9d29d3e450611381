import { msg, translate, type MessageRef } from '../i18n/translate';

/**
 * AVG-verzoeken (data subject requests, GDPR art. 12–21): kinds, deadlines and extensions.
 * Dates are ISO `YYYY-MM-DD` in the location's calendar; all arithmetic is calendar arithmetic.
 */

export const REQUEST_KINDS = ['access', 'rectification', 'completion', 'restriction', 'erasure', 'portability', 'objection'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

/** Dutch names as the privacy statement uses them (inzage, rectificatie, …). */
export const REQUEST_KIND_LABEL: Record<RequestKind, string> = {
  access: 'Inzage',
  rectification: 'Rectificatie',
  completion: 'Aanvulling',
  restriction: 'Beperking van de verwerking',
  erasure: 'Verwijdering',
  portability: 'Dataportabiliteit',
  objection: 'Bezwaar (AVG artikel 21)',
};

/** How the requester's identity was established. An ID is looked at, never copied or noted. */
export const IDENTITY_METHODS = ['id_shown', 'known_in_person', 'registered_contact'] as const;

/**
 * The people a request can be about: every data subject of the data map (the other parent is a
 * `parent` row without contract). A pickup person has no row of their own: the request names one
 * row of a child's pickup list (ophaalpersoon or "mag niet ophalen"), and their data are the rows
 * of that list and of the identification log that carry the same name (issue 16).
 */
export const REQUEST_SUBJECT_TYPES = ['parent', 'child', 'employee', 'applicant', 'waitlist_prospect', 'complainant', 'pickup_person'] as const;
export type RequestSubjectType = (typeof REQUEST_SUBJECT_TYPES)[number];
/** A person who asks for themself, without a household: their own row (or, for a pickup person, a row that names them). */
export type OwnRecordSubject = Exclude<RequestSubjectType, 'parent' | 'child'>;
export const isOwnRecordSubject = (type: RequestSubjectType): type is OwnRecordSubject => type !== 'parent' && type !== 'child';

/** How the other parent's request was agreed with the contract parent (afstemming). */
export const COORDINATION_METHODS = ['in_person', 'phone', 'email', 'letter'] as const;
export type CoordinationHow = (typeof COORDINATION_METHODS)[number];

/** The answer period is one month; it may be extended by at most two further months (art. 12(3)). */
const ANSWER_MONTHS = 1;
export const MAX_EXTENSION_MONTHS = 2;
/** The dashboard warns this many days before a deadline. */
const WARN_DAYS = 7;

const parse = (iso: string) => iso.split('-').map(Number) as [number, number, number];
const format = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/**
 * The same day `months` later; when that month is shorter, its last day
 * (31 January + 1 month = 28 or 29 February), as periods in months are counted in EU law.
 */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = parse(iso);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return format(year, month, Math.min(d, daysInMonth(year, month)));
}

export function addDays(iso: string, days: number): string {
  const [y, m, d] = parse(iso);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
function daysBetween(from: string, to: string): number {
  const [y1, m1, d1] = parse(from);
  const [y2, m2, d2] = parse(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}

/** First deadline: one month after the day the request was received. */
export const firstDeadline = (receivedOn: string) => addMonths(receivedOn, ANSWER_MONTHS);

export interface ExtensionState {
  receivedOn: string;
  extendedMonths: number;
}

/** The deadline that applies now: the first one, or the extended one. */
export const currentDeadline = (r: ExtensionState) => addMonths(r.receivedOn, ANSWER_MONTHS + r.extendedMonths);

/**
 * Why an extension is not allowed, or null when it is. It must be decided and told to the
 * requester within the first month, once, for one or two months, with a reason.
 */
export function extensionRefusal(r: ExtensionState, months: number, reason: string, today: string): MessageRef | null {
  if (r.extendedMonths > 0) return msg('requests.alreadyExtended');
  if (!Number.isInteger(months) || months < 1 || months > MAX_EXTENSION_MONTHS) return msg('requests.extendMonths', { max: MAX_EXTENSION_MONTHS });
  if (today > firstDeadline(r.receivedOn)) return msg('requests.extendBeforeFirstDeadline');
  if (reason.trim().length === 0) return msg('requests.extensionNeedsReason');
  return null;
}

/** The same in Dutch. */
export function extensionProblem(r: ExtensionState, months: number, reason: string, today: string): string | null {
  const refusal = extensionRefusal(r, months, reason, today);
  return refusal && translate(refusal);
}

export const DEADLINE_STATES = ['ok', 'due_soon', 'overdue'] as const;
export type DeadlineState = (typeof DEADLINE_STATES)[number];

/** Overdue after the deadline day; "due soon" from WARN_DAYS days before it. */
export function deadlineState(deadline: string, today: string): DeadlineState {
  const left = daysBetween(today, deadline);
  if (left < 0) return 'overdue';
  if (left <= WARN_DAYS) return 'due_soon';
  return 'ok';
}
