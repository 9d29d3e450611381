import type { Insertable } from 'kysely';
import type { DbOrTrx, MarketingOptOutsTable, Trx } from '../../db/schema';

export const optOutRows = (db: DbOrTrx) => db.selectFrom('marketing_opt_outs').selectAll().orderBy('requested_on', 'desc').execute();

/** The opt-outs of one (normalised) e-mail address. */
export const optOutsOfEmail = (db: DbOrTrx, email: string) => db.selectFrom('marketing_opt_outs').select(['id', 'requested_on', 'how']).where('email', '=', email).execute();

export const optedOutEmails = async (db: DbOrTrx) => new Set((await db.selectFrom('marketing_opt_outs').select('email').execute()).map((r) => r.email));

export const insertOptOut = (trx: Trx, row: Insertable<MarketingOptOutsTable>) => trx.insertInto('marketing_opt_outs').values(row).execute();

/** Every parent with an e-mail address. */
export const parentEmails = (db: DbOrTrx) => db.selectFrom('parents').select(['id', 'email']).where('email', 'is not', null).$narrowType<{ email: string }>().execute();
