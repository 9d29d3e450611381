import { z } from 'zod';
import type { DataArea, MethodDef } from './contract';
import { method } from './method';
import { CentralRequest, CloseInput, DueList, ErasurePreview, ExportBundle, ExtendInput, MeldcodeDecisionInput, ObjectableCategory, ObjectionInput, PeopleQuery, PersonOption, PortabilityFiles, PortabilityPreview, RectifyInput, RequestDetail, RequestInput, RequestStatus, RequestSummary } from './requests.schemas';
import { ById } from './clients.schemas';
import { Id, PdfFile, text } from './schemas';

/** Audit rows name the request by id; details are codes and counts. */
const REQUEST = 'subjectRequest';
const byRequest = (input: { id: string }) => input.id;

/** A request shows its subject's name (parents and children) besides its own register. */
const REQUEST_READ: readonly DataArea[] = ['requests', 'households', 'children', 'employees', 'applicants', 'waitlist', 'complaints'];
/** Everything a person's dossier is made of (inzage, erasure preview, letters, portability). */
const DOSSIER: readonly DataArea[] = [
  'requests', 'households', 'children', 'bsn', 'medical', 'contracts', 'tasks', 'pickup', 'consents', 'exchange', 'disclosures', 'marketing', 'meldcode', 'retention', 'holds',
  'employees', 'applicants', 'waitlist', 'complaints',
];

/** AVG-verzoeken: register, deadlines, inzage, dataportabiliteit, rectificatie, beperking, verwijdering. */
export const requestsContract = {
  'requests.list': method({ input: z.object({ status: RequestStatus.nullish() }), output: z.array(RequestSummary), permission: 'requests.manage', shows: REQUEST_READ }),
  /** The person picker of "Verzoek registreren" for people with a row of their own (parents and children: search.query). */
  'requests.people': method({ input: PeopleQuery, output: z.array(PersonOption), permission: 'requests.manage', shows: ['employees', 'applicants', 'waitlist', 'complaints'] }),
  'requests.get': method({ input: ById, output: RequestDetail, permission: 'requests.manage', shows: REQUEST_READ }),
  /**
   * The aandachtsfunctionaris' task list (dashboard): open access and erasure requests whose answer
   * waits for their decision on meldcode files. Reading it reveals that a case file exists: audited.
   */
  'requests.meldcodeDecisionsAwaited': method({
    input: z.object({}),
    output: z.array(RequestSummary),
    permission: 'meldcode.access',
    audit: { kind: 'read', data: 'meldcode', details: (_input, output) => ({ count: output.length }) },
    shows: ['requests', 'meldcode'],
  }),
  /** Requests due within 7 days or overdue, and open tasks (dashboard). */
  'requests.due': method({ input: z.object({}), output: DueList, permission: 'requests.manage', shows: REQUEST_READ }),
  /** Requests via privacy@ that wait to be registered at the person they concern (issue 18 part 3). */
  'requests.central': method({ input: z.object({}), output: z.array(CentralRequest), permission: 'requests.manage', shows: ['requests'] }),
  /** "Niet bekend bij deze locatie": the requester's details are cleared here, head office sees the status. */
  'requests.declineCentral': method({
    input: ById,
    output: z.object({ ok: z.literal(true) }),
    permission: 'requests.manage',
    audit: { kind: 'write', data: 'clients', entity: 'centralRequest', entityId: byRequest },
    changes: ['requests'],
  }),
  'requests.create': method({
    input: RequestInput,
    output: RequestDetail,
    permission: 'requests.manage',
    audit: { kind: 'write', data: 'clients', entity: REQUEST, entityId: (_input, output) => output.id, details: (input) => ({ kind: input.kind, subjectType: input.subjectType, viaPrivacyOffice: Boolean(input.centralRequestId) }) },
    changes: ['requests'],
  }),
  'requests.extend': method({
    input: ExtendInput,
    output: RequestDetail,
    permission: 'requests.manage',
    audit: { kind: 'write', data: 'clients', entity: REQUEST, entityId: byRequest, details: (input) => ({ months: input.months }) },
    changes: ['requests'],
  }),
  /** The aandachtsfunctionaris decides whether meldcode information goes into an access report. */
  'requests.meldcodeDecision': method({
    input: MeldcodeDecisionInput,
    output: RequestDetail,
    permission: 'meldcode.access',
    audit: { kind: 'write', data: 'meldcode', entity: REQUEST, entityId: byRequest, details: (input) => ({ decision: input.decision }) },
    changes: ['requests'],
  }),
  /** The inzageverslag: reading it out counts as access to BSN, medical data and (when decided) meldcode files. */
  'requests.accessReport': method({
    input: ById,
    output: PdfFile,
    permission: 'requests.manage',
    audit: { kind: 'read', data: 'documents', entity: REQUEST, entityId: byRequest },
    shows: DOSSIER,
  }),
  'requests.portabilityExport': method({
    input: ById,
    output: ExportBundle,
    permission: 'requests.manage',
    audit: { kind: 'read', data: 'documents', entity: REQUEST, entityId: byRequest },
    shows: DOSSIER,
  }),
  /** Takes in a portability JSON from another location or organisation as a new household. */
  /** Reads the picked files and shows what an import would create; writes nothing (the data come from the file, not the database). */
  'requests.previewPortability': method({
    input: PortabilityFiles,
    output: PortabilityPreview,
    permission: 'clients.write',
    // Reads only the files it is given: no stored data to go stale.
    shows: [],
  }),
  'requests.importPortability': method({
    input: z.object({ json: text('requests.field.file', 5_000_000) }),
    output: z.object({ householdId: z.string() }),
    permission: 'clients.write',
    audit: { kind: 'write', data: 'clients', entity: 'household', entityId: (_input, output) => output.householdId },
    changes: ['households', 'children', 'contracts', 'tasks', 'medical', 'pickup', 'consents'],
  }),
  'requests.rectify': method({
    input: RectifyInput,
    output: RequestDetail,
    permission: 'requests.manage',
    audit: { kind: 'write', data: 'clients', entity: REQUEST, entityId: byRequest, details: (input) => ({ requested: input.changes.length, statement: Boolean(input.statement) }) },
    changes: ['requests', 'households', 'children'],
  }),
  'requests.restrict': method({
    input: z.object({ id: Id, reason: text('validation.field.reason', 500) }),
    output: RequestDetail,
    permission: 'requests.manage',
    audit: { kind: 'write', data: 'clients', entity: REQUEST, entityId: byRequest },
    changes: ['requests'],
  }),
  /** Lifting a restriction first needs the person to be informed: it creates that task. */
  'requests.requestLift': method({
    input: ById,
    output: RequestDetail,
    permission: 'requests.manage',
    audit: { kind: 'write', data: 'clients', entity: REQUEST, entityId: byRequest },
    changes: ['requests'],
  }),
  'requests.completeTask': method({
    input: ById,
    output: RequestDetail,
    permission: 'requests.manage',
    audit: { kind: 'write', data: 'clients', entity: 'requestTask', entityId: byRequest, details: (input, output) => ({ kind: output.tasks.find((t) => t.id === input.id)?.kind ?? null }) },
    changes: ['requests'],
  }),
  'requests.erasurePreview': method({ input: ById, output: ErasurePreview, permission: 'requests.manage', shows: DOSSIER }),
  'requests.erase': method({
    input: ById,
    output: RequestDetail,
    permission: 'requests.manage',
    audit: {
      kind: 'write',
      data: 'clients',
      entity: REQUEST,
      entityId: byRequest,
      details: (_input, output) => ({ erased: output.decision?.erased.length ?? 0, kept: output.decision?.kept.length ?? 0, outcome: output.outcome }),
    },
    changes: DOSSIER,
  }),
  /** The processings on legitimate interest (from the data map) the person of an objection can object to, with what upholding stops. */
  'requests.objectionCategories': method({ input: ById, output: z.array(ObjectableCategory), permission: 'requests.manage', shows: DOSSIER }),
  /**
   * Bezwaar (AVG art. 21) against processings on legitimate interest: per processing upheld (it stops
   * for the person: opt-out list, contact details cleared, identifications erased and refused,
   * blokkades lifted) or refused with the reasons for the letter. Closes the request.
   */
  'requests.objection': method({
    input: ObjectionInput,
    output: RequestDetail,
    permission: 'requests.manage',
    audit: {
      kind: 'write',
      data: 'clients',
      entity: REQUEST,
      entityId: byRequest,
      details: (input, output) => ({ outcome: output.outcome, upheld: input.decisions.filter((d) => d.outcome === 'upheld').map((d) => d.category).join(','), refused: input.decisions.filter((d) => d.outcome === 'refused').map((d) => d.category).join(',') }),
    },
    changes: ['requests', 'marketing', 'households', 'pickup', 'holds'],
  }),
  'requests.close': method({
    input: CloseInput,
    output: RequestDetail,
    permission: 'requests.manage',
    audit: { kind: 'write', data: 'clients', entity: REQUEST, entityId: byRequest, details: (input) => ({ outcome: input.outcome }) },
    changes: ['requests'],
  }),
  /** The besluitbrief, printed as often as needed. */
  'requests.letter': method({
    input: ById,
    output: PdfFile,
    permission: 'requests.manage',
    audit: { kind: 'read', data: 'documents', entity: REQUEST, entityId: byRequest },
    shows: ['requests', 'households'],
  }),
} satisfies Record<string, MethodDef>;
