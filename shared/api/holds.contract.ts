import { z } from 'zod';
import type { MethodDef } from './contract';
import { method } from './method';
import { LegalHold, LiftHoldInput, PlaceHoldInput, SubjectType } from './retention.schemas';
import { Id } from './schemas';

/** The hold, and the record it protects from destruction (ids only). */
const holdAudit = { entity: 'legal_hold', entityId: (_input: unknown, output: LegalHold) => output.id } as const;

/** Legal holds (blokkades): nothing under an active hold is destroyed, by hand or automatically. */
export const holdsContract = {
  'holds.list': method({ input: z.object({ subjectType: SubjectType, subjectId: Id }), output: z.array(LegalHold), permission: 'retention.manage', shows: ['holds'] }),
  'holds.place': method({
    input: PlaceHoldInput,
    output: LegalHold,
    permission: 'retention.manage',
    audit: { kind: 'write', data: 'clients', ...holdAudit, details: (_input, output) => ({ subjectType: output.subjectType, subjectId: output.subjectId, reasonKind: output.reasonKind }) },
    changes: ['holds'],
  }),
  'holds.lift': method({
    input: LiftHoldInput,
    output: LegalHold,
    permission: 'retention.manage',
    audit: { kind: 'write', data: 'clients', ...holdAudit, details: (_input, output) => ({ subjectType: output.subjectType, subjectId: output.subjectId }) },
    changes: ['holds'],
  }),
} satisfies Record<string, MethodDef>;
