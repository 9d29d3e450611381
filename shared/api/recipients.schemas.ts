import { z } from 'zod';
import { appToday } from '../domain/clock';
import { MANUAL_RECIPIENT_KINDS, needsConfidentiality, needsLegalBasis, needsOrderReference } from '../domain/recipients';
import { zm } from '../i18n/translate';
import { IsoDate } from './clients.schemas';
import { RequestSubjectType } from './requests.schemas';

/** Whose data a register line can name: a person with a row of their own (a pickup person has none: they are names on a child's list). */
const DisclosureSubjectType = RequestSubjectType.exclude(['pickup_person']);
import { Id, tooLong } from './schemas';

/** Optional text the kind may require: empty becomes null, the rule below says when it must be there. */
const maybe = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, tooLong(label, max))
    .nullish()
    .transform((v) => (v ? v : null));

/**
 * "Verstrekking vastleggen": one disclosure to one recipient about one person of this location.
 * The fields are keys from `disclosures.subjectFields` for that person (the data map's groups).
 */
export const ManualDisclosureInput = z
  .object({
    kind: z.enum(MANUAL_RECIPIENT_KINDS, { error: zm('disclosures.manual.chooseKind') }),
    subjectType: DisclosureSubjectType,
    subjectId: Id,
    recipientName: maybe('disclosures.manual.field.recipientName', 160),
    legalBasis: maybe('disclosures.manual.field.legalBasis', 400),
    orderReference: maybe('disclosures.manual.field.orderReference', 120),
    confidentiality: maybe('disclosures.manual.field.confidentiality', 400),
    fields: z.array(z.string().max(200)).min(1, zm('disclosures.manual.chooseFields')).max(60),
    disclosedOn: IsoDate('disclosures.manual.field.disclosedOn').refine((v) => v <= appToday(), zm('validation.notInFuture', { label: 'disclosures.manual.field.disclosedOn' })),
  })
  .strict()
  .superRefine((v, ctx) => {
    const missing = (path: string, key: Parameters<typeof zm>[0]) => ctx.addIssue({ code: 'custom', message: zm(key), path: [path] });
    if (v.kind !== 'veilig_thuis' && !v.recipientName) missing('recipientName', 'disclosures.manual.recipientNameRequired');
    if (needsLegalBasis(v.kind) && !v.legalBasis) missing('legalBasis', 'disclosures.manual.legalBasisRequired');
    if (needsOrderReference(v.kind) && !v.orderReference) missing('orderReference', 'disclosures.manual.orderReferenceRequired');
    if (needsConfidentiality(v.kind) && !v.confidentiality) missing('confidentiality', 'disclosures.manual.confidentialityRequired');
  });

/** A data-map group that holds data about the person: what a disclosure can name as disclosed. */
export const SubjectFieldOption = z.object({
  key: z.string(),
  label: z.string(),
  category: z.string(),
  /** Part of a meldcode file: offered only with meldcode access, and only for Veilig Thuis. */
  meldcode: z.boolean(),
});
export type SubjectFieldOption = z.infer<typeof SubjectFieldOption>;

export const SubjectRef = z.object({ subjectType: DisclosureSubjectType, subjectId: Id });

