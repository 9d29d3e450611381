import { z } from 'zod';
import { PURPOSES } from '../domain/consents';
import { DISCLOSURE_FIELDS, type DisclosureField } from '../domain/disclosures';
import { Email, IsoDate, optionalText } from './clients.schemas';
import { Id, text } from './schemas';
import { appToday } from '../domain/clock';
import { zm, type MessageKey } from '../i18n/translate';

const Purpose = z.enum(PURPOSES);
export const ConsentChannel = z.enum(['signed_form', 'parent_portal', 'email'], { error: zm('consents.chooseChannel') });
const notInFuture = (label: MessageKey) => IsoDate(label).refine((v) => v <= appToday(), zm('validation.notInFuture', { label }));

/** One or more purposes answered at once (e.g. a returned form). Only the contract parent decides. */
export const ConsentRecordInput = z.object({
  childId: Id,
  parentId: Id,
  decidedOn: notInFuture('consents.field.date'),
  channel: ConsentChannel,
  answers: z
    .array(z.object({ purpose: Purpose, given: z.boolean(), recognisable: z.boolean().default(false) }))
    .min(1, zm('consents.choosePurpose'))
    .refine((a) => new Set(a.map((x) => x.purpose)).size === a.length, zm('consents.purposeOnce')),
});

const ConsentDecision = z.enum(['given', 'withdrawn']);

export const ConsentRecord = z.object({
  id: z.string(),
  purpose: Purpose,
  decision: ConsentDecision,
  recognisable: z.boolean(),
  parentName: z.string(),
  decidedOn: z.string(),
  channel: ConsentChannel,
  privacyStatementVersion: z.string(),
  recordedAt: z.string(),
  recordedByName: z.string(),
});
export type ConsentRecord = z.infer<typeof ConsentRecord>;

export const ConsentOverview = z.object({
  childId: z.string(),
  current: z.array(z.object({ purpose: Purpose, permission: z.enum(['recognisable', 'unrecognisable', 'no']), since: z.string().nullable() })),
  history: z.array(ConsentRecord),
  formReturns: z.array(z.object({ id: z.string(), returnedOn: z.string(), recordedByName: z.string() })),
  contractParent: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  privacyStatementVersion: z.string(),
});
export type ConsentOverview = z.infer<typeof ConsentOverview>;

export const RosterInput = z.object({ groupId: z.string({ error: zm('groups.choose') }).uuid(zm('groups.choose')), purpose: Purpose });
/** A child on the fotolijst: the name and the allergy marker (whether allergies are recorded, never their text). */
const RosterChild = z.object({ name: z.string(), hasAllergies: z.boolean() });
export type RosterChild = z.infer<typeof RosterChild>;
export const Roster = z.object({
  groupName: z.string(),
  purpose: Purpose,
  recognisable: z.array(RosterChild),
  unrecognisable: z.array(RosterChild),
  no: z.array(RosterChild),
});
export type Roster = z.infer<typeof Roster>;

export const ExchangeConsentInput = z.object({
  childId: Id,
  parentId: Id,
  recipientName: text('consents.field.recipient', 120),
  recipientType: z.enum(['school', 'zorginstelling', 'anders'], { error: zm('consents.chooseRecipientType') }),
  purpose: text('consents.field.purpose', 300),
  dataDescription: text('consents.field.dataDescription', 500),
  validUntil: IsoDate('consents.field.validUntil'),
  givenOn: notInFuture('consents.field.givenOn'),
  /** The statement requires written consent for exchange with a school or care institution. */
  written: z.literal(true, { error: zm('consents.writtenOnly') }),
});

export const ExchangeConsent = z.object({
  id: z.string(),
  childId: z.string(),
  recipientName: z.string(),
  recipientType: z.string(),
  purpose: z.string(),
  dataDescription: z.string(),
  validUntil: z.string(),
  parentName: z.string(),
  givenOn: z.string(),
  withdrawnOn: z.string().nullable(),
  valid: z.boolean(),
});
export type ExchangeConsent = z.infer<typeof ExchangeConsent>;

export const DisclosureKind = z.enum(['belastingdienst', 'ggd', 'gemeente_vve']);
export const DisclosureParams = z
  .object({
    kind: DisclosureKind,
    /** Belastingdienst: the month, YYYY-MM. */
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, zm('disclosures.chooseMonth')).nullish(),
    /** GGD: the day of the inspection. */
    date: IsoDate('consents.field.date').nullish(),
    /** GGD: one group of the Groepen list, or all groups. */
    groupId: Id.nullish(),
    municipalityId: Id.nullish(),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'belastingdienst' && !v.month) ctx.addIssue({ code: 'custom', message: zm('disclosures.chooseMonth'), path: ['month'] });
    if (v.kind === 'ggd' && !v.date) ctx.addIssue({ code: 'custom', message: zm('disclosures.chooseInspectionDate'), path: ['date'] });
    if (v.kind === 'gemeente_vve' && !v.municipalityId) ctx.addIssue({ code: 'custom', message: zm('disclosures.chooseMunicipality'), path: ['municipalityId'] });
  });

const FieldKey = z.enum(Object.keys(DISCLOSURE_FIELDS) as [DisclosureField, ...DisclosureField[]]);
export const DisclosurePreview = z.object({
  recipientName: z.string(),
  legalBasis: z.string(),
  columns: z.array(z.object({ key: FieldKey, label: z.string() })),
  rows: z.array(z.array(z.string())),
});
export type DisclosurePreview = z.infer<typeof DisclosurePreview>;

export const ExportFormat = z.enum(['csv', 'pdf']);
export type ExportFormat = z.infer<typeof ExportFormat>;
export const ExportFile = z.object({ fileName: z.string(), base64: z.string(), mime: z.string() });

export const DisclosureEntry = z.object({
  id: z.string(),
  recipient: z.string(),
  recipientName: z.string(),
  legalBasis: z.string(),
  fields: z.array(z.string()),
  subjectCount: z.number().int(),
  format: z.string(),
  period: z.string().nullable(),
  createdAt: z.string(),
  createdByName: z.string(),
  /** Police and justice: the order or claim (vordering) it answered; an auditor: the confidentiality (issue 16). */
  orderReference: z.string().nullish(),
  confidentiality: z.string().nullish(),
  disclosedOn: z.string().nullish(),
});
export type DisclosureEntry = z.infer<typeof DisclosureEntry>;

export const MunicipalityInput = z.object({
  id: Id.nullish(),
  name: text('disclosures.field.municipality', 80),
  legalBasis: text('disclosures.field.regulation', 300),
  fields: z.array(FieldKey).min(1, zm('disclosures.chooseField')),
});
export const Municipality = z.object({ id: z.string(), name: z.string(), legalBasis: z.string(), fields: z.array(FieldKey) });

export const OptOutInput = z.object({
  email: Email.refine((v) => v !== null, zm('marketing.emailRequired')),
  requestedOn: notInFuture('marketing.field.requestedOn'),
  how: z.enum(['email', 'telefoon', 'formulier', 'mondeling'], { error: zm('marketing.chooseHow') }),
});
export const OptOut = z.object({ id: z.string(), email: z.string(), requestedOn: z.string(), how: z.string(), recordedByName: z.string() });

export const RecipientDisclosureInput = z.object({
  childId: Id,
  recipientName: text('consents.field.recipient', 120),
  dataDescription: text('consents.field.dataDescription', 500),
  disclosedOn: notInFuture('consents.field.date'),
  notes: optionalText('disclosures.field.notes', 500),
});
