import { AppError } from '../../../../shared/api/result';
import { msg } from '../../../../shared/i18n/translate';
import type { DbOrTrx } from '../../db/schema';
import { profileFromRow, type OrganisationProfile } from '../../../../shared/organisation/profile';
import type { LetterHead } from '../../../../shared/pdf/letter';
import { getLocation, getOrganisationRow } from './location.repository';

/** The location this installation belongs to; every synced row carries its id. */
export async function currentLocationId(db: DbOrTrx): Promise<string> {
  const location = await getLocation(db);
  if (!location) throw new AppError('NOT_SET_UP', msg('location.notSetUp'));
  return location.id;
}

/** The organisation's controller and privacy contacts from head office; null while none has arrived. */
export async function organisationProfile(db: DbOrTrx): Promise<OrganisationProfile | null> {
  const row = await getOrganisationRow(db);
  return row ? profileFromRow(row) : null;
}

/**
 * Who sends a letter, form or report: the location (name, address, LRK) and the organisation's
 * controller and privacy contacts from head office (null while none has arrived: nothing extra is printed).
 */
export async function letterSender(db: DbOrTrx): Promise<Pick<LetterHead, 'location' | 'organisation'>> {
  const location = await getLocation(db);
  return {
    location: { name: location?.name ?? '', address: location?.address ?? '', lrkNumber: location?.lrk_number ?? '' },
    organisation: await organisationProfile(db),
  };
}
