import type { DbOrTrx, Trx } from '../../db/schema';
import { readSetting, writeSetting } from './settings.repository';

export const DEFAULT_IDLE_TIMEOUT_MINUTES = 10;
const IDLE_KEY = 'security.idleTimeoutMinutes';

export async function idleTimeoutMinutes(db: DbOrTrx): Promise<number> {
  return (await readSetting<number>(db, IDLE_KEY)) ?? DEFAULT_IDLE_TIMEOUT_MINUTES;
}

export const setIdleTimeoutMinutes = (trx: Trx, minutes: number) => writeSetting(trx, IDLE_KEY, minutes);
