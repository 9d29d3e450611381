import type { medicalContract } from '../../../../shared/api/medical.contract';
import type { Handlers } from '../../api/handler';
import { readMedical, writeMedical } from './medical.service';

export const medicalHandlers: Handlers<keyof typeof medicalContract> = {
  'medical.get': ({ core, session }, input) => readMedical(core.db(), session.roles, input.childId),
  'medical.update': ({ core, session }, input) => writeMedical(core, session, input),
};
