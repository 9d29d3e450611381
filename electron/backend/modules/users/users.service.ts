import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import { AppError } from '../../../../shared/api/result';
import type { User } from '../../../../shared/api/schemas';
import type { usersContract } from '../../../../shared/api/users.contract';
import { msg } from '../../../../shared/i18n/translate';
import { passwordRule } from '../../../../shared/validation/password';
import type { AppCore } from '../../core';
import type { DbOrTrx, Trx } from '../../db/schema';
import { activeManagerIds, findUserById, findUserByUsername, insertUser, listUsers, setUserRoles, updateUser, type UserWithRoles } from './users.repository';

type Input<M extends keyof typeof usersContract> = z.output<(typeof usersContract)[M]['input']>;

function toUser(row: UserWithRoles): User {
  return {
    id: row.id,
    name: row.name,
    username: row.username,
    roles: row.roles,
    active: row.active === 1,
    mustChangePassword: row.must_change_password === 1,
    createdAt: row.created_at,
    lastLoginAt: row.last_login_at,
  };
}

async function requireUser(db: DbOrTrx, id: string): Promise<UserWithRoles> {
  const user = await findUserById(db, id);
  if (!user) throw new AppError('NOT_FOUND', msg('users.notFound'));
  return user;
}

/** The location must always keep at least one active manager, or nobody can manage users. */
async function assertKeepsAManager(trx: Trx, userId: string, stillManager: boolean) {
  if (stillManager) return;
  const managers = await activeManagerIds(trx);
  if (managers.length === 1 && managers[0] === userId) throw new AppError('CONFLICT', msg('users.lastManager'));
}

export const listAllUsers = async (core: AppCore) => (await listUsers(core.db())).map(toUser);

export async function createUser(core: AppCore, input: Input<'users.create'>): Promise<User> {
  const id = uuidv7();
  const now = core.now().toISOString();
  await core.transaction(async (trx) => {
    if (await findUserByUsername(trx, input.username)) {
      throw new AppError('CONFLICT', msg('users.usernameTaken'), { username: msg('users.usernameTaken') });
    }
    await insertUser(
      trx,
      { id, name: input.name, username: input.username, active: 1, must_change_password: 1, created_at: now, updated_at: now, last_login_at: null },
      input.roles,
    );
    // Inside the transaction: if the keyring cannot be written, the user is not created either.
    await core.loadKeyring().setUserSlot(core.dbKey(), id, input.username, input.password);
  });
  return toUser(await requireUser(core.db(), id));
}

export async function updateUserDetails(core: AppCore, input: Input<'users.update'>): Promise<User> {
  await core.transaction(async (trx) => {
    const user = await requireUser(trx, input.id);
    await assertKeepsAManager(trx, user.id, user.active === 0 || input.roles.includes('manager'));
    await updateUser(trx, user.id, { name: input.name, updated_at: core.now().toISOString() });
    await setUserRoles(trx, user.id, input.roles);
  });
  return toUser(await requireUser(core.db(), input.id));
}

/** Temporary passwords follow the same rule as chosen ones (the UI checks too; the backend decides). */
function assertStrong(password: string, user: { username: string; name: string }, field: string) {
  const problem = passwordRule(password, user);
  if (problem) throw new AppError('VALIDATION', problem, { [field]: problem });
}

/** A manager sets a temporary password; the user must choose a new one at the next login. */
export async function resetPassword(core: AppCore, actorId: string, input: Input<'users.resetPassword'>): Promise<User> {
  if (input.id === actorId) throw new AppError('VALIDATION', msg('users.resetOwnPassword'));
  await core.transaction(async (trx) => {
    const user = await requireUser(trx, input.id);
    if (user.active === 0) throw new AppError('CONFLICT', msg('users.inactive'));
    assertStrong(input.temporaryPassword, user, 'temporaryPassword');
    await updateUser(trx, user.id, { must_change_password: 1, updated_at: core.now().toISOString() });
    await core.loadKeyring().setUserSlot(core.dbKey(), user.id, user.username, input.temporaryPassword);
  });
  return toUser(await requireUser(core.db(), input.id));
}

/** Deactivating removes the user's key slot: their password no longer opens the database. */
export async function setActive(core: AppCore, actorId: string, input: Input<'users.setActive'>): Promise<User> {
  if (input.id === actorId && !input.active) throw new AppError('VALIDATION', msg('users.deactivateSelf'));
  // Only activating sets a password (the user's key slot); deactivating removes the slot.
  const temporaryPassword = input.active ? input.temporaryPassword : undefined;
  if (input.active && !temporaryPassword) {
    throw new AppError('VALIDATION', msg('users.activateNeedsPassword'), { temporaryPassword: msg('users.temporaryPasswordRequired') });
  }
  await core.transaction(async (trx) => {
    const user = await requireUser(trx, input.id);
    if (!input.active) await assertKeepsAManager(trx, user.id, false);
    if (temporaryPassword) assertStrong(temporaryPassword, user, 'temporaryPassword');
    await updateUser(trx, user.id, {
      active: input.active ? 1 : 0,
      must_change_password: input.active ? 1 : user.must_change_password,
      updated_at: core.now().toISOString(),
    });
    const keyring = core.loadKeyring();
    if (temporaryPassword) await keyring.setUserSlot(core.dbKey(), user.id, user.username, temporaryPassword);
    else keyring.removeUserSlot(user.id);
  });
  return toUser(await requireUser(core.db(), input.id));
}
