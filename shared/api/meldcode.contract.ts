import { z } from 'zod';
import type { MethodDef } from './contract';
import { method } from './method';
import { AddEntryInput, CaseStatus, CloseCaseInput, MeldcodeCase, MeldcodeCaseSummary, MeldcodeChildOption, OpenCaseInput } from './meldcode.schemas';
import { ByChild } from './clients.schemas';
import { Id, PdfFile } from './schemas';

/** Audit rows name the case by id only: never the child, the concern or the text of an entry. */
const CASE = 'meldcode_case';

/**
 * Meldcode case files (meldcodedossiers). Only the aandachtsfunctionaris and the manager hold
 * `meldcode.access`; every call that shows or changes a case file, reads included, is audited.
 */
export const meldcodeContract = {
  'meldcode.list': method({
    input: z.object({ status: CaseStatus.nullish() }),
    output: z.array(MeldcodeCaseSummary),
    permission: 'meldcode.access',
    audit: { kind: 'read', data: 'meldcode', details: (input, output) => ({ status: input.status ?? null, count: output.length }) },
    shows: ['meldcode', 'children', 'retention'],
  }),
  /** The cases about one child, for the child page (never part of the child's own payload). */
  'meldcode.forChild': method({
    input: ByChild,
    output: z.array(MeldcodeCaseSummary),
    permission: 'meldcode.access',
    audit: { kind: 'read', data: 'meldcode', entity: 'child', entityId: (input) => input.childId, details: (_input, output) => ({ count: output.length }) },
    shows: ['meldcode', 'children', 'retention'],
  }),
  /** Name, birth date and group of the children a case can be about (no client file). */
  'meldcode.children': method({
    input: z.object({}),
    output: z.array(MeldcodeChildOption),
    permission: 'meldcode.access',
    audit: { kind: 'read', data: 'meldcode', details: (_input, output) => ({ count: output.length }) },
    shows: ['children'],
  }),
  'meldcode.open': method({
    input: OpenCaseInput,
    output: MeldcodeCase,
    permission: 'meldcode.access',
    audit: { kind: 'write', data: 'meldcode', entity: CASE, entityId: (_input, output) => output.id, details: (input) => ({ route: input.route, childId: input.childId }) },
    changes: ['meldcode'],
  }),
  'meldcode.get': method({
    input: z.object({ caseId: Id }),
    output: MeldcodeCase,
    permission: 'meldcode.access',
    audit: { kind: 'read', data: 'meldcode', entity: CASE, entityId: (input) => input.caseId },
    shows: ['meldcode', 'children', 'retention'],
  }),
  /** Entries are only ever added; a correction is a new entry that refers to the one it corrects. */
  'meldcode.addEntry': method({
    input: AddEntryInput,
    output: MeldcodeCase,
    permission: 'meldcode.access',
    audit: { kind: 'write', data: 'meldcode', entity: CASE, entityId: (input) => input.caseId, details: (input) => ({ kind: input.kind }) },
    changes: ['meldcode'],
  }),
  'meldcode.close': method({
    input: CloseCaseInput,
    output: MeldcodeCase,
    permission: 'meldcode.access',
    audit: { kind: 'write', data: 'meldcode', entity: CASE, entityId: (input) => input.caseId },
    changes: ['meldcode'],
  }),
  /** One audit row per print. */
  'meldcode.printPdf': method({
    input: z.object({ caseId: Id }),
    output: PdfFile,
    permission: 'meldcode.access',
    audit: { kind: 'read', data: 'meldcode', entity: CASE, entityId: (input) => input.caseId },
    shows: ['meldcode', 'children', 'retention'],
  }),
} satisfies Record<string, MethodDef>;
