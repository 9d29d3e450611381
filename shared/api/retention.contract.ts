import { z } from 'zod';
import type { MethodDef } from './contract';
import {
  Applicant,
  ApplicantInput,
  CloseComplaintInput,
  Complaint,
  ComplaintInput,
  DestroyItems,
  Employee,
  EmployeeInput,
  HireInput,
  LegalHold,
  LiftHoldInput,
  PlaceHoldInput,
  Policy,
  Preview,
  RetentionNotice,
  RunSummary,
  StatutoryHoldInput,
  SubjectType,
  WhyReport,
  WhySubjectType,
} from './retention.schemas';
import { Id, PdfFile } from './schemas';

const def = <I extends z.ZodType, O extends z.ZodType>(d: MethodDef<I, O>) => d;
const Empty = z.object({}).strict();

/** Applicants, employees, complaints, retention policies, legal holds and destruction runs. */
export const retentionContract = {
  'applicants.list': def({ input: Empty, output: z.array(Applicant), permission: 'staffFiles.access' }),
  'applicants.save': def({ input: ApplicantInput, output: Applicant, permission: 'staffFiles.access' }),
  /** In dienst nemen: the applicant's data move into a new employee record (no retyping). */
  'applicants.hire': def({ input: HireInput, output: Employee, permission: 'staffFiles.access' }),

  'employees.list': def({ input: Empty, output: z.array(Employee), permission: 'staffFiles.access' }),
  'employees.save': def({ input: EmployeeInput, output: Employee, permission: 'staffFiles.access' }),
  'employees.addStatutoryHold': def({ input: StatutoryHoldInput, output: Employee, permission: 'staffFiles.access' }),
  'employees.removeStatutoryHold': def({ input: z.object({ id: Id }), output: Employee, permission: 'staffFiles.access' }),

  'complaints.list': def({ input: Empty, output: z.array(Complaint), permission: 'complaints.manage' }),
  'complaints.save': def({ input: ComplaintInput, output: Complaint, permission: 'complaints.manage' }),
  'complaints.close': def({ input: CloseComplaintInput, output: Complaint, permission: 'complaints.manage' }),

  'retention.policies': def({ input: Empty, output: z.array(Policy), permission: 'retention.manage' }),
  'holds.list': def({ input: z.object({ subjectType: SubjectType, subjectId: Id }), output: z.array(LegalHold), permission: 'retention.manage' }),
  'holds.place': def({ input: PlaceHoldInput, output: LegalHold, permission: 'retention.manage' }),
  'holds.lift': def({ input: LiftHoldInput, output: LegalHold, permission: 'retention.manage' }),
  /** "Waarom bewaren we dit nog?" for one person. */
  'retention.why': def({ input: z.object({ subjectType: WhySubjectType, id: Id }), output: WhyReport, permission: 'retention.manage' }),
  'retention.whyPdf': def({ input: z.object({ subjectType: WhySubjectType, id: Id }), output: PdfFile, permission: 'retention.manage' }),
  /** What is due today and in the next 30 days, with the reasons. */
  'retention.preview': def({ input: Empty, output: Preview, permission: 'retention.manage' }),
  /** A confirmed run: start, destroy in chunks (progress), finish. */
  'retention.startRun': def({ input: Empty, output: z.object({ runId: z.string() }), permission: 'retention.manage' }),
  'retention.destroy': def({ input: DestroyItems, output: z.object({ destroyed: z.number().int() }), permission: 'retention.manage' }),
  'retention.finishRun': def({ input: z.object({ runId: Id }), output: RunSummary, permission: 'retention.manage' }),
  'retention.runs': def({ input: Empty, output: z.array(RunSummary), permission: 'retention.manage' }),
  'retention.reportPdf': def({ input: z.object({ runId: Id }), output: PdfFile, permission: 'retention.manage' }),
  /** The last automatic run the manager has not seen yet (shown as a notice). */
  'retention.notice': def({ input: Empty, output: RetentionNotice, permission: 'retention.manage', passive: true }),
  'retention.dismissNotice': def({ input: z.object({ runId: Id }), output: z.object({}), permission: 'retention.manage' }),
} satisfies Record<string, MethodDef>;
