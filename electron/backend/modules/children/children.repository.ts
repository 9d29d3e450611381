import type { Insertable, Updateable } from 'kysely';
import type { ChildrenTable, ChildRow, DbOrTrx, Trx } from '../../db/schema';

/** A child's row with its group's name (the name lives only in `groups`; '' without a group). */
export type ChildWithGroup = ChildRow & { group_name: string };

const withGroupName = (db: DbOrTrx) =>
  db
    .selectFrom('children')
    .leftJoin('groups', 'groups.id', 'children.group_id')
    .selectAll('children')
    .select((eb) => eb.fn.coalesce('groups.name', eb.val('')).as('group_name'));

export const findChild = (db: DbOrTrx, id: string): Promise<ChildWithGroup | undefined> => withGroupName(db).where('children.id', '=', id).executeTakeFirst();

export const childrenOfHousehold = (db: DbOrTrx, householdId: string): Promise<ChildWithGroup[]> =>
  withGroupName(db).where('children.household_id', '=', householdId).orderBy('children.birth_date').execute();

export const insertChild = (trx: Trx, row: Insertable<ChildrenTable>) => trx.insertInto('children').values(row).execute();

export const updateChildRow = (trx: Trx, id: string, changes: Updateable<ChildrenTable>) =>
  trx.updateTable('children').set(changes).where('id', '=', id).execute();

/**
 * Light rows of children with their contract parent's name and whether allergies are recorded (the
 * children list, the child's header, the consent forms):
 * all children, one child or one group; by surname (the list) or by first name (a group's forms).
 */
export function childrenWithContractParent(db: DbOrTrx, filter: { childId?: string; groupId?: string } = {}, order: 'surname' | 'firstName' = 'surname') {
  let query = db
    .selectFrom('children')
    .leftJoin('groups', 'groups.id', 'children.group_id')
    .leftJoin('parents', (join) => join.onRef('parents.household_id', '=', 'children.household_id').on('parents.is_contract_parent', '=', 1))
    .select([
      'children.id',
      'children.household_id',
      'children.first_name',
      'children.surname_prefix',
      'children.surname',
      'children.birth_date',
      'children.group_id',
      (eb) => eb.fn.coalesce('groups.name', eb.val('')).as('group_name'),
      'parents.first_name as parent_first_name',
      'parents.surname_prefix as parent_surname_prefix',
      'parents.surname as parent_surname',
      // The allergy marker (issue 17): only whether allergies are recorded, never their text.
      (eb) =>
        eb
          .exists(eb.selectFrom('child_medical').select('child_medical.child_id').whereRef('child_medical.child_id', '=', 'children.id').where('child_medical.allergies', 'is not', null).where('child_medical.allergies', '!=', ''))
          .$castTo<number>()
          .as('has_allergies'),
    ]);
  if (filter.childId) query = query.where('children.id', '=', filter.childId);
  if (filter.groupId) query = query.where('children.group_id', '=', filter.groupId);
  query = order === 'surname' ? query.orderBy('children.surname').orderBy('children.first_name') : query.orderBy('children.first_name');
  return query.execute();
}
