import type { DbOrTrx } from '../../db/schema';

/** The end dates of every contract of a household's children (the household's contract clock). */
export const contractEndsOfHousehold = (db: DbOrTrx, householdId: string) =>
  db.selectFrom('contracts').innerJoin('children', 'children.id', 'contracts.child_id').select(['contracts.end_date']).where('children.household_id', '=', householdId).execute();

/** True when the child, or any child of the household, has a meldcode case file. */
export async function hasMeldcodeCase(db: DbOrTrx, scope: { childId: string } | { householdId: string }): Promise<boolean> {
  const cases = db.selectFrom('meldcode_cases').innerJoin('children', 'children.id', 'meldcode_cases.child_id').select('meldcode_cases.id');
  const scoped = 'childId' in scope ? cases.where('children.id', '=', scope.childId) : cases.where('children.household_id', '=', scope.householdId);
  return (await scoped.executeTakeFirst()) !== undefined;
}
