import { CATEGORIES, type ColumnGroup, type DataCategoryKey } from '../../../../shared/dataMap';
import { CHANNEL_LABEL, PURPOSE_LABEL, type Purpose } from '../../../../shared/domain/consents';
import { nlDate } from '../../../../shared/domain/dates';
import { REQUEST_KIND_LABEL, type RequestKind } from '../../../../shared/domain/requests';
import { formatIban } from '../../../../shared/validation/iban';
import type { SubjectRow } from './subjectRows';

/**
 * How a person's stored values read in an access report: Dutch labels per column and, for tables
 * whose rows read better as one line, a line per row. Which rows and columns there are comes from
 * the data map (subjectRows.ts); this file only words them. A column without a label here still
 * shows, under its column name (test/unit/subject-fields.test.ts keeps the list complete).
 */

export interface DataItem {
  label: string;
  value: string;
}

type Values = Record<string, unknown>;

const CARE_TYPE: Record<string, string> = { dagopvang: 'Dagopvang', bso: 'Buitenschoolse opvang (BSO)', peuteropvang: 'Peuteropvang' };
const CHECK_METHOD: Record<string, string> = { id_document: 'identiteitsbewijs', svb_letter: 'SVB-brief' };
const ID_METHOD: Record<string, string> = { known: 'bekend bij de medewerkers', colleague_confirmed: 'bevestigd door een collega', parent_called: 'ouder gebeld', id_shown: 'identiteitsbewijs getoond' };
const STEP_TEXT: Record<string, string> = {
  signal: 'Stap 1 — signaal',
  consultation: 'Stap 2 — consultatie of advies',
  parent_conversation: 'Stap 3 — gesprek met de ouder',
  parent_conversation_skipped: 'Stap 3 — gesprek met de ouder niet gevoerd',
  vertrouwensinspecteur: 'Stap 3 — overleg vertrouwensinspecteur',
  weighing: 'Stap 4 — weging',
  decision: 'Stap 5 — besluit',
  correction: 'Correctie',
};
const SUBJECT_TYPE: Record<string, string> = {
  parent: 'de ouder',
  child: 'het kind',
  household: 'het gezin',
  applicant: 'de sollicitant',
  employee: 'de medewerker',
  complaint: 'de klacht',
  complainant: 'de klager',
  waitlist_prospect: 'de wachtlijstaanvraag',
  pickup_person: 'de ophaalpersoon',
  meldcode_case: 'het meldcodedossier',
};
const about = (v: unknown) => SUBJECT_TYPE[str(v)] ?? str(v);
const COMPLAINT_STATUS: Record<string, string> = { open: 'open', in_behandeling: 'in behandeling', gesloten: 'afgehandeld' };
const COMPLAINT_OUTCOME: Record<string, string> = { gegrond: 'gegrond', deels_gegrond: 'gedeeltelijk gegrond', ongegrond: 'ongegrond' };
const OUTCOME_TEXT: Record<string, string> = { help: 'hulp organiseren', report: 'melden bij Veilig Thuis', both: 'hulp organiseren en melden bij Veilig Thuis' };

const str = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v));
const date = (v: unknown) => (str(v) ? nlDate(str(v).slice(0, 10)) : '');
const yesNo = (v: unknown) => (v === 1 || v === true ? 'ja' : 'nee');
const list = (v: unknown) => {
  try {
    const parsed = JSON.parse(str(v)) as unknown;
    return Array.isArray(parsed) ? parsed.map(str).join(', ') : str(v);
  } catch {
    return str(v);
  }
};
const hours = (v: unknown) => str(v).replace('.', ',');

/**
 * The content of a meldcode entry without any name: never who observed or reported a concern, who
 * was consulted, who held a conversation or decided (authors included).
 */
function meldcodeEntryText(kind: string, payloadJson: string): string {
  const p = JSON.parse(payloadJson) as Record<string, unknown>;
  const text = (key: string) => (typeof p[key] === 'string' ? (p[key] as string) : '');
  switch (kind) {
    case 'signal':
      return text('observation');
    case 'consultation':
    case 'vertrouwensinspecteur':
      return text('advice');
    case 'parent_conversation':
      return text('summary');
    case 'parent_conversation_skipped':
      return text('reason');
    case 'weighing':
      return text('explanation');
    case 'decision':
      return [OUTCOME_TEXT[text('outcome')] ?? '', text('helpDescription'), text('explanation')].filter(Boolean).join('; ');
    default:
      return text('text');
  }
}

interface Field {
  label: string;
  format?: (v: unknown) => string;
}
const f = (label: string, format?: (v: unknown) => string): Field => ({ label, ...(format ? { format } : {}) });

/** Labels of the columns a person reads about themself (the map's groups; staff columns never show). */
const FIELDS: Readonly<Record<string, Readonly<Record<string, Field>>>> = {
  households: { street: f('Straat'), house_number: f('Huisnummer'), postcode: f('Postcode'), city: f('Plaats'), iban: f('IBAN', (v) => formatIban(str(v))), iban_holder: f('Tenaamstelling') },
  parents: {
    first_name: f('Voornaam'),
    initials: f('Voorletters'),
    surname_prefix: f('Tussenvoegsel'),
    surname: f('Achternaam'),
    search_name: f('Zoeknaam'),
    has_parental_authority: f('Ouderlijk gezag', yesNo),
    is_contract_parent: f('Rol', (v) => (v === 1 ? 'contractouder' : 'ouder zonder contract')),
    email: f('E-mailadres'),
    phone: f('Telefoonnummer'),
    bsn: f('BSN'),
  },
  children: {
    first_name: f('Voornaam'),
    initials: f('Voorletters'),
    surname_prefix: f('Tussenvoegsel'),
    surname: f('Achternaam'),
    search_name: f('Zoeknaam'),
    birth_date: f('Geboortedatum', date),
    // The group's name: dossier.ts puts it in place of the stored id.
    group_id: f('Groep'),
    bsn: f('BSN'),
  },
  bsn_verifications: { method: f('Gecontroleerd met', (v) => CHECK_METHOD[str(v)] ?? str(v)), checked_on: f('Gecontroleerd op', date), recorded_at: f('Vastgelegd op', date) },
  child_medical: { allergies: f('Allergieën'), diet: f('Dieet'), medication: f('Medicatie'), other_particulars: f('Overige bijzonderheden') },
  contracts: { care_type: f('Opvangsoort', (v) => CARE_TYPE[str(v)] ?? str(v)), days: f('Dagen', list), hours_per_week: f('Uren per week', hours), start_date: f('Begindatum', date), end_date: f('Einddatum', date) },
  tasks: { kind: f('Taak'), due_date: f('Uiterste datum', date), confirmed_at: f('Bevestigd op', date) },
  pickup_persons: { name: f('Naam'), relation: f('Relatie'), phone: f('Telefoonnummer'), valid_until: f('Geldig tot', date), revoked_at: f('Ingetrokken op', date) },
  pickup_bans: { name: f('Naam'), basis_reference: f('Grondslag'), basis_date: f('Datum grondslag', date), notes: f('Opmerkingen'), lifted_at: f('Opgeheven op', date), lift_reason: f('Reden opheffing') },
  identification_log: { collector_name: f('Opgehaald door'), method: f('Vastgesteld', (v) => ID_METHOD[str(v)] ?? str(v)), id_type: f('Soort document'), recorded_at: f('Datum', date) },
  photo_consents: {
    purpose: f('Doel', (v) => PURPOSE_LABEL[str(v) as Purpose] ?? str(v)),
    decision: f('Besluit', (v) => (v === 'given' ? 'toestemming' : 'geen toestemming / ingetrokken')),
    recognisable: f('Herkenbaar', yesNo),
    decided_on: f('Datum', date),
    channel: f('Hoe', (v) => CHANNEL_LABEL[str(v) as keyof typeof CHANNEL_LABEL] ?? str(v)),
    privacy_statement_version: f('Versie privacyverklaring'),
  },
  consent_form_returns: { returned_on: f('Toestemmingsformulier terug op', date) },
  exchange_consents: {
    recipient_name: f('Ontvanger'),
    recipient_type: f('Soort ontvanger'),
    purpose: f('Doel'),
    data_description: f('Welke gegevens'),
    valid_until: f('Geldig tot', date),
    given_on: f('Gegeven op', date),
    withdrawn_on: f('Ingetrokken op', date),
  },
  waitlist_entries: {
    parent_name: f('Naam ouder'),
    parent_email: f('E-mailadres ouder'),
    parent_phone: f('Telefoonnummer ouder'),
    child_first_name: f('Voornaam kind'),
    child_surname: f('Achternaam kind'),
    child_birth_date: f('Geboortedatum kind', date),
    expected_date: f('Verwachte geboortedatum', date),
    care_type: f('Gewenste opvang', (v) => CARE_TYPE[str(v)] ?? str(v)),
    desired_days: f('Gewenste dagen', list),
    desired_start_date: f('Gewenste startdatum', date),
    notes: f('Opmerkingen'),
    status: f('Status'),
    created_at: f('Ingeschreven op', date),
    closed_at: f('Afgesloten op', date),
    withdraw_reason: f('Reden van intrekking'),
  },
  marketing_opt_outs: { email: f('E-mailadres'), requested_on: f('Bezwaar ontvangen', date), how: f('Hoe') },
  processing_restrictions: { subject_type: f('Over', about), since: f('Beperkt sinds', date), until: f('Beperkt tot', date), reason: f('Reden') },
  disclosure_subjects: { subject_type: f('Over', about), subject_id: f('Vermeld in het verstrekkingenregister', () => 'zie Ontvangers') },
  disclosure_restriction_decisions: {
    subject_type: f('Over', about),
    subject_id: f('Beslissing bij een wettelijke verstrekking tijdens de beperking', () => 'zie Ontvangers'),
    decision: f('Beslissing', (v) => (str(v) === 'include' ? 'wel verstrekt (wettelijk verplicht)' : 'niet verstrekt')),
    reason: f('Reden van de beslissing'),
  },
  subject_requests: { requester_name: f('Verzoeker'), identity_method: f('Identiteit vastgesteld'), description: f('Omschrijving van het verzoek') },
  complaints: {
    complainant_name: f('Klacht ingediend door'),
    complainant_contact: f('Contactgegevens indiener'),
    received_on: f('Klacht ontvangen op', date),
    subject: f('Onderwerp van de klacht'),
    description: f('Omschrijving'),
    status: f('Status', (v) => COMPLAINT_STATUS[str(v)] ?? str(v)),
    handling_notes: f('Behandeling'),
    outcome: f('Oordeel', (v) => COMPLAINT_OUTCOME[str(v)] ?? str(v)),
    resolution: f('Toelichting op het oordeel'),
    measures: f('Maatregelen'),
    closed_on: f('Afgehandeld op', date),
  },
  legal_holds: { subject_type: f('Over', about), reason_kind: f('Soort reden'), reason: f('Reden'), review_date: f('Herzien op', date), placed_at: f('Geplaatst op', date), lifted_at: f('Opgeheven op', date), lift_reason: f('Reden opheffing') },
};

/** One line per row, where that reads better than a field per column (the values are the group's own columns). */
const ROW_LINE: Readonly<Record<string, (v: Values) => DataItem[] | null>> = {
  households: (v) => (v.street !== undefined ? [{ label: 'Adres', value: `${str(v.street)} ${str(v.house_number)}, ${str(v.postcode)} ${str(v.city)}` }] : null),
  bsn_verifications: (v) => [{ label: 'BSN-controle', value: `Gecontroleerd met ${CHECK_METHOD[str(v.method)] ?? str(v.method)} op ${date(v.checked_on)}` }],
  contracts: (v) => [
    {
      label: `Contract ${CARE_TYPE[str(v.care_type)] ?? str(v.care_type)}`,
      value: `${list(v.days)}; ${hours(v.hours_per_week)} uur per week; van ${date(v.start_date)}${v.end_date ? ` tot en met ${date(v.end_date)}` : ' (lopend)'}`,
    },
  ],
  pickup_persons: (v) => [
    { label: 'Ophaalpersoon', value: `${str(v.name)} (${str(v.relation)})${v.phone ? `, ${str(v.phone)}` : ''}${v.valid_until ? `, geldig tot ${date(v.valid_until)}` : ''}${v.revoked_at ? ', ingetrokken' : ''}` },
  ],
  pickup_bans: (v) => [{ label: 'Mag niet ophalen', value: `${str(v.name)}; grondslag: ${str(v.basis_reference)}${v.lifted_at ? `; opgeheven ${date(v.lifted_at)}` : ''}` }],
  identification_log: (v) => [
    { label: 'Identificatie bij ophalen', value: `${date(v.recorded_at)}: ${str(v.collector_name)}, ${ID_METHOD[str(v.method)] ?? str(v.method)}${v.id_type ? ` (${str(v.id_type)}, niet gekopieerd)` : ''}` },
  ],
  photo_consents: (v) => [
    {
      label: `Beeldmateriaal: ${PURPOSE_LABEL[str(v.purpose) as Purpose] ?? str(v.purpose)}`,
      value: `${v.decision === 'given' ? (v.recognisable === 1 ? 'toestemming, herkenbaar' : 'toestemming, niet herkenbaar') : 'geen toestemming / ingetrokken'} op ${date(v.decided_on)}`,
    },
  ],
  exchange_consents: (v) => [
    {
      label: `Uitwisseling met ${str(v.recipient_name)}`,
      value: `${str(v.data_description)}; doel: ${str(v.purpose)}; gegeven ${date(v.given_on)}, geldig tot ${date(v.valid_until)}${v.withdrawn_on ? `; ingetrokken ${date(v.withdrawn_on)}` : ''}`,
    },
  ],
  meldcode_cases: (v) => [{ label: 'Meldcodedossier', value: `geopend op ${date(v.opened_on)}${v.closed_on ? `, gesloten op ${date(v.closed_on)}` : ', nog open'}` }],
  meldcode_entries: (v) => [{ label: `${STEP_TEXT[str(v.kind)] ?? str(v.kind)} (${date(v.occurred_on)})`, value: meldcodeEntryText(str(v.kind), str(v.payload) || '{}') }],
  tasks: (v) => [{ label: 'Vernietiging papieren kinddossier', value: `uiterlijk ${date(v.due_date)}${v.confirmed_at ? `; bevestigd op ${date(v.confirmed_at)}` : ''}` }],
  processing_objections: (v) =>
    v.category !== undefined
      ? [
          {
            label: `Bezwaar: ${CATEGORIES[str(v.category) as DataCategoryKey]?.label ?? str(v.category)}`,
            value: `${v.outcome === 'upheld' ? 'gehonoreerd' : `afgewezen${v.reason ? ` (${str(v.reason)})` : ''}`} op ${date(v.decided_on)}`,
          },
        ]
      : [],
  subject_requests: (v) =>
    v.kind !== undefined ? [{ label: `AVG-verzoek: ${REQUEST_KIND_LABEL[str(v.kind) as RequestKind] ?? str(v.kind)}`, value: `ontvangen op ${date(v.received_on)}${v.closed_on ? `, afgehandeld op ${date(v.closed_on)}` : ', in behandeling'}` }] : [],
  data_corrections: (v) => [{ label: `Rectificatie (${str(v.field)})`, value: `${v.corrected_on ? date(v.corrected_on) : ''}${v.statement ? `; verklaring: ${str(v.statement)}` : ''}` }],
  request_tasks: (v) => [{ label: 'Te informeren over uw verzoek', value: `${str(v.recipient_name)}${v.done_at ? `, geïnformeerd op ${date(v.done_at)}` : ''}` }],
};

/** Columns of these tables that would show under their bare column name (kept empty by a test). */
export function unlabelled(tables: readonly string[], groups: (table: string) => readonly ColumnGroup[]): string[] {
  return tables.flatMap((t) => (ROW_LINE[t] && t !== 'households' ? [] : groups(t).filter((g) => g.category !== 'staff_actor').flatMap((g) => g.columns.filter((c) => !FIELDS[t]?.[c]).map((c) => `${t}.${c}`))));
}

/** What one column group of a row says, as items of an access report. */
export function present(row: SubjectRow, group: ColumnGroup): DataItem[] {
  const own: Values = Object.fromEntries(group.columns.map((c) => [c, row.values[c]]));
  const lines = ROW_LINE[row.table]?.(own);
  if (lines) return lines.filter((i) => i.value.trim() !== '');
  const labels = FIELDS[row.table] ?? {};
  return group.columns.flatMap((column) => {
    const value = own[column];
    if (value === null || value === undefined || value === '') return [];
    const field = labels[column];
    return [{ label: field?.label ?? column, value: field?.format ? field.format(value) : str(value) }];
  });
}
