import type { AppCore, Session } from '../../core';
import type { Trx } from '../../db/schema';
import { appendAudit } from '../audit/audit.service';
import { recordOptOut } from '../marketing/marketing.service';

/**
 * An AVG-verzoek puts the person's address on the opt-out list. A sub-event of requests.objection
 * and requests.erase (not a call of marketing.addOptOut): logged by hand.
 */
export async function optOutByRequest(trx: Trx, core: AppCore, session: Session, email: string, requestedOn: string): Promise<void> {
  const id = await recordOptOut(trx, core, session, { email, requestedOn, how: 'avg-verzoek' });
  await appendAudit(trx, { userId: session.userId, action: 'marketing.optOut', entity: 'optOut', entityId: id }, core.now());
}
