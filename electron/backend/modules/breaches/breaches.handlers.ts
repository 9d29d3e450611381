import type { breachesContract } from '../../../../shared/api/breaches.contract';
import type { Handlers } from '../../api/handler';
import { listBreaches, reportBreach } from './breaches.service';

/** Datalekken: report one (also offline) and list them; what is audited is declared in the contract. */
export const breachesHandlers: Handlers<keyof typeof breachesContract> = {
  'breaches.report': ({ core, session }, input) => reportBreach(core, session, input),
  'breaches.list': ({ core, session }) => listBreaches(core.db(), session),
};
