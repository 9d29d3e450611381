import { z } from 'zod';
import { BREACH_DATA_CATEGORIES, BREACH_PERSON_CATEGORIES } from '../breaches/record';

/**
 * The datalekkenregister in the console (issue 18 part 4): the breaches the locations reported,
 * each with the privacy officer's assessment — the risk, the decision on a report to the Autoriteit
 * Persoonsgegevens (AP) within 72 hours of discovery, informing the persons (art. 34), follow-up —
 * and closing. Nothing is ever deleted: every breach stays on record (art. 33(5)).
 */

export const BREACH_RISKS = ['none', 'low', 'high'] as const;

const reasons = (what: string) => z.string().trim().min(5, `Schrijf ${what} op (minstens 5 tekens).`).max(4000, 'Te lang (hoogstens 4000 tekens).');

export const BreachAssessmentInput = z.object({
  risk: z.enum(BREACH_RISKS, { error: 'Kies het risico voor de betrokkenen.' }),
  likelyConsequences: reasons('de waarschijnlijke gevolgen voor de betrokkenen'),
  reportToAp: z.boolean({ error: 'Kies of het datalek bij de Autoriteit Persoonsgegevens wordt gemeld.' }),
  reasons: reasons('waarom wel of niet wordt gemeld'),
  informPersons: z.boolean({ error: 'Kies of de betrokkenen worden ingelicht.' }),
  informReasons: reasons('waarom de betrokkenen wel of niet worden ingelicht'),
  followUp: z.string().trim().max(4000, 'Te lang (hoogstens 4000 tekens).'),
});
export type BreachAssessmentInput = z.input<typeof BreachAssessmentInput>;

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

/** The report to the AP as made in its meldloket: its reference and when (local date and time). */
export const ApReportInput = z.object({
  apReference: z.string().trim().min(3, 'Vul het meldnummer van de Autoriteit Persoonsgegevens in.').max(60, 'Te lang (hoogstens 60 tekens).'),
  reportedAt: z.string().regex(DATE_TIME, 'Vul in wanneer er is gemeld (datum en tijd).'),
  lateReason: z.string().trim().max(2000, 'Te lang (hoogstens 2000 tekens).'),
});
export type ApReportInput = z.input<typeof ApReportInput>;

export type BreachStatus = 'new' | 'assessed' | 'reported' | 'closed';

export interface ConsoleBreach {
  id: string;
  locationId: string;
  locationName: string;
  whatHappened: string;
  discoveredAt: string;
  occurredOn: string | null;
  personCategories: (typeof BREACH_PERSON_CATEGORIES)[number][];
  personsCount: number;
  dataCategories: (typeof BREACH_DATA_CATEGORIES)[number][];
  measuresTaken: string;
  reporterName: string;
  reportedAt: string;
  /** Discovery + 72 hours: when the AP must have been told, if it must be told. */
  apDeadline: string;
  /** Whole hours from now to the deadline; negative once it has passed. */
  hoursLeft: number;
  /** The 72-hour clock still matters: no decision yet, or a decided report not yet made. */
  clockRunning: boolean;
  status: BreachStatus;
  assessment: {
    risk: (typeof BREACH_RISKS)[number];
    likelyConsequences: string;
    reportToAp: boolean;
    reasons: string;
    informPersons: boolean;
    informReasons: string;
    followUp: string;
    apReference: string | null;
    apReportedAt: string | null;
    lateReason: string | null;
    assessedAt: string;
    closedAt: string | null;
  } | null;
}
