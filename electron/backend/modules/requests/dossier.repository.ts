import type { DbOrTrx } from '../../db/schema';

/** True when the child, or any child of the household, has a meldcode case file. */
export async function hasMeldcodeCase(db: DbOrTrx, scope: { childId: string } | { householdId: string }): Promise<boolean> {
  const cases = db.selectFrom('meldcode_cases').innerJoin('children', 'children.id', 'meldcode_cases.child_id').select('meldcode_cases.id');
  const scoped = 'childId' in scope ? cases.where('children.id', '=', scope.childId) : cases.where('children.household_id', '=', scope.householdId);
  return (await scoped.executeTakeFirst()) !== undefined;
}

/**
 * Open access and erasure requests about a child with a meldcode case file (the child itself, or
 * for a parent's request any child of the household) that the aandachtsfunctionaris has not
 * decided yet: one query, whatever the number of open requests.
 */
export function openRequestsAwaitingMeldcodeDecision(db: DbOrTrx) {
  return db
    .selectFrom('subject_requests as r')
    .selectAll('r')
    .where('r.status', '=', 'open')
    .where('r.kind', 'in', ['access', 'erasure'])
    .where('r.household_id', 'is not', null)
    .where('r.meldcode_decision', 'is', null)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('meldcode_cases as m')
          .innerJoin('children as c', 'c.id', 'm.child_id')
          .select('m.id')
          .where((eb) =>
            eb.or([
              eb.and([eb('r.subject_type', '=', 'child'), eb('c.id', '=', eb.ref('r.subject_id'))]),
              eb.and([eb('r.subject_type', '!=', 'child'), eb('c.household_id', '=', eb.ref('r.household_id'))]),
            ]),
          ),
      ),
    )
    .orderBy('r.deadline')
    .execute();
}
