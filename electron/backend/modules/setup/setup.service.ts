import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import { AppError } from '../../../../shared/api/result';
import type { PdfFile, SessionInfo } from '../../../../shared/api/schemas';
import type { setupContract } from '../../../../shared/api/setup.contract';
import { msg } from '../../../../shared/i18n/translate';
import type { AppCore, Session } from '../../core';
import type { DbOrTrx } from '../../db/schema';
import { Keyring } from '../../db/keyring';
import { DB_KEY_BYTES } from '../../db/open';
import { renderRecoveryKeyPdf } from '../../pdf/recoveryKey.pdf';
import { appendAudit } from '../audit/audit.service';
import { getLocation, insertLocation } from '../location/location.repository';
import { organisationProfile } from '../location/location.service';
import { sessionInfo, startSession } from '../session/session.service';
import { findUserById, insertUser } from '../users/users.repository';

type SetupInput = z.output<(typeof setupContract)['setup.create']['input']>;

/**
 * First start: create the encrypted database, the location and the first manager, then the
 * keyring. The database comes first: a keyring only ever points at a complete database.
 */
export async function setup(core: AppCore, input: SetupInput): Promise<{ session: SessionInfo; recoveryKey: string }> {
  if (core.state !== 'setup') throw new AppError('CONFLICT', msg('auth.alreadySetUp'));
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
      // Written here, not by the dispatcher (see setup.contract): the chain starts with the setup and the manager's first login.
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

/** The herstelsleutel as a PDF to print, only while it is still held in memory right after setup. */
export async function recoveryKeyPdf(core: AppCore, session: Session): Promise<PdfFile> {
  const recoveryKey = core.pendingRecoveryKey;
  if (!recoveryKey) throw new AppError('NOT_FOUND', msg('auth.recoveryKeyGone'));
  const location = await getLocation(core.db());
  const pdf = await renderRecoveryKeyPdf(core.options.resourcesDir, {
    recoveryKey,
    locationName: location?.name ?? '',
    lrkNumber: location?.lrk_number ?? '',
    organisationName: (await organisationProfile(core.db()))?.controllerName ?? null,
    createdAt: core.now(),
    createdBy: session.name,
  });
  return { fileName: 'herstelsleutel.pdf', base64: pdf.toString('base64') };
}

/** The location's id, for new records; before setup there is none. */
export async function locationId(db: DbOrTrx): Promise<string> {
  const location = await getLocation(db);
  if (!location) throw new AppError('CONFLICT', msg('auth.locationNotSetUp'));
  return location.id;
}
