import type { auditContract } from '../../../../shared/api/audit.contract';
import type { Handlers } from '../../api/handler';
import { writeSetting } from '../settings/settings.repository';
import { LAST_VERIFICATION_KEY } from '../security/security.service';
import { recentAuditEntries, verifyAuditChain } from './audit.service';

export const auditHandlers: Handlers<keyof typeof auditContract> = {
  'audit.verify': async ({ core }) => {
    const result = await verifyAuditChain(core.db(), core.now());
    await core.transaction((trx) => writeSetting(trx, LAST_VERIFICATION_KEY, result));
    return result;
  },
  'audit.recent': ({ core }, input) => recentAuditEntries(core.db(), input),
};
