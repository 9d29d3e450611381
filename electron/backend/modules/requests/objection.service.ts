import { AppError } from '../../../../shared/api/result';
import type { AppCore, Session } from '../../core';
import { normaliseEmail, recordOptOut } from '../disclosures/disclosures.service';
import { closeRequest, requireOpen, requireRequest } from './requests.service';

/**
 * Bezwaar tegen marketing (AVG art. 21(3)): absolute — the parent's e-mail address is put on the
 * opt-out list so every later marketing export leaves it out, and the request is granted.
 */
export async function honourObjection(core: AppCore, session: Session, id: string, today: string): Promise<void> {
  await core.transaction(async (trx) => {
    const row = await requireRequest(trx, id);
    requireOpen(row, ['objection']);
    if (row.subject_type !== 'parent') throw new AppError('VALIDATION', 'Bezwaar tegen marketing gaat over het e-mailadres van een ouder.');
    const parent = await trx.selectFrom('parents').select('email').where('id', '=', row.subject_id).executeTakeFirst();
    if (!parent) throw new AppError('NOT_FOUND', 'Deze ouder bestaat niet (meer).');
    let reason: string | null = null;
    if (!parent.email) reason = 'Van u is geen e-mailadres bekend; wij gebruiken uw gegevens dus niet voor marketing.';
    else {
      const existing = await trx.selectFrom('marketing_opt_outs').select('id').where('email', '=', normaliseEmail(parent.email)).executeTakeFirst();
      if (existing) reason = 'Uw bezwaar stond al geregistreerd; het blijft van kracht.';
      else await recordOptOut(trx, core, session, { email: parent.email, requestedOn: row.received_on, how: 'avg-verzoek' });
    }
    await closeRequest(trx, core, session, row, { outcome: 'granted', reason, erased: [], kept: [], corrections: 0, informedRecipients: [] }, today);
  });
}
