import { z } from 'zod';
import { COORDINATION_METHODS, DEADLINE_STATES, IDENTITY_METHODS, REQUEST_SUBJECT_TYPES, type OwnRecordSubject, MAX_EXTENSION_MONTHS, REQUEST_KINDS } from '../domain/requests';
import { IsoDate, optionalText } from './clients.schemas';
import { Id, text } from './schemas';
import { appToday } from '../domain/clock';
import { OBJECTION_OUTCOMES } from '../domain/objections';
import { zm } from '../i18n/translate';

const RequestKind = z.enum(REQUEST_KINDS, { error: zm('requests.chooseKind') });
const IdentityMethod = z.enum(IDENTITY_METHODS, { error: zm('requests.chooseIdentityMethod') });
const CoordinationHow = z.enum(COORDINATION_METHODS, { error: zm('requests.chooseCoordinationHow') });
/** The person a request (or a disclosure, a restriction) is about. */
export const SubjectType = z.enum(['parent', 'child'], { error: zm('requests.chooseSubject') });
export type SubjectType = z.infer<typeof SubjectType>;
/** The person a request is about: any data subject with a row of their own. */
export const RequestSubjectType = z.enum(REQUEST_SUBJECT_TYPES, { error: zm('requests.chooseSubject') });
export type RequestSubjectType = z.infer<typeof RequestSubjectType>;
export const RequestStatus = z.enum(['open', 'closed']);
export type RequestStatus = z.infer<typeof RequestStatus>;
const Outcome = z.enum(['granted', 'partially_granted', 'refused']);
/** Whether meldcode information may go into the answer (the aandachtsfunctionaris decides). */
const MeldcodeDisclosureDecision = z.enum(['include', 'exclude']);

export const RequestInput = z.object({
  kind: RequestKind,
  subjectType: RequestSubjectType,
  subjectId: Id,
  /**
   * Who asks, for a child or a parent: for a child the contract parent or the other parent with
   * gezag; for a parent the parent themself. Not asked for other people: they ask for themselves.
   */
  requesterParentId: Id.nullish(),
  receivedOn: IsoDate('requests.field.receivedOn').refine((v) => v <= appToday(), zm('validation.notInFuture', { label: 'requests.field.receivedOn' })),
  identityMethod: IdentityMethod,
  description: optionalText('requests.field.description', 1000),
  /**
   * The afstemming with the contract parent, when the other parent (with gezag) asks about a child:
   * with whom, when and how. Required then (the backend knows who is the contract parent), absent otherwise.
   */
  coordinationParentId: Id.nullish(),
  coordinationOn: IsoDate('requests.field.coordinationOn')
    .refine((v) => v <= appToday(), zm('validation.notInFuture', { label: 'requests.field.coordinationOn' }))
    .nullish(),
  coordinationHow: CoordinationHow.nullish(),
  /** Registering a request that came in via privacy@ (issue 18): its kind and date of receipt are the ones head office recorded. */
  centralRequestId: Id.nullish(),
});

/** Search among the people with a row of their own (employees, applicants, waiting list, complainants). */
export const PeopleQuery = z.object({ type: z.enum(REQUEST_SUBJECT_TYPES.filter((t) => t !== 'parent' && t !== 'child') as [OwnRecordSubject, ...OwnRecordSubject[]]), q: z.string().trim().min(2).max(100) });
export const PersonOption = z.object({ id: z.string(), name: z.string(), detail: z.string() });
export type PersonOption = z.infer<typeof PersonOption>;

export const ExtendInput = z.object({
  id: Id,
  months: z
    .number({ error: zm('requests.chooseMonths', { max: MAX_EXTENSION_MONTHS }) })
    .int()
    .min(1, zm('requests.chooseMonths', { max: MAX_EXTENSION_MONTHS }))
    .max(MAX_EXTENSION_MONTHS, zm('requests.chooseMonths', { max: MAX_EXTENSION_MONTHS })),
  reason: text('requests.field.extensionReason', 1000),
});

export const MeldcodeDecisionInput = z.object({
  id: Id,
  decision: z.enum(MeldcodeDisclosureDecision.options, { error: zm('requests.chooseMeldcodeDecision') }),
  reason: text('requests.field.motivation', 1000),
});

/** The records a correction can change: a person's own row (for a pickup person, a row of a pickup list naming them), or the household. */
const RecordType = z.enum(['parent', 'child', 'household', 'employee', 'applicant', 'waitlist_prospect', 'complainant', 'pickup_person']);

/** Fields that can be rectified, per record; each new value is validated like in the normal forms. */
export const RECTIFIABLE = {
  parent: ['firstName', 'initials', 'surnamePrefix', 'surname', 'email', 'phone'],
  child: ['firstName', 'initials', 'surnamePrefix', 'surname', 'birthDate'],
  household: ['street', 'houseNumber', 'postcode', 'city', 'iban', 'ibanHolder'],
  employee: ['firstName', 'surnamePrefix', 'surname', 'address', 'email', 'phone'],
  applicant: ['firstName', 'surnamePrefix', 'surname', 'email', 'phone'],
  waitlist_prospect: ['parentName', 'parentEmail', 'parentPhone', 'childFirstName', 'childSurname', 'childBirthDate'],
  complainant: ['complainantName', 'complainantContact'],
  pickup_person: ['name', 'relation', 'phone'],
} as const satisfies Record<z.infer<typeof RecordType>, readonly string[]>;
export type RectifiableTarget = keyof typeof RECTIFIABLE;
export type RectifiableField = (typeof RECTIFIABLE)[RectifiableTarget][number];

export const RectifyInput = z.object({
  id: Id,
  changes: z
    .array(z.object({ target: RecordType, targetId: Id, field: z.string().min(1), value: z.string().max(200) }))
    .max(20),
  /** Aanvullende verklaring: the person's own statement, kept with their data. */
  statement: optionalText('requests.field.statement', 2000),
});

export const CloseInput = z
  .object({
    id: Id,
    outcome: z.enum(Outcome.options, { error: zm('requests.chooseOutcome') }),
    /** Required for a (partial) refusal: it goes in the letter. */
    reason: optionalText('requests.field.motivation', 2000),
  })
  .superRefine((v, ctx) => {
    if (v.outcome !== 'granted' && !v.reason) ctx.addIssue({ code: 'custom', message: zm('requests.refusalNeedsReason'), path: ['reason'] });
  });

export const RequestTask = z.object({
  id: z.string(),
  requestId: z.string(),
  kind: z.enum(['inform_recipient', 'inform_before_lift']),
  recipientName: z.string().nullable(),
  dueDate: z.string(),
  doneAt: z.string().nullable(),
  doneByName: z.string().nullable(),
});
export type RequestTask = z.infer<typeof RequestTask>;

const DeadlineStateSchema = z.enum(DEADLINE_STATES);

export const RequestSummary = z.object({
  id: z.string(),
  kind: RequestKind,
  subjectType: RequestSubjectType,
  subjectId: z.string(),
  householdId: z.string().nullable(),
  /** Null when the person's data were erased. */
  subjectName: z.string().nullable(),
  requesterName: z.string(),
  receivedOn: z.string(),
  deadline: z.string(),
  deadlineState: DeadlineStateSchema.nullable(),
  status: RequestStatus,
  outcome: Outcome.nullable(),
  closedOn: z.string().nullable(),
});
export type RequestSummary = z.infer<typeof RequestSummary>;

const Correction = z.object({
  id: z.string(),
  subjectType: RecordType,
  field: z.string().nullable(),
  oldValue: z.string().nullable(),
  newValue: z.string().nullable(),
  statement: z.string().nullable(),
  correctedOn: z.string(),
  correctedByName: z.string(),
});

/** One data category of a person with what may happen to it now (from the retention rules). */
export const CategoryRetention = z.object({
  category: z.string(),
  label: z.string(),
  erasableNow: z.boolean(),
  rule: z.string(),
  legalBasis: z.string(),
  /** The date it goes (bewaartermijn over); null when erasable now or the end is not known yet. */
  keptUntil: z.string().nullable(),
  /** Why there is no date yet, or the blokkade that keeps it. */
  note: z.string().nullable().default(null),
});
export type CategoryRetention = z.infer<typeof CategoryRetention>;

export const ErasurePreview = z.object({ subjectName: z.string(), categories: z.array(CategoryRetention) });
export type ErasurePreview = z.infer<typeof ErasurePreview>;

/** The outcome of an objection (bezwaar, art. 21) against one processing, as the letter and the request page say it. */
const ObjectionDecided = z.object({
  category: z.string(),
  label: z.string(),
  outcome: z.enum(OBJECTION_OUTCOMES),
  /** The grounds of a refusal (required then); null when upheld. */
  reason: z.string().nullable(),
  /** What stopped for the person (upheld). */
  effect: z.string().nullable(),
});

/** What the decision letter says. Codes, labels and dates only (and the manager's reasons for a refusal): no personal data. */
export const Decision = z.object({
  outcome: Outcome,
  reason: z.string().nullable(),
  erased: z.array(CategoryRetention).default([]),
  kept: z.array(CategoryRetention).default([]),
  corrections: z.number().int().default(0),
  informedRecipients: z.array(z.string()).default([]),
  objections: z.array(ObjectionDecided).default([]),
});

/** A processing on legitimate interest the person can object to (from the data map), with what upholding stops. */
export const ObjectableCategory = z.object({
  category: z.string(),
  label: z.string(),
  purpose: z.string(),
  legalBasis: z.string(),
  /** Whether data of this category are stored about the person now (an objection may also be about future processing). */
  hasData: z.boolean(),
  effect: z.string(),
});
export type ObjectableCategory = z.infer<typeof ObjectableCategory>;

/**
 * The manager's decision on an objection: per processing objected to, upheld (it stops) or
 * refused with the reasons that go in the letter. Each refusal without reasons is refused at its field.
 */
export const ObjectionInput = z
  .object({
    id: Id,
    decisions: z
      .array(
        z.object({
          category: z.string().min(1).max(60),
          outcome: z.enum(OBJECTION_OUTCOMES, { error: zm('requests.chooseObjectionOutcome') }),
          reason: optionalText('requests.field.objectionReason', 2000),
        }),
      )
      .min(1, zm('requests.objectionNeedsCategory'))
      .max(10),
  })
  .superRefine((v, ctx) => {
    v.decisions.forEach((d, i) => {
      if (d.outcome === 'refused' && !d.reason) ctx.addIssue({ code: 'custom', message: zm('requests.objectionRefusalNeedsReason'), path: ['decisions', i, 'reason'] });
    });
    const seen = new Set<string>();
    v.decisions.forEach((d, i) => {
      if (seen.has(d.category)) ctx.addIssue({ code: 'custom', message: zm('requests.objectionTwice'), path: ['decisions', i, 'category'] });
      seen.add(d.category);
    });
  });
export type Decision = z.infer<typeof Decision>;

export const RequestDetail = RequestSummary.extend({
  identityMethod: IdentityMethod,
  /** The recorded afstemming with the contract parent (a request of the other parent about a child). */
  coordination: z.object({ parentName: z.string(), on: z.string(), how: CoordinationHow }).nullable(),
  description: z.string().nullable(),
  firstDeadline: z.string(),
  extendedMonths: z.number().int(),
  extensionReason: z.string().nullable(),
  extendedOn: z.string().nullable(),
  meldcode: z.object({ decision: MeldcodeDisclosureDecision, reason: z.string(), decidedByName: z.string(), decidedAt: z.string() }).nullable(),
  /** Active restriction of the subject, with whether lifting is waiting for the person to be informed. */
  restriction: z.object({ since: z.string(), reason: z.string(), liftPending: z.boolean() }).nullable(),
  tasks: z.array(RequestTask),
  corrections: z.array(Correction),
  decision: Decision.nullable(),
});
export type RequestDetail = z.infer<typeof RequestDetail>;

/**
 * A request that reached the privacy officer via privacy@ and waits here to be registered at the
 * right person (issue 18 part 3). The deadline runs from the day the organisation received it.
 */
export const CentralRequest = z.object({
  id: z.string(),
  kind: RequestKind,
  receivedOn: z.string(),
  deadline: z.string(),
  deadlineState: DeadlineStateSchema,
  requesterName: z.string(),
  requesterContact: z.string().nullable(),
  description: z.string().nullable(),
  registeredByName: z.string(),
});
export type CentralRequest = z.infer<typeof CentralRequest>;

export const DueList = z.object({
  requests: z.array(RequestSummary),
  /** Requests via privacy@ still to register (a task until done). */
  central: z.array(CentralRequest),
  tasks: z.array(RequestTask.extend({ requestKind: RequestKind })),
});
export type DueList = z.infer<typeof DueList>;

export const ExportBundle = z.object({
  folderName: z.string(),
  files: z.array(z.object({ fileName: z.string(), base64: z.string(), mime: z.string() })),
});
export type ExportBundle = z.infer<typeof ExportBundle>;

/** The files of an exported folder, as picked to read in (a portability file is at most a few hundred kB). */
export const PortabilityFiles = z.object({
  files: z.array(z.object({ fileName: z.string().max(255), text: z.string().max(5_000_000) })).min(1, zm('requests.importNoFiles')).max(20),
});

/**
 * What a portability import would create, and per picked file whether it was read (the JSON file),
 * is a copy for people (CSV, PDF), unknown, or invalid with its problem (a catalogue message).
 * `preview` is null when any file is invalid: then nothing can be imported.
 */
export const PortabilityPreview = z.object({
  files: z.array(z.object({ fileName: z.string(), status: z.enum(['read', 'copy', 'unknown', 'invalid']), problem: z.string().nullable() })),
  preview: z
    .object({
      source: z.string(),
      exportedOn: z.string(),
      parentName: z.string(),
      address: z.string(),
      children: z.array(z.object({ name: z.string(), birthDate: z.string(), contracts: z.number(), medical: z.boolean(), pickupPersons: z.number(), consents: z.number(), photoConsentsGiven: z.number() })),
    })
    .nullable(),
});
export type PortabilityPreview = z.infer<typeof PortabilityPreview>;
