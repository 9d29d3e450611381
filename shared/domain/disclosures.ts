/**
 * Legal disclosures (verstrekkingen) and the only fields each recipient gets. A field outside the
 * list can never appear in an export: the exporters build rows from these lists.
 */
export const DISCLOSURE_FIELDS = {
  child_first_name: 'Voornaam kind',
  child_surname: 'Achternaam kind',
  child_birth_date: 'Geboortedatum kind',
  child_bsn: 'BSN kind',
  parent_name: 'Naam betalende ouder',
  parent_bsn: 'BSN betalende ouder',
  address: 'Adres',
  postcode: 'Postcode',
  city: 'Woonplaats',
  hours: 'Afgenomen uren',
  care_type: 'Opvangsoort',
  group: 'Groep',
  contract_start: 'Begindatum contract',
} as const;
export type DisclosureField = keyof typeof DISCLOSURE_FIELDS;

export const BELASTINGDIENST_FIELDS: readonly DisclosureField[] = ['child_first_name', 'child_surname', 'child_bsn', 'parent_name', 'parent_bsn', 'address', 'postcode', 'city', 'hours'];
/** GGD: who is there that day and in which group (the beroepskracht-kindratio is counted per group). */
export const GGD_FIELDS: readonly DisclosureField[] = ['child_first_name', 'child_surname', 'child_birth_date', 'group'];
/** What a municipal VVE regulation may ask for; each municipality's configuration picks from these. */
export const VVE_ALLOWED_FIELDS: readonly DisclosureField[] = ['child_first_name', 'child_surname', 'child_birth_date', 'child_bsn', 'postcode', 'city', 'hours', 'care_type', 'group', 'contract_start'];

export const LEGAL_BASIS = {
  belastingdienst: 'Wet kinderopvang / Algemene wet inkomensafhankelijke regelingen (kinderopvangtoeslag)',
  ggd: 'Wet kinderopvang, toezicht GGD (beroepskracht-kindratio)',
} as const;

export const RECIPIENT_LABEL = {
  belastingdienst: 'Belastingdienst (kinderopvangtoeslag)',
  ggd: 'GGD (inspectie)',
  gemeente_vve: 'Gemeente (VVE)',
  school: 'School of zorginstelling',
  marketing: 'Advertentieplatforms (gepseudonimiseerd)',
} as const;
export type Recipient = keyof typeof RECIPIENT_LABEL;
