import { z } from 'zod';
import type { MethodDef } from './contract';
import { CloseInput, DueList, ErasurePreview, ExportBundle, ExtendInput, MeldcodeDecisionInput, RectifyInput, RequestDetail, RequestInput, RequestSummary } from './requests.schemas';
import { Id, PdfFile, text } from './schemas';

const def = <I extends z.ZodType, O extends z.ZodType>(d: MethodDef<I, O>) => d;
const ById = z.object({ id: Id });

/** AVG-verzoeken: register, deadlines, inzage, dataportabiliteit, rectificatie, beperking, verwijdering. */
export const requestsContract = {
  'requests.list': def({ input: z.object({ status: z.enum(['open', 'closed']).nullish() }), output: z.array(RequestSummary), permission: 'requests.manage' }),
  'requests.get': def({ input: ById, output: RequestDetail, permission: 'requests.manage' }),
  /** Requests due within 7 days or overdue, and open tasks (dashboard). */
  'requests.due': def({ input: z.object({}), output: DueList, permission: 'requests.manage' }),
  'requests.create': def({ input: RequestInput, output: RequestDetail, permission: 'requests.manage' }),
  'requests.extend': def({ input: ExtendInput, output: RequestDetail, permission: 'requests.manage' }),
  /** The aandachtsfunctionaris decides whether meldcode information goes into an access report. */
  'requests.meldcodeDecision': def({ input: MeldcodeDecisionInput, output: RequestDetail, permission: 'meldcode.access' }),
  'requests.accessReport': def({ input: ById, output: PdfFile, permission: 'requests.manage' }),
  'requests.portabilityExport': def({ input: ById, output: ExportBundle, permission: 'requests.manage' }),
  /** Takes in a portability JSON from another location or organisation as a new household. */
  'requests.importPortability': def({ input: z.object({ json: text('Bestand', 5_000_000) }), output: z.object({ householdId: z.string() }), permission: 'clients.write' }),
  'requests.rectify': def({ input: RectifyInput, output: RequestDetail, permission: 'requests.manage' }),
  'requests.restrict': def({ input: z.object({ id: Id, reason: text('Reden', 500) }), output: RequestDetail, permission: 'requests.manage' }),
  /** Lifting a restriction first needs the person to be informed: it creates that task. */
  'requests.requestLift': def({ input: ById, output: RequestDetail, permission: 'requests.manage' }),
  'requests.completeTask': def({ input: ById, output: RequestDetail, permission: 'requests.manage' }),
  'requests.erasurePreview': def({ input: ById, output: ErasurePreview, permission: 'requests.manage' }),
  'requests.erase': def({ input: ById, output: RequestDetail, permission: 'requests.manage' }),
  /** Bezwaar tegen marketing: records the opt-out of the person's e-mail address. */
  'requests.objection': def({ input: ById, output: RequestDetail, permission: 'requests.manage' }),
  'requests.close': def({ input: CloseInput, output: RequestDetail, permission: 'requests.manage' }),
  'requests.letter': def({ input: ById, output: PdfFile, permission: 'requests.manage' }),
} satisfies Record<string, MethodDef>;
