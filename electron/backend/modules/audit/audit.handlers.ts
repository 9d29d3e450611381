import type { Handlers } from '../../api/handler';
import { writeSetting } from '../settings/settings.repository';
import { LAST_VERIFICATION_KEY } from '../security/security.service';
import { appendAudit, verifyAuditChain } from './audit.service';
import { recentAuditRows } from './audit.repository';

export const auditHandlers: Handlers<'audit.verify' | 'audit.recent'> = {
  'audit.verify': async ({ core, session }) => {
    const result = await verifyAuditChain(core.db(), core.now());
    await core.transaction(async (trx) => {
      await writeSetting(trx, LAST_VERIFICATION_KEY, result);
      await appendAudit(trx, { userId: session.userId, action: 'audit.verify', details: { ok: result.ok, count: result.count } }, core.now());
    });
    return result;
  },
  'audit.recent': async ({ core }, input) =>
    (await recentAuditRows(core.db(), input.limit)).map((row) => ({
      seq: row.seq,
      at: row.at,
      userId: row.user_id,
      action: row.action,
      entity: row.entity,
      entityId: row.entity_id,
    })),
};
