import { z } from 'zod';
import { BREACH_DATA_CATEGORIES, BREACH_PERSON_CATEGORIES } from '../breaches/record';
import { appNow, instantIn } from '../domain/clock';
import { zm } from '../i18n/translate';
import { IsoDate, optionalText } from './clients.schemas';
import { text } from './schemas';

// ---- datalekken (data breaches, issue 18) ----------------------------------------------------

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * "Datalek melden": what happened and when it was discovered (day and time in the location's
 * calendar: the 72 hours of art. 33 AVG run from that moment), whose and which data, how many
 * persons (an estimate is fine) and what was done already. Nobody is named: categories and a count.
 */
export const BreachInput = z
  .object({
    whatHappened: text('breaches.field.whatHappened', 4000),
    discoveredOn: IsoDate('breaches.field.discoveredAt'),
    discoveredTime: z.string({ error: zm('breaches.discoveredInvalid') }).regex(TIME, zm('breaches.discoveredInvalid')),
    occurredOn: IsoDate('breaches.field.occurredOn').nullish().transform((v) => v ?? null),
    personCategories: z.array(z.enum(BREACH_PERSON_CATEGORIES)).min(1, zm('breaches.personCategoriesRequired')),
    personsCount: z.number({ error: zm('breaches.personsCount') }).int(zm('breaches.personsCount')).min(1, zm('breaches.personsCount')).max(1_000_000, zm('breaches.personsCount')),
    dataCategories: z.array(z.enum(BREACH_DATA_CATEGORIES)).min(1, zm('breaches.dataCategoriesRequired')),
    measuresTaken: optionalText('breaches.field.measuresTaken', 4000),
  })
  .superRefine((input, ctx) => {
    // Zod checks the object's refinement even when a field failed: compare only a valid moment.
    const valid = TIME.test(input.discoveredTime) && /^\d{4}-\d{2}-\d{2}$/.test(input.discoveredOn) && !Number.isNaN(Date.parse(`${input.discoveredOn}T00:00:00Z`));
    if (valid && new Date(instantIn(input.discoveredOn, input.discoveredTime)).getTime() > appNow().getTime()) {
      ctx.addIssue({ code: 'custom', path: ['discoveredTime'], message: zm('breaches.discoveredInFuture') });
    }
    if (input.occurredOn && input.occurredOn > input.discoveredOn) ctx.addIssue({ code: 'custom', path: ['occurredOn'], message: zm('breaches.occurredAfterDiscovery') });
  });

export const Breach = z.object({
  id: z.string(),
  whatHappened: z.string(),
  discoveredAt: z.string(),
  occurredOn: z.string().nullable(),
  personCategories: z.array(z.enum(BREACH_PERSON_CATEGORIES)),
  personsCount: z.number().int(),
  dataCategories: z.array(z.enum(BREACH_DATA_CATEGORIES)),
  measuresTaken: z.string(),
  reporterName: z.string(),
  reportedAt: z.string(),
  /** When head office must have decided on a report to the AP: 72 hours after discovery. */
  apDeadline: z.string(),
  /** Still in the outbox (no connection since): head office has not received it yet. */
  waitingToSync: z.boolean(),
});
export type Breach = z.infer<typeof Breach>;
