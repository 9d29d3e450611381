import { applicantPolicy, destructionDate, employeePolicy } from '../../../../../shared/domain/retention';
import { displayName } from '../../../../../shared/domain/names';
import { eraseRows, holdIds, idsWhere } from '../erase';
import { directHolds, inSlices, type Candidate, type RetentionCategory } from './category';

/** Sollicitanten: 4 weeks after the procedure, 1 year with consent. Hired ones became employees. */
export const applicantCategory: RetentionCategory = {
  key: 'applicant',
  label: 'Sollicitant',

  async candidates(db, policies, ids) {
    let query = db.selectFrom('applicants').select(['id', 'procedure_end_date', 'consent_longer_retention']);
    if (ids) query = query.where('id', 'in', ids.length ? [...ids] : ['']);
    return (await query.execute()).map((r): Candidate => {
      const policy = applicantPolicy(r.consent_longer_retention === 1);
      if (!r.procedure_end_date) return { id: r.id, policy, anchorDate: null, ruleDate: null, runningReason: 'De sollicitatieprocedure loopt nog.', statutory: [] };
      return { id: r.id, policy, anchorDate: r.procedure_end_date, ruleDate: destructionDate(policies.get(policy)!, r.procedure_end_date), statutory: [] };
    });
  },

  heldBy: async (_db, holds) => directHolds(holds, 'applicant'),

  async labels(db, ids) {
    const rows = await inSlices(ids, (slice) => db.selectFrom('applicants').select(['id', 'first_name', 'surname_prefix', 'surname', 'position']).where('id', 'in', slice).execute());
    return new Map(rows.map((r) => [r.id, `${displayName({ firstName: r.first_name, surnamePrefix: r.surname_prefix, surname: r.surname })} (sollicitant ${r.position})`]));
  },

  async destroy(trx, ids, now) {
    await eraseRows(trx, 'legal_holds', await holdIds(trx, 'applicant', ids), now);
    await eraseRows(trx, 'applicants', ids, now);
  },
};

/**
 * Medewerkers: 2 years after employment, 10 with a labour dispute at departure; a statutory duty
 * (e.g. ziek uit dienst) keeps the file until that duty ends, never longer.
 */
export const employeeCategory: RetentionCategory = {
  key: 'employee',
  label: 'Medewerker',

  async candidates(db, policies, ids) {
    let query = db.selectFrom('employees').select(['id', 'employment_end', 'labour_dispute']);
    if (ids) query = query.where('id', 'in', ids.length ? [...ids] : ['']);
    const rows = await query.execute();
    const duties = await inSlices(
      rows.map((r) => r.id),
      (slice) => db.selectFrom('employee_statutory_holds').select(['employee_id', 'until', 'description', 'legal_basis']).where('employee_id', 'in', slice).execute(),
    );
    return rows.map((r): Candidate => {
      const policy = employeePolicy(r.labour_dispute === 1);
      const statutory = duties.filter((d) => d.employee_id === r.id).map((d) => ({ kind: 'statutory' as const, until: d.until, reason: `${d.description} (${d.legal_basis})` }));
      if (!r.employment_end) return { id: r.id, policy, anchorDate: null, ruleDate: null, runningReason: 'De medewerker is nog in dienst.', statutory };
      return { id: r.id, policy, anchorDate: r.employment_end, ruleDate: destructionDate(policies.get(policy)!, r.employment_end), statutory };
    });
  },

  heldBy: async (_db, holds) => directHolds(holds, 'employee'),

  async labels(db, ids) {
    const rows = await inSlices(ids, (slice) => db.selectFrom('employees').select(['id', 'first_name', 'surname_prefix', 'surname', 'position']).where('id', 'in', slice).execute());
    return new Map(rows.map((r) => [r.id, `${displayName({ firstName: r.first_name, surnamePrefix: r.surname_prefix, surname: r.surname })} (medewerker ${r.position})`]));
  },

  async destroy(trx, ids, now) {
    await eraseRows(trx, 'employee_statutory_holds', await idsWhere(trx, 'employee_statutory_holds', 'employee_id', ids), now);
    await eraseRows(trx, 'legal_holds', await holdIds(trx, 'employee', ids), now);
    await eraseRows(trx, 'employees', ids, now);
  },
};
