import { z } from 'zod';
import type { MethodDef } from './contract';
import { AddEntryInput, CaseStatus, CloseCaseInput, MeldcodeCase, MeldcodeCaseSummary, MeldcodeChildOption, OpenCaseInput } from './meldcode.schemas';
import { Id, PdfFile } from './schemas';

const def = <I extends z.ZodType, O extends z.ZodType>(d: MethodDef<I, O>) => d;

/**
 * Meldcode case files (meldcodedossiers). Only the aandachtsfunctionaris and the manager hold
 * `meldcode.access`; every call, reads included, is audited.
 */
export const meldcodeContract = {
  'meldcode.list': def({ input: z.object({ status: CaseStatus.nullish() }), output: z.array(MeldcodeCaseSummary), permission: 'meldcode.access' }),
  /** The cases about one child, for the child page (never part of the child's own payload). */
  'meldcode.forChild': def({ input: z.object({ childId: Id }), output: z.array(MeldcodeCaseSummary), permission: 'meldcode.access' }),
  'meldcode.children': def({ input: z.object({}), output: z.array(MeldcodeChildOption), permission: 'meldcode.access' }),
  'meldcode.open': def({ input: OpenCaseInput, output: MeldcodeCase, permission: 'meldcode.access' }),
  'meldcode.get': def({ input: z.object({ caseId: Id }), output: MeldcodeCase, permission: 'meldcode.access' }),
  /** Entries are only ever added; a correction is a new entry that refers to the one it corrects. */
  'meldcode.addEntry': def({ input: AddEntryInput, output: MeldcodeCase, permission: 'meldcode.access' }),
  'meldcode.close': def({ input: CloseCaseInput, output: MeldcodeCase, permission: 'meldcode.access' }),
  'meldcode.printPdf': def({ input: z.object({ caseId: Id }), output: PdfFile, permission: 'meldcode.access' }),
} satisfies Record<string, MethodDef>;
