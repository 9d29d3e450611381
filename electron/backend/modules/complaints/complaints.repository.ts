import { sql, type Insertable, type Updateable } from 'kysely';
import type { Database, DbOrTrx, Trx } from '../../db/schema';

export const allComplaints = (db: DbOrTrx) => db.selectFrom('complaints').selectAll().orderBy('received_on', 'desc').execute();

export const findComplaint = (db: DbOrTrx, id: string) => db.selectFrom('complaints').selectAll().where('id', '=', id).executeTakeFirst();

/** Complaints not closed yet (the six-week deadline runs), oldest first. */
export const openComplaints = (db: DbOrTrx) =>
  db.selectFrom('complaints').select(['id', 'subject', 'received_on']).where('status', '!=', 'gesloten').orderBy('received_on').execute();

export const insertComplaint = (trx: Trx, row: Insertable<Database['complaints']>) => trx.insertInto('complaints').values(row).execute();

export const updateComplaint = (trx: Trx, id: string, changes: Updateable<Database['complaints']>) => trx.updateTable('complaints').set(changes).where('id', '=', id).execute();

/** Whether the household exists in this location's database. */
export const householdExists = async (db: DbOrTrx, id: string, locationId: string) =>
  (await db.selectFrom('households').select('id').where('id', '=', id).where('location_id', '=', locationId).executeTakeFirst()) !== undefined;

/** The households' contract parents (names) and children (first names), for labels. */
export async function householdMembers(db: DbOrTrx, ids: readonly string[]) {
  if (ids.length === 0) return { households: [], parents: [], children: [] };
  const [households, parents, children] = await Promise.all([
    db.selectFrom('households').select(['id', 'postcode']).where('id', 'in', ids).execute(),
    db.selectFrom('parents').select(['household_id', 'first_name', 'surname_prefix', 'surname']).where('household_id', 'in', ids).where('is_contract_parent', '=', 1).execute(),
    db.selectFrom('children').select(['household_id', 'first_name']).where('household_id', 'in', ids).orderBy('birth_date').execute(),
  ]);
  return { households, parents, children };
}

const like = (word: string) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Households with a parent or child whose folded name holds every word, or with this postcode (at most `limit`). */
export async function findHouseholds(db: DbOrTrx, criteria: { words: readonly string[] } | { postcode: string }, limit: number): Promise<string[]> {
  if ('postcode' in criteria) {
    return (await db.selectFrom('households').select('id').where('postcode', '=', criteria.postcode).limit(limit).execute()).map((r) => r.id);
  }
  if (criteria.words.length === 0) return [];
  let parents = db.selectFrom('parents').select('household_id');
  let children = db.selectFrom('children').select('household_id');
  for (const w of criteria.words) {
    parents = parents.where(sql<boolean>`search_name LIKE ${like(w)} ESCAPE '\\'`);
    children = children.where(sql<boolean>`search_name LIKE ${like(w)} ESCAPE '\\'`);
  }
  const rows = await parents.union(children).limit(limit).execute();
  return rows.map((r) => r.household_id);
}
