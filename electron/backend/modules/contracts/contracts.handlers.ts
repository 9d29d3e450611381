import type { contractsContract } from '../../../../shared/api/contracts.contract';
import type { Handlers } from '../../api/handler';
import { createContract, listContracts, loadContract, updateContract } from './contracts.service';

export const contractsHandlers: Handlers<keyof typeof contractsContract> = {
  'contracts.listForChild': ({ core }, input) => listContracts(core.db(), input.childId, core.today()),
  'contracts.create': async ({ core, session }, input) => loadContract(core.db(), await createContract(core, session, input), core.today()),
  'contracts.update': async ({ core, session }, input) => {
    await updateContract(core, session, input);
    return loadContract(core.db(), input.id, core.today());
  },
};
