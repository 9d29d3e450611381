import type { securityContract } from '../../../../shared/api/security.contract';
import type { Handlers } from '../../api/handler';
import { rotateRecoveryKey, securityStatus } from './security.service';

export const securityHandlers: Handlers<keyof typeof securityContract> = {
  'security.rotateRecoveryKey': ({ core, session }, input) => rotateRecoveryKey(core, session, input.currentPassword),
  'security.status': ({ core }) => securityStatus(core),
};
