import type { Insertable, Selectable } from 'kysely';
import type { DbOrTrx, ExchangeConsentsTable, Trx } from '../../db/schema';

export type ExchangeConsentRow = Selectable<ExchangeConsentsTable>;

/** A child's exchange consents in the order they were recorded. */
export const exchangeConsentsOfChild = (db: DbOrTrx, childId: string): Promise<ExchangeConsentRow[]> =>
  db.selectFrom('exchange_consents').selectAll().where('child_id', '=', childId).execute();

export const findExchangeConsent = (db: DbOrTrx, id: string): Promise<ExchangeConsentRow | undefined> =>
  db.selectFrom('exchange_consents').selectAll().where('id', '=', id).executeTakeFirst();

export const insertExchangeConsent = (trx: Trx, row: Insertable<ExchangeConsentsTable>) => trx.insertInto('exchange_consents').values(row).execute();

export const markExchangeWithdrawn = (trx: Trx, id: string, withdrawnOn: string) =>
  trx.updateTable('exchange_consents').set({ withdrawn_on: withdrawnOn }).where('id', '=', id).execute();
