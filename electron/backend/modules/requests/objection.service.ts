import { AppError } from '../../../../shared/api/result';
import { msg } from '../../../../shared/i18n/translate';
import type { AppCore, Session } from '../../core';
import type { Trx } from '../../db/schema';
import { appendAudit } from '../audit/audit.service';
import { optOutsOfEmail } from '../marketing/marketing.repository';
import { normaliseEmail, recordOptOut } from '../marketing/marketing.service';
import { findParent } from './requests.repository';
import { closeRequest, requireOpen, requireRequest } from './requests.service';

/**
 * An AVG-verzoek puts the person's address on the opt-out list. A sub-event of requests.objection
 * and requests.erase (not a call of marketing.addOptOut): logged by hand.
 */
export async function optOutByRequest(trx: Trx, core: AppCore, session: Session, email: string, requestedOn: string): Promise<void> {
  const id = await recordOptOut(trx, core, session, { email, requestedOn, how: 'avg-verzoek' });
  await appendAudit(trx, { userId: session.userId, action: 'marketing.optOut', entity: 'optOut', entityId: id }, core.now());
}

/**
 * Bezwaar tegen marketing (AVG art. 21(3)): absolute — the parent's e-mail address is put on the
 * opt-out list so every later marketing export leaves it out, and the request is granted.
 */
export async function honourObjection(core: AppCore, session: Session, id: string, today: string): Promise<void> {
  await core.transaction(async (trx) => {
    const row = await requireRequest(trx, id);
    requireOpen(row, ['objection']);
    if (row.subject_type !== 'parent') throw new AppError('VALIDATION', msg('requests.objectionIsAboutParentEmail'));
    const parent = await findParent(trx, row.subject_id);
    if (!parent) throw new AppError('NOT_FOUND', msg('requests.parentNotFound'));
    // The reason goes into the decision letter (a document, in Dutch).
    let reason: string | null = null;
    if (!parent.email) reason = 'Van u is geen e-mailadres bekend; wij gebruiken uw gegevens dus niet voor marketing.';
    else if ((await optOutsOfEmail(trx, normaliseEmail(parent.email))).length > 0) reason = 'Uw bezwaar stond al geregistreerd; het blijft van kracht.';
    else await optOutByRequest(trx, core, session, parent.email, row.received_on);
    await closeRequest(trx, core, row, { outcome: 'granted', reason, erased: [], kept: [], corrections: 0, informedRecipients: [] }, today);
  });
}
