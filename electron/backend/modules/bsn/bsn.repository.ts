import type { DbOrTrx, Trx } from '../../db/schema';

export type BsnSubjectType = 'parent' | 'child';
const table = (subject: BsnSubjectType) => (subject === 'parent' ? 'parents' : 'children');

export async function readBsn(db: DbOrTrx, subject: BsnSubjectType, id: string): Promise<{ bsn: string | null } | undefined> {
  return db.selectFrom(table(subject)).select('bsn').where('id', '=', id).executeTakeFirst();
}

export async function writeBsn(trx: Trx, subject: BsnSubjectType, id: string, bsn: string | null, now: string): Promise<void> {
  await trx.updateTable(table(subject)).set({ bsn, updated_at: now }).where('id', '=', id).execute();
}

/** The latest BSN-controle per subject, with the name of who did it. */
export async function latestChecks(db: DbOrTrx, subject: BsnSubjectType, ids: string[]) {
  if (ids.length === 0) return new Map<string, { method: 'id_document' | 'svb_letter'; checkedOn: string; checkedByName: string }>();
  const rows = await db
    .selectFrom('bsn_verifications')
    .innerJoin('users', 'users.id', 'bsn_verifications.checked_by')
    .select(['bsn_verifications.subject_id', 'bsn_verifications.method', 'bsn_verifications.checked_on', 'bsn_verifications.recorded_at', 'users.name'])
    .where('bsn_verifications.subject_type', '=', subject)
    .where('bsn_verifications.subject_id', 'in', ids)
    .orderBy('bsn_verifications.recorded_at')
    .execute();
  const map = new Map<string, { method: 'id_document' | 'svb_letter'; checkedOn: string; checkedByName: string }>();
  for (const row of rows) map.set(row.subject_id, { method: row.method, checkedOn: row.checked_on, checkedByName: row.name });
  return map;
}

export async function deleteChecks(trx: Trx, subject: BsnSubjectType, id: string): Promise<void> {
  await trx.deleteFrom('bsn_verifications').where('subject_type', '=', subject).where('subject_id', '=', id).execute();
}

export async function insertCheck(
  trx: Trx,
  row: { id: string; location_id: string; subject_type: BsnSubjectType; subject_id: string; method: 'id_document' | 'svb_letter'; checked_on: string; checked_by: string; recorded_at: string },
): Promise<void> {
  await trx.insertInto('bsn_verifications').values({ ...row, version: null }).execute();
}
