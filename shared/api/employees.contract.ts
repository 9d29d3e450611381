import { z } from 'zod';
import type { MethodDef } from './contract';
import { method } from './method';
import { Employee, EmployeeInput, StatutoryHoldInput } from './retention.schemas';
import { Empty, Id } from './schemas';

const employee = { entity: 'employee', entityId: (_input: unknown, output: Employee) => output.id } as const;

/** Medewerkers (staff files): every read and write is audited. */
export const employeesContract = {
  'employees.list': method({ input: Empty, output: z.array(Employee), permission: 'staffFiles.access', audit: { kind: 'read', data: 'staffFiles' }, shows: ['employees'] }),
  'employees.save': method({
    input: EmployeeInput,
    output: Employee,
    permission: 'staffFiles.access',
    audit: { kind: 'write', data: 'staffFiles', ...employee, details: (input) => ({ created: !input.id }) },
    changes: ['employees'],
  }),
  'employees.addStatutoryHold': method({
    input: StatutoryHoldInput,
    output: Employee,
    permission: 'staffFiles.access',
    audit: { kind: 'write', data: 'staffFiles', ...employee },
    changes: ['employees'],
  }),
  'employees.removeStatutoryHold': method({
    input: z.object({ id: Id }),
    output: Employee,
    permission: 'staffFiles.access',
    audit: { kind: 'write', data: 'staffFiles', ...employee },
    changes: ['employees'],
  }),
} satisfies Record<string, MethodDef>;
