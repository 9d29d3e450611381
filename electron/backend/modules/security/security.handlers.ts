import type { Handlers } from '../../api/handler';
import { setIdleTimeoutMinutes } from '../settings/settings.service';
import { writeSetting } from '../settings/settings.repository';
import { appendAudit } from '../audit/audit.service';
import { sessionInfo } from '../users/users.service';
import { securityStatus } from './security.service';

export const securityHandlers: Handlers<'security.status' | 'settings.update'> = {
  'security.status': ({ core }) => securityStatus(core),
  'settings.update': async ({ core, session }, input) => {
    await core.transaction(async (trx) => {
      if (input.idleTimeoutMinutes !== undefined) await setIdleTimeoutMinutes(trx, input.idleTimeoutMinutes);
      if (input.privacyStatementVersion !== undefined) await writeSetting(trx, 'privacy.statementVersion', input.privacyStatementVersion);
      await appendAudit(trx, { userId: session.userId, action: 'settings.update', details: { idleTimeoutMinutes: input.idleTimeoutMinutes ?? null, privacyStatementVersion: input.privacyStatementVersion ?? null } }, core.now());
    });
    return sessionInfo(core);
  },
};
