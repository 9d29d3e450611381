import type { setupContract } from '../../../../shared/api/setup.contract';
import type { Handlers } from '../../api/handler';
import { recoveryKeyPdf, setup } from './setup.service';

export const setupHandlers: Handlers<keyof typeof setupContract> = {
  'setup.create': ({ core }, input) => setup(core, input),
  'setup.recoveryKeyPdf': ({ core, session }) => recoveryKeyPdf(core, session),
  'setup.recoveryKeySaved': async ({ core }) => {
    core.pendingRecoveryKey = null;
    return {};
  },
};
