import type { LockReason } from '../../../../shared/api/auth.contract';
import { AppError } from '../../../../shared/api/result';
import type { SessionInfo } from '../../../../shared/api/schemas';
import { msg } from '../../../../shared/i18n/translate';
import { passwordRule } from '../../../../shared/validation/password';
import type { AppCore } from '../../core';
import { sessionInfo, startSession } from '../session/session.service';
import { findUserById, findUserByUsername, updateUser } from '../users/users.repository';

const WRONG_LOGIN = msg('auth.wrongLogin');

/** Unlocks the database with the user's password (audited as `auth.login` after the call). */
export async function login(core: AppCore, input: { username: string; password: string }): Promise<SessionInfo> {
  if (core.state === 'setup') throw new AppError('NOT_SET_UP', msg('auth.notSetUp'));
  core.assertMayAttempt();
  const keyring = core.loadKeyring();
  const unlocked = await keyring.unlockWithPassword(input.username, input.password);
  if (!unlocked) {
    core.recordFailure(keyring.slotFor(input.username)?.userId ?? null, 'password');
    throw new AppError('UNAUTHENTICATED', WRONG_LOGIN);
  }
  try {
    await core.close();
    await core.open(unlocked.dbKey);
  } finally {
    unlocked.dbKey.fill(0);
  }
  const user = await findUserById(core.db(), unlocked.userId);
  if (!user || user.active !== 1) {
    await core.close();
    throw new AppError('UNAUTHENTICATED', WRONG_LOGIN);
  }
  await core.transaction(async (trx) => {
    await core.flushFailures(trx);
    await updateUser(trx, user.id, { last_login_at: core.now().toISOString() });
  });
  startSession(core, user, user.last_login_at);
  return sessionInfo(core);
}

/** All passwords lost: the herstelsleutel opens the database and sets a new password for a manager. */
export async function recover(core: AppCore, input: { recoveryKey: string; username: string; newPassword: string }): Promise<SessionInfo> {
  if (core.state === 'setup') throw new AppError('NOT_SET_UP', msg('auth.notSetUp'));
  core.assertMayAttempt();
  const keyring = core.loadKeyring();
  const dbKey = keyring.unlockWithRecoveryKey(input.recoveryKey);
  if (!dbKey) {
    core.recordFailure(null, 'recoveryKey');
    throw new AppError('UNAUTHENTICATED', msg('auth.recoveryKeyMismatch'), { recoveryKey: msg('auth.recoveryKeyWrong') });
  }
  try {
    await core.close();
    await core.open(dbKey);
  } finally {
    dbKey.fill(0);
  }
  const user = await findUserByUsername(core.db(), input.username);
  if (!user || user.active !== 1 || !user.roles.includes('manager')) {
    await core.close();
    throw new AppError('VALIDATION', msg('auth.recoverManagerOnly'), { username: msg('auth.noActiveManager') });
  }
  await core.transaction(async (trx) => {
    await core.flushFailures(trx);
    await updateUser(trx, user.id, { must_change_password: 0, last_login_at: core.now().toISOString() });
    await keyring.setUserSlot(core.dbKey(), user.id, user.username, input.newPassword);
  });
  startSession(core, { ...user, must_change_password: 0 }, user.last_login_at);
  return sessionInfo(core);
}

/**
 * Closes the database and ends the session. Audited here, not by the dispatcher: the row must be
 * written before the database closes, and the idle lock (from the dispatcher) is not a method call.
 */
export async function lock(core: AppCore, reason: LockReason): Promise<void> {
  const session = core.session;
  if (session && core.isOpen) {
    await core.audit({ userId: session.userId, action: 'auth.lock', entity: 'user', entityId: session.userId, details: { reason } });
  }
  await core.close();
}

export async function changeOwnPassword(core: AppCore, input: { currentPassword: string; newPassword: string }): Promise<SessionInfo> {
  const session = core.session;
  if (!session) throw new AppError('LOCKED', msg('common.locked'));
  const problem = passwordRule(input.newPassword, { username: session.username, name: session.name });
  if (problem) throw new AppError('VALIDATION', problem, { newPassword: problem });
  if (input.newPassword === input.currentPassword) {
    const message = msg('auth.newPasswordSame');
    throw new AppError('VALIDATION', message, { newPassword: message });
  }
  const keyring = core.loadKeyring();
  const check = await keyring.unlockWithPassword(session.username, input.currentPassword);
  if (!check || !check.dbKey.equals(core.dbKey())) {
    const message = msg('auth.currentPasswordWrong');
    throw new AppError('VALIDATION', message, { currentPassword: message });
  }
  check.dbKey.fill(0);
  await core.transaction(async (trx) => {
    await updateUser(trx, session.userId, { must_change_password: 0, updated_at: core.now().toISOString() });
    await keyring.setUserSlot(core.dbKey(), session.userId, session.username, input.newPassword);
  });
  session.mustChangePassword = false;
  return sessionInfo(core);
}
