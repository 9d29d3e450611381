import { AppError } from '../../../../shared/api/result';
import { msg } from '../../../../shared/i18n/translate';
import type { DbOrTrx } from '../../db/schema';
import { getLocation } from './location.repository';

/** The location this installation belongs to; every synced row carries its id. */
export async function currentLocationId(db: DbOrTrx): Promise<string> {
  const location = await getLocation(db);
  if (!location) throw new AppError('NOT_SET_UP', msg('location.notSetUp'));
  return location.id;
}
