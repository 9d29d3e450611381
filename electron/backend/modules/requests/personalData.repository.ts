import type { SubjectType } from '../../../../shared/api/requests.schemas';
import type { DbOrTrx } from '../../db/schema';

// What the location holds about a person: the reads behind inzage, portability and erasure.

export const contractsOfChildByStart = (db: DbOrTrx, childId: string) => db.selectFrom('contracts').selectAll().where('child_id', '=', childId).orderBy('start_date').execute();

export const medicalOfChild = (db: DbOrTrx, childId: string) => db.selectFrom('child_medical').selectAll().where('child_id', '=', childId).executeTakeFirst();

/** Pickup persons in the order they were added; `current` leaves out the revoked ones. */
export function pickupPersonsOfChild(db: DbOrTrx, childId: string, options: { current: boolean }) {
  const query = db.selectFrom('pickup_persons').selectAll().where('child_id', '=', childId);
  return (options.current ? query.where('revoked_at', 'is', null) : query).orderBy('created_at').execute();
}

export const pickupBansOfChild = (db: DbOrTrx, childId: string) => db.selectFrom('pickup_bans').selectAll().where('child_id', '=', childId).orderBy('created_at').execute();

export const identificationsOfChild = (db: DbOrTrx, childId: string) => db.selectFrom('identification_log').selectAll().where('child_id', '=', childId).orderBy('recorded_at').execute();

/** Consent decisions in the order they were recorded (ids are time-ordered UUIDv7). */
export const photoConsentsOfChild = (db: DbOrTrx, childId: string) =>
  db.selectFrom('photo_consents').selectAll().where('child_id', '=', childId).orderBy('recorded_at').orderBy('id').execute();

export const exchangeConsentsByDate = (db: DbOrTrx, childId: string) => db.selectFrom('exchange_consents').selectAll().where('child_id', '=', childId).orderBy('given_on').execute();

/** The end dates of every contract of a household's children. */
export const householdContractEnds = (db: DbOrTrx, householdId: string) =>
  db.selectFrom('contracts').innerJoin('children', 'children.id', 'contracts.child_id').select(['contracts.end_date']).where('children.household_id', '=', householdId).execute();

export const bsnChecksOf = (db: DbOrTrx, subjectType: SubjectType, id: string) =>
  db.selectFrom('bsn_verifications').select(['method', 'checked_on', 'checked_by_name']).where('subject_type', '=', subjectType).where('subject_id', '=', id).orderBy('checked_on').execute();

/** True when the child, or any child of the household, has a meldcode case file. */
export async function hasMeldcodeCase(db: DbOrTrx, scope: { childId: string } | { householdId: string }): Promise<boolean> {
  const cases = db.selectFrom('meldcode_cases').innerJoin('children', 'children.id', 'meldcode_cases.child_id').select('meldcode_cases.id');
  const scoped = 'childId' in scope ? cases.where('children.id', '=', scope.childId) : cases.where('children.household_id', '=', scope.householdId);
  return (await scoped.executeTakeFirst()) !== undefined;
}

export const meldcodeCasesOfChild = (db: DbOrTrx, childId: string) =>
  db.selectFrom('meldcode_cases').select(['id', 'status', 'opened_on', 'closed_on']).where('child_id', '=', childId).orderBy('opened_on').execute();

export const meldcodeEntriesOfCases = (db: DbOrTrx, caseIds: string[]) =>
  db.selectFrom('meldcode_entries').select(['case_id', 'kind', 'occurred_on', 'payload']).where('case_id', 'in', caseIds).orderBy('created_at').execute();

/** Names of a household's parents. */
export const parentNamesOfHousehold = (db: DbOrTrx, householdId: string) =>
  db.selectFrom('parents').select(['id', 'first_name', 'surname_prefix', 'surname']).where('household_id', '=', householdId).execute();
