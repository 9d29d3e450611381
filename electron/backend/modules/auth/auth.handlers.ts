import type { authContract } from '../../../../shared/api/auth.contract';
import type { Handlers } from '../../api/handler';
import { changeOwnPassword, lock, login, recover } from './auth.service';

export const authHandlers: Handlers<keyof typeof authContract> = {
  'auth.login': ({ core }, input) => login(core, input),
  'auth.recover': ({ core }, input) => recover(core, input),
  'auth.lock': async ({ core }, input) => {
    core.pendingRecoveryKey = null;
    await lock(core, input.reason);
    return {};
  },
  'auth.changePassword': ({ core }, input) => changeOwnPassword(core, input),
};
