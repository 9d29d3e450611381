import type { applicantsContract } from '../../../../shared/api/applicants.contract';
import type { Handlers } from '../../api/handler';
import { hireApplicant, listApplicants, saveApplicant } from './applicants.service';

/** Sollicitanten (staff files); what is audited is declared in the contract. */
export const applicantsHandlers: Handlers<keyof typeof applicantsContract> = {
  'applicants.list': ({ core }) => listApplicants(core.db()),
  'applicants.save': ({ core }, input) => saveApplicant(core, input),
  'applicants.hire': ({ core }, input) => hireApplicant(core, input),
};
