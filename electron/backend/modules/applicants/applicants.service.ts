import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { applicantsContract } from '../../../../shared/api/applicants.contract';
import { AppError } from '../../../../shared/api/result';
import type { Applicant, Employee } from '../../../../shared/api/retention.schemas';
import { displayName } from '../../../../shared/domain/names';
import { applicantPolicy, destructionDate } from '../../../../shared/domain/retention';
import { msg } from '../../../../shared/i18n/translate';
import type { AppCore } from '../../core';
import type { ApplicantRow, DbOrTrx } from '../../db/schema';
import { assertNotRestricted } from '../requests/restrictions';
import { queueUpsert } from '../../sync/outbox';
import { insertEmployee } from '../employees/employees.repository';
import { loadEmployee } from '../employees/employees.service';
import { hasActiveHold } from '../holds/holds.repository';
import { loadPolicies, type Policies } from '../retention/policies';
import { eraseRows, holdIds } from '../retention/retention.repository';
import { locationId } from '../setup/setup.service';
import { allApplicants, findApplicant, insertApplicant, updateApplicant } from './applicants.repository';

type Input<M extends keyof typeof applicantsContract> = z.output<(typeof applicantsContract)[M]['input']>;

const NOT_FOUND = msg('staff.applicantNotFound');

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
  return (await allApplicants(db)).map((r) => toApplicant(r, policies));
}

async function loadApplicant(db: DbOrTrx, id: string): Promise<Applicant> {
  const row = await findApplicant(db, id);
  if (!row) throw new AppError('NOT_FOUND', NOT_FOUND);
  return toApplicant(row, await loadPolicies(db));
}

export async function saveApplicant(core: AppCore, input: Input<'applicants.save'>): Promise<Applicant> {
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
      // A restricted applicant's data are read-only (AVG art. 18); a correction goes through the AVG-verzoek.
      await assertNotRestricted(trx, 'applicant', [id], core.today());
      if (!(await updateApplicant(trx, id, values))) throw new AppError('NOT_FOUND', NOT_FOUND);
    } else {
      id = uuidv7();
      await insertApplicant(trx, { ...values, id, location_id: await locationId(trx), created_at: now, version: null });
    }
    await queueUpsert(trx, 'applicants', id, core.now());
    return id;
  });
  return loadApplicant(core.db(), id);
}

/**
 * In dienst nemen: the application's data move into a new personnel file; the applicant record
 * itself goes (with a tombstone), so the applicant rule no longer applies to the person.
 */
export async function hireApplicant(core: AppCore, input: Input<'applicants.hire'>): Promise<Employee> {
  const employeeId = await core.transaction(async (trx) => {
    const a = await findApplicant(trx, input.id);
    if (!a) throw new AppError('NOT_FOUND', NOT_FOUND);
    if (await hasActiveHold(trx, 'applicant', a.id)) throw new AppError('CONFLICT', msg('staff.applicantHeld'));
    const now = core.now();
    const id = uuidv7();
    await insertEmployee(trx, {
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
    });
    await queueUpsert(trx, 'employees', id, now);
    await eraseRows(trx, 'legal_holds', await holdIds(trx, 'applicant', [a.id]), now);
    await eraseRows(trx, 'applicants', [a.id], now);
    return id;
  });
  return loadEmployee(core.db(), employeeId);
}
