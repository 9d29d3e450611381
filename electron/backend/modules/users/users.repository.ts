import type { Role } from '../../../../shared/auth/permissions';
import type { DbOrTrx, NewUserRow, Trx, UserRow, UserUpdate } from '../../db/schema';

export interface UserWithRoles extends UserRow {
  roles: Role[];
}

async function withRoles(db: DbOrTrx, rows: UserRow[]): Promise<UserWithRoles[]> {
  if (rows.length === 0) return [];
  const roleRows = await db
    .selectFrom('user_roles')
    .select(['user_id', 'role'])
    .where(
      'user_id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  return rows.map((row) => ({
    ...row,
    roles: roleRows.filter((r) => r.user_id === row.id).map((r) => r.role as Role),
  }));
}

export async function findUserById(db: DbOrTrx, id: string): Promise<UserWithRoles | undefined> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? (await withRoles(db, [row]))[0] : undefined;
}

export async function findUserByUsername(db: DbOrTrx, username: string): Promise<UserWithRoles | undefined> {
  const row = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  return row ? (await withRoles(db, [row]))[0] : undefined;
}

export async function listUsers(db: DbOrTrx): Promise<UserWithRoles[]> {
  return withRoles(db, await db.selectFrom('users').selectAll().orderBy('active', 'desc').orderBy('name').execute());
}

export async function insertUser(trx: Trx, row: NewUserRow, roles: readonly Role[]): Promise<void> {
  await trx.insertInto('users').values(row).execute();
  await setUserRoles(trx, row.id, roles);
}

export async function updateUser(trx: Trx, id: string, changes: UserUpdate): Promise<void> {
  await trx.updateTable('users').set(changes).where('id', '=', id).execute();
}

export async function setUserRoles(trx: Trx, userId: string, roles: readonly Role[]): Promise<void> {
  await trx.deleteFrom('user_roles').where('user_id', '=', userId).execute();
  if (roles.length > 0) {
    await trx
      .insertInto('user_roles')
      .values(roles.map((role) => ({ user_id: userId, role })))
      .execute();
  }
}

/** Active users holding the manager role, for the "at least one manager" rule. */
export async function activeManagerIds(db: DbOrTrx): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select('users.id')
    .where('users.active', '=', 1)
    .where('user_roles.role', '=', 'manager')
    .execute();
  return rows.map((r) => r.id);
}

/** Names of the active users holding a role (e.g. who the aandachtsfunctionaris is), by name. */
export async function activeUserNamesWithRole(db: DbOrTrx, role: Role): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select('users.name')
    .where('users.active', '=', 1)
    .where('user_roles.role', '=', role)
    .orderBy('users.name')
    .execute();
  return rows.map((r) => r.name);
}
