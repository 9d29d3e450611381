import { organisationRow, type OrganisationProfile } from '../../shared/organisation/profile';
import type { TestBackend } from './backend';

/** An organisation as the Privacy Officer enters it in the console (issue 18 part 7). */
export const ORGANISATION_PROFILE: OrganisationProfile = {
  controllerName: 'Stichting Kinderopvang Zonnestraal',
  address: 'Oudegracht 100',
  postcodeCity: '3511 AB Utrecht',
  kvkNumber: '12345678',
  privacyOfficerName: 'Ingrid Jansen',
  privacyOfficerEmail: 'privacy@zonnestraal.nl',
  privacyOfficerPhone: '030 123 45 67',
  fgName: 'Mr. P. de Vries',
  fgEmail: 'fg@privacybureau.nl',
  fgOrganisation: 'Privacybureau Midden',
};

/** The profile as it arrives at a location from head office with a pull (organisation_profile, never pushed). */
export async function receiveOrganisationProfile(backend: TestBackend): Promise<void> {
  const location = await backend.core.db().selectFrom('location').select('id').executeTakeFirstOrThrow();
  await backend.core
    .db()
    .insertInto('organisation_profile')
    .values({ ...organisationRow(ORGANISATION_PROFILE, location.id, backend.core.now().toISOString()), location_id: location.id, version: 1 })
    .execute();
}
