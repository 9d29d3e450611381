import type { DbOrTrx, Trx } from '../db/schema';
import { readSetting, writeSetting } from '../modules/settings/settings.repository';

/** How this PC talks to head office. Stored in the encrypted database (the token is a secret). */
export interface SyncConfig {
  serverUrl: string;
  deviceId: string;
  token: string;
  locationId: string;
  locationName: string;
  caCertPem: string | null;
}

export interface SyncRunState {
  lastAttemptAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  failures: number;
}

const CONFIG = 'sync.config';
const CURSOR = 'sync.cursor';
const RUN = 'sync.run';

export const readSyncConfig = (db: DbOrTrx) => readSetting<SyncConfig>(db, CONFIG);
export const writeSyncConfig = (trx: Trx, config: SyncConfig) => writeSetting(trx, CONFIG, config);
export const readCursor = async (db: DbOrTrx) => (await readSetting<number>(db, CURSOR)) ?? 0;
export const writeCursor = (trx: Trx, cursor: number) => writeSetting(trx, CURSOR, cursor);
export const readRunState = async (db: DbOrTrx): Promise<SyncRunState> =>
  (await readSetting<SyncRunState>(db, RUN)) ?? { lastAttemptAt: null, lastSuccessAt: null, lastError: null, failures: 0 };
export const writeRunState = (trx: Trx, state: SyncRunState) => writeSetting(trx, RUN, state);
