import type { securityContract } from '../../../../shared/api/security.contract';
import type { Handlers } from '../../api/handler';
import { rotateRecoveryKey, securityStatus } from './security.service';

export const securityHandlers: Handlers<keyof typeof securityContract> = {
  'security.rotateRecoveryKey': async ({ core, session }, input) => {
    const result = await rotateRecoveryKey(core, session, input.currentPassword);
    // Withdraws the wrap under the old herstelsleutel at head office, if this PC had one there.
    core.scheduler?.trigger();
    return result;
  },
  'security.status': ({ core }) => securityStatus(core),
};
