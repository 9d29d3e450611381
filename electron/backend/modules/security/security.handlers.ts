import type { Handlers } from '../../api/handler';
import { setIdleTimeoutMinutes } from '../settings/settings.service';
import { appendAudit } from '../audit/audit.service';
import { sessionInfo } from '../users/users.service';
import { securityStatus } from './security.service';

export const securityHandlers: Handlers<'security.status' | 'settings.update'> = {
  'security.status': ({ core }) => securityStatus(core),
  'settings.update': async ({ core, session }, input) => {
    await core.transaction(async (trx) => {
      await setIdleTimeoutMinutes(trx, input.idleTimeoutMinutes);
      await appendAudit(trx, { userId: session.userId, action: 'settings.update', details: { idleTimeoutMinutes: input.idleTimeoutMinutes } }, core.now());
    });
    return sessionInfo(core);
  },
};
