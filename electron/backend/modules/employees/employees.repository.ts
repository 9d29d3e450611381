import type { Insertable, Updateable } from 'kysely';
import type { Database, DbOrTrx, Trx } from '../../db/schema';

export const allEmployees = (db: DbOrTrx) => db.selectFrom('employees').selectAll().orderBy('surname').orderBy('first_name').execute();

export const findEmployee = (db: DbOrTrx, id: string) => db.selectFrom('employees').selectAll().where('id', '=', id).executeTakeFirst();

export const insertEmployee = (trx: Trx, row: Insertable<Database['employees']>) => trx.insertInto('employees').values(row).execute();

/** True when the employee exists (and was changed). */
export const updateEmployee = async (trx: Trx, id: string, changes: Updateable<Database['employees']>) =>
  Number((await trx.updateTable('employees').set(changes).where('id', '=', id).executeTakeFirst()).numUpdatedRows) > 0;

/** Every wettelijke bewaarplicht, shortest first. */
export const allStatutoryHolds = (db: DbOrTrx) => db.selectFrom('employee_statutory_holds').selectAll().orderBy('until').execute();

/** One employee's wettelijke bewaarplichten, shortest first. */
export const statutoryHoldsOf = (db: DbOrTrx, employeeId: string) =>
  db.selectFrom('employee_statutory_holds').selectAll().where('employee_id', '=', employeeId).orderBy('until').execute();

export const findStatutoryHold = (db: DbOrTrx, id: string) => db.selectFrom('employee_statutory_holds').select(['id', 'employee_id']).where('id', '=', id).executeTakeFirst();

export const insertStatutoryHold = (trx: Trx, row: Insertable<Database['employee_statutory_holds']>) => trx.insertInto('employee_statutory_holds').values(row).execute();
