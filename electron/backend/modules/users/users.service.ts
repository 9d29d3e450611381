import { v7 as uuidv7 } from 'uuid';
import type { Role } from '../../../../shared/auth/permissions';
import { AppError } from '../../../../shared/api/result';
import type { SessionInfo, User } from '../../../../shared/api/schemas';
import type { AppCore } from '../../core';
import type { DbOrTrx, Trx } from '../../db/schema';
import { appendAudit } from '../audit/audit.service';
import { idleTimeoutMinutes } from '../settings/settings.service';
import { getLocation } from '../location/location.repository';
import { passwordProblem } from '../../../../shared/validation/password';
import {
  activeManagerIds,
  findUserById,
  findUserByUsername,
  insertUser,
  listUsers,
  setUserRoles,
  updateUser,
  type UserWithRoles,
} from './users.repository';

export function toUser(row: UserWithRoles): User {
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

export async function sessionInfo(core: AppCore): Promise<SessionInfo> {
  const session = core.session;
  if (!session) throw new AppError('LOCKED', 'De app is vergrendeld. Log opnieuw in.');
  const db = core.db();
  return {
    userId: session.userId,
    name: session.name,
    username: session.username,
    roles: session.roles,
    mustChangePassword: session.mustChangePassword,
    idleTimeoutMinutes: await idleTimeoutMinutes(db),
    locationName: (await getLocation(db))?.name ?? '',
    previousLoginAt: session.previousLoginAt,
  };
}

/** Reloads the logged-in user so role changes and deactivation take effect on the next call. */
export async function refreshSession(core: AppCore): Promise<void> {
  const session = core.session;
  if (!session) return;
  const user = await findUserById(core.db(), session.userId);
  if (!user || user.active !== 1) {
    await core.close();
    throw new AppError('LOCKED', 'Uw account is niet meer actief. Neem contact op met de locatiemanager.');
  }
  session.name = user.name;
  session.roles = user.roles;
  session.mustChangePassword = user.must_change_password === 1;
}

async function requireUser(db: DbOrTrx, id: string): Promise<UserWithRoles> {
  const user = await findUserById(db, id);
  if (!user) throw new AppError('NOT_FOUND', 'Deze gebruiker bestaat niet (meer).');
  return user;
}

/** The location must always keep at least one active manager, or nobody can manage users. */
async function assertKeepsAManager(trx: Trx, userId: string, stillManager: boolean) {
  if (stillManager) return;
  const managers = await activeManagerIds(trx);
  if (managers.length === 1 && managers[0] === userId) {
    throw new AppError('CONFLICT', 'Er moet altijd minstens één actieve locatiemanager zijn.');
  }
}

export const listAllUsers = async (core: AppCore) => (await listUsers(core.db())).map(toUser);

export async function createUser(
  core: AppCore,
  actorId: string,
  input: { name: string; username: string; password: string; roles: Role[] },
): Promise<User> {
  const id = uuidv7();
  const now = core.now().toISOString();
  await core.transaction(async (trx) => {
    if (await findUserByUsername(trx, input.username)) {
      throw new AppError('CONFLICT', 'Deze gebruikersnaam is al in gebruik.', { username: 'Deze gebruikersnaam is al in gebruik.' });
    }
    await insertUser(
      trx,
      { id, name: input.name, username: input.username, active: 1, must_change_password: 1, created_at: now, updated_at: now, last_login_at: null },
      input.roles,
    );
    await appendAudit(trx, { userId: actorId, action: 'users.create', entity: 'user', entityId: id, details: { roles: input.roles.join(',') } }, core.now());
    // Inside the transaction: if the keyring cannot be written, the user is not created either.
    await core.loadKeyring().setUserSlot(core.dbKey(), id, input.username, input.password);
  });
  return toUser(await requireUser(core.db(), id));
}

export async function updateUserDetails(core: AppCore, actorId: string, input: { id: string; name: string; roles: Role[] }): Promise<User> {
  await core.transaction(async (trx) => {
    const user = await requireUser(trx, input.id);
    await assertKeepsAManager(trx, user.id, user.active === 0 || input.roles.includes('manager'));
    await updateUser(trx, user.id, { name: input.name, updated_at: core.now().toISOString() });
    await setUserRoles(trx, user.id, input.roles);
    await appendAudit(trx, { userId: actorId, action: 'users.update', entity: 'user', entityId: user.id, details: { roles: input.roles.join(',') } }, core.now());
  });
  return toUser(await requireUser(core.db(), input.id));
}

/** Temporary passwords follow the same rule as chosen ones (the UI checks too; the backend decides). */
function assertStrong(password: string, user: { username: string; name: string }, field: string) {
  const problem = passwordProblem(password, user);
  if (problem) throw new AppError('VALIDATION', problem, { [field]: problem });
}

/** A manager sets a temporary password; the user must choose a new one at the next login. */
export async function resetPassword(core: AppCore, actorId: string, input: { id: string; temporaryPassword: string }): Promise<User> {
  if (input.id === actorId) {
    throw new AppError('VALIDATION', 'Wijzig uw eigen wachtwoord via "Wachtwoord wijzigen".');
  }
  await core.transaction(async (trx) => {
    const user = await requireUser(trx, input.id);
    if (user.active === 0) throw new AppError('CONFLICT', 'Deze gebruiker is gedeactiveerd. Activeer de gebruiker eerst.');
    assertStrong(input.temporaryPassword, user, 'temporaryPassword');
    await updateUser(trx, user.id, { must_change_password: 1, updated_at: core.now().toISOString() });
    await appendAudit(trx, { userId: actorId, action: 'users.resetPassword', entity: 'user', entityId: user.id }, core.now());
    await core.loadKeyring().setUserSlot(core.dbKey(), user.id, user.username, input.temporaryPassword);
  });
  return toUser(await requireUser(core.db(), input.id));
}

/** Deactivating removes the user's key slot: their password no longer opens the database. */
export async function setActive(
  core: AppCore,
  actorId: string,
  input: { id: string; active: boolean; temporaryPassword?: string | undefined },
): Promise<User> {
  if (input.id === actorId && !input.active) {
    throw new AppError('VALIDATION', 'U kunt uw eigen account niet deactiveren.');
  }
  if (input.active && !input.temporaryPassword) {
    throw new AppError('VALIDATION', 'Geef een tijdelijk wachtwoord om de gebruiker weer te activeren.', {
      temporaryPassword: 'Tijdelijk wachtwoord is verplicht.',
    });
  }
  await core.transaction(async (trx) => {
    const user = await requireUser(trx, input.id);
    if (!input.active) await assertKeepsAManager(trx, user.id, false);
    if (input.active) assertStrong(input.temporaryPassword!, user, 'temporaryPassword');
    await updateUser(trx, user.id, {
      active: input.active ? 1 : 0,
      must_change_password: input.active ? 1 : user.must_change_password,
      updated_at: core.now().toISOString(),
    });
    await appendAudit(trx, { userId: actorId, action: input.active ? 'users.activate' : 'users.deactivate', entity: 'user', entityId: user.id }, core.now());
    const keyring = core.loadKeyring();
    if (input.active) await keyring.setUserSlot(core.dbKey(), user.id, user.username, input.temporaryPassword!);
    else keyring.removeUserSlot(user.id);
  });
  return toUser(await requireUser(core.db(), input.id));
}
