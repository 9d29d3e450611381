import type { AppCore } from '../../core';
import type { DbOrTrx } from '../../db/schema';
import { readSetting, writeSetting } from './settings.repository';

const DEFAULT_IDLE_TIMEOUT_MINUTES = 10;
const IDLE_KEY = 'security.idleTimeoutMinutes';
/** Date or version of the privacy statement that new consents refer to. */
const PRIVACY_STATEMENT_VERSION_KEY = 'privacy.statementVersion';

export async function idleTimeoutMinutes(db: DbOrTrx): Promise<number> {
  return (await readSetting<number>(db, IDLE_KEY)) ?? DEFAULT_IDLE_TIMEOUT_MINUTES;
}

/** Writes the settings that are given; the others keep their value. */
export async function updateSettings(core: AppCore, input: { idleTimeoutMinutes?: number | undefined; privacyStatementVersion?: string | undefined }): Promise<void> {
  await core.transaction(async (trx) => {
    if (input.idleTimeoutMinutes !== undefined) await writeSetting(trx, IDLE_KEY, input.idleTimeoutMinutes);
    if (input.privacyStatementVersion !== undefined) await writeSetting(trx, PRIVACY_STATEMENT_VERSION_KEY, input.privacyStatementVersion);
  });
}
