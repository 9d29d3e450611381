import type { appContract } from '../../../../shared/api/app.contract';
import type { Handlers } from '../../api/handler';
import { sessionInfo } from '../session/session.service';

export const appHandlers: Handlers<keyof typeof appContract> = {
  'app.status': async ({ core }) => {
    const state = core.state;
    return {
      state,
      locationName: state === 'setup' ? null : core.loadKeyring().locationName,
      session: state === 'unlocked' ? await sessionInfo(core) : null,
      loginDelaySeconds: core.loginDelaySeconds(),
      corruption: core.corruption,
      now: core.now().toISOString(),
    };
  },
};
