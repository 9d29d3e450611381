import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import type { ExchangeConsent, ExchangeConsentInput } from '../../../../shared/api/consents.schemas';
import { AppError } from '../../../../shared/api/result';
import { msg } from '../../../../shared/i18n/translate';
import type { AppCore, Session } from '../../core';
import type { DbOrTrx } from '../../db/schema';
import { queueUpsert } from '../../sync/outbox';
import { parentsOfHousehold } from '../households/households.repository';
import { assertContractParent, parentName, requireChild } from '../consents/consents.service';
import { exchangeConsentsOfChild, findExchangeConsent, insertExchangeConsent, markExchangeWithdrawn, type ExchangeConsentRow } from './exchange.repository';

/** Exchange with a school or care institution: a written consent of the contract parent, valid until a date. */
const toExchange = (r: ExchangeConsentRow, parentName: string, today: string): ExchangeConsent => ({
  id: r.id,
  childId: r.child_id,
  recipientName: r.recipient_name,
  recipientType: r.recipient_type,
  purpose: r.purpose,
  dataDescription: r.data_description,
  validUntil: r.valid_until,
  parentName,
  givenOn: r.given_on,
  withdrawnOn: r.withdrawn_on,
  valid: r.withdrawn_on === null && r.valid_until >= today,
});

export async function listExchangeConsents(db: DbOrTrx, childId: string, today: string) {
  const child = await requireChild(db, childId);
  const parents = await parentsOfHousehold(db, child.household_id);
  const rows = (await exchangeConsentsOfChild(db, childId)).sort((a, b) => b.given_on.localeCompare(a.given_on));
  return rows.map((r) => toExchange(r, parentName(parents, r.parent_id), today));
}

export async function createExchangeConsent(core: AppCore, session: Session, input: z.output<typeof ExchangeConsentInput>) {
  const id = uuidv7();
  await core.transaction(async (trx) => {
    const child = await requireChild(trx, input.childId);
    await assertContractParent(trx, child.household_id, input.parentId);
    if (input.validUntil < input.givenOn) throw new AppError('VALIDATION', msg('consents.validUntilBeforeGiven'), { validUntil: msg('consents.validUntilBeforeGiven') });
    await insertExchangeConsent(trx, {
      id,
      location_id: child.location_id,
      child_id: child.id,
      recipient_name: input.recipientName,
      recipient_type: input.recipientType,
      purpose: input.purpose,
      data_description: input.dataDescription,
      valid_until: input.validUntil,
      parent_id: input.parentId,
      given_on: input.givenOn,
      withdrawn_on: null,
      recorded_at: core.now().toISOString(),
      recorded_by_name: session.name,
      version: null,
    });
    await queueUpsert(trx, 'exchange_consents', id, core.now());
  });
  return (await listExchangeConsents(core.db(), input.childId, core.today())).find((e) => e.id === id)!;
}

export async function withdrawExchangeConsent(core: AppCore, input: { id: string; withdrawnOn: string }) {
  const childId = await core.transaction(async (trx) => {
    const row = await findExchangeConsent(trx, input.id);
    if (!row) throw new AppError('NOT_FOUND', msg('consents.exchangeNotFound'));
    if (row.withdrawn_on) throw new AppError('CONFLICT', msg('consents.exchangeAlreadyWithdrawn'));
    await markExchangeWithdrawn(trx, input.id, input.withdrawnOn);
    await queueUpsert(trx, 'exchange_consents', input.id, core.now());
    return row.child_id;
  });
  return (await listExchangeConsents(core.db(), childId, core.today())).find((e) => e.id === input.id)!;
}
