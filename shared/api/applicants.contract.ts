import { z } from 'zod';
import type { MethodDef } from './contract';
import { method } from './method';
import { Applicant, ApplicantInput, Employee, HireInput } from './retention.schemas';
import { Empty } from './schemas';

/** Sollicitanten (staff files): every read and write is audited. */
export const applicantsContract = {
  'applicants.list': method({ input: Empty, output: z.array(Applicant), permission: 'staffFiles.access', audit: { kind: 'read', data: 'staffFiles' }, shows: ['applicants'] }),
  'applicants.save': method({
    input: ApplicantInput,
    output: Applicant,
    permission: 'staffFiles.access',
    audit: { kind: 'write', data: 'staffFiles', entity: 'applicant', entityId: (_input, output) => output.id, details: (input) => ({ created: !input.id }) },
    changes: ['applicants'],
  }),
  /** In dienst nemen: the applicant's data move into a new employee record (no retyping). */
  'applicants.hire': method({
    input: HireInput,
    output: Employee,
    permission: 'staffFiles.access',
    audit: { kind: 'write', data: 'staffFiles', entity: 'employee', entityId: (_input, output) => output.id, details: (input) => ({ applicantId: input.id }) },
    changes: ['applicants', 'employees', 'holds'],
  }),
} satisfies Record<string, MethodDef>;
