import type { Selectable, Updateable } from 'kysely';
import type { ChildMedicalTable, DbOrTrx, Trx } from '../../db/schema';

export const findMedical = (db: DbOrTrx, childId: string): Promise<Selectable<ChildMedicalTable> | undefined> =>
  db.selectFrom('child_medical').selectAll().where('child_id', '=', childId).executeTakeFirst();

type MedicalFields = Required<Omit<Updateable<ChildMedicalTable>, 'child_id' | 'location_id' | 'version'>>;

/** Inserts the child's medical section or replaces its fields (one row per child). */
export const upsertMedical = (trx: Trx, key: { child_id: string; location_id: string }, fields: MedicalFields) =>
  trx
    .insertInto('child_medical')
    .values({ ...key, ...fields, version: null })
    .onConflict((oc) => oc.column('child_id').doUpdateSet(fields))
    .execute();
