import { z } from 'zod';
import { zm } from '../i18n/translate';
import { PERIOD_UNITS } from '../domain/retention';
import { DATA_MAP_POLICY_KEYS } from '../dataMap/policies';
import { Email, IsoDate, optionalDate, optionalText, Phone } from './clients.schemas';
import { Id, text } from './schemas';

// ---- applicants (sollicitanten) ------------------------------------------------------------

export const ApplicantOutcome = z.enum(['open', 'rejected', 'withdrawn'], { error: zm('staff.outcomeRequired') });
export type ApplicantOutcome = z.infer<typeof ApplicantOutcome>;

export const ApplicantInput = z
  .object({
    id: Id.nullish(),
    firstName: text('staff.field.firstName', 80),
    surnamePrefix: optionalText('Tussenvoegsel', 20),
    surname: text('staff.field.surname', 120),
    email: Email,
    phone: Phone,
    position: text('staff.field.position', 120),
    appliedOn: IsoDate('Sollicitatiedatum'),
    procedureEndDate: optionalDate('Einde procedure'),
    outcome: ApplicantOutcome,
    /** Toestemming om de gegevens 1 jaar te bewaren in plaats van 4 weken. */
    consentLongerRetention: z.boolean().default(false),
    consentOn: optionalDate('Datum toestemming'),
  })
  .superRefine((v, ctx) => {
    if (v.outcome !== 'open' && !v.procedureEndDate) ctx.addIssue({ code: 'custom', path: ['procedureEndDate'], message: zm('staff.procedureEndRequired') });
    if (v.procedureEndDate && v.procedureEndDate < v.appliedOn) ctx.addIssue({ code: 'custom', path: ['procedureEndDate'], message: zm('staff.procedureEndBeforeApplied') });
    if (v.consentLongerRetention && !v.consentOn) ctx.addIssue({ code: 'custom', path: ['consentOn'], message: zm('staff.consentDateRequired') });
  });

export const Applicant = z.object({
  id: z.string(),
  firstName: z.string(),
  surnamePrefix: z.string().nullable(),
  surname: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  position: z.string(),
  appliedOn: z.string(),
  procedureEndDate: z.string().nullable(),
  outcome: ApplicantOutcome,
  consentLongerRetention: z.boolean(),
  consentOn: z.string().nullable(),
  /** The date the data will be destroyed (null while the procedure runs). */
  destructionDate: z.string().nullable(),
});
export type Applicant = z.infer<typeof Applicant>;

export const HireInput = z.object({ id: Id, address: text('staff.field.address', 200), employmentStart: IsoDate('Datum in dienst') });

// ---- employees (medewerkers) ---------------------------------------------------------------

export const EmployeeInput = z
  .object({
    id: Id.nullish(),
    firstName: text('staff.field.firstName', 80),
    surnamePrefix: optionalText('Tussenvoegsel', 20),
    surname: text('staff.field.surname', 120),
    address: text('staff.field.address', 200),
    email: Email,
    phone: Phone,
    position: text('staff.field.position', 120),
    employmentStart: IsoDate('Datum in dienst'),
    employmentEnd: optionalDate('Datum uit dienst'),
    labourDispute: z.boolean().default(false),
  })
  .superRefine((v, ctx) => {
    if (v.employmentEnd && v.employmentEnd < v.employmentStart) ctx.addIssue({ code: 'custom', path: ['employmentEnd'], message: zm('staff.employmentEndBeforeStart') });
    if (v.labourDispute && !v.employmentEnd) ctx.addIssue({ code: 'custom', path: ['labourDispute'], message: zm('staff.labourDisputeNeedsEnd') });
  });

const StatutoryHold = z.object({ id: z.string(), description: z.string(), legalBasis: z.string(), until: z.string() });
export const StatutoryHoldInput = z.object({
  employeeId: Id,
  description: text('staff.field.description', 200),
  legalBasis: text('staff.field.legalBasis', 300),
  until: IsoDate('Bewaren tot'),
});

export const Employee = z.object({
  id: z.string(),
  firstName: z.string(),
  surnamePrefix: z.string().nullable(),
  surname: z.string(),
  displayName: z.string(),
  address: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  position: z.string(),
  employmentStart: z.string(),
  employmentEnd: z.string().nullable(),
  labourDispute: z.boolean(),
  hiredFromApplicationOn: z.string().nullable(),
  statutoryHolds: z.array(StatutoryHold),
  destructionDate: z.string().nullable(),
});
export type Employee = z.infer<typeof Employee>;

// ---- retention -----------------------------------------------------------------------------

/** Every retention policy: the statement's and the data map's (one list, shared/dataMap/policies.ts). */
const PolicyKey = z.enum(DATA_MAP_POLICY_KEYS);
export const Policy = z.object({
  key: PolicyKey,
  category: z.string(),
  periodAmount: z.number().int(),
  periodUnit: z.enum(PERIOD_UNITS),
  anchor: z.string(),
  legalBasis: z.string(),
  /** "7 jaar na einde van het laatste contract" */
  rule: z.string(),
  /** Changed by head office (not the statement's default any more). */
  fromHeadOffice: z.boolean(),
});
export type Policy = z.infer<typeof Policy>;

/** Records a legal hold or a destruction can address (a hold on a child blocks its household). */
const SUBJECT_TYPES = ['household', 'child', 'applicant', 'employee', 'complaint', 'meldcode_case'] as const;
export const SubjectType = z.enum(SUBJECT_TYPES);
export type SubjectType = z.infer<typeof SubjectType>;

export const HoldReasonKind = z.enum(['labour_dispute', 'complaint', 'subject_request', 'legal_claim', 'other'], { error: zm('retention.holdReasonRequired') });
export type HoldReasonKind = z.infer<typeof HoldReasonKind>;

export const LegalHold = z.object({
  id: z.string(),
  subjectType: SubjectType,
  subjectId: z.string(),
  reasonKind: HoldReasonKind,
  reason: z.string(),
  reviewDate: z.string(),
  placedAt: z.string(),
  placedByName: z.string(),
  liftedAt: z.string().nullable(),
  liftedByName: z.string().nullable(),
  liftReason: z.string().nullable(),
});
export type LegalHold = z.infer<typeof LegalHold>;

export const PlaceHoldInput = z.object({
  subjectType: SubjectType,
  subjectId: Id,
  reasonKind: HoldReasonKind,
  reason: text('retention.field.holdReason', 500),
  reviewDate: IsoDate('Herbeoordelen op'),
});
export const LiftHoldInput = z.object({ id: Id, reason: text('retention.field.liftReason', 500) });

/**
 * The categories the engine destroys (registry keys): whole records (household, applicant …) and,
 * from the data map, the parts of a record with their own, earlier rule (medical data, parents'
 * contact details, the other parent, register entries …).
 */
export const DestructionCategory = z.enum([
  'household',
  'applicant',
  'employee',
  'complaint',
  'meldcode',
  'medical',
  'pickup_persons',
  'pickup_bans',
  'identification',
  'photo_consent',
  'exchange_consent',
  'parent_contact',
  'other_parent',
  'waitlist',
  'disclosure_register',
  'request_register',
]);
export type DestructionCategory = z.infer<typeof DestructionCategory>;

const RetentionStatus = z.enum(['running', 'due', 'pending', 'held']);

export const PreviewItem = z.object({
  category: DestructionCategory,
  id: z.string(),
  /** Who or what, for the manager's eyes only (never written to the destruction log). */
  label: z.string(),
  policy: PolicyKey,
  rule: z.string(),
  legalBasis: z.string(),
  /** Why it is due: the anchor event and its date. */
  reason: z.string(),
  dueDate: z.string(),
  status: RetentionStatus,
  daysLeft: z.number().int(),
  holdReason: z.string().nullable(),
});
export type PreviewItem = z.infer<typeof PreviewItem>;

export const Preview = z.object({ today: z.string(), windowEnd: z.string(), items: z.array(PreviewItem) });
export type Preview = z.infer<typeof Preview>;

export const DestroyItems = z.object({
  runId: Id,
  items: z.array(z.object({ category: DestructionCategory, id: Id })).min(1, zm('retention.itemsRequired')).max(200),
});

export const RunSummary = z.object({
  id: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  executedByName: z.string(),
  automatic: z.boolean(),
  itemCount: z.number().int(),
  byCategory: z.array(z.object({ category: DestructionCategory, count: z.number().int() })),
});
export type RunSummary = z.infer<typeof RunSummary>;

export const WhySubjectType = z.enum(['household', 'child', 'applicant', 'employee']);
export type WhySubjectType = z.infer<typeof WhySubjectType>;

const WhyItem = z.object({
  category: z.string(),
  policy: PolicyKey.nullable(),
  rule: z.string(),
  legalBasis: z.string(),
  /** When it goes (null: the period has not started, e.g. a contract still runs). */
  destructionDate: z.string().nullable(),
  /** wissen: the columns are cleared while the row stays (parents' e-mail and phone). */
  action: z.enum(['vernietigen', 'vernietigd', 'bevestigen', 'wissen']),
  explanation: z.string(),
});
export const WhyReport = z.object({
  subjectType: WhySubjectType,
  subjectId: z.string(),
  name: z.string(),
  items: z.array(WhyItem),
  holds: z.array(LegalHold),
});
export type WhyReport = z.infer<typeof WhyReport>;

export const RetentionNotice = z.object({ runId: z.string(), itemCount: z.number().int(), at: z.string() }).nullable();
