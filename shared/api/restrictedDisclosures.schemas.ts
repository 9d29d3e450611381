import { z } from 'zod';
import { zm } from '../i18n/translate';
import { DisclosureEntry, DisclosurePreview } from './consents.schemas';
import { Id, required, tooLong } from './schemas';

/**
 * A legally required disclosure (Belastingdienst, GGD, gemeente) and the persons whose processing
 * is restricted (AVG art. 18): the preview names them, the manager decides per person with a
 * reason, and the export waits until every one of them is decided.
 */
export const RestrictedSubjectType = z.enum(['child', 'parent']);

/** A person in the selection whose processing is restricted: not in the rows until decided. */
export const RestrictedPerson = z.object({
  subjectType: RestrictedSubjectType,
  subjectId: z.string(),
  name: z.string(),
  /** For a parent: the children (comma-separated) whose lines carry the parent's data. */
  childName: z.string().nullable(),
  /** The restriction's own reason, as recorded with the AVG-verzoek. */
  restrictionReason: z.string(),
  since: z.string(),
});
export type RestrictedPerson = z.infer<typeof RestrictedPerson>;

export const RestrictionDecisionInput = z.object({
  subjectType: RestrictedSubjectType,
  subjectId: Id,
  /** true: included because the law requires it; false: left out. */
  include: z.boolean({ error: zm('disclosures.restricted.chooseDecision') }),
  reason: z
    .string({ error: required('disclosures.restricted.reason') })
    .trim()
    .min(1, required('disclosures.restricted.reason'))
    .min(10, zm('disclosures.restricted.reasonTooShort'))
    .max(500, tooLong('disclosures.restricted.reason', 500)),
});
export type RestrictionDecisionInput = z.infer<typeof RestrictionDecisionInput>;

export const RestrictionDecisions = z.array(RestrictionDecisionInput).max(500).default([]);

export const LegalDisclosurePreview = DisclosurePreview.extend({
  /** GGD: the location and the day as the list states them. */
  heading: z.object({ locationName: z.string(), lrkNumber: z.string(), day: z.string() }).nullable(),
  restricted: z.array(RestrictedPerson),
});
export type LegalDisclosurePreview = z.infer<typeof LegalDisclosurePreview>;

/** A decision as the register shows it. */
export const RestrictionDecision = z.object({ subjectType: RestrictedSubjectType, name: z.string(), include: z.boolean(), reason: z.string() });
export type RestrictionDecision = z.infer<typeof RestrictionDecision>;

export const RegisterEntry = DisclosureEntry.extend({ restrictionDecisions: z.array(RestrictionDecision) });
export type RegisterEntry = z.infer<typeof RegisterEntry>;
