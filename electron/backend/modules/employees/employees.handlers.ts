import type { employeesContract } from '../../../../shared/api/employees.contract';
import type { Handlers } from '../../api/handler';
import { addStatutoryHold, listEmployees, removeStatutoryHold, saveEmployee } from './employees.service';

/** Medewerkers (staff files); what is audited is declared in the contract. */
export const employeesHandlers: Handlers<keyof typeof employeesContract> = {
  'employees.list': ({ core }) => listEmployees(core.db()),
  'employees.save': ({ core }, input) => saveEmployee(core, input),
  'employees.addStatutoryHold': ({ core }, input) => addStatutoryHold(core, input),
  'employees.removeStatutoryHold': ({ core }, input) => removeStatutoryHold(core, input.id),
};
