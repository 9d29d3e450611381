import type { householdsContract } from '../../../../shared/api/households.contract';
import type { Handlers } from '../../api/handler';
import { createHousehold, loadHousehold, updateHousehold } from './households.service';

export const householdsHandlers: Handlers<keyof typeof householdsContract> = {
  'households.create': async ({ core, session }, input) => loadHousehold(core.db(), session, await createHousehold(core, session, input), core.today()),
  'households.update': async ({ core, session }, input) => {
    await updateHousehold(core, session, input);
    return loadHousehold(core.db(), session, input.id, core.today());
  },
  'households.get': ({ core, session }, input) => loadHousehold(core.db(), session, input.id, core.today()),
};
