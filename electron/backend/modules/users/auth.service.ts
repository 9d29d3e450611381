import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../../../shared/api/result';
import type { SessionInfo } from '../../../../shared/api/schemas';
import { passwordProblem } from '../../../../shared/validation/password';
import type { AppCore } from '../../core';
import { Keyring } from '../../db/keyring';
import { DB_KEY_BYTES } from '../../db/open';
import { appendAudit } from '../audit/audit.service';
import { insertLocation } from '../location/location.repository';
import { findUserById, findUserByUsername, insertUser, updateUser, type UserWithRoles } from './users.repository';
import { sessionInfo } from './users.service';
import { msg } from '../../../../shared/i18n/translate';

const WRONG_LOGIN = msg('auth.wrongLogin');

function startSession(core: AppCore, user: UserWithRoles, previousLoginAt: string | null) {
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

/**
 * First start: create the encrypted database, the location and the first manager, then the
 * keyring. The database comes first: a keyring only ever points at a complete database.
 */
export async function setup(
  core: AppCore,
  input: { location: { name: string; address: string; lrkNumber: string }; manager: { name: string; username: string; password: string } },
): Promise<{ session: SessionInfo; recoveryKey: string }> {
  if (core.state !== 'setup') throw new AppError('CONFLICT', 'Deze installatie is al ingericht.');
  if (fs.existsSync(core.dbFile)) {
    // Left over from a setup that was interrupted before its keyring was written: without a
    // keyring it can never be opened. Keep it aside rather than delete anything.
    fs.renameSync(core.dbFile, `${core.dbFile}.onvoltooid-${Date.now()}`);
    for (const suffix of ['-wal', '-shm']) fs.rmSync(core.dbFile + suffix, { force: true });
  }
  const dbKey = randomBytes(DB_KEY_BYTES);
  const now = core.now().toISOString();
  const locationId = uuidv7();
  const userId = uuidv7();
  await core.open(dbKey, { create: true });
  try {
    await core.transaction(async (trx) => {
      await insertLocation(trx, { id: locationId, name: input.location.name, address: input.location.address, lrk_number: input.location.lrkNumber, created_at: now, updated_at: now });
      await insertUser(
        trx,
        { id: userId, name: input.manager.name, username: input.manager.username, active: 1, must_change_password: 0, created_at: now, updated_at: now, last_login_at: now },
        ['manager'],
      );
      await appendAudit(trx, { userId, action: 'setup.create', entity: 'location', entityId: locationId }, core.now());
      await appendAudit(trx, { userId, action: 'auth.login', entity: 'user', entityId: userId }, core.now());
    });
    const { recoveryKey } = await Keyring.create(core.keyringFile, {
      dbKey,
      locationName: input.location.name,
      user: { id: userId, username: input.manager.username, password: input.manager.password },
      protector: core.protector,
      kdf: core.kdf,
    });
    core.pendingRecoveryKey = recoveryKey;
    const user = await findUserById(core.db(), userId);
    startSession(core, user!, null);
    return { session: await sessionInfo(core), recoveryKey };
  } catch (error) {
    await core.close();
    throw error;
  } finally {
    dbKey.fill(0);
  }
}

export async function login(core: AppCore, input: { username: string; password: string }): Promise<SessionInfo> {
  if (core.state === 'setup') throw new AppError('NOT_SET_UP', 'De app is nog niet ingericht.');
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
    await appendAudit(trx, { userId: user.id, action: 'auth.login', entity: 'user', entityId: user.id }, core.now());
  });
  startSession(core, user, user.last_login_at);
  return sessionInfo(core);
}

/** All passwords lost: the herstelsleutel opens the database and sets a new password for a manager. */
export async function recover(core: AppCore, input: { recoveryKey: string; username: string; newPassword: string }): Promise<SessionInfo> {
  if (core.state === 'setup') throw new AppError('NOT_SET_UP', 'De app is nog niet ingericht.');
  core.assertMayAttempt();
  const keyring = core.loadKeyring();
  const dbKey = keyring.unlockWithRecoveryKey(input.recoveryKey);
  if (!dbKey) {
    core.recordFailure(null, 'recoveryKey');
    throw new AppError('UNAUTHENTICATED', 'Deze herstelsleutel past niet bij deze database.', { recoveryKey: 'Herstelsleutel onjuist.' });
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
    throw new AppError('VALIDATION', 'Met de herstelsleutel kunt u alleen het wachtwoord van een actieve locatiemanager opnieuw instellen.', {
      username: 'Geen actieve locatiemanager met deze gebruikersnaam.',
    });
  }
  await core.transaction(async (trx) => {
    await core.flushFailures(trx);
    await updateUser(trx, user.id, { must_change_password: 0, last_login_at: core.now().toISOString() });
    await appendAudit(trx, { userId: user.id, action: 'auth.recover', entity: 'user', entityId: user.id }, core.now());
    await keyring.setUserSlot(core.dbKey(), user.id, user.username, input.newPassword);
  });
  startSession(core, { ...user, must_change_password: 0 }, user.last_login_at);
  return sessionInfo(core);
}

export async function lock(core: AppCore, reason: 'idle' | 'user'): Promise<void> {
  const session = core.session;
  if (session && core.isOpen) {
    await core.audit({ userId: session.userId, action: 'auth.lock', entity: 'user', entityId: session.userId, details: { reason } });
  }
  await core.close();
}

/** Replaces the recovery slot; the old herstelsleutel stops working at once. */
export async function rotateRecoveryKey(core: AppCore, currentPassword: string): Promise<{ recoveryKey: string }> {
  const session = core.session;
  if (!session) throw new AppError('LOCKED', 'De app is vergrendeld. Log opnieuw in.');
  const keyring = core.loadKeyring();
  const check = await keyring.unlockWithPassword(session.username, currentPassword);
  if (!check || !check.dbKey.equals(core.dbKey())) {
    const message = 'Het wachtwoord is onjuist.';
    throw new AppError('VALIDATION', message, { currentPassword: message });
  }
  check.dbKey.fill(0);
  const recoveryKey = await core.transaction(async (trx) => {
    await appendAudit(trx, { userId: session.userId, action: 'security.rotateRecoveryKey' }, core.now());
    return keyring.replaceRecoverySlot(core.dbKey());
  });
  core.pendingRecoveryKey = recoveryKey;
  return { recoveryKey };
}

export async function changeOwnPassword(core: AppCore, input: { currentPassword: string; newPassword: string }): Promise<SessionInfo> {
  const session = core.session;
  if (!session) throw new AppError('LOCKED', 'De app is vergrendeld. Log opnieuw in.');
  const problem = passwordProblem(input.newPassword, { username: session.username, name: session.name });
  if (problem) throw new AppError('VALIDATION', problem, { newPassword: problem });
  if (input.newPassword === input.currentPassword) {
    const message = 'Kies een nieuw wachtwoord dat anders is dan het huidige.';
    throw new AppError('VALIDATION', message, { newPassword: message });
  }
  const keyring = core.loadKeyring();
  const check = await keyring.unlockWithPassword(session.username, input.currentPassword);
  if (!check || !check.dbKey.equals(core.dbKey())) {
    const message = 'Het huidige wachtwoord is onjuist.';
    throw new AppError('VALIDATION', message, { currentPassword: message });
  }
  check.dbKey.fill(0);
  await core.transaction(async (trx) => {
    await updateUser(trx, session.userId, { must_change_password: 0, updated_at: core.now().toISOString() });
    await appendAudit(trx, { userId: session.userId, action: 'auth.changePassword', entity: 'user', entityId: session.userId }, core.now());
    await keyring.setUserSlot(core.dbKey(), session.userId, session.username, input.newPassword);
  });
  session.mustChangePassword = false;
  return sessionInfo(core);
}
