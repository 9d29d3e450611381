import { AppError } from '../../../../shared/api/result';
import type { SessionInfo } from '../../../../shared/api/schemas';
import { msg } from '../../../../shared/i18n/translate';
import type { AppCore } from '../../core';
import { getLocation } from '../location/location.repository';
import { idleTimeoutMinutes } from '../settings/settings.service';
import { findUserById, type UserWithRoles } from '../users/users.repository';

/** Logs the user in (held in memory only; the database is open while a session exists). */
export function startSession(core: AppCore, user: UserWithRoles, previousLoginAt: string | null): void {
  core.session = {
    previousLoginAt,
    userId: user.id,
    name: user.name,
    username: user.username,
    roles: user.roles,
    mustChangePassword: user.must_change_password === 1,
    lastActivity: core.now().getTime(),
  };
}

export async function sessionInfo(core: AppCore): Promise<SessionInfo> {
  const session = core.session;
  if (!session) throw new AppError('LOCKED', msg('common.locked'));
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
    throw new AppError('LOCKED', msg('users.accountInactive'));
  }
  session.name = user.name;
  session.roles = user.roles;
  session.mustChangePassword = user.must_change_password === 1;
}
