import type { RequestSubjectType } from '../../../../shared/api/requests.schemas';
import type { DbOrTrx } from '../../db/schema';

/** Queries of the register for every recipient (issue 16): the person a disclosure is about, Veilig Thuis lines. */

/** The person's location and, for a parent, whether they are the contract parent; undefined when not in this database. */
export async function personRecord(db: DbOrTrx, type: RequestSubjectType, id: string): Promise<{ location_id: string; is_contract_parent?: number } | undefined> {
  switch (type) {
    case 'parent':
      return db.selectFrom('parents').select(['location_id', 'is_contract_parent']).where('id', '=', id).executeTakeFirst();
    case 'child':
      return db.selectFrom('children').select('location_id').where('id', '=', id).executeTakeFirst();
    case 'employee':
      return db.selectFrom('employees').select('location_id').where('id', '=', id).executeTakeFirst();
    case 'applicant':
      return db.selectFrom('applicants').select('location_id').where('id', '=', id).executeTakeFirst();
    case 'waitlist_prospect':
      return db.selectFrom('waitlist_entries').select('location_id').where('id', '=', id).executeTakeFirst();
    case 'complainant':
      return db.selectFrom('complaints').select('location_id').where('id', '=', id).executeTakeFirst();
  }
}

/** The parents of a child's household (a Veilig Thuis report names them too). */
export const parentsOfChild = (db: DbOrTrx, childId: string) =>
  db.selectFrom('parents').innerJoin('children', 'children.household_id', 'parents.household_id').select('parents.id').where('children.id', '=', childId).orderBy('parents.is_contract_parent', 'desc').execute();

/** Whether a case file's report already has its line in the register. */
export const reportLineOfCase = (db: DbOrTrx, caseId: string) => db.selectFrom('disclosures').select('id').where('meldcode_case_id', '=', caseId).where('recipient', '=', 'veilig_thuis').executeTakeFirst();

/** The register's rows that name this person in a Veilig Thuis line (hidden without meldcode access or decision). */
export async function meldcodeSubjectRowIds(db: DbOrTrx, type: RequestSubjectType, id: string): Promise<Set<string>> {
  // A pickup person is never a person on a register line.
  if (type === 'pickup_person') return new Set();
  const rows = await db
    .selectFrom('disclosure_subjects')
    .innerJoin('disclosures', 'disclosures.id', 'disclosure_subjects.disclosure_id')
    .select('disclosure_subjects.id')
    .where('disclosure_subjects.subject_type', '=', type)
    .where('disclosure_subjects.subject_id', '=', id)
    .where('disclosures.recipient', '=', 'veilig_thuis')
    .execute();
  return new Set(rows.map((r) => r.id));
}
