import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import { AppError } from '../../../../shared/api/result';
import type { Applicant, ApplicantInput, Employee, EmployeeInput, HireInput, StatutoryHoldInput } from '../../../../shared/api/retention.schemas';
import { displayName } from '../../../../shared/domain/names';
import { applicantPolicy, destructionDate, employeePolicy } from '../../../../shared/domain/retention';
import type { AppCore, Session } from '../../core';
import type { ApplicantRow, DbOrTrx, EmployeeRow } from '../../db/schema';
import { queueUpsert } from '../../sync/outbox';
import { appendAudit } from '../audit/audit.service';
import { getLocation } from '../location/location.repository';
import { eraseRows } from '../retention/erase';
import { loadPolicies, type Policies } from '../retention/policies';

const toApplicant = (r: ApplicantRow, policies: Policies): Applicant => {
  const policy = policies.get(applicantPolicy(r.consent_longer_retention === 1))!;
  return {
    id: r.id,
    firstName: r.first_name,
    surnamePrefix: r.surname_prefix,
    surname: r.surname,
    displayName: displayName({ firstName: r.first_name, surnamePrefix: r.surname_prefix, surname: r.surname }),
    email: r.email,
    phone: r.phone,
    position: r.position,
    appliedOn: r.applied_on,
    procedureEndDate: r.procedure_end_date,
    outcome: r.outcome,
    consentLongerRetention: r.consent_longer_retention === 1,
    consentOn: r.consent_on,
    destructionDate: r.procedure_end_date ? destructionDate(policy, r.procedure_end_date) : null,
  };
};

export async function listApplicants(db: DbOrTrx): Promise<Applicant[]> {
  const policies = await loadPolicies(db);
  return (await db.selectFrom('applicants').selectAll().orderBy('applied_on', 'desc').execute()).map((r) => toApplicant(r, policies));
}

async function loadApplicant(db: DbOrTrx, id: string): Promise<Applicant> {
  const row = await db.selectFrom('applicants').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'Deze sollicitant bestaat niet (meer).');
  return toApplicant(row, await loadPolicies(db));
}

async function locationId(db: DbOrTrx): Promise<string> {
  const location = await getLocation(db);
  if (!location) throw new AppError('CONFLICT', 'De locatie is nog niet ingericht.');
  return location.id;
}

export async function saveApplicant(core: AppCore, session: Session, input: z.output<typeof ApplicantInput>): Promise<Applicant> {
  const id = await core.transaction(async (trx) => {
    const now = core.now().toISOString();
    const values = {
      first_name: input.firstName,
      surname_prefix: input.surnamePrefix,
      surname: input.surname,
      email: input.email,
      phone: input.phone,
      position: input.position,
      applied_on: input.appliedOn,
      procedure_end_date: input.procedureEndDate,
      outcome: input.outcome,
      consent_longer_retention: input.consentLongerRetention ? (1 as const) : (0 as const),
      consent_on: input.consentLongerRetention ? input.consentOn : null,
      updated_at: now,
    };
    let id = input.id ?? null;
    if (id) {
      const result = await trx.updateTable('applicants').set(values).where('id', '=', id).executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw new AppError('NOT_FOUND', 'Deze sollicitant bestaat niet (meer).');
    } else {
      id = uuidv7();
      await trx
        .insertInto('applicants')
        .values({ ...values, id, location_id: await locationId(trx), created_at: now, version: null })
        .execute();
    }
    await queueUpsert(trx, 'applicants', id, core.now());
    await appendAudit(trx, { userId: session.userId, action: input.id ? 'applicants.update' : 'applicants.create', entity: 'applicant', entityId: id }, core.now());
    return id;
  });
  return loadApplicant(core.db(), id);
}

/**
 * In dienst nemen: the application's data move into a new personnel file; the applicant record
 * itself goes (with a tombstone), so its 4-week rule no longer applies to the person.
 */
export async function hireApplicant(core: AppCore, session: Session, input: z.output<typeof HireInput>): Promise<Employee> {
  const employeeId = await core.transaction(async (trx) => {
    const a = await trx.selectFrom('applicants').selectAll().where('id', '=', input.id).executeTakeFirst();
    if (!a) throw new AppError('NOT_FOUND', 'Deze sollicitant bestaat niet (meer).');
    const holds = await trx.selectFrom('legal_holds').select('id').where('subject_type', '=', 'applicant').where('subject_id', '=', a.id).where('lifted_at', 'is', null).execute();
    if (holds.length) throw new AppError('CONFLICT', 'Op deze sollicitant staat een blokkade. Hef die eerst op voordat u de sollicitant in dienst neemt.');
    const now = core.now();
    const id = uuidv7();
    await trx
      .insertInto('employees')
      .values({
        id,
        location_id: a.location_id,
        first_name: a.first_name,
        surname_prefix: a.surname_prefix,
        surname: a.surname,
        address: input.address,
        email: a.email,
        phone: a.phone,
        position: a.position,
        employment_start: input.employmentStart,
        employment_end: null,
        labour_dispute: 0,
        hired_from_application_on: a.applied_on,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
        version: null,
      })
      .execute();
    await queueUpsert(trx, 'employees', id, now);
    await eraseRows(trx, 'legal_holds', (await trx.selectFrom('legal_holds').select('id').where('subject_type', '=', 'applicant').where('subject_id', '=', a.id).execute()).map((h) => h.id), now);
    await eraseRows(trx, 'applicants', [a.id], now);
    await appendAudit(trx, { userId: session.userId, action: 'applicants.hire', entity: 'employee', entityId: id, details: { applicantId: a.id } }, now);
    return id;
  });
  return loadEmployee(core.db(), employeeId);
}

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
  const holds = await db.selectFrom('employee_statutory_holds').selectAll().orderBy('until').execute();
  return (await db.selectFrom('employees').selectAll().orderBy('surname').orderBy('first_name').execute()).map((r) =>
    toEmployee(
      r,
      holds.filter((h) => h.employee_id === r.id),
      policies,
    ),
  );
}

export async function loadEmployee(db: DbOrTrx, id: string): Promise<Employee> {
  const row = await db.selectFrom('employees').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'Deze medewerker bestaat niet (meer).');
  const holds = await db.selectFrom('employee_statutory_holds').selectAll().where('employee_id', '=', id).orderBy('until').execute();
  return toEmployee(row, holds, await loadPolicies(db));
}

export async function saveEmployee(core: AppCore, session: Session, input: z.output<typeof EmployeeInput>): Promise<Employee> {
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
      const result = await trx.updateTable('employees').set(values).where('id', '=', id).executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw new AppError('NOT_FOUND', 'Deze medewerker bestaat niet (meer).');
    } else {
      id = uuidv7();
      await trx
        .insertInto('employees')
        .values({ ...values, id, location_id: await locationId(trx), hired_from_application_on: null, created_at: now, version: null })
        .execute();
    }
    await queueUpsert(trx, 'employees', id, core.now());
    await appendAudit(trx, { userId: session.userId, action: input.id ? 'employees.update' : 'employees.create', entity: 'employee', entityId: id }, core.now());
    return id;
  });
  return loadEmployee(core.db(), id);
}

export async function addStatutoryHold(core: AppCore, session: Session, input: z.output<typeof StatutoryHoldInput>): Promise<Employee> {
  await core.transaction(async (trx) => {
    const employee = await trx.selectFrom('employees').select(['id', 'location_id']).where('id', '=', input.employeeId).executeTakeFirst();
    if (!employee) throw new AppError('NOT_FOUND', 'Deze medewerker bestaat niet (meer).');
    const id = uuidv7();
    await trx
      .insertInto('employee_statutory_holds')
      .values({ id, location_id: employee.location_id, employee_id: employee.id, description: input.description, legal_basis: input.legalBasis, until: input.until, created_at: core.now().toISOString(), version: null })
      .execute();
    await queueUpsert(trx, 'employee_statutory_holds', id, core.now());
    await appendAudit(trx, { userId: session.userId, action: 'employees.addStatutoryHold', entity: 'employee', entityId: employee.id }, core.now());
  });
  return loadEmployee(core.db(), input.employeeId);
}

export async function removeStatutoryHold(core: AppCore, session: Session, id: string): Promise<Employee> {
  const employeeId = await core.transaction(async (trx) => {
    const hold = await trx.selectFrom('employee_statutory_holds').select(['id', 'employee_id']).where('id', '=', id).executeTakeFirst();
    if (!hold) throw new AppError('NOT_FOUND', 'Deze bewaarplicht bestaat niet (meer).');
    await eraseRows(trx, 'employee_statutory_holds', [id], core.now());
    await appendAudit(trx, { userId: session.userId, action: 'employees.removeStatutoryHold', entity: 'employee', entityId: hold.employee_id }, core.now());
    return hold.employee_id;
  });
  return loadEmployee(core.db(), employeeId);
}
