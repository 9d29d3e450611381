import { sql, type Insertable } from 'kysely';
import type { RequestSubjectType } from '../../../../shared/api/requests.schemas';
import type { DbOrTrx, DisclosureSubjectsTable, DisclosuresTable, Trx } from '../../db/schema';

/** Children with their household's address and their contract parent, the raw material of every data set. */
export const disclosureChildRows = (db: DbOrTrx) =>
  db
    .selectFrom('children')
    .innerJoin('households', 'households.id', 'children.household_id')
    .leftJoin('groups', 'groups.id', 'children.group_id')
    .leftJoin('parents', (join) => join.onRef('parents.household_id', '=', 'children.household_id').on('parents.is_contract_parent', '=', 1))
    .select([
      'children.id as child_id',
      'children.first_name',
      'children.surname_prefix',
      'children.surname',
      'children.birth_date',
      'children.bsn as child_bsn',
      // The child's group, by id (grouping, filters) and by name (shown): the name lives only in `groups`.
      'children.group_id',
      (eb) => eb.fn.coalesce('groups.name', eb.val('')).as('group_name'),
      'households.street',
      'households.house_number',
      'households.postcode',
      'households.city',
      'parents.id as parent_id',
      'parents.first_name as parent_first_name',
      'parents.surname_prefix as parent_surname_prefix',
      'parents.surname as parent_surname',
      'parents.bsn as parent_bsn',
    ])
    .orderBy('children.surname')
    .orderBy('children.first_name')
    .execute();

/** Every contract's child, care type, hours, weekdays (JSON) and period. */
export const allContractPeriods = (db: DbOrTrx) => db.selectFrom('contracts').select(['child_id', 'care_type', 'hours_per_week', 'days', 'start_date', 'end_date']).execute();

export const insertDisclosure = (trx: Trx, row: Insertable<DisclosuresTable>) => trx.insertInto('disclosures').values(row).execute();

export const insertDisclosureSubject = (trx: Trx, row: Insertable<DisclosureSubjectsTable>) => trx.insertInto('disclosure_subjects').values(row).execute();

/** The register, newest first; with a subject, only the disclosures that concerned them. */
export function disclosureRows(db: DbOrTrx, subject: { type: RequestSubjectType; id: string } | null) {
  // Ids are UUIDv7 (time-ordered): they order lines written in the same millisecond.
  const query = db.selectFrom('disclosures').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc');
  if (!subject) return query.execute();
  const type = subject.type;
  // A pickup person is a name on a child's list, never a person on a register line.
  if (type === 'pickup_person') return query.where(sql<boolean>`0`).execute();
  return query
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('disclosure_subjects')
          .select('disclosure_subjects.id')
          .whereRef('disclosure_subjects.disclosure_id', '=', 'disclosures.id')
          .where('disclosure_subjects.subject_id', '=', subject.id)
          .where('disclosure_subjects.subject_type', '=', type),
      ),
    )
    .execute();
}
