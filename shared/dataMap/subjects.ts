import type { Condition } from './types';

/**
 * Kinds of people (betrokkenen) the location database holds data about. `home` is the table whose
 * row is that person; a subject without one is only named inside other rows.
 */
export interface SubjectDef {
  /** Dutch, for the register's "categorieën van betrokkenen". */
  label: string;
  home?: { table: string; where?: Condition };
}

export const SUBJECTS = {
  parent: { label: 'Contractouders (klanten)', home: { table: 'parents', where: { column: 'is_contract_parent', equals: 1 } } },
  other_parent: { label: 'Andere ouders of verzorgers (zonder contract)', home: { table: 'parents', where: { column: 'is_contract_parent', equals: 0 } } },
  child: { label: 'Kinderen', home: { table: 'children' } },
  employee: { label: 'Medewerkers', home: { table: 'employees' } },
  applicant: { label: 'Sollicitanten', home: { table: 'applicants' } },
  pickup_person: { label: 'Ophaalpersonen en personen die een kind niet mogen ophalen' },
  waitlist_prospect: { label: 'Ouders en kinderen op de wachtlijst', home: { table: 'waitlist_entries' } },
  complainant: { label: 'Klagers', home: { table: 'complaints' } },
  /** Someone who e-mailed privacy@, until the location registers the request at the right person. */
  privacy_requester: { label: 'Personen die via privacy@ een verzoek indienen' },
  user: { label: 'Gebruikers van de app (medewerkers van de locatie)', home: { table: 'users' } },
} as const satisfies Record<string, SubjectDef>;

export type SubjectKey = keyof typeof SUBJECTS;
