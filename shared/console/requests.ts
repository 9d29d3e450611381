import { z } from 'zod';
import { REQUEST_KINDS, type RequestKind } from '../domain/requests';

/**
 * AVG-verzoeken in the console (issue 18 part 3). The privacy officer registers a request that came
 * in via privacy@ for the location that holds the person's data; it reaches that location as a task
 * to register it at the person. The overview shows, per location, the kind, dates, deadline and
 * status of every request — never what it asks, nor whom it is about.
 */

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const CentralRequestInput = z.object({
  locationId: z.string({ error: 'Kies de locatie die de gegevens van de verzoeker heeft.' }).min(1, 'Kies de locatie die de gegevens van de verzoeker heeft.').max(64),
  kind: z.enum(REQUEST_KINDS, { error: 'Kies het soort verzoek.' }),
  receivedOn: z.string({ error: 'Vul in op welke dag het verzoek bij privacy@ binnenkwam.' }).regex(DATE, 'Vul in op welke dag het verzoek bij privacy@ binnenkwam.'),
  requesterName: z.string({ error: 'Vul de naam van de verzoeker in.' }).trim().min(2, 'Vul de naam van de verzoeker in (minstens 2 tekens).').max(200, 'Te lang (hoogstens 200 tekens).'),
  requesterContact: z.string({ error: 'Vul in hoe de verzoeker te bereiken is.' }).trim().min(5, 'Vul in hoe de verzoeker te bereiken is (e-mailadres of telefoonnummer).').max(200, 'Te lang (hoogstens 200 tekens).'),
  description: z.string().trim().max(1000, 'Te lang (hoogstens 1000 tekens).'),
});
export type CentralRequestInput = z.input<typeof CentralRequestInput>;

/**
 * Where a request stands: `waiting` at the location to be registered at the person, `not_here`
 * (the location does not know the person), then `open` or `closed` as the location handles it.
 */
export const CONSOLE_REQUEST_STATUSES = ['waiting', 'not_here', 'open', 'closed'] as const;
export type ConsoleRequestStatus = (typeof CONSOLE_REQUEST_STATUSES)[number];

export interface ConsoleRequest {
  id: string;
  locationId: string;
  locationName: string;
  kind: RequestKind;
  /** Came in via privacy@ (registered here), or directly at the location. */
  viaPrivacyOffice: boolean;
  receivedOn: string;
  deadline: string;
  extendedMonths: number;
  status: ConsoleRequestStatus;
  /** The day it was closed, or the day the location said the person is not known there. */
  handledOn: string | null;
  /** Not closed and the deadline has passed. */
  overdue: boolean;
}
