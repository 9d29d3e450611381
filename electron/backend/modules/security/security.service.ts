import fs from 'node:fs';
import { AppError } from '../../../../shared/api/result';
import type { AuditVerification, SecurityStatus } from '../../../../shared/api/schemas';
import { msg } from '../../../../shared/i18n/translate';
import type { AppCore, Session } from '../../core';
import { PLAIN_SQLITE_HEADER, readCipherInfo } from '../../db/open';
import { countAuditRows } from '../audit/audit.repository';
import { markRecoveryWrapForWithdrawal } from '../../sync/recovery';
import { readSetting } from '../settings/settings.repository';
import { listAllUsers } from '../users/users.service';

export const LAST_VERIFICATION_KEY = 'audit.lastVerification';

/** The "Beveiliging" page: facts read from the live database and files, not from configuration. */
export async function securityStatus(core: AppCore): Promise<SecurityStatus> {
  const db = core.db();
  const header = Buffer.alloc(PLAIN_SQLITE_HEADER.length);
  const fd = fs.openSync(core.dbFile, 'r');
  try {
    fs.readSync(fd, header, 0, header.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  const keyring = core.loadKeyring();
  return {
    encryption: { ...readCipherInfo(core.sqlite()), fileHeaderEncrypted: !header.equals(PLAIN_SQLITE_HEADER) },
    keyring: {
      userSlots: keyring.userSlotCount,
      recoverySlot: keyring.hasRecoverySlot,
      osProtection: keyring.osProtected ? 'active' : 'unavailable',
    },
    audit: {
      count: await countAuditRows(db),
      lastVerification: (await readSetting<AuditVerification>(db, LAST_VERIFICATION_KEY)) ?? null,
    },
    users: await listAllUsers(core),
  };
}

/** Replaces the recovery slot; the old herstelsleutel stops working at once. */
export async function rotateRecoveryKey(core: AppCore, session: Session, currentPassword: string): Promise<{ recoveryKey: string }> {
  const keyring = core.loadKeyring();
  const check = await keyring.unlockWithPassword(session.username, currentPassword);
  if (!check || !check.dbKey.equals(core.dbKey())) {
    const message = msg('auth.passwordWrong');
    throw new AppError('VALIDATION', message, { currentPassword: message });
  }
  check.dbKey.fill(0);
  const recoveryKey = keyring.replaceRecoverySlot(core.dbKey());
  core.pendingRecoveryKey = recoveryKey;
  // The old herstelsleutel must not open the location's sync key at head office either.
  await markRecoveryWrapForWithdrawal(core);
  return { recoveryKey };
}
