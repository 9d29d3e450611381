import type { Insertable } from 'kysely';
import type { ConsentFormReturnsTable, DbOrTrx, PhotoConsentsTable, Trx } from '../../db/schema';

/** Every consent decision of the given children, oldest first (ids are time-ordered UUIDv7). */
export const consentRowsOfChildren = (db: DbOrTrx, childIds: string[]) =>
  db.selectFrom('photo_consents').selectAll().where('child_id', 'in', childIds).orderBy('recorded_at').orderBy('id').execute();

/** One child's consent history, newest first. */
export const consentHistory = (db: DbOrTrx, childId: string) =>
  db.selectFrom('photo_consents').selectAll().where('child_id', '=', childId).orderBy('recorded_at', 'desc').orderBy('id', 'desc').execute();

export const formReturnsOfChild = (db: DbOrTrx, childId: string) =>
  db.selectFrom('consent_form_returns').selectAll().where('child_id', '=', childId).orderBy('returned_on', 'desc').execute();

export const insertPhotoConsent = (trx: Trx, row: Insertable<PhotoConsentsTable>) => trx.insertInto('photo_consents').values(row).execute();

export const insertFormReturn = (trx: Trx, row: Insertable<ConsentFormReturnsTable>) => trx.insertInto('consent_form_returns').values(row).execute();

/** The children of a group with a contract that has not ended by `today`, for the fotolijst. */
export const rosterChildren = (db: DbOrTrx, groupName: string, today: string) =>
  db
    .selectFrom('children')
    .select(['id', 'first_name', 'surname_prefix', 'surname'])
    .where('group_name', '=', groupName)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('contracts')
          .select('contracts.id')
          .whereRef('contracts.child_id', '=', 'children.id')
          .where((eb) => eb.or([eb('contracts.end_date', 'is', null), eb('contracts.end_date', '>=', today)])),
      ),
    )
    .orderBy('first_name')
    .orderBy('surname')
    .execute();

/**
 * One child or a whole group with the contract parent's name, by first name, for the consent form:
 * the join of the children list (children.repository `childListRows`) with a filter and this order.
 */
export function consentFormChildren(db: DbOrTrx, filter: { childId: string } | { groupName: string }) {
  const query = db
    .selectFrom('children')
    .leftJoin('parents', (join) => join.onRef('parents.household_id', '=', 'children.household_id').on('parents.is_contract_parent', '=', 1))
    .select([
      'children.id',
      'children.household_id',
      'children.first_name',
      'children.surname_prefix',
      'children.surname',
      'children.birth_date',
      'children.group_name',
      'parents.first_name as parent_first_name',
      'parents.surname_prefix as parent_surname_prefix',
      'parents.surname as parent_surname',
    ])
    .orderBy('children.first_name');
  return ('childId' in filter ? query.where('children.id', '=', filter.childId) : query.where('children.group_name', '=', filter.groupName)).execute();
}
