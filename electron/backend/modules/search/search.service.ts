import { sql } from 'kysely';
import type { SearchResult } from '../../../../shared/api/clients.schemas';
import { can, type Role } from '../../../../shared/auth/permissions';
import { displayName, foldForSearch } from '../../../../shared/domain/names';
import { normalisePostcode } from '../../../../shared/validation/postcode';
import type { DbOrTrx } from '../../db/schema';

/** "12-3-2020", "12-03-2020" or "2020-03-12" → "2020-03-12"; anything else → null. */
export function parseDutchDate(q: string): string | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(q);
  const nl = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(q);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : nl ? [nl[3], nl[2], nl[1]] : [];
  if (!y || !m || !d) return null;
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * One search box: children and parents by (part of) name, a birth date, or a postcode.
 * Names match on every word ("emma vries" finds "Emma de Vries"), without diacritics.
 */
export async function search(db: DbOrTrx, roles: readonly Role[], rawQuery: string, limit: number): Promise<SearchResult[]> {
  const q = rawQuery.trim();
  if (q.length < 2) return [];
  const seesAddress = can(roles, 'contracts.manage');
  const date = parseDutchDate(q);
  const postcode = seesAddress ? normalisePostcode(q) : null;
  const words = foldForSearch(q).split(' ').filter(Boolean);

  let children = db
    .selectFrom('children')
    .innerJoin('households', 'households.id', 'children.household_id')
    .select(['children.id', 'children.household_id', 'children.first_name', 'children.surname_prefix', 'children.surname', 'children.birth_date', 'children.group_name', 'households.postcode']);
  let parents = db
    .selectFrom('parents')
    .innerJoin('households', 'households.id', 'parents.household_id')
    .select(['parents.id', 'parents.household_id', 'parents.first_name', 'parents.surname_prefix', 'parents.surname', 'households.postcode']);

  if (date) {
    children = children.where('children.birth_date', '=', date);
    parents = parents.where(sql<boolean>`0`);
  } else if (postcode) {
    children = children.where('households.postcode', '=', postcode);
    parents = parents.where('households.postcode', '=', postcode);
  } else {
    for (const word of words) {
      const pattern = `%${escapeLike(word)}%`;
      children = children.where(sql<boolean>`children.search_name LIKE ${pattern} ESCAPE '\\'`);
      parents = parents.where(sql<boolean>`parents.search_name LIKE ${pattern} ESCAPE '\\'`);
    }
  }

  const [childRows, parentRows] = await Promise.all([
    children.orderBy('children.surname').orderBy('children.first_name').limit(limit).execute(),
    parents.orderBy('parents.surname').orderBy('parents.first_name').limit(limit).execute(),
  ]);
  const results: SearchResult[] = [
    ...childRows.map((r) => ({
      kind: 'child' as const,
      id: r.id,
      householdId: r.household_id,
      displayName: displayName({ firstName: r.first_name, surnamePrefix: r.surname_prefix, surname: r.surname }),
      birthDate: r.birth_date,
      postcode: seesAddress ? r.postcode : null,
      groupName: r.group_name,
    })),
    ...parentRows.map((r) => ({
      kind: 'parent' as const,
      id: r.id,
      householdId: r.household_id,
      displayName: displayName({ firstName: r.first_name, surnamePrefix: r.surname_prefix, surname: r.surname }),
      birthDate: null,
      postcode: seesAddress ? r.postcode : null,
      groupName: null,
    })),
  ];
  return results.slice(0, limit);
}
