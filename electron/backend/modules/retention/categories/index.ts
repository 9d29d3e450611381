import type { DestructionCategory } from '../../../../../shared/api/retention.schemas';
import type { RetentionCategory } from './category';
import { complaintCategory } from './complaint';
import { householdCategory } from './household';
import { meldcodeCategory } from './meldcode';
import { PART_CATEGORIES } from './parts';
import { applicantCategory, employeeCategory } from './staff';

/**
 * Every kind of record under a retention rule; a new kind is one more entry. Meldcode files come
 * first: a household waits for its children's case files and destroys them with it. Then the
 * parts of records with their own, earlier rule from the data map (medical data, parents'
 * contact details, registers …).
 */
export const CATEGORIES: readonly RetentionCategory[] = [meldcodeCategory, householdCategory, applicantCategory, employeeCategory, complaintCategory, ...PART_CATEGORIES];

export function category(key: DestructionCategory): RetentionCategory {
  const found = CATEGORIES.find((c) => c.key === key);
  if (!found) throw new Error(`unknown retention category ${key}`);
  return found;
}
