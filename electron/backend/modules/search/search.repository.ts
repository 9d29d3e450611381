import { sql } from 'kysely';
import type { DbOrTrx } from '../../db/schema';

/** What to look for: a birth date, a postcode, or words that each occur in the folded name. */
export type SearchCriteria = { date: string } | { postcode: string } | { words: string[] };

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
const nameMatches = (column: 'children.search_name' | 'parents.search_name', word: string) =>
  sql<boolean>`${sql.ref(column)} LIKE ${`%${escapeLike(word)}%`} ESCAPE '\\'`;

export function searchChildren(db: DbOrTrx, criteria: SearchCriteria, limit: number) {
  let query = db
    .selectFrom('children')
    .innerJoin('households', 'households.id', 'children.household_id')
    .leftJoin('groups', 'groups.id', 'children.group_id')
    .select(['children.id', 'children.household_id', 'children.first_name', 'children.surname_prefix', 'children.surname', 'children.birth_date', 'groups.name as group_name', 'households.postcode']);
  if ('date' in criteria) query = query.where('children.birth_date', '=', criteria.date);
  else if ('postcode' in criteria) query = query.where('households.postcode', '=', criteria.postcode);
  else for (const word of criteria.words) query = query.where(nameMatches('children.search_name', word));
  return query.orderBy('children.surname').orderBy('children.first_name').limit(limit).execute();
}

/** Parents have no birth date here: a date finds none. */
export function searchParents(db: DbOrTrx, criteria: SearchCriteria, limit: number) {
  let query = db
    .selectFrom('parents')
    .innerJoin('households', 'households.id', 'parents.household_id')
    .select(['parents.id', 'parents.household_id', 'parents.first_name', 'parents.surname_prefix', 'parents.surname', 'households.postcode']);
  if ('date' in criteria) query = query.where(sql<boolean>`0`);
  else if ('postcode' in criteria) query = query.where('households.postcode', '=', criteria.postcode);
  else for (const word of criteria.words) query = query.where(nameMatches('parents.search_name', word));
  return query.orderBy('parents.surname').orderBy('parents.first_name').limit(limit).execute();
}
