import type { dashboardContract } from '../../../../shared/api/dashboard.contract';
import type { Handlers } from '../../api/handler';
import { dashboard } from './dashboard.service';

export const dashboardHandlers: Handlers<keyof typeof dashboardContract> = {
  'dashboard.get': ({ core }) => dashboard(core.db(), core.today()),
};
