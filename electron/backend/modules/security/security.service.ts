import fs from 'node:fs';
import type { SecurityStatus } from '../../../../shared/api/schemas';
import type { AppCore } from '../../core';
import { PLAIN_SQLITE_HEADER, readCipherInfo } from '../../db/open';
import { countAuditRows } from '../audit/audit.repository';
import { readSetting } from '../settings/settings.repository';
import { listAllUsers } from '../users/users.service';
import type { AuditVerification } from '../../../../shared/api/schemas';

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
