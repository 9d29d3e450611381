import { applicantPolicy, destructionDate, employeePolicy } from '../../../../../shared/domain/retention';
import { displayName } from '../../../../../shared/domain/names';
import { applicantClosures, employeeClosures, eraseRows, holdIds, idsWhere, statutoryDuties } from '../retention.repository';
import { directHolds, type Candidate, type RetentionCategory } from './category';

const nameOf = (r: { first_name: string; surname_prefix: string | null; surname: string }) => displayName({ firstName: r.first_name, surnamePrefix: r.surname_prefix, surname: r.surname });

/** Sollicitanten: the applicant policy after the procedure, the longer one with consent. Hired ones became employees. */
export const applicantCategory: RetentionCategory = {
  key: 'applicant',
  policies: ['applicant', 'applicant_consent'],
  label: 'Sollicitant',

  async candidates(db, policies, ids) {
    return (await applicantClosures(db, ids)).map((r): Candidate => {
      const policy = applicantPolicy(r.consent_longer_retention === 1);
      if (!r.procedure_end_date) return { id: r.id, policy, anchorDate: null, ruleDate: null, runningReason: 'De sollicitatieprocedure loopt nog.', statutory: [] };
      return { id: r.id, policy, anchorDate: r.procedure_end_date, ruleDate: destructionDate(policies.get(policy)!, r.procedure_end_date), statutory: [] };
    });
  },

  heldBy: async (_db, holds) => directHolds(holds, 'applicant'),

  async labels(db, ids) {
    return new Map((await applicantClosures(db, ids)).map((r) => [r.id, `${nameOf(r)} (sollicitant ${r.position})`]));
  },

  async destroy(trx, ids, now) {
    await eraseRows(trx, 'legal_holds', await holdIds(trx, 'applicant', ids), now);
    await eraseRows(trx, 'applicants', ids, now);
  },
};

/**
 * Medewerkers: the employee policy after employment, the longer one with a labour dispute at
 * departure; a statutory duty (e.g. ziek uit dienst) keeps the file until that duty ends, never longer.
 */
export const employeeCategory: RetentionCategory = {
  key: 'employee',
  policies: ['employee', 'employee_dispute'],
  label: 'Medewerker',

  async candidates(db, policies, ids) {
    const rows = await employeeClosures(db, ids);
    const duties = await statutoryDuties(
      db,
      rows.map((r) => r.id),
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
    return new Map((await employeeClosures(db, ids)).map((r) => [r.id, `${nameOf(r)} (medewerker ${r.position})`]));
  },

  async destroy(trx, ids, now) {
    await eraseRows(trx, 'employee_statutory_holds', await idsWhere(trx, 'employee_statutory_holds', 'employee_id', ids), now);
    await eraseRows(trx, 'legal_holds', await holdIds(trx, 'employee', ids), now);
    await eraseRows(trx, 'employees', ids, now);
  },
};
