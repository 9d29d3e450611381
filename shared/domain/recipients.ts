/**
 * Disclosures to recipients beyond the fixed exports (issue 16 part 4), recorded by hand in the
 * verstrekkingenregister ("Verstrekking vastleggen"), and Veilig Thuis, written by a meldcode
 * decision to report. Each kind says what the entry must name besides the recipient and the fields.
 */
export const MANUAL_RECIPIENT_KINDS = ['veilig_thuis', 'politie_justitie', 'spoedeisende_zorg', 'accountant', 'overig'] as const;
export type ManualRecipientKind = (typeof MANUAL_RECIPIENT_KINDS)[number];

export const MANUAL_RECIPIENT_LABEL: Record<ManualRecipientKind, string> = {
  veilig_thuis: 'Veilig Thuis',
  politie_justitie: 'Politie of justitie',
  spoedeisende_zorg: 'Spoedeisende zorg',
  accountant: 'Accountant of auditor',
  overig: 'Andere ontvanger',
};

/** The legal basis of the kinds whose ground is fixed by law; the other kinds type theirs. */
export const FIXED_LEGAL_BASIS: Partial<Record<ManualRecipientKind, string>> = {
  veilig_thuis: 'Wet verplichte meldcode huiselijk geweld en kindermishandeling; meldrecht (Wmo 2015 art. 5.2.6), zwaarwegend belang van het kind (AVG art. 6 lid 1 sub c en e)',
  spoedeisende_zorg: 'Vitaal belang van de betrokkene (AVG art. 6 lid 1 sub d; gezondheidsgegevens art. 9 lid 2 sub c)',
};

/** Police and justice name their order or claim (vordering, bevel); an auditor the confidentiality that binds them. */
export const needsLegalBasis = (kind: ManualRecipientKind) => !(kind in FIXED_LEGAL_BASIS);
export const needsOrderReference = (kind: ManualRecipientKind) => kind === 'politie_justitie';
export const needsConfidentiality = (kind: ManualRecipientKind) => kind === 'accountant';

/** Veilig Thuis lines are meldcode information: shown only to a user with meldcode access. */
export const isMeldcodeRecipient = (recipient: string) => recipient === 'veilig_thuis';

export const isManualRecipient = (value: string): value is ManualRecipientKind => (MANUAL_RECIPIENT_KINDS as readonly string[]).includes(value);

/** What a Veilig Thuis report (melding) discloses, in the register's words (never the case text itself). */
export const VEILIG_THUIS_FIELDS: readonly string[] = ['Naam en geboortedatum van het kind', 'Namen en adres van de ouders', 'Signalen, zorgen en stappen uit het meldcodedossier'];
