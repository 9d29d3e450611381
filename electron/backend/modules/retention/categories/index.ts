import type { DestructionCategory } from '../../../../../shared/api/retention.schemas';
import type { RetentionCategory } from './category';
import { complaintCategory } from './complaint';
import { householdCategory } from './household';
import { applicantCategory, employeeCategory } from './staff';

/** Every kind of record under a retention rule. A new kind (meldcode files) is one more entry. */
export const CATEGORIES: readonly RetentionCategory[] = [householdCategory, applicantCategory, employeeCategory, complaintCategory];

export function category(key: DestructionCategory): RetentionCategory {
  const found = CATEGORIES.find((c) => c.key === key);
  if (!found) throw new Error(`unknown retention category ${key}`);
  return found;
}
