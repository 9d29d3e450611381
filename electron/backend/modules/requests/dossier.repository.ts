import type { DbOrTrx } from '../../db/schema';

/** True when the child, or any child of the household, has a meldcode case file. */
export async function hasMeldcodeCase(db: DbOrTrx, scope: { childId: string } | { householdId: string }): Promise<boolean> {
  const cases = db.selectFrom('meldcode_cases').innerJoin('children', 'children.id', 'meldcode_cases.child_id').select('meldcode_cases.id');
  const scoped = 'childId' in scope ? cases.where('children.id', '=', scope.childId) : cases.where('children.household_id', '=', scope.householdId);
  return (await scoped.executeTakeFirst()) !== undefined;
}
