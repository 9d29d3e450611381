import { organisationRow, organisationRowId, profileFromRow, type OrganisationProfile } from '../../shared/organisation/profile';
import type { HoDb, HoTrx } from '../db/schema';
import { publishToLocation } from '../service/publish.service';
import { appendAudit } from './audit';

/** The head-office row's fixed id: the organisation has one profile. */
const PROFILE_ID = 'organisation';

async function storedProfile(db: HoDb | HoTrx) {
  return (await db.selectFrom('organisation_profile').selectAll().where('id', '=', PROFILE_ID).executeTakeFirst()) ?? null;
}

/** The organisation's identity and privacy contacts; null until the privacy officer has set them. */
export async function getOrganisation(db: HoDb): Promise<{ profile: OrganisationProfile | null; updatedAt: string | null }> {
  const row = await storedProfile(db);
  return { profile: row ? profileFromRow(row) : null, updatedAt: row?.updated_at ?? null };
}

/** Writes the profile into one location's stream (one row, fixed id per location). */
async function publishTo(trx: HoTrx, locationId: string, profile: OrganisationProfile, at: string) {
  await publishToLocation(trx, locationId, [{ entity: 'organisation_profile', entityId: organisationRowId(locationId), payload: organisationRow(profile, locationId, at) }], at);
}

/** Saves the profile and publishes it to every location in the same transaction, audited. */
export async function saveOrganisation(db: HoDb, profile: OrganisationProfile, actorId: string, now: Date) {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const row = { ...organisationRow(profile, '', at), id: PROFILE_ID, updated_by: actorId };
    await trx.insertInto('organisation_profile').values(row).onConflict((oc) => oc.column('id').doUpdateSet(row)).execute();
    const locations = await trx.selectFrom('locations').select('id').orderBy('id').execute();
    for (const location of locations) await publishTo(trx, location.id, profile, at);
    await appendAudit(trx, { userId: actorId, action: 'console.organisation.update', detail: { locations: locations.length } }, now);
    return { profile, updatedAt: at };
  });
}

/** A newly created location gets the profile in force (if any) in its first changes. */
export async function publishOrganisationTo(trx: HoTrx, locationId: string, now: Date): Promise<void> {
  const row = await storedProfile(trx);
  if (row) await publishTo(trx, locationId, profileFromRow(row), now.toISOString());
}
