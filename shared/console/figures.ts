import { z } from 'zod';
import { PURPOSES } from '../domain/consents';
import { REQUEST_KINDS } from '../domain/requests';

/**
 * Anonymised figures in the console (issue 18 part 9): per location and for the organisation,
 * for one calendar year. Counts and shares only — never a name or an id of a person.
 */
export const FiguresQuery = z.object({
  year: z.coerce.number({ error: 'Kies een jaar.' }).int('Kies een jaar.').min(2000, 'Kies een jaar vanaf 2000.').max(2200, 'Kies een geldig jaar.').optional(),
});

export interface RequestFigure {
  kind: (typeof REQUEST_KINDS)[number];
  received: number;
  /** Answered (closed) on or before the deadline. */
  onTime: number;
  /** Answered after the deadline, or still open past it. */
  late: number;
  /** Still open, the deadline not yet passed: not counted in the on-time share. */
  pending: number;
}

export interface ConsentFigure {
  purpose: (typeof PURPOSES)[number];
  children: number;
  given: number;
  /** Percentage of children whose latest decision is "given"; null when too few children to show (see the service). */
  rate: number | null;
}

export interface Figures {
  requests: RequestFigure[];
  /** Percentage answered on time of the requests whose deadline passed or that were answered; null without any. */
  onTimeShare: number | null;
  breaches: { total: number; reportedToAp: number };
  disclosures: { recipient: string; count: number }[];
  /** The location's retention statistics for the year (metric → count), e.g. destroyed.household. */
  destructions: { metric: string; count: number }[];
  consents: ConsentFigure[];
}

export interface FiguresResponse {
  year: number;
  /** The current year on the service's clock (the newest year to choose). */
  currentYear: number;
  organisation: Figures;
  locations: { id: string; name: string; figures: Figures }[];
}
