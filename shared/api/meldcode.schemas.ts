import { z } from 'zod';
import { ENTRY_KINDS, MELDCODE_ROUTES } from '../domain/meldcode';
import { PERIOD_UNITS } from '../domain/retention';
import { zm, type MessageKey } from '../i18n/translate';
import { IsoDate, optionalDate, optionalText } from './clients.schemas';
import { Id, required, text } from './schemas';

export const MeldcodeRoute = z.enum(MELDCODE_ROUTES);
export const EntryKind = z.enum(ENTRY_KINDS);
export const CaseStatus = z.enum(['open', 'closed']);
export type CaseStatus = z.infer<typeof CaseStatus>;

const longText = (label: MessageKey) => text(label, 4000);

// ---- entry payloads, one per kind ------------------------------------------------------------

/** Stap 1: a signal (observation), when and by whom it was observed. */
const SignalPayload = z.object({ observation: longText('meldcode.field.signal'), observedBy: text('meldcode.field.observedBy', 120) });

/** Stap 2: collegiale consultatie, or advice from Veilig Thuis (which may be anonymous: no names given). */
const ConsultationPayload = z.object({
  consultedWith: z.enum(['colleague', 'veilig_thuis'], { error: required('meldcode.field.withWhom') }),
  consultedName: optionalText('validation.field.name', 120),
  anonymousAdvice: z.boolean().default(false),
  advice: longText('meldcode.field.advice'),
});

/** Stap 3 (route huiselijk): the conversation with the parent. */
const ParentConversationPayload = z.object({
  withWhom: text('meldcode.field.withWhom', 200),
  conductedBy: text('meldcode.field.conductedBy', 120),
  summary: longText('meldcode.field.summary'),
});

/** Stap 3 (route huiselijk): why the conversation was not held (e.g. it would endanger the child). */
const ParentConversationSkippedPayload = z.object({ reason: longText('validation.field.reason') });

/** Stap 3 (route medewerker): consultation of the vertrouwensinspecteur instead of the parent. */
const VertrouwensinspecteurPayload = z.object({ inspectorName: optionalText('meldcode.field.inspectorName', 120), advice: longText('meldcode.field.advice') });

/** Stap 4: the afwegingskader. Later questions are only asked when the earlier answers lead there. */
const WeighingPayload = z
  .object({
    q1Suspicion: z.boolean({ error: zm('meldcode.answerQ1') }),
    q2Unsafe: z.boolean().nullable().default(null),
    q3HelpPossible: z.boolean().nullable().default(null),
    q4Cooperation: z.boolean().nullable().default(null),
    q5LastingSafety: z.boolean().nullable().default(null),
    explanation: longText('meldcode.field.explanation'),
  })
  .superRefine((w, ctx) => {
    if (w.q1Suspicion && w.q2Unsafe === null) ctx.addIssue({ code: 'custom', path: ['q2Unsafe'], message: zm('meldcode.answerQ2') });
    if (w.q1Suspicion && w.q2Unsafe === false) {
      if (w.q3HelpPossible === null) ctx.addIssue({ code: 'custom', path: ['q3HelpPossible'], message: zm('meldcode.answerQ3') });
      if (w.q4Cooperation === null) ctx.addIssue({ code: 'custom', path: ['q4Cooperation'], message: zm('meldcode.answerQ4') });
    }
  })
  // Answers after a question that settles the case mean nothing; they are not stored.
  .transform((w) => ({
    ...w,
    q2Unsafe: w.q1Suspicion ? w.q2Unsafe : null,
    q3HelpPossible: w.q1Suspicion && w.q2Unsafe === false ? w.q3HelpPossible : null,
    q4Cooperation: w.q1Suspicion && w.q2Unsafe === false ? w.q4Cooperation : null,
    q5LastingSafety: w.q1Suspicion && w.q2Unsafe === false ? w.q5LastingSafety : null,
  }));

/**
 * Stap 5: the decision. A report (melding) needs the parent informed beforehand, or the recorded
 * reason why informing them would endanger the child or staff; an anonymous report needs the
 * recorded safety reason.
 */
const DecisionPayload = z
  .object({
    outcome: z.enum(['help', 'report', 'both'], { error: required('meldcode.field.decision') }),
    decidedBy: text('meldcode.field.decidedBy', 200),
    helpDescription: optionalText('meldcode.field.helpDescription', 4000),
    parentInformed: z.boolean().default(false),
    parentInformedOn: optionalDate('meldcode.field.parentInformedOn'),
    notInformedReason: optionalText('validation.field.reason', 4000),
    anonymous: z.boolean().default(false),
    anonymousReason: optionalText('validation.field.reason', 4000),
    explanation: optionalText('meldcode.field.explanation', 4000),
  })
  .superRefine((d, ctx) => {
    if (d.outcome !== 'report' && !d.helpDescription) ctx.addIssue({ code: 'custom', path: ['helpDescription'], message: zm('meldcode.describeHelp') });
    if (d.outcome === 'help') return;
    if (d.parentInformed && !d.parentInformedOn) ctx.addIssue({ code: 'custom', path: ['parentInformedOn'], message: zm('meldcode.parentInformedOnRequired') });
    if (!d.parentInformed && !d.notInformedReason) ctx.addIssue({ code: 'custom', path: ['notInformedReason'], message: zm('meldcode.informParentFirst') });
    if (d.anonymous && !d.anonymousReason) ctx.addIssue({ code: 'custom', path: ['anonymousReason'], message: zm('meldcode.anonymousNeedsReason') });
  })
  .transform((d) => ({
    ...d,
    helpDescription: d.outcome === 'report' ? null : d.helpDescription,
    parentInformedOn: d.outcome !== 'help' && d.parentInformed ? d.parentInformedOn : null,
    notInformedReason: d.outcome !== 'help' && !d.parentInformed ? d.notInformedReason : null,
    anonymous: d.outcome !== 'help' && d.anonymous,
    anonymousReason: d.outcome !== 'help' && d.anonymous ? d.anonymousReason : null,
  }));

/** A correction never changes the entry it refers to: it is a new entry beside it. */
const CorrectionPayload = z.object({ text: longText('meldcode.field.correction') });

export const PAYLOAD_SCHEMAS = {
  signal: SignalPayload,
  consultation: ConsultationPayload,
  parent_conversation: ParentConversationPayload,
  parent_conversation_skipped: ParentConversationSkippedPayload,
  vertrouwensinspecteur: VertrouwensinspecteurPayload,
  weighing: WeighingPayload,
  decision: DecisionPayload,
  correction: CorrectionPayload,
} as const satisfies Record<z.infer<typeof EntryKind>, z.ZodType>;

type PayloadSchemas = typeof PAYLOAD_SCHEMAS;
export type EntryPayload<K extends keyof PayloadSchemas> = z.output<PayloadSchemas[K]>;

// ---- inputs -----------------------------------------------------------------------------------

export const OpenCaseInput = z
  .object({
    route: MeldcodeRoute,
    childId: Id.nullish().transform((v) => v ?? null),
    suspectEmployeeName: optionalText('meldcode.field.employeeName', 120),
    openedOn: IsoDate('meldcode.field.date'),
  })
  .superRefine((v, ctx) => {
    if (v.route === 'huiselijk' && !v.childId) ctx.addIssue({ code: 'custom', path: ['childId'], message: zm('meldcode.chooseChild') });
    if (v.route === 'medewerker' && !v.suspectEmployeeName) ctx.addIssue({ code: 'custom', path: ['suspectEmployeeName'], message: zm('meldcode.employeeNameRequired') });
  })
  .transform((v) => ({ ...v, suspectEmployeeName: v.route === 'medewerker' ? v.suspectEmployeeName : null }));

const entryInput = <K extends keyof PayloadSchemas>(kind: K) =>
  z.object({ caseId: Id, kind: z.literal(kind), occurredOn: IsoDate('meldcode.field.date'), payload: PAYLOAD_SCHEMAS[kind] });

export const AddEntryInput = z.discriminatedUnion('kind', [
  entryInput('signal'),
  entryInput('consultation'),
  entryInput('parent_conversation'),
  entryInput('parent_conversation_skipped'),
  entryInput('vertrouwensinspecteur'),
  entryInput('weighing'),
  entryInput('decision'),
  entryInput('correction').extend({ correctsEntryId: Id }),
]);
export type AddEntryInput = z.input<typeof AddEntryInput>;

export const CloseCaseInput = z.object({ caseId: Id, closedOn: IsoDate('meldcode.field.closedOn'), summary: text('meldcode.field.closingSummary', 4000) });

// ---- outputs ----------------------------------------------------------------------------------

const entryBase = {
  id: z.string(),
  caseId: z.string(),
  occurredOn: z.string(),
  authorName: z.string(),
  createdAt: z.string(),
  correctsEntryId: z.string().nullable(),
};
const entryOutput = <K extends keyof PayloadSchemas>(kind: K) => z.object({ ...entryBase, kind: z.literal(kind), payload: z.custom<EntryPayload<K>>() });

export const MeldcodeEntry = z.discriminatedUnion('kind', [
  entryOutput('signal'),
  entryOutput('consultation'),
  entryOutput('parent_conversation'),
  entryOutput('parent_conversation_skipped'),
  entryOutput('vertrouwensinspecteur'),
  entryOutput('weighing'),
  entryOutput('decision'),
  entryOutput('correction'),
]);
export type MeldcodeEntry = z.infer<typeof MeldcodeEntry>;

export const MeldcodeCaseSummary = z.object({
  id: z.string(),
  route: MeldcodeRoute,
  childId: z.string().nullable(),
  childName: z.string().nullable(),
  suspectEmployeeName: z.string().nullable(),
  status: CaseStatus,
  openedOn: z.string(),
  openedByName: z.string(),
  closedOn: z.string().nullable(),
  /** Vernietigingsdatum: closing date + the meldcode retention policy's period; null while open. */
  destructionDate: z.string().nullable(),
  entryCount: z.number().int(),
});
export type MeldcodeCaseSummary = z.infer<typeof MeldcodeCaseSummary>;

const ReportReason = z.enum(['q2_unsafe', 'q3_no_help', 'q4_no_cooperation', 'q5_not_safe']);

export const MeldcodeCase = MeldcodeCaseSummary.extend({
  closedByName: z.string().nullable(),
  closingSummary: z.string().nullable(),
  /** The retention policy 'meldcode' in force, so the UI can show the destruction date before closing. */
  retentionPeriod: z.object({ periodAmount: z.number().int(), periodUnit: z.enum(PERIOD_UNITS) }),
  entries: z.array(MeldcodeEntry),
  progress: z.object({
    stepsDone: z.object({ 1: z.boolean(), 2: z.boolean(), 3: z.boolean(), 4: z.boolean(), 5: z.boolean() }),
    step3Done: z.boolean(),
    hasWeighing: z.boolean(),
    reportRequired: ReportReason.nullable(),
  }),
});
export type MeldcodeCase = z.infer<typeof MeldcodeCase>;

/** Just enough to pick the child a case is about (the aandachtsfunctionaris has no access to client files). */
export const MeldcodeChildOption = z.object({ id: z.string(), name: z.string(), birthDate: z.string(), groupName: z.string() });
export type MeldcodeChildOption = z.infer<typeof MeldcodeChildOption>;
