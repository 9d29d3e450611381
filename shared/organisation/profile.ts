import { z } from 'zod';

/**
 * Issue 18 part 7: the organisation's identity and privacy contacts — the verwerkingsverantwoordelijke
 * (controller), the Privacy Officer and the Functionaris Gegevensbescherming (FG). Set once in the
 * head-office console, published to every location as one synced row, printed on every letter.
 */

const required = (what: string, max: number) => z.string().trim().min(2, `Vul ${what} in.`).max(max, `Te lang (hoogstens ${max} tekens).`);
const email = (whose: string) =>
  z
    .string()
    .trim()
    .min(1, `Vul het e-mailadres van ${whose} in.`)
    .max(200, 'Te lang (hoogstens 200 tekens).')
    .email(`Dit is geen geldig e-mailadres (bijvoorbeeld privacy@organisatie.nl).`);

export const OrganisationInput = z.object({
  controllerName: required('de naam van de organisatie', 160),
  address: required('het adres (straat en huisnummer)', 160),
  postcodeCity: z
    .string()
    .trim()
    .regex(/^[1-9][0-9]{3} ?[A-Za-z]{2} +\S.*$/, 'Vul postcode en plaats in, bijvoorbeeld 3511 AB Utrecht.')
    .max(120, 'Te lang (hoogstens 120 tekens).'),
  kvkNumber: z
    .string()
    .trim()
    .regex(/^([0-9]{8})?$/, 'Een KvK-nummer heeft 8 cijfers (of laat het leeg).'),
  privacyOfficerName: required('de naam van de Privacy Officer', 120),
  privacyOfficerEmail: email('de Privacy Officer'),
  privacyOfficerPhone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{10,20}$/, 'Vul een telefoonnummer in, bijvoorbeeld 030 123 45 67.'),
  fgName: required('de naam van de FG', 120),
  fgEmail: email('de FG'),
  fgOrganisation: z.string().trim().max(160, 'Te lang (hoogstens 160 tekens).'),
});
export type OrganisationInput = z.input<typeof OrganisationInput>;
export type OrganisationProfile = z.output<typeof OrganisationInput>;

/** The synced row's id at a location: records are keyed per location, so the id carries it. */
export const organisationRowId = (locationId: string) => `${locationId}:organisation`;

/** The profile as the synced row's columns (organisation_profile at the location). */
export function organisationRow(profile: OrganisationProfile, locationId: string, at: string) {
  return {
    id: organisationRowId(locationId),
    controller_name: profile.controllerName,
    address: profile.address,
    postcode_city: profile.postcodeCity,
    kvk_number: profile.kvkNumber,
    privacy_officer_name: profile.privacyOfficerName,
    privacy_officer_email: profile.privacyOfficerEmail,
    privacy_officer_phone: profile.privacyOfficerPhone,
    fg_name: profile.fgName,
    fg_email: profile.fgEmail,
    fg_organisation: profile.fgOrganisation,
    updated_at: at,
  };
}
export type OrganisationRow = ReturnType<typeof organisationRow>;

export function profileFromRow(row: OrganisationRow): OrganisationProfile {
  return {
    controllerName: row.controller_name,
    address: row.address,
    postcodeCity: row.postcode_city,
    kvkNumber: row.kvk_number,
    privacyOfficerName: row.privacy_officer_name,
    privacyOfficerEmail: row.privacy_officer_email,
    privacyOfficerPhone: row.privacy_officer_phone,
    fgName: row.fg_name,
    fgEmail: row.fg_email,
    fgOrganisation: row.fg_organisation,
  };
}

/** Controller, Privacy Officer and FG, each as one line without its label (the register page adds its own). */
export function organisationParts(profile: OrganisationProfile) {
  const kvk = profile.kvkNumber ? ` · KvK ${profile.kvkNumber}` : '';
  const fgOrg = profile.fgOrganisation ? `, ${profile.fgOrganisation}` : '';
  return {
    controller: `${profile.controllerName}, ${profile.address}, ${profile.postcodeCity}${kvk}`,
    privacyOfficer: `${profile.privacyOfficerName} (${profile.privacyOfficerEmail}, ${profile.privacyOfficerPhone})`,
    dataProtectionOfficer: `${profile.fgName}${fgOrg} (${profile.fgEmail})`,
  };
}

/** The lines every letter prints under its letterhead; none while no profile has arrived. */
export function organisationLines(profile: OrganisationProfile | null | undefined): string[] {
  if (!profile) return [];
  const parts = organisationParts(profile);
  return [`Verwerkingsverantwoordelijke: ${parts.controller}`, `Privacy Officer: ${parts.privacyOfficer}`, `Functionaris Gegevensbescherming: ${parts.dataProtectionOfficer}`];
}
