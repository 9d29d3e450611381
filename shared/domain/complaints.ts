import { deadlineState, type DeadlineState } from './requests';
import { addPeriod } from './retention';

/**
 * Klachten (Wet kinderopvang): the houder handles a parent's complaint as soon as possible and at
 * the latest within six weeks; a complaint that is not resolved can go to the Geschillencommissie
 * Kinderopvang. Dates are ISO `YYYY-MM-DD` in the location's calendar.
 */

/** Six weeks from the day the complaint was received. */
export const HANDLING_WEEKS = 6;

/** The last day to handle the complaint: six weeks (42 calendar days) after it was received. */
export const complaintDeadline = (receivedOn: string) => addPeriod(receivedOn, HANDLING_WEEKS, 'weeks');

/** An open complaint's deadline: overdue after the deadline day, due soon from 7 days before it (the same warning as AVG-verzoeken). */
export const complaintDeadlineState = (receivedOn: string, today: string): DeadlineState => deadlineState(complaintDeadline(receivedOn), today);

/** The houder's judgement (oordeel) on a complaint. */
export const COMPLAINT_OUTCOMES = ['gegrond', 'deels_gegrond', 'ongegrond'] as const;

/** Where a complainant can go when the complaint is not resolved (outcome letter; DOMAIN.md). */
export const COMPLAINT_ROUTES = {
  klachtenloket: { name: 'Klachtenloket Kinderopvang', website: 'www.klachtenloket-kinderopvang.nl' },
  geschillencommissie: { name: 'Geschillencommissie Kinderopvang', website: 'www.degeschillencommissie.nl' },
} as const;
