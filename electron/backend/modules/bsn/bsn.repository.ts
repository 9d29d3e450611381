import type { Insertable } from 'kysely';
import type { BsnStatus, BsnSubjectType } from '../../../../shared/api/clients.schemas';
import type { BsnVerificationsTable, DbOrTrx, Trx } from '../../db/schema';

const table = (subject: BsnSubjectType) => (subject === 'parent' ? 'parents' : 'children');

export async function readBsn(db: DbOrTrx, subject: BsnSubjectType, id: string): Promise<{ bsn: string | null } | undefined> {
  return db.selectFrom(table(subject)).select('bsn').where('id', '=', id).executeTakeFirst();
}

export async function writeBsn(trx: Trx, subject: BsnSubjectType, id: string, bsn: string | null, now: string): Promise<void> {
  await trx.updateTable(table(subject)).set({ bsn, updated_at: now }).where('id', '=', id).execute();
}

type BsnCheck = NonNullable<BsnStatus['check']>;

/** The latest BSN-controle per subject, with the name of who did it. */
export async function latestChecks(db: DbOrTrx, subject: BsnSubjectType, ids: string[]): Promise<Map<string, BsnCheck>> {
  const map = new Map<string, BsnCheck>();
  if (ids.length === 0) return map;
  const rows = await db
    .selectFrom('bsn_verifications')
    .select(['subject_id', 'method', 'checked_on', 'checked_by_name as name'])
    .where('subject_type', '=', subject)
    .where('subject_id', 'in', ids)
    .orderBy('recorded_at')
    .execute();
  for (const row of rows) map.set(row.subject_id, { method: row.method, checkedOn: row.checked_on, checkedByName: row.name });
  return map;
}

/** Returns the ids of the deleted checks (they leave as tombstones). */
export async function deleteChecks(trx: Trx, subject: BsnSubjectType, id: string): Promise<string[]> {
  const rows = await trx.deleteFrom('bsn_verifications').where('subject_type', '=', subject).where('subject_id', '=', id).returning('id').execute();
  return rows.map((r) => r.id);
}

export async function insertCheck(trx: Trx, row: Omit<Insertable<BsnVerificationsTable>, 'version'>): Promise<void> {
  await trx.insertInto('bsn_verifications').values({ ...row, version: null }).execute();
}
