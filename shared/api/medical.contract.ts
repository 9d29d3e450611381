import { can } from '../auth/permissions';
import { ByChild, MedicalInfo, MedicalInput } from './clients.schemas';
import type { MethodDef } from './contract';
import { method } from './method';

/** Medische gegevens en bijzonderheden (special-category data). */
export const medicalContract = {
  /** Each read is audit-logged (special-category data); staff get the care part only. */
  'medical.get': method({
    input: ByChild,
    output: MedicalInfo,
    permission: 'medical.read',
    audit: { kind: 'read', data: 'medical', entity: 'child', entityId: (input) => input.childId, details: (_input, _output, roles) => ({ scope: can(roles, 'medical.full') ? 'full' : 'care' }) },
    shows: ['medical'],
  }),
  'medical.update': method({
    input: MedicalInput,
    output: MedicalInfo,
    permission: 'medical.write',
    audit: { kind: 'write', data: 'medical', entity: 'child', entityId: (input) => input.childId },
    changes: ['medical'],
  }),
} satisfies Record<string, MethodDef>;
