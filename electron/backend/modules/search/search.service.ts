import type { SearchResult } from '../../../../shared/api/clients.schemas';
import { can, type Role } from '../../../../shared/auth/permissions';
import { displayName, foldForSearch } from '../../../../shared/domain/names';
import { normalisePostcode } from '../../../../shared/validation/postcode';
import type { DbOrTrx } from '../../db/schema';
import { searchChildren, searchParents, type SearchCriteria } from './search.repository';

/** "12-3-2020", "12-03-2020" or "2020-03-12" → "2020-03-12"; anything else → null. */
function parseDutchDate(q: string): string | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(q);
  const nl = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(q);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : nl ? [nl[3], nl[2], nl[1]] : [];
  if (!y || !m || !d) return null;
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

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
  const criteria: SearchCriteria = date ? { date } : postcode ? { postcode } : { words: foldForSearch(q).split(' ').filter(Boolean) };

  const [childRows, parentRows] = await Promise.all([searchChildren(db, criteria, limit), searchParents(db, criteria, limit)]);
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
