import type { ColumnGroup, Condition, DataMap, Path, PersonalTable, Rule, TechnicalTable } from './types';

/**
 * THE DATA MAP: every table and every column of the location database, once.
 *
 * Reading an entry:
 * - `subjects`: whom a row is about, and the path from the row to that person;
 * - `rules`: when the row itself ends (policy key → POLICY_EVENT gives the starting event, the
 *   policy list the period) and how (delete, anonymise); `with` rules: the row also goes, in the
 *   same transaction, when the row it belongs to goes; the earliest applicable rule wins;
 * - `groups`: the columns with personal data, grouped by category; a group's own `rule` ends those
 *   columns earlier (cleared) while the row stays;
 * - `noPersonalData`: ids, foreign keys, sync version, row timestamps — they go with the row.
 *
 * test/integration/data-map.test.ts holds this map against the migrated schema: a column that is
 * not listed here fails the build.
 */

// ── Shared pieces ──
const SYNC_ROW = ['id', 'location_id', 'version'] as const;
const CONTRACT_PARENT: Condition = { column: 'is_contract_parent', equals: 1 };
const OTHER_PARENT: Condition = { column: 'is_contract_parent', equals: 0 };
const subjectType = (value: string): Condition => ({ column: 'subject_type', equals: value });

const TO_CHILD: Path = [{ from: 'child_id', to: 'children.id' }];
/** From a household to its contract parent. */
const HOUSEHOLD_TO_PARENT = { from: 'id', to: 'parents.household_id', where: CONTRACT_PARENT } as const;

const policy = (key: Extract<Rule, { kind: 'policy' }>['policy'], when?: Condition): Rule => ({ kind: 'policy', policy: key, deletion: 'delete_row', ...(when ? { when } : {}) });
const withRow = (table: string, via: string, when?: Condition): Rule => ({ kind: 'with', table, via, deletion: 'delete_row', ...(when ? { when } : {}) });

/** Who recorded, checked or handled something: a user id (linked to users) and/or the name typed into the row. */
function staff(label: string, columns: readonly string[], idColumn?: string): ColumnGroup {
  return { label, category: 'staff_actor', subject: 'user', path: idColumn ? [{ from: idColumn, to: 'users.id' }] : [], columns, portable: false };
}

/** A polymorphic subject (subject_type, subject_id) pointing at a parent, a child or a household. */
const SUBJECT_PARENT: Path = [{ from: 'subject_id', to: 'parents.id', if: subjectType('parent') }];
const SUBJECT_CHILD: Path = [{ from: 'subject_id', to: 'children.id', if: subjectType('child') }];
const SUBJECT_HOUSEHOLD: Path = [{ from: 'subject_id', to: 'households.id', if: subjectType('household') }, HOUSEHOLD_TO_PARENT];

/**
 * Someone a request can be about besides parents and children (issue 16), as `subject_type` names
 * them on the request's records, with the table their path lands in: their own row, or for a pickup
 * person the pickup-list row the request was made about.
 */
const OWN_SUBJECTS = [
  { type: 'employee', subject: 'employee', table: 'employees' },
  { type: 'applicant', subject: 'applicant', table: 'applicants' },
  { type: 'waitlist_prospect', subject: 'waitlist_prospect', table: 'waitlist_entries' },
  { type: 'complainant', subject: 'complainant', table: 'complaints' },
  { type: 'pickup_person', subject: 'pickup_person', table: 'pickup_persons' },
] as const;
const subjectOwn = (o: (typeof OWN_SUBJECTS)[number]): Path => [{ from: 'subject_id', to: `${o.table}.id`, if: subjectType(o.type) }];
/** The same records go with that person's row. */
const withOwnSubjects = (): Rule[] => OWN_SUBJECTS.map((o) => withRow(o.table, 'subject_id', subjectType(o.type)));

const REQUEST_CONTENT = ['kind', 'subject_type', 'received_on', 'deadline', 'extended_months', 'extension_reason', 'extended_on', 'meldcode_decision', 'meldcode_decision_reason', 'meldcode_decided_at', 'status', 'outcome', 'decision', 'closed_on'] as const;
const CORRECTION_CONTENT = ['subject_type', 'field', 'old_value', 'new_value', 'statement', 'corrected_on'] as const;
const CORRECTION_NOTE =
  'old_value and new_value hold a value of the category of `field` (e-mail, IBAN, …): when that field is cleared under its own rule, the correction of that field must go too.';
const HOLD_CONTENT = ['subject_type', 'reason_kind', 'reason', 'review_date', 'placed_at', 'lifted_at', 'lift_reason'] as const;
const MELDCODE_CASE_CONTENT = ['route', 'status', 'opened_on', 'closed_on', 'closing_summary'] as const;

const MAP = {
  // ═══ Household dossier (gezinsdossier) ═══
  households: {
    kind: 'personal',
    label: 'het gezin',
    syncs: true,
    sealed: false,
    subjects: { parent: [HOUSEHOLD_TO_PARENT] },
    rules: [policy('contract')],
    groups: [
      { label: 'Adres', category: 'parent_identity', subject: 'parent', columns: ['street', 'house_number', 'postcode', 'city'], portable: true },
      { label: 'IBAN en tenaamstelling', category: 'household_financial', subject: 'parent', columns: ['iban', 'iban_holder'], portable: true },
    ],
    noPersonalData: [...SYNC_ROW, 'created_at', 'updated_at'],
  },

  parents: {
    kind: 'personal',
    label: 'de ouder',
    syncs: true,
    sealed: false,
    subjects: { parent: [], other_parent: [] },
    rules: [policy('contract', CONTRACT_PARENT), policy('other_parent', OTHER_PARENT), withRow('households', 'household_id')],
    groups: [
      {
        label: 'Naam, voorletters, ouderlijk gezag en rol in het contract',
        category: 'parent_identity',
        subject: 'parent',
        when: CONTRACT_PARENT,
        columns: ['first_name', 'initials', 'surname_prefix', 'surname', 'search_name', 'has_parental_authority', 'is_contract_parent'],
        portable: ['first_name', 'initials', 'surname_prefix', 'surname', 'has_parental_authority', 'is_contract_parent'],
      },
      {
        label: 'E-mailadres en telefoonnummer',
        category: 'parent_contact',
        subject: 'parent',
        when: CONTRACT_PARENT,
        columns: ['email', 'phone'],
        rule: { kind: 'policy', policy: 'parent_contact', deletion: 'clear_columns' },
        portable: true,
        uses: ['parent_marketing'],
      },
      { label: 'BSN', category: 'parent_bsn', subject: 'parent', when: CONTRACT_PARENT, columns: ['bsn'], portable: false },
      {
        label: 'Naam, contactgegevens en ouderlijk gezag van de andere ouder',
        category: 'other_parent',
        subject: 'other_parent',
        when: OTHER_PARENT,
        columns: ['first_name', 'initials', 'surname_prefix', 'surname', 'search_name', 'email', 'phone', 'has_parental_authority', 'is_contract_parent'],
        portable: false,
        uses: ['parent_marketing'],
        note: 'Legitimate interest, so not portable under art. 20 (the current export would include an other parent who asks).',
      },
      {
        label: 'BSN van de andere ouder',
        category: 'parent_bsn',
        subject: 'other_parent',
        when: OTHER_PARENT,
        columns: ['bsn'],
        portable: false,
        note: 'Goes with the row under other_parent (3 months). If the other parent is the one who applies for kinderopvangtoeslag, the 7-year fiscal rule would apply instead: the schema cannot tell.',
      },
    ],
    noPersonalData: [...SYNC_ROW, 'household_id', 'created_at', 'updated_at'],
  },

  children: {
    kind: 'personal',
    label: 'het kind',
    syncs: true,
    sealed: false,
    subjects: { child: [] },
    rules: [policy('contract'), withRow('households', 'household_id')],
    groups: [
      {
        label: 'Naam en geboortedatum',
        category: 'child_identity',
        subject: 'child',
        columns: ['first_name', 'initials', 'surname_prefix', 'surname', 'search_name', 'birth_date'],
        portable: ['first_name', 'initials', 'surname_prefix', 'surname', 'birth_date'],
      },
      {
        label: 'Groep',
        category: 'child_identity',
        subject: 'child',
        columns: ['group_id'],
        portable: false,
        note: 'Which group the child is in (a reference to `groups`, whose name the access report shows). Our own planning, not provided by the parent: not portable.',
      },
      { label: 'BSN', category: 'child_bsn', subject: 'child', columns: ['bsn'], portable: false },
    ],
    noPersonalData: [...SYNC_ROW, 'household_id', 'created_at', 'updated_at'],
  },

  bsn_verifications: {
    kind: 'personal',
    label: 'de BSN-controle',
    syncs: true,
    sealed: false,
    subjects: { parent: SUBJECT_PARENT, child: SUBJECT_CHILD },
    rules: [policy('contract'), withRow('parents', 'subject_id', subjectType('parent')), withRow('children', 'subject_id', subjectType('child'))],
    groups: [
      { label: 'BSN-controle (methode en datum)', category: 'parent_bsn', subject: 'parent', when: subjectType('parent'), columns: ['method', 'checked_on', 'recorded_at'], portable: false },
      { label: 'BSN-controle (methode en datum)', category: 'child_bsn', subject: 'child', when: subjectType('child'), columns: ['method', 'checked_on', 'recorded_at'], portable: false },
      staff('Medewerker die het BSN controleerde', ['checked_by', 'checked_by_name'], 'checked_by'),
    ],
    noPersonalData: [...SYNC_ROW, 'subject_type', 'subject_id'],
    note: 'For an other parent the row has no rule of its own (contract, 7 years) but goes with the parent row after 3 months.',
  },

  child_medical: {
    kind: 'personal',
    label: 'de medische gegevens',
    syncs: true,
    sealed: true,
    subjects: { child: TO_CHILD },
    rules: [policy('medical'), withRow('children', 'child_id')],
    groups: [
      { label: 'Allergieën, dieet, medicatie en andere bijzonderheden', category: 'child_medical', subject: 'child', columns: ['allergies', 'diet', 'medication', 'other_particulars'], portable: true },
      staff('Medewerker die de medische gegevens het laatst wijzigde', ['updated_by'], 'updated_by'),
    ],
    noPersonalData: ['child_id', 'location_id', 'version', 'updated_at'],
  },

  contracts: {
    kind: 'personal',
    label: 'het contract',
    syncs: true,
    sealed: false,
    subjects: { child: TO_CHILD },
    rules: [policy('contract'), withRow('children', 'child_id')],
    groups: [{ label: 'Opvangsoort, dagen, uren, begin- en einddatum', category: 'child_contracts', subject: 'child', columns: ['care_type', 'days', 'hours_per_week', 'start_date', 'end_date'], portable: true }],
    noPersonalData: [...SYNC_ROW, 'child_id', 'created_at', 'updated_at'],
  },

  tasks: {
    kind: 'personal',
    label: 'de taak',
    syncs: true,
    sealed: false,
    subjects: { child: TO_CHILD },
    rules: [policy('contract'), withRow('children', 'child_id')],
    groups: [
      {
        label: 'Taak "papieren kinddossier vernietigen": soort, uiterste datum, bevestiging',
        category: 'child_paper_dossier',
        subject: 'child',
        columns: ['kind', 'due_date', 'confirmed_at'],
        portable: false,
        note: 'due_date comes from the paper_dossier policy (the paper file outside the app); the task itself is proof of destruction and stays with the contract data.',
      },
      staff('Medewerker die de vernietiging bevestigde', ['confirmed_by', 'confirmed_by_name'], 'confirmed_by'),
    ],
    noPersonalData: [...SYNC_ROW, 'child_id', 'contract_id', 'created_at'],
  },

  pickup_persons: {
    kind: 'personal',
    label: 'de ophaalpersoon',
    syncs: true,
    sealed: false,
    subjects: { pickup_person: [], child: TO_CHILD },
    rules: [policy('pickup_persons'), withRow('children', 'child_id')],
    groups: [
      {
        label: 'Naam, relatie tot het kind, telefoonnummer en geldigheid',
        category: 'child_pickup_persons',
        subject: 'pickup_person',
        columns: ['name', 'relation', 'phone', 'valid_until', 'revoked_at'],
        portable: ['name', 'relation', 'phone', 'valid_until'],
      },
    ],
    noPersonalData: [...SYNC_ROW, 'child_id', 'created_at'],
  },

  pickup_bans: {
    kind: 'personal',
    label: 'het ophaalverbod',
    syncs: true,
    sealed: false,
    subjects: { pickup_person: [], child: TO_CHILD },
    rules: [policy('pickup_bans'), withRow('children', 'child_id')],
    groups: [
      {
        label: 'Wie het kind niet mag ophalen, de grondslag (bijvoorbeeld een beslissing van de rechter) en de opheffing',
        category: 'child_pickup_bans',
        subject: 'pickup_person',
        columns: ['name', 'basis_reference', 'basis_date', 'notes', 'lifted_at', 'lift_reason'],
        portable: false,
        note: 'Recorded by staff from a court order or the parent: not data the parent "provided" in the art. 20 sense (the current export leaves it out).',
      },
      staff('Medewerker die het verbod vastlegde', ['created_by'], 'created_by'),
    ],
    noPersonalData: [...SYNC_ROW, 'child_id', 'created_at'],
  },

  identification_log: {
    kind: 'personal',
    label: 'de identificatie',
    syncs: true,
    sealed: false,
    subjects: { pickup_person: [], child: TO_CHILD },
    rules: [policy('identification'), withRow('children', 'child_id')],
    groups: [
      { label: 'Wie het kind ophaalde, hoe dat is vastgesteld en het soort document', category: 'child_identification', subject: 'pickup_person', columns: ['collector_name', 'method', 'id_type', 'recorded_at'], portable: false },
      staff('Medewerker die de identificatie vastlegde', ['recorded_by', 'recorded_by_name'], 'recorded_by'),
    ],
    noPersonalData: [...SYNC_ROW, 'child_id'],
  },

  photo_consents: {
    kind: 'personal',
    label: 'de toestemming voor beeldmateriaal',
    syncs: true,
    sealed: false,
    subjects: { child: TO_CHILD, parent: [{ from: 'parent_id', to: 'parents.id' }] },
    rules: [policy('photo_consent'), withRow('children', 'child_id')],
    groups: [
      {
        label: 'Toestemming per doel (gegeven of ingetrokken, herkenbaar in beeld), datum, manier en versie van het privacystatement',
        category: 'child_photo_consents',
        subject: 'child',
        columns: ['purpose', 'decision', 'recognisable', 'decided_on', 'channel', 'privacy_statement_version'],
        portable: ['purpose', 'decision', 'recognisable', 'decided_on', 'channel'],
      },
      staff('Medewerker die de toestemming vastlegde', ['recorded_by_name']),
    ],
    noPersonalData: [...SYNC_ROW, 'child_id', 'parent_id', 'recorded_at'],
    note: 'Append-only (trigger photo_consents_no_update): rows are deleted whole, never cleared.',
  },

  consent_form_returns: {
    kind: 'personal',
    label: 'het ingeleverde toestemmingsformulier',
    syncs: true,
    sealed: false,
    subjects: { child: TO_CHILD },
    rules: [policy('photo_consent'), withRow('children', 'child_id')],
    groups: [
      { label: 'Datum waarop het getekende toestemmingsformulier terugkwam', category: 'child_photo_consents', subject: 'child', columns: ['returned_on'], portable: false },
      staff('Medewerker die het formulier ontving', ['recorded_by_name']),
    ],
    noPersonalData: [...SYNC_ROW, 'child_id', 'recorded_at'],
  },

  exchange_consents: {
    kind: 'personal',
    label: 'de toestemming voor uitwisseling',
    syncs: true,
    sealed: false,
    subjects: { child: TO_CHILD, parent: [{ from: 'parent_id', to: 'parents.id' }] },
    rules: [policy('exchange_consent'), withRow('children', 'child_id')],
    groups: [
      {
        label: 'Ontvanger, doel, welke gegevens, geldigheid, datum van geven en intrekken',
        category: 'child_exchange_consents',
        subject: 'child',
        columns: ['recipient_name', 'recipient_type', 'purpose', 'data_description', 'valid_until', 'given_on', 'withdrawn_on'],
        portable: true,
        note: 'Consent basis, so portable under art. 20; the current portability export leaves it out.',
      },
      staff('Medewerker die de toestemming vastlegde', ['recorded_by_name']),
    ],
    noPersonalData: [...SYNC_ROW, 'child_id', 'parent_id', 'recorded_at'],
  },

  waitlist_entries: {
    kind: 'personal',
    label: 'de wachtlijstaanvraag',
    syncs: true,
    sealed: false,
    subjects: { waitlist_prospect: [], child: [{ from: 'placed_child_id', to: 'children.id' }] },
    rules: [
      policy('waitlist_withdrawn', { column: 'status', equals: 'ingetrokken' }),
      policy('waitlist_withdrawn', { column: 'status', equals: 'afgewezen' }),
      policy('waitlist_placed', { column: 'status', equals: 'geplaatst' }),
      withRow('children', 'placed_child_id'),
    ],
    groups: [
      { label: 'Naam en contactgegevens van de ouder', category: 'waitlist', subject: 'waitlist_prospect', columns: ['parent_name', 'parent_email', 'parent_phone'], portable: true },
      { label: 'Naam en (verwachte) geboortedatum van het kind', category: 'waitlist', subject: 'waitlist_prospect', columns: ['child_first_name', 'child_surname', 'child_birth_date', 'expected_date'], portable: true },
      {
        label: 'Gewenste opvang, inschrijfdatum, opmerkingen en status',
        category: 'waitlist',
        subject: 'waitlist_prospect',
        columns: ['care_type', 'desired_days', 'desired_start_date', 'notes', 'status', 'created_at', 'closed_at', 'withdraw_reason'],
        portable: ['care_type', 'desired_days', 'desired_start_date'],
        note: "An entry with status 'open' has no end: it runs until placed, withdrawn (ingetrokken) or declined (afgewezen); closed_at is the date of that event.",
      },
    ],
    noPersonalData: [...SYNC_ROW, 'placed_child_id'],
  },

  // ═══ Registers around the household dossier ═══
  disclosures: {
    kind: 'personal',
    label: 'de verstrekking',
    syncs: true,
    sealed: false,
    subjects: { user: [{ from: 'created_by', to: 'users.id' }] },
    rules: [policy('disclosure_register')],
    groups: [staff('Medewerker die de verstrekking deed', ['created_by', 'created_by_name'], 'created_by')],
    noPersonalData: [
      ...SYNC_ROW,
      'recipient',
      'recipient_name',
      'legal_basis',
      'fields',
      'subject_count',
      'format',
      'period',
      'exchange_consent_id',
      'created_at',
      'order_reference',
      'confidentiality',
      'disclosed_on',
      'meldcode_case_id',
    ],
    note:
      "Whose data were disclosed is in disclosure_subjects; this row names recipient, basis and fields only. order_reference is the authority's number of its order (vordering), confidentiality the auditor's duty, disclosed_on the day, meldcode_case_id the case file a Veilig Thuis report came from (a reference: the line is shown only with meldcode access and stays for the register's own period).",
  },

  disclosure_subjects: {
    kind: 'personal',
    label: 'de verstrekte persoon',
    syncs: true,
    sealed: false,
    subjects: {
      child: SUBJECT_CHILD,
      parent: SUBJECT_PARENT,
      employee: [{ from: 'subject_id', to: 'employees.id', if: subjectType('employee') }],
      applicant: [{ from: 'subject_id', to: 'applicants.id', if: subjectType('applicant') }],
      waitlist_prospect: [{ from: 'subject_id', to: 'waitlist_entries.id', if: subjectType('waitlist_prospect') }],
      complainant: [{ from: 'subject_id', to: 'complaints.id', if: subjectType('complainant') }],
    },
    rules: [
      policy('disclosure_register'),
      withRow('disclosures', 'disclosure_id'),
      withRow('children', 'subject_id', subjectType('child')),
      withRow('parents', 'subject_id', subjectType('parent')),
      withRow('employees', 'subject_id', subjectType('employee')),
      withRow('applicants', 'subject_id', subjectType('applicant')),
      withRow('waitlist_entries', 'subject_id', subjectType('waitlist_prospect')),
      withRow('complaints', 'subject_id', subjectType('complainant')),
    ],
    groups: [
      { label: 'Van wie gegevens zijn verstrekt', category: 'disclosure_register', subject: 'child', when: subjectType('child'), columns: ['subject_type', 'subject_id'], portable: false },
      { label: 'Van wie gegevens zijn verstrekt', category: 'disclosure_register', subject: 'parent', when: subjectType('parent'), columns: ['subject_type', 'subject_id'], portable: false },
      // Issue 16: a disclosure (police, auditor, other recipient) may concern anyone with a row of their own.
      { label: 'Van wie gegevens zijn verstrekt', category: 'disclosure_register', subject: 'employee', when: subjectType('employee'), columns: ['subject_type', 'subject_id'], portable: false },
      { label: 'Van wie gegevens zijn verstrekt', category: 'disclosure_register', subject: 'applicant', when: subjectType('applicant'), columns: ['subject_type', 'subject_id'], portable: false },
      { label: 'Van wie gegevens zijn verstrekt', category: 'disclosure_register', subject: 'waitlist_prospect', when: subjectType('waitlist_prospect'), columns: ['subject_type', 'subject_id'], portable: false },
      { label: 'Van wie gegevens zijn verstrekt', category: 'disclosure_register', subject: 'complainant', when: subjectType('complainant'), columns: ['subject_type', 'subject_id'], portable: false },
    ],
    noPersonalData: [...SYNC_ROW, 'disclosure_id'],
  },

  disclosure_restriction_decisions: {
    kind: 'personal',
    label: 'de beslissing over een beperkte persoon bij een verstrekking',
    syncs: true,
    sealed: false,
    subjects: { child: SUBJECT_CHILD, parent: SUBJECT_PARENT },
    rules: [policy('disclosure_register'), withRow('disclosures', 'disclosure_id'), withRow('children', 'subject_id', subjectType('child')), withRow('parents', 'subject_id', subjectType('parent'))],
    groups: [
      { label: 'Beslissing bij een wettelijke verstrekking terwijl de verwerking beperkt was, met de reden', category: 'disclosure_register', subject: 'child', when: subjectType('child'), columns: ['subject_type', 'subject_id', 'decision', 'reason'], portable: false },
      { label: 'Beslissing bij een wettelijke verstrekking terwijl de verwerking beperkt was, met de reden', category: 'disclosure_register', subject: 'parent', when: subjectType('parent'), columns: ['subject_type', 'subject_id', 'decision', 'reason'], portable: false },
    ],
    noPersonalData: [...SYNC_ROW, 'disclosure_id'],
    note: 'Who decided is the register line\'s created_by; an included person is also in disclosure_subjects.',
  },

  marketing_opt_outs: {
    kind: 'personal',
    label: 'het bezwaar tegen marketing',
    syncs: true,
    sealed: false,
    subjects: { parent: [{ from: 'email', to: 'parents.email' }] },
    rules: [{ kind: 'kept', reason: 'Zolang nodig om het bezwaar te respecteren: na bezwaar gebruiken wij het e-mailadres nooit meer voor marketing (AVG art. 21 lid 3); de lijst bevat alleen het e-mailadres' }],
    groups: [
      { label: 'E-mailadres, datum en manier van het bezwaar', category: 'marketing_objection', subject: 'parent', columns: ['email', 'requested_on', 'how'], portable: false },
      staff('Medewerker die het bezwaar vastlegde', ['recorded_by_name']),
    ],
    noPersonalData: [...SYNC_ROW, 'recorded_at'],
    note: 'The address is stored normalised; parents.email is not, so the path is a case-insensitive match. The engine removes an opt-out when the last parent with that address loses it (parent_contact clears it, or the household goes): then the objection has nothing left to protect.',
  },

  processing_restrictions: {
    kind: 'personal',
    label: 'de beperking van de verwerking',
    syncs: true,
    sealed: false,
    subjects: { child: SUBJECT_CHILD, parent: SUBJECT_PARENT },
    rules: [withRow('children', 'subject_id', subjectType('child')), withRow('parents', 'subject_id', subjectType('parent')), ...withOwnSubjects()],
    groups: [
      { label: 'Beperking: sinds, tot en reden', category: 'processing_restriction', subject: 'child', when: subjectType('child'), columns: ['subject_type', 'since', 'until', 'reason'], portable: false },
      { label: 'Beperking: sinds, tot en reden', category: 'processing_restriction', subject: 'parent', when: subjectType('parent'), columns: ['subject_type', 'since', 'until', 'reason'], portable: false },
      ...OWN_SUBJECTS.map(
        (o): ColumnGroup => ({ label: 'Beperking: sinds, tot en reden', category: 'processing_restriction', subject: o.subject, path: subjectOwn(o), when: subjectType(o.type), columns: ['subject_type', 'since', 'until', 'reason'], portable: false }),
      ),
    ],
    noPersonalData: [...SYNC_ROW, 'subject_id', 'request_id'],
    note: 'A restriction past its `until` stays until the person goes; no rule ends a lifted restriction earlier.',
  },

  subject_requests: {
    kind: 'personal',
    label: 'het AVG-verzoek',
    syncs: true,
    sealed: false,
    subjects: { child: SUBJECT_CHILD, parent: SUBJECT_PARENT },
    rules: [policy('request_register'), withRow('households', 'household_id')],
    groups: [
      {
        label: 'Verzoeker en hoe de identiteit is vastgesteld',
        category: 'subject_request',
        subject: 'parent',
        path: [{ from: 'requester_parent_id', to: 'parents.id' }],
        columns: ['requester_name', 'identity_method'],
        portable: false,
      },
      {
        label: 'Omschrijving van het verzoek in de woorden van de verzoeker',
        category: 'subject_request',
        subject: 'parent',
        path: [{ from: 'requester_parent_id', to: 'parents.id' }],
        columns: ['description'],
        rule: { kind: 'fixed', event: 'request_closed', deletion: 'clear_columns', reason: 'Alleen nodig om het verzoek te behandelen; gewist bij het afsluiten' },
        portable: false,
      },
      {
        label: 'Afstemming met de contractouder (met wie, wanneer, hoe) bij een verzoek van de andere ouder',
        category: 'subject_request',
        subject: 'parent',
        path: [{ from: 'coordination_parent_id', to: 'parents.id' }],
        columns: ['coordination_parent_name', 'coordination_on', 'coordination_how'],
        portable: false,
      },
      { label: 'Soort verzoek, termijnen, verlenging, meldcodebesluit, uitkomst en besluit', category: 'subject_request', subject: 'child', when: subjectType('child'), columns: REQUEST_CONTENT, portable: false },
      { label: 'Soort verzoek, termijnen, verlenging, meldcodebesluit, uitkomst en besluit', category: 'subject_request', subject: 'parent', when: subjectType('parent'), columns: REQUEST_CONTENT, portable: false },
      staff('Medewerkers die het verzoek registreerden en over meldcode-informatie besloten', ['created_by_name', 'meldcode_decided_by_name']),
    ],
    noPersonalData: [...SYNC_ROW, 'subject_id', 'household_id', 'requester_parent_id', 'coordination_parent_id', 'created_at'],
    note: 'Deliberately not `with` the subject: the register entry survives the erasure it asked for (ids only). It goes with the household.',
  },

  data_corrections: {
    kind: 'personal',
    label: 'de rectificatie',
    syncs: true,
    sealed: false,
    subjects: { child: SUBJECT_CHILD, parent: SUBJECT_PARENT },
    rules: [
      policy('request_register'),
      withRow('subject_requests', 'request_id'),
      withRow('children', 'subject_id', subjectType('child')),
      withRow('parents', 'subject_id', subjectType('parent')),
      withRow('households', 'subject_id', subjectType('household')),
      ...withOwnSubjects(),
    ],
    groups: [
      ...OWN_SUBJECTS.map(
        (o): ColumnGroup => ({
          label: 'Gecorrigeerd veld, oude en nieuwe waarde, verklaring van de betrokkene',
          category: 'subject_request',
          subject: o.subject,
          path: subjectOwn(o),
          when: subjectType(o.type),
          columns: CORRECTION_CONTENT,
          portable: false,
          note: CORRECTION_NOTE,
        }),
      ),
      { label: 'Gecorrigeerd veld, oude en nieuwe waarde, verklaring van de betrokkene', category: 'subject_request', subject: 'child', when: subjectType('child'), columns: CORRECTION_CONTENT, portable: false, note: CORRECTION_NOTE },
      { label: 'Gecorrigeerd veld, oude en nieuwe waarde, verklaring van de betrokkene', category: 'subject_request', subject: 'parent', when: subjectType('parent'), columns: CORRECTION_CONTENT, portable: false, note: CORRECTION_NOTE },
      {
        label: 'Gecorrigeerd veld, oude en nieuwe waarde, verklaring van de betrokkene',
        category: 'subject_request',
        subject: 'parent',
        path: SUBJECT_HOUSEHOLD,
        when: subjectType('household'),
        columns: CORRECTION_CONTENT,
        portable: false,
        note: CORRECTION_NOTE,
      },
      staff('Medewerker die de rectificatie uitvoerde', ['corrected_by_name']),
    ],
    noPersonalData: [...SYNC_ROW, 'request_id', 'subject_id'],
    note: 'Append-only in sync (APPEND_ONLY). The art. 16 statement (aanvulling) belongs with the data it completes.',
  },

  request_tasks: {
    kind: 'personal',
    label: 'de taak bij het AVG-verzoek',
    syncs: true,
    sealed: false,
    subjects: { parent: [{ from: 'request_id', to: 'subject_requests.id' }, { from: 'requester_parent_id', to: 'parents.id' }] },
    rules: [policy('request_register'), withRow('subject_requests', 'request_id')],
    groups: [
      { label: 'Wie te informeren (ontvanger of de persoon zelf), termijn en afhandeling', category: 'subject_request', subject: 'parent', columns: ['kind', 'recipient_name', 'due_date', 'done_at'], portable: false },
      staff('Medewerker die de taak afhandelde', ['done_by_name']),
    ],
    noPersonalData: [...SYNC_ROW, 'request_id', 'created_at'],
  },

  processing_objections: {
    kind: 'personal',
    label: 'het bezwaar',
    syncs: true,
    sealed: false,
    subjects: { child: SUBJECT_CHILD, parent: SUBJECT_PARENT },
    rules: [policy('request_register'), withRow('subject_requests', 'request_id')],
    groups: [
      ...(['parent', 'child'] as const).map(
        (type): ColumnGroup => ({
          label: 'Bezwaar tegen een verwerking op grond van gerechtvaardigd belang: welke verwerking, uitkomst, redenen van een afwijzing, datum',
          category: 'subject_request',
          subject: type,
          when: subjectType(type),
          columns: ['subject_type', 'category', 'outcome', 'reason', 'decided_on'],
          portable: false,
        }),
      ),
      ...OWN_SUBJECTS.map(
        (o): ColumnGroup => ({
          label: 'Bezwaar tegen een verwerking op grond van gerechtvaardigd belang: welke verwerking, uitkomst, redenen van een afwijzing, datum',
          category: 'subject_request',
          subject: o.subject,
          path: subjectOwn(o),
          when: subjectType(o.type),
          columns: ['subject_type', 'category', 'outcome', 'reason', 'decided_on'],
          portable: false,
        }),
      ),
      {
        label: 'Naam van de ophaalpersoon (genormaliseerd), waarop een gehonoreerd bezwaar van toepassing blijft',
        category: 'subject_request',
        subject: 'pickup_person',
        path: subjectOwn(OWN_SUBJECTS[4]),
        when: subjectType('pickup_person'),
        columns: ['person_key'],
        portable: false,
      },
      staff('Medewerker die over het bezwaar besliste', ['decided_by_name']),
    ],
    noPersonalData: [...SYNC_ROW, 'request_id', 'subject_id'],
    note: "Kept with the request it decided (the request register's rule); an upheld objection goes on working through its effect (opt-out list, cleared contact details, lifted holds, refused identifications).",
  },

  legal_holds: {
    kind: 'personal',
    label: 'de blokkade',
    syncs: true,
    sealed: false,
    subjects: {},
    rules: [
      withRow('households', 'subject_id', subjectType('household')),
      withRow('children', 'subject_id', subjectType('child')),
      withRow('applicants', 'subject_id', subjectType('applicant')),
      withRow('employees', 'subject_id', subjectType('employee')),
      withRow('complaints', 'subject_id', subjectType('complaint')),
      withRow('meldcode_cases', 'subject_id', subjectType('meldcode_case')),
    ],
    groups: [
      holdGroup('household', 'parent', SUBJECT_HOUSEHOLD),
      holdGroup('child', 'child', SUBJECT_CHILD),
      holdGroup('applicant', 'applicant', [{ from: 'subject_id', to: 'applicants.id', if: subjectType('applicant') }]),
      holdGroup('employee', 'employee', [{ from: 'subject_id', to: 'employees.id', if: subjectType('employee') }]),
      holdGroup('complaint', 'complainant', [{ from: 'subject_id', to: 'complaints.id', if: subjectType('complaint') }]),
      holdGroup('meldcode_case', 'child', [
        { from: 'subject_id', to: 'meldcode_cases.id', if: subjectType('meldcode_case') },
        { from: 'child_id', to: 'children.id' },
      ]),
      staff('Medewerkers die de blokkade plaatsten en ophieven', ['placed_by_name', 'lifted_by_name']),
    ],
    noPersonalData: [...SYNC_ROW, 'subject_id'],
    note: 'A hold has no clock of its own: it blocks its record until lifted, and goes when the record goes. reason and lift_reason are free text and may name people.',
  },

  // ═══ Meldcode (sealed) ═══
  meldcode_cases: {
    kind: 'personal',
    label: 'het meldcodedossier',
    syncs: true,
    sealed: true,
    subjects: { child: TO_CHILD, employee: [] },
    rules: [policy('meldcode')],
    groups: [
      { label: 'Meldcodedossier: route, status, opening, afsluiting en samenvatting', category: 'child_meldcode', subject: 'child', when: { column: 'route', equals: 'huiselijk' }, columns: MELDCODE_CASE_CONTENT, portable: false },
      {
        label: 'Meldcodedossier over een medewerker: naam van de medewerker, route, status, opening, afsluiting en samenvatting',
        category: 'employee_meldcode',
        subject: 'employee',
        when: { column: 'route', equals: 'medewerker' },
        columns: ['suspect_employee_name', ...MELDCODE_CASE_CONTENT],
        portable: false,
        note: 'The employee is named by name only (no link to employees), so it is not found from the employee record, and the employee rule does not reach it.',
      },
      staff('Medewerker die het dossier opende', ['opened_by', 'opened_by_name'], 'opened_by'),
      staff('Medewerker die het dossier sloot', ['closed_by', 'closed_by_name'], 'closed_by'),
    ],
    noPersonalData: [...SYNC_ROW, 'child_id', 'created_at', 'updated_at'],
    note: 'No `with children`: the foreign key has no cascade, a child cannot go while a case file about them exists; the file runs on its own clock.',
  },

  meldcode_entries: {
    kind: 'personal',
    label: 'de stap in het meldcodedossier',
    syncs: true,
    sealed: true,
    subjects: { child: [{ from: 'case_id', to: 'meldcode_cases.id' }, ...TO_CHILD], employee: [{ from: 'case_id', to: 'meldcode_cases.id' }] },
    rules: [policy('meldcode'), withRow('meldcode_cases', 'case_id')],
    groups: [
      {
        label: 'Stappen van de meldcode: signalen, overleg, gesprekken, afweging en besluit',
        category: 'child_meldcode',
        subject: 'child',
        columns: ['kind', 'occurred_on', 'payload'],
        portable: false,
        note: "For a case on the 'medewerker' route the entries are employee_meldcode data: the category follows the case's route, which a column condition on this table cannot express.",
      },
      staff('Medewerker die de stap vastlegde', ['author_user_id', 'author_name'], 'author_user_id'),
    ],
    noPersonalData: [...SYNC_ROW, 'case_id', 'corrects_entry_id', 'created_at'],
    note: 'Append-only (triggers): entries go only together with their case.',
  },

  // ═══ Staff, applicants, complaints ═══
  applicants: {
    kind: 'personal',
    label: 'de sollicitant',
    syncs: true,
    sealed: false,
    subjects: { applicant: [] },
    rules: [policy('applicant', { column: 'consent_longer_retention', equals: 0 }), policy('applicant_consent', { column: 'consent_longer_retention', equals: 1 })],
    groups: [
      {
        label: 'Naam, contactgegevens, functie en verloop van de sollicitatie',
        category: 'applicant',
        subject: 'applicant',
        columns: ['first_name', 'surname_prefix', 'surname', 'email', 'phone', 'position', 'applied_on', 'procedure_end_date', 'outcome'],
        portable: ['first_name', 'surname_prefix', 'surname', 'email', 'phone', 'position', 'applied_on'],
      },
      { label: 'Toestemming om langer te bewaren', category: 'applicant', subject: 'applicant', columns: ['consent_longer_retention', 'consent_on'], portable: true },
    ],
    noPersonalData: [...SYNC_ROW, 'created_at', 'updated_at'],
    note: 'A hired applicant is moved into employees and the applicant row erased at once.',
  },

  employees: {
    kind: 'personal',
    label: 'de medewerker',
    syncs: true,
    sealed: false,
    subjects: { employee: [] },
    rules: [policy('employee', { column: 'labour_dispute', equals: 0 }), policy('employee_dispute', { column: 'labour_dispute', equals: 1 })],
    groups: [
      {
        label: 'Naam, adres, contactgegevens, functie en dienstverband',
        category: 'employee_file',
        subject: 'employee',
        columns: ['first_name', 'surname_prefix', 'surname', 'address', 'email', 'phone', 'position', 'employment_start', 'employment_end', 'hired_from_application_on'],
        portable: ['first_name', 'surname_prefix', 'surname', 'address', 'email', 'phone', 'position', 'employment_start', 'employment_end'],
      },
      { label: 'Arbeidsconflict bij uitdiensttreding', category: 'employee_file', subject: 'employee', columns: ['labour_dispute'], portable: false },
    ],
    noPersonalData: [...SYNC_ROW, 'created_at', 'updated_at'],
    note: 'employee_statutory_holds extend the rule to their `until`, never longer.',
  },

  employee_statutory_holds: {
    kind: 'personal',
    label: 'de wettelijke bewaarplicht',
    syncs: true,
    sealed: false,
    subjects: { employee: [{ from: 'employee_id', to: 'employees.id' }] },
    rules: [withRow('employees', 'employee_id')],
    groups: [{ label: 'Wettelijke bewaarplicht: omschrijving, grondslag en einddatum', category: 'employee_file', subject: 'employee', columns: ['description', 'legal_basis', 'until'], portable: false }],
    noPersonalData: [...SYNC_ROW, 'employee_id', 'created_at'],
  },

  complaints: {
    kind: 'personal',
    label: 'de klacht',
    syncs: true,
    sealed: false,
    // A complaint about a household (gezin) is also about its contract parent: their access report lists it (the
    // complainant's groups name a person of the row itself, so they are read through this path too), and destroying
    // or erasing the household takes the complaint along, in the same transaction.
    subjects: { complainant: [], parent: [{ from: 'household_id', to: 'households.id' }, HOUSEHOLD_TO_PARENT] },
    rules: [policy('complaint'), withRow('households', 'household_id')],
    groups: [
      { label: 'Naam en contactgegevens van de klager', category: 'complaint', subject: 'complainant', columns: ['complainant_name', 'complainant_contact'], portable: false },
      {
        label: 'Onderwerp, omschrijving, behandeling, oordeel, maatregelen en afhandeling',
        category: 'complaint',
        subject: 'complainant',
        columns: ['received_on', 'subject', 'description', 'status', 'handling_notes', 'outcome', 'resolution', 'measures', 'closed_on'],
        portable: false,
        note: 'Free text: may name a child, a parent or an employee, who are not linked and so not found by their access report (only the household the complaint concerns is linked).',
      },
    ],
    noPersonalData: [...SYNC_ROW, 'household_id', 'created_at', 'updated_at'],
  },

  central_requests: {
    kind: 'personal',
    label: 'het verzoek via privacy@',
    syncs: true,
    sealed: false,
    subjects: { privacy_requester: [] },
    rules: [
      withRow('subject_requests', 'request_id'),
      {
        kind: 'kept',
        reason:
          'Bewaard als bewijs dat het verzoek dat via privacy@ binnenkwam bij de locatie is doorgezet en afgehandeld (verantwoordingsplicht, AVG art. 5 lid 2). Na de afhandeling staan er geen gegevens van de verzoeker meer in: alleen de soort, de data en de status',
      },
    ],
    groups: [
      {
        label: 'Naam en contactgegevens van de verzoeker en het verzoek in diens woorden, zoals de Privacy Officer ze ontving',
        category: 'subject_request',
        subject: 'privacy_requester',
        columns: ['requester_name', 'requester_contact', 'description'],
        rule: { kind: 'fixed', event: 'request_intake_handled', deletion: 'clear_columns', reason: 'Alleen nodig tot de locatie het verzoek bij de juiste persoon registreert (het AVG-verzoek bewaart ze dan) of vastlegt dat de persoon hier niet bekend is' },
        portable: false,
      },
      { label: 'Soort verzoek, datum van ontvangst, termijn en afhandeling', category: 'subject_request', subject: 'privacy_requester', columns: ['kind', 'received_on', 'deadline', 'status', 'handled_on'], portable: false },
      staff('De Privacy Officer die het verzoek registreerde en de medewerker die het afhandelde', ['registered_by_name', 'handled_by_name']),
    ],
    noPersonalData: [...SYNC_ROW, 'request_id', 'registered_at'],
    note: 'Written by head office; the location only registers or declines it.',
  },

  data_breaches: {
    kind: 'personal',
    label: 'de melding van een datalek',
    syncs: true,
    sealed: false,
    subjects: { user: [{ from: 'reported_by', to: 'users.id' }] },
    rules: [
      {
        kind: 'kept',
        reason:
          'Bewaard als register van datalekken (AVG art. 33 lid 5): elk datalek blijft vastgelegd, gemeld bij de Autoriteit Persoonsgegevens of niet, zodat de toezichthouder kan nagaan of de meldplicht is nageleefd. De melding noemt betrokkenen niet bij naam: alleen categorieën en aantallen',
      },
    ],
    groups: [
      { label: 'Wie het datalek meldde', category: 'data_breach', subject: 'user', columns: ['reported_by', 'reporter_name', 'reported_at'], portable: false },
      {
        label: 'Wat er gebeurde, wanneer, welke betrokkenen en gegevens, en de genomen maatregelen',
        category: 'data_breach',
        subject: 'user',
        columns: ['what_happened', 'discovered_at', 'occurred_on', 'person_categories', 'persons_count', 'data_categories', 'measures_taken'],
        portable: false,
        note: 'Free text: the form asks not to name anyone; a name written anyway is not linked to that person, so their access report does not find it.',
      },
    ],
    noPersonalData: [...SYNC_ROW],
    note: 'No delete path: every breach stays on record. Head office keeps its assessment beside the synced row.',
  },

  // ═══ The app's users, logs and sync ═══
  users: {
    kind: 'personal',
    label: 'de gebruiker',
    syncs: false,
    sealed: false,
    subjects: { user: [] },
    rules: [
      {
        kind: 'kept',
        reason:
          'Zolang het logboek van handelingen bestaat (beveiliging en verantwoordingsplicht, AVG art. 32 en art. 5 lid 2): het logboek verwijst naar de gebruiker, en moet te herleiden blijven tot wie een handeling deed. Een account wordt gedeactiveerd, niet verwijderd',
      },
    ],
    groups: [{ label: 'Naam, gebruikersnaam, status en laatste aanmelding', category: 'user_account', subject: 'user', columns: ['name', 'username', 'active', 'must_change_password', 'last_login_at'], portable: false }],
    noPersonalData: ['id', 'created_at', 'updated_at'],
    note: 'Kept: audit_log rows keep pointing at the id, and the audit log itself is kept. There is no deactivated_at column to start a clock, so no anonymisation is promised.',
  },

  user_roles: {
    kind: 'personal',
    label: 'de rol van de gebruiker',
    syncs: false,
    sealed: false,
    subjects: { user: [{ from: 'user_id', to: 'users.id' }] },
    rules: [withRow('users', 'user_id')],
    groups: [{ label: 'Rollen', category: 'user_account', subject: 'user', columns: ['role'], portable: false }],
    noPersonalData: ['user_id'],
  },

  audit_log: {
    kind: 'personal',
    label: 'de regel in het logboek',
    syncs: false,
    sealed: false,
    subjects: { user: [{ from: 'user_id', to: 'users.id' }] },
    rules: [
      {
        kind: 'kept',
        reason:
          'Bewaard zolang de locatie de app gebruikt (beveiliging en verantwoordingsplicht, AVG art. 32 en art. 5 lid 2): het logboek is een hashketen waarin niets kan worden gewijzigd of verwijderd, zodat achteraf aantoonbaar is wie gegevens inzag of wijzigde. Het bevat alleen kenmerken, geen namen of inhoud; de kenmerken verwijzen naar niets meer zodra de gegevens zelf zijn vernietigd',
      },
    ],
    groups: [
      {
        label: 'Wie deed wat en wanneer, met de kenmerken van de betrokken gegevens',
        category: 'audit_trail',
        subject: 'user',
        columns: ['user_id', 'at', 'action', 'entity', 'entity_id', 'details'],
        portable: false,
        note: 'entity_id and details are ids of the records acted on: pseudonymous data about children and parents too, not resolvable once those records are destroyed.',
      },
    ],
    noPersonalData: ['seq', 'prev_hash', 'hash'],
    note: 'Append-only (triggers that refuse every delete) and hash-chained, the head anchored at head office: the engine cannot remove rows without breaking the chain, so the map promises no deletion.',
  },

  destruction_runs: {
    kind: 'personal',
    label: 'de vernietigingsronde',
    syncs: false,
    sealed: false,
    subjects: { user: [{ from: 'executed_by', to: 'users.id' }] },
    rules: [policy('destruction_log')],
    groups: [staff('Medewerker die de ronde uitvoerde', ['executed_by', 'executed_by_name'], 'executed_by')],
    noPersonalData: ['id', 'started_at', 'finished_at', 'automatic', 'item_count', 'notice_seen_at'],
  },

  destruction_log: {
    kind: 'personal',
    label: 'de regel in het vernietigingslogboek',
    syncs: false,
    sealed: false,
    subjects: {},
    rules: [policy('destruction_log'), withRow('destruction_runs', 'run_id')],
    groups: [staff('Medewerker die de ronde uitvoerde', ['executed_by_name'])],
    noPersonalData: ['id', 'run_id', 'category', 'subject_hash', 'policy_key', 'due_date', 'executed_at'],
    note: 'subject_hash is SHA-256 of category and internal id: no personal data once that id is gone everywhere (a backup or head office may still hold it for a while). Only executed_by_name names a person.',
  },

  outbox: {
    kind: 'personal',
    label: 'de wachtende wijziging',
    syncs: false,
    sealed: false,
    subjects: {},
    rules: [{ kind: 'fixed', event: 'head_office_answered', deletion: 'delete_row', reason: 'Alleen nodig tot het hoofdkantoor de wijziging heeft ontvangen' }],
    groups: [],
    copies: { entityColumn: 'entity', idColumn: 'entity_id', columns: ['payload'] },
    noPersonalData: ['seq', 'mutation_id', 'entity', 'entity_id', 'op', 'base_version', 'created_at'],
    note: 'payload is a full copy of the source row (a tombstone carries none): erasing the row removes its queued payloads.',
  },

  sync_conflicts: {
    kind: 'personal',
    label: 'het synchronisatieconflict',
    syncs: false,
    sealed: false,
    subjects: { user: [{ from: 'resolved_by', to: 'users.id' }] },
    rules: [{ kind: 'fixed', event: 'conflict_resolved', deletion: 'delete_row', reason: 'Na het oplossen zijn de kopieën niet meer nodig; het logboek legt de keuze vast' }],
    groups: [staff('Gebruiker die het conflict oploste', ['resolved_by'], 'resolved_by')],
    copies: { entityColumn: 'entity', idColumn: 'entity_id', columns: ['local_payload', 'server_payload'] },
    noPersonalData: ['id', 'kind', 'entity', 'entity_id', 'server_version', 'reason', 'created_at', 'resolved_at', 'resolution'],
    note: 'Today resolving clears both payloads but keeps the row (with resolved_by) without end; the erase primitive must remove copies of erased rows.',
  },

  // ═══ No personal data ═══
  location: { kind: 'technical', label: 'de locatie', reason: 'Naam, adres en LRK-nummer van de locatie: gegevens van de organisatie, niet van een persoon', syncs: false, columns: ['id', 'name', 'address', 'lrk_number', 'created_at', 'updated_at'] },
  settings: {
    kind: 'technical',
    label: 'de instellingen',
    reason: 'Instellingen van de app (vergrendeltijd, koppeling en cursor van de synchronisatie, versie van het privacystatement, laatste controle van het logboek); geen persoonsgegevens',
    syncs: false,
    columns: ['key', 'value'],
  },
  sync_keys: {
    kind: 'technical',
    label: 'de synchronisatiesleutel',
    reason: 'De sleutels waarmee deze pc medische en meldcodegegevens versleutelt voor het hoofdkantoor (sleutel-id, sleutel, herkomst); geen persoonsgegevens',
    syncs: false,
    columns: ['key_id', 'key_material', 'source', 'created_at', 'retired_at'],
  },
  municipality_configs: { kind: 'technical', label: 'de gemeenteregeling', reason: 'Welke velden een gemeente voor VVE mag ontvangen: een regeling, geen persoonsgegevens', syncs: true, columns: [...SYNC_ROW, 'name', 'legal_basis', 'fields', 'updated_at'] },
  groups: {
    kind: 'technical',
    label: 'de groep',
    reason: 'De groepen van de locatie (naam, opvangsoort, leeftijd, aantal plaatsen): een indeling van de locatie, geen persoonsgegevens; welk kind in welke groep zit staat bij het kind',
    syncs: true,
    columns: [...SYNC_ROW, 'name', 'care_type', 'age_from_months', 'age_to_months', 'capacity', 'archived_at', 'created_at', 'updated_at'],
  },
  retention_policies: {
    kind: 'technical',
    label: 'de bewaartermijn',
    reason: 'De bewaartermijnen als gegevens (termijn, startmoment, grondslag); geen persoonsgegevens',
    syncs: true,
    columns: [...SYNC_ROW, 'key', 'category', 'period_amount', 'period_unit', 'anchor', 'legal_basis', 'updated_at'],
  },
  organisation_profile: {
    kind: 'technical',
    label: 'het organisatieprofiel',
    reason:
      'Naam en adres van de verwerkingsverantwoordelijke en de zakelijke contactgegevens van Privacy Officer en FG (art. 13(1)(a)-(b) AVG), door het hoofdkantoor vastgesteld en op elke brief gedrukt; geen gegevens over kinderen, ouders of het personeelsdossier',
    syncs: true,
    columns: [...SYNC_ROW, 'controller_name', 'address', 'postcode_city', 'kvk_number', 'privacy_officer_name', 'privacy_officer_email', 'privacy_officer_phone', 'fg_name', 'fg_email', 'fg_organisation', 'updated_at'],
  },
  privacy_statement_versions: {
    kind: 'technical',
    label: 'de privacyverklaring',
    reason: 'De versies van de privacyverklaring van de organisatie (versie, ingangsdatum, tekst), door het hoofdkantoor gepubliceerd; toestemmingsformulieren noemen de versie die geldt. Tekst van de organisatie, geen persoonsgegevens',
    syncs: true,
    columns: [...SYNC_ROW, 'version_label', 'effective_date', 'text', 'published_at'],
  },
  privacy_statement_informed: {
    kind: 'technical',
    label: 'het bericht aan ouders over de privacyverklaring',
    reason: 'Wanneer de locatie de ouders over een nieuwe versie van de privacyverklaring heeft geïnformeerd (art. 12-13 AVG); alleen de datum, geen persoonsgegevens',
    syncs: true,
    columns: [...SYNC_ROW, 'informed_on', 'recorded_at'],
  },
  retention_statistics: { kind: 'technical', label: 'de statistiek', reason: 'Anonieme aantallen per jaar die na vernietiging blijven (managementinformatie); gaan bij elke synchronisatie als aantallen mee naar het hoofdkantoor (cijfers in de console)', syncs: false, columns: ['metric', 'period', 'count'] },
  kysely_migration: { kind: 'technical', label: 'de migratie', reason: 'Welke schemamigraties zijn uitgevoerd (Kysely)', syncs: false, columns: ['name', 'timestamp'] },
  kysely_migration_lock: { kind: 'technical', label: 'het migratieslot', reason: 'Slot dat gelijktijdige migraties voorkomt (Kysely)', syncs: false, columns: ['id', 'is_locked'] },
  sqlite_sequence: { kind: 'technical', label: 'de tellers', reason: 'Tellers van SQLite voor AUTOINCREMENT-kolommen (outbox, vernietigingslogboek)', syncs: false, columns: ['name', 'seq'] },
} satisfies DataMap;

export type MappedTable = keyof typeof MAP;
/** The map, each entry typed by its kind (the literal types above only serve the `satisfies` check). */
export const DATA_MAP: { readonly [T in MappedTable]: (typeof MAP)[T]['kind'] extends 'personal' ? PersonalTable : TechnicalTable } = MAP;

/** Legal holds: one group per kind of record a hold can block. */
function holdGroup(type: string, subject: ColumnGroup['subject'], path: Path): ColumnGroup {
  return { label: 'Blokkade: reden, herzieningsdatum en opheffing', category: 'legal_hold', subject, path, when: subjectType(type), columns: HOLD_CONTENT, portable: false };
}
