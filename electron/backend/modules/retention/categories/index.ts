import type { DestructionCategory } from '../../../../../shared/api/retention.schemas';
import type { RetentionCategory } from './category';
import { complaintCategory } from './complaint';
import { householdCategory } from './household';
import { meldcodeCategory } from './meldcode';
import { applicantCategory, employeeCategory } from './staff';

/**
 * Every kind of record under a retention rule; a new kind is one more entry. Meldcode files come
 * first: a household waits for its children's case files and destroys them with it.
 */
export const CATEGORIES: readonly RetentionCategory[] = [meldcodeCategory, householdCategory, applicantCategory, employeeCategory, complaintCategory];

export function category(key: DestructionCategory): RetentionCategory {
  const found = CATEGORIES.find((c) => c.key === key);
  if (!found) throw new Error(`unknown retention category ${key}`);
  return found;
}
