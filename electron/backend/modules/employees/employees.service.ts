import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { employeesContract } from '../../../../shared/api/employees.contract';
import { AppError } from '../../../../shared/api/result';
import type { Employee } from '../../../../shared/api/retention.schemas';
import { displayName } from '../../../../shared/domain/names';
import { destructionDate, employeePolicy } from '../../../../shared/domain/retention';
import { msg } from '../../../../shared/i18n/translate';
import type { AppCore } from '../../core';
import type { DbOrTrx, EmployeeRow } from '../../db/schema';
import { assertNotRestricted } from '../requests/restrictions';
import { queueUpsert } from '../../sync/outbox';
import { loadPolicies, type Policies } from '../retention/policies';
import { eraseRows } from '../retention/retention.repository';
import { locationId } from '../setup/setup.service';
import { allEmployees, allStatutoryHolds, findEmployee, findStatutoryHold, insertEmployee, insertStatutoryHold, statutoryHoldsOf, updateEmployee } from './employees.repository';

type Input<M extends keyof typeof employeesContract> = z.output<(typeof employeesContract)[M]['input']>;

const NOT_FOUND = msg('staff.employeeNotFound');

function toEmployee(r: EmployeeRow, holds: { id: string; description: string; legal_basis: string; until: string }[], policies: Policies): Employee {
  const ruleDate = r.employment_end ? destructionDate(policies.get(employeePolicy(r.labour_dispute === 1))!, r.employment_end) : null;
  const longest = holds.reduce<string | null>((max, h) => (max === null || h.until > max ? h.until : max), null);
  return {
    id: r.id,
    firstName: r.first_name,
    surnamePrefix: r.surname_prefix,
    surname: r.surname,
    displayName: displayName({ firstName: r.first_name, surnamePrefix: r.surname_prefix, surname: r.surname }),
    address: r.address,
    email: r.email,
    phone: r.phone,
    position: r.position,
    employmentStart: r.employment_start,
    employmentEnd: r.employment_end,
    labourDispute: r.labour_dispute === 1,
    hiredFromApplicationOn: r.hired_from_application_on,
    statutoryHolds: holds.map((h) => ({ id: h.id, description: h.description, legalBasis: h.legal_basis, until: h.until })),
    destructionDate: ruleDate && longest && longest > ruleDate ? longest : ruleDate,
  };
}

export async function listEmployees(db: DbOrTrx): Promise<Employee[]> {
  const policies = await loadPolicies(db);
  const holds = await allStatutoryHolds(db);
  return (await allEmployees(db)).map((r) =>
    toEmployee(
      r,
      holds.filter((h) => h.employee_id === r.id),
      policies,
    ),
  );
}

export async function loadEmployee(db: DbOrTrx, id: string): Promise<Employee> {
  const row = await findEmployee(db, id);
  if (!row) throw new AppError('NOT_FOUND', NOT_FOUND);
  return toEmployee(row, await statutoryHoldsOf(db, id), await loadPolicies(db));
}

export async function saveEmployee(core: AppCore, input: Input<'employees.save'>): Promise<Employee> {
  const id = await core.transaction(async (trx) => {
    const now = core.now().toISOString();
    const values = {
      first_name: input.firstName,
      surname_prefix: input.surnamePrefix,
      surname: input.surname,
      address: input.address,
      email: input.email,
      phone: input.phone,
      position: input.position,
      employment_start: input.employmentStart,
      employment_end: input.employmentEnd,
      labour_dispute: input.labourDispute ? (1 as const) : (0 as const),
      updated_at: now,
    };
    let id = input.id ?? null;
    if (id) {
      // A restricted employee's file is read-only (AVG art. 18); a correction goes through the AVG-verzoek.
      await assertNotRestricted(trx, 'employee', [id], core.today());
      if (!(await updateEmployee(trx, id, values))) throw new AppError('NOT_FOUND', NOT_FOUND);
    } else {
      id = uuidv7();
      await insertEmployee(trx, { ...values, id, location_id: await locationId(trx), hired_from_application_on: null, created_at: now, version: null });
    }
    await queueUpsert(trx, 'employees', id, core.now());
    return id;
  });
  return loadEmployee(core.db(), id);
}

export async function addStatutoryHold(core: AppCore, input: Input<'employees.addStatutoryHold'>): Promise<Employee> {
  await core.transaction(async (trx) => {
    const employee = await findEmployee(trx, input.employeeId);
    if (!employee) throw new AppError('NOT_FOUND', NOT_FOUND);
    const id = uuidv7();
    await insertStatutoryHold(trx, { id, location_id: employee.location_id, employee_id: employee.id, description: input.description, legal_basis: input.legalBasis, until: input.until, created_at: core.now().toISOString(), version: null });
    await queueUpsert(trx, 'employee_statutory_holds', id, core.now());
  });
  return loadEmployee(core.db(), input.employeeId);
}

export async function removeStatutoryHold(core: AppCore, id: string): Promise<Employee> {
  const employeeId = await core.transaction(async (trx) => {
    const hold = await findStatutoryHold(trx, id);
    if (!hold) throw new AppError('NOT_FOUND', msg('staff.statutoryHoldNotFound'));
    await eraseRows(trx, 'employee_statutory_holds', [id], core.now());
    return hold.employee_id;
  });
  return loadEmployee(core.db(), employeeId);
}
