import { z } from 'zod';
import type { DataArea, MethodDef } from './contract';
import { method } from './method';
import { DestroyItems, Policy, Preview, RetentionNotice, RunSummary, WhyReport, WhySubjectType } from './retention.schemas';
import { Empty, Id, PdfFile } from './schemas';

/** What decides when a record goes: the record itself, its contracts, closed case files, holds, the rules. */
const DECIDES: readonly DataArea[] = ['retention', 'holds', 'households', 'children', 'contracts', 'meldcode', 'applicants', 'employees', 'complaints'];
/** Everything a destruction removes (every row of the person in every table). */
const DESTROYED: readonly DataArea[] = [
  'households', 'children', 'medical', 'bsn', 'contracts', 'tasks', 'waitlist', 'pickup', 'consents', 'exchange',
  'disclosures', 'marketing', 'meldcode', 'requests', 'holds', 'applicants', 'employees', 'complaints',
];
const WhySubject = z.object({ subjectType: WhySubjectType, id: Id });
const whyDetails = (input: z.output<typeof WhySubject>) => ({ subjectType: input.subjectType, subjectId: input.id });
const run = { entity: 'destruction_run', entityId: (input: { runId: string }) => input.runId } as const;

/** Retention policies (bewaartermijnen), "Waarom bewaren" and destruction runs. */
export const retentionContract = {
  'retention.policies': method({ input: Empty, output: z.array(Policy), permission: 'retention.manage', shows: ['retention'] }),
  /** "Waarom bewaren we dit nog?" for one person. */
  'retention.why': method({
    input: WhySubject,
    output: WhyReport,
    permission: 'retention.manage',
    audit: { kind: 'read', data: 'clients', details: whyDetails },
    // The paper dossier's tasks are listed too.
    shows: [...DECIDES, 'tasks'],
  }),
  'retention.whyPdf': method({
    input: WhySubject,
    output: PdfFile,
    permission: 'retention.manage',
    audit: { kind: 'read', data: 'documents', details: whyDetails },
    shows: [...DECIDES, 'tasks'],
  }),
  /** What is due today and in the next 30 days, with the reasons. */
  'retention.preview': method({ input: Empty, output: Preview, permission: 'retention.manage', shows: DECIDES }),
  /**
   * A confirmed run: start, destroy in chunks (progress), finish. The start makes an encrypted
   * backup first (VACUUM INTO, outside any transaction), so its audit row follows the call.
   */
  'retention.startRun': method({
    input: Empty,
    output: z.object({ runId: z.string() }),
    permission: 'retention.manage',
    audit: { kind: 'write', data: 'clients', entity: 'destruction_run', entityId: (_input, output) => output.runId, transaction: 'own' },
    changes: ['retention', 'backups'],
  }),
  /** Counts only: the audit chain never names whose data went. */
  'retention.destroy': method({
    input: DestroyItems,
    output: z.object({ destroyed: z.number().int() }),
    permission: 'retention.manage',
    audit: { kind: 'write', data: 'clients', ...run, details: (_input, output) => ({ count: output.destroyed, automatic: false }) },
    changes: ['retention', ...DESTROYED],
  }),
  'retention.finishRun': method({
    input: z.object({ runId: Id }),
    output: RunSummary,
    permission: 'retention.manage',
    audit: { kind: 'write', data: 'clients', ...run },
    changes: ['retention'],
  }),
  'retention.runs': method({ input: Empty, output: z.array(RunSummary), permission: 'retention.manage', shows: ['retention'] }),
  'retention.reportPdf': method({
    input: z.object({ runId: Id }),
    output: PdfFile,
    permission: 'retention.manage',
    audit: { kind: 'read', data: 'documents', ...run },
    shows: ['retention'],
  }),
  /** The last automatic run the manager has not seen yet (shown as a notice). */
  'retention.notice': method({ input: Empty, output: RetentionNotice, permission: 'retention.manage', passive: true, shows: ['retention'] }),
  'retention.dismissNotice': method({
    input: z.object({ runId: Id }),
    output: z.object({}),
    permission: 'retention.manage',
    audit: { kind: 'write', data: 'clients', ...run },
    changes: ['retention'],
  }),
} satisfies Record<string, MethodDef>;
