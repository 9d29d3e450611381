import { z } from 'zod';

/**
 * A data breach (datalek) as a location reports it (issue 18): the row of the location's
 * `data_breaches` table, which syncs to head office as the payload of entity `data_breaches`.
 * The location app writes it (`breaches.report`, also offline); the privacy console at head office
 * reads it from the synced records and keeps its own assessment beside it. Both sides parse the
 * payload with this schema, so a field added here is added on both.
 */

/** Whose data were involved (categorieën van betrokkenen). */
export const BREACH_PERSON_CATEGORIES = ['children', 'parents', 'pickup_persons', 'employees', 'applicants', 'other'] as const;
export const BreachPersonCategory = z.enum(BREACH_PERSON_CATEGORIES);

/** Which data were involved (categorieën van persoonsgegevens); medical, meldcode and BSN weigh most. */
export const BREACH_DATA_CATEGORIES = ['identity', 'contact', 'bsn', 'medical', 'meldcode', 'photos', 'financial', 'other'] as const;
export const BreachDataCategory = z.enum(BREACH_DATA_CATEGORIES);

export const BreachRecord = z.object({
  id: z.string(),
  /** What happened, in the reporter's words (the only free text that reaches head office). */
  what_happened: z.string(),
  /** When the location discovered it: the 72-hour clock of art. 33 AVG starts here (ISO date-time). */
  discovered_at: z.string(),
  /** When it happened, if known (ISO date). */
  occurred_on: z.string().nullable(),
  /** JSON array of BreachPersonCategory. */
  person_categories: z.string(),
  /** Number of persons involved (an estimate where unknown). */
  persons_count: z.number().int(),
  /** JSON array of BreachDataCategory. */
  data_categories: z.string(),
  /** Measures the location already took. */
  measures_taken: z.string(),
  reported_by: z.string(),
  reporter_name: z.string(),
  reported_at: z.string(),
});
export type BreachRecord = z.infer<typeof BreachRecord>;

/** The 72 hours of art. 33 AVG: the report to the Autoriteit Persoonsgegevens is due this long after discovery. */
export const AP_REPORT_DEADLINE_HOURS = 72;
