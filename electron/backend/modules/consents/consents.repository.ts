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

/**
 * The children of a group with a contract that has not ended by `today`, for the fotolijst, with
 * the allergy marker (whether allergies are recorded, never their text).
 */
export const rosterChildren = (db: DbOrTrx, groupId: string, today: string) =>
  db
    .selectFrom('children')
    .select([
      'id',
      'first_name',
      'surname_prefix',
      'surname',
      (eb) =>
        eb
          .exists(eb.selectFrom('child_medical').select('child_medical.child_id').whereRef('child_medical.child_id', '=', 'children.id').where('child_medical.allergies', 'is not', null).where('child_medical.allergies', '!=', ''))
          .$castTo<number>()
          .as('has_allergies'),
    ])
    .where('group_id', '=', groupId)
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
