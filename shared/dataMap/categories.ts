import type { CategoryDef } from './types';

/**
 * Categories of personal data (label, purpose, legal basis, source, recipients, special category).
 * The one list of these texts: the access report, the erasure letters, the portability export and
 * the verwerkingsregister read them here. The pickup list and the consents are split per part,
 * because each part has its own rule.
 *
 * Head office is not listed as a recipient here: it is part of the same organisation and receives
 * whatever syncs; the register adds it from the map's `syncs`.
 */

const BELASTINGDIENST = 'Belastingdienst (kinderopvangtoeslag)';
const GGD = 'GGD (inspectie: alleen naam en geboortedatum van het kind)';
const GEMEENTE_VVE = 'Gemeente (VVE: alleen wat de gemeentelijke regeling vraagt)';
/** Issue 16: recipients beyond the fixed exports, each registered by hand ("Verstrekking vastleggen"). */
const EMERGENCY_CARE = 'Spoedeisende zorg (alleen in het vitale belang van het kind)';
const POLICE_JUSTICE = 'Politie of justitie (alleen op een vordering met wettelijke grondslag)';

export const CATEGORIES = {
  // ── Household dossier (gezinsdossier): contract parent, other parent, child ──
  parent_identity: {
    label: 'Naam, voorletters en adres',
    purpose: 'Het sluiten en uitvoeren van het opvangcontract en de facturatie',
    legalBasis: 'Uitvoering van de overeenkomst',
    source: 'Van uzelf (intake en contract)',
    bases: ['contract'],
    recipients: [`${BELASTINGDIENST}: naam en adres van de betalende ouder`],
    specialCategory: false,
  },
  parent_contact: { label: 'E-mailadres en telefoonnummer', purpose: 'Contact over de opvang van uw kind', legalBasis: 'Uitvoering van de overeenkomst', source: 'Van uzelf', bases: ['contract'], recipients: [], specialCategory: false },
  parent_bsn: {
    label: 'Burgerservicenummer (BSN) en BSN-controle',
    purpose: 'Opgave aan de Belastingdienst voor de kinderopvangtoeslag',
    source: 'Van uzelf; gecontroleerd aan de hand van uw identiteitsbewijs (niet gekopieerd)',
    legalBasis: 'Wettelijke verplichting (Wet kinderopvang; AVG art. 6 lid 1 sub c)',
    bases: ['legal_obligation'],
    recipients: [BELASTINGDIENST],
    specialCategory: false,
    nationalId: true,
  },
  household_financial: { label: 'IBAN en tenaamstelling', purpose: 'Facturatie en incasso', legalBasis: 'Uitvoering van de overeenkomst', source: 'Van uzelf', bases: ['contract'], recipients: ['Bank van de organisatie (incasso)'], specialCategory: false },
  other_parent: { label: 'Naam en contactgegevens (ouder zonder contract)', purpose: 'Contact over de opvang van uw kind', legalBasis: 'Gerechtvaardigd belang: bereikbaarheid van de ouders tijdens de opvang', source: 'Van de contractouder of van uzelf', bases: ['legitimate_interest'], recipients: [], specialCategory: false },
  parent_marketing: {
    label: 'Gebruik van uw e-mailadres voor marketing (gepseudonimiseerd)',
    purpose: 'Advertenties van de organisatie laten zien aan ouders via advertentieplatforms',
    legalBasis: 'Gerechtvaardigd belang (marketing)',
    source: 'Van uzelf (uw e-mailadres)',
    bases: ['legitimate_interest'],
    recipients: ['Advertentieplatforms (alleen het gepseudonimiseerde e-mailadres)'],
    specialCategory: false,
    transfersOutsideEea: 'Mogelijk, via advertentieplatforms: alleen met een adequaatheidsbesluit of standaardcontractbepalingen (verwerkersregister van het hoofdkantoor)',
  },
  marketing_objection: { label: 'Bezwaar tegen marketing', purpose: 'Uw bezwaar respecteren bij elke marketingexport', legalBasis: 'Wettelijke verplichting (AVG artikel 21)', source: 'Van uzelf', bases: ['legal_obligation'], recipients: [], specialCategory: false },
  child_identity: { label: 'Naam, geboortedatum en groep van het kind', purpose: 'De opvang van het kind en het opvangcontract', legalBasis: 'Uitvoering van de overeenkomst', source: 'Van de contractouder', bases: ['contract'], recipients: [BELASTINGDIENST, GGD, GEMEENTE_VVE, EMERGENCY_CARE, POLICE_JUSTICE], specialCategory: false },
  child_bsn: {
    label: 'BSN van het kind en BSN-controle',
    purpose: 'Opgave aan de Belastingdienst voor de kinderopvangtoeslag',
    source: 'Van de contractouder; gecontroleerd aan de hand van de SVB-brief of een identiteitsbewijs',
    legalBasis: 'Wettelijke verplichting (Wet kinderopvang; AVG art. 6 lid 1 sub c)',
    bases: ['legal_obligation'],
    recipients: [BELASTINGDIENST, GEMEENTE_VVE],
    specialCategory: false,
    nationalId: true,
  },
  child_contracts: { label: 'Contracten (opvangsoort, dagen, uren, looptijd)', purpose: 'Het uitvoeren en factureren van de opvang', legalBasis: 'Uitvoering van de overeenkomst', source: 'Van de contractouder', bases: ['contract'], recipients: [`${BELASTINGDIENST}: afgenomen uren`, GEMEENTE_VVE], specialCategory: false },
  child_paper_dossier: {
    label: 'Vernietiging van het papieren kinddossier (taak en bevestiging)',
    purpose: 'Het papieren kinddossier direct na het einde van het contract vernietigen en aantonen dat dit is gebeurd',
    legalBasis: 'Verantwoordingsplicht (AVG art. 5 lid 2)',
    bases: ['legal_obligation'],
    source: 'Van onze medewerkers',
    recipients: [],
    specialCategory: false,
  },
  child_medical: {
    label: 'Medische gegevens en bijzonderheden (allergieën, dieet, medicatie)',
    purpose: 'De gezondheid en veiligheid van het kind tijdens de opvang',
    source: 'Van de contractouder',
    legalBasis: 'Uitdrukkelijke toestemming van de contractouder en vitaal belang van het kind (AVG art. 9 lid 2 sub a en c)',
    bases: ['consent', 'vital_interest'],
    recipients: [EMERGENCY_CARE],
    specialCategory: true,
  },
  child_pickup_persons: {
    label: 'Ophaalpersonen (naam, relatie tot het kind, telefoonnummer, geldigheid)',
    purpose: 'Het kind alleen meegeven aan wie het mag ophalen',
    legalBasis: 'Uitvoering van de overeenkomst en vitaal belang van het kind',
    bases: ['contract', 'vital_interest'],
    source: 'Van de contractouder',
    recipients: [],
    specialCategory: false,
  },
  child_pickup_bans: {
    label: 'Ophaalverboden (wie het kind niet mag ophalen en op welke grond)',
    purpose: 'Voorkomen dat het kind wordt meegegeven aan iemand die het niet mag ophalen',
    legalBasis: 'Vitaal belang van het kind en uitvoering van de overeenkomst',
    bases: ['vital_interest', 'contract'],
    source: 'Van de contractouder (bijvoorbeeld een beslissing van de rechter)',
    recipients: [],
    specialCategory: false,
  },
  child_identification: {
    label: 'Identificatie bij het ophalen (wie het kind ophaalde en hoe dat is vastgesteld; nooit een documentnummer of kopie)',
    purpose: 'Vastleggen dat het kind aan de juiste persoon is meegegeven',
    legalBasis: 'Vitaal belang van het kind en gerechtvaardigd belang van de organisatie',
    bases: ['vital_interest', 'legitimate_interest'],
    source: 'Van onze medewerkers',
    recipients: [],
    specialCategory: false,
  },
  child_photo_consents: {
    label: 'Toestemmingen voor beeldmateriaal (per doel, met de geschiedenis van geven en intrekken)',
    purpose: 'Vastleggen waarvoor de contractouder toestemming gaf of introk, en dat kunnen aantonen',
    legalBasis: 'Toestemming (AVG art. 6 lid 1 sub a en art. 7)',
    bases: ['consent'],
    source: 'Van de contractouder',
    recipients: [],
    specialCategory: false,
  },
  child_exchange_consents: {
    label: 'Toestemmingen voor uitwisseling van gegevens met een school of zorginstelling',
    purpose: 'Gegevens alleen uitwisselen met de ontvanger en voor het doel waarvoor de contractouder schriftelijk toestemming gaf',
    legalBasis: 'Toestemming (AVG art. 6 lid 1 sub a en art. 7)',
    bases: ['consent'],
    source: 'Van de contractouder',
    recipients: ['School of zorginstelling (alleen met schriftelijke toestemming, per ontvanger)'],
    specialCategory: false,
  },
  child_meldcode: {
    label: 'Meldcodedossier (meldcode huiselijk geweld en kindermishandeling)',
    purpose: 'De veiligheid van het kind: handelen volgens de meldcode',
    legalBasis: 'Wettelijke verplichting (Wet verplichte meldcode huiselijk geweld en kindermishandeling)',
    source: 'Van onze medewerkers en de aandachtsfunctionaris',
    bases: ['legal_obligation'],
    recipients: ['Veilig Thuis (advies of melding)'],
    specialCategory: true,
  },

  // ── Staff, applicants, complaints, waiting list ──
  employee_meldcode: {
    label: 'Meldcodedossier over een medewerker (vermoeden van geweld of een zedendelict tegen een kind)',
    purpose: 'De veiligheid van kinderen: handelen volgens de meldcode en de meldplicht bij een vermoeden tegen een medewerker',
    legalBasis: 'Wettelijke verplichting (Wet kinderopvang: meld- en aangifteplicht bij een vermoeden van een geweld- of zedendelict door een medewerker; Wet verplichte meldcode)',
    bases: ['legal_obligation'],
    source: 'Van onze medewerkers en de aandachtsfunctionaris',
    recipients: ['Vertrouwensinspecteur (Inspectie van het Onderwijs)', 'Politie (bij aangifte)'],
    specialCategory: true,
  },
  employee_file: {
    label: 'Personeelsgegevens (naam, adres, contactgegevens, functie, dienstverband, wettelijke bewaarplichten)',
    purpose: 'Het uitvoeren van de arbeidsovereenkomst en de wettelijke verplichtingen als werkgever',
    legalBasis: 'Uitvoering van de arbeidsovereenkomst en wettelijke verplichtingen (AVG art. 6 lid 1 sub b en c)',
    bases: ['contract', 'legal_obligation'],
    source: 'Van de medewerker (of uit de sollicitatie bij indiensttreding)',
    recipients: [],
    specialCategory: false,
  },
  applicant: {
    label: 'Sollicitatiegegevens (naam, contactgegevens, functie, verloop van de procedure, toestemming om langer te bewaren)',
    purpose: 'Het beoordelen van sollicitaties',
    legalBasis: 'Maatregelen op verzoek van de sollicitant voorafgaand aan een arbeidsovereenkomst (AVG art. 6 lid 1 sub b); langer bewaren alleen met toestemming (art. 6 lid 1 sub a)',
    bases: ['contract', 'consent'],
    source: 'Van de sollicitant',
    recipients: [],
    specialCategory: false,
  },
  complaint: {
    label: 'Klachten (naam en contactgegevens van de klager, inhoud en afhandeling)',
    purpose: 'Klachten behandelen volgens de klachtenregeling',
    legalBasis: 'Wettelijke verplichting (Wet kinderopvang, klachtenregeling)',
    bases: ['legal_obligation'],
    source: 'Van de klager',
    recipients: ['Geschillencommissie Kinderopvang (als de klager de klacht daar voorlegt)'],
    specialCategory: false,
  },
  data_breach: {
    label: 'Datalekkenregister (wat er gebeurde, wanneer ontdekt, categorieën en aantallen betrokkenen, soorten gegevens, genomen maatregelen, wie het meldde)',
    purpose: 'Datalekken melden, beoordelen en zo nodig binnen 72 uur melden aan de Autoriteit Persoonsgegevens; elk datalek documenteren',
    legalBasis: 'Wettelijke verplichting (AVG art. 33 lid 1 en lid 5, art. 34)',
    bases: ['legal_obligation'],
    source: 'Van de medewerker die het datalek meldt',
    recipients: ['Hoofdkantoor (Privacy Officer en Functionaris Gegevensbescherming)', 'Autoriteit Persoonsgegevens (als het datalek gemeld moet worden)'],
    specialCategory: false,
  },
  waitlist: {
    label: 'Wachtlijstaanvraag (naam en contactgegevens van de ouder, gegevens van het kind, gewenste opvang)',
    purpose: 'Een opvangplek aanbieden in de volgorde van de wachtlijst',
    legalBasis: 'Maatregelen op verzoek van de ouder voorafgaand aan de overeenkomst (AVG art. 6 lid 1 sub b)',
    bases: ['contract'],
    source: 'Van de ouder',
    recipients: [],
    specialCategory: false,
  },

  // ── Registers the law asks us to keep about processing itself ──
  subject_request: {
    label: 'AVG-verzoeken (soort verzoek, verzoeker, termijnen, besluit, rectificaties en bijbehorende taken)',
    purpose: 'Uw rechten uit de AVG uitvoeren en aantonen dat dit tijdig en juist is gebeurd',
    legalBasis: 'Wettelijke verplichting (AVG art. 12 tot en met 22) en verantwoordingsplicht (art. 5 lid 2)',
    bases: ['legal_obligation'],
    source: 'Van uzelf en van onze medewerkers',
    recipients: ['Ontvangers van uw gegevens, die wij informeren over rectificatie, verwijdering of beperking (AVG art. 19)'],
    specialCategory: false,
  },
  processing_restriction: {
    label: 'Beperking van de verwerking (sinds, tot, reden)',
    purpose: 'Gegevens op uw verzoek tijdelijk alleen bewaren en niet gebruiken (AVG art. 18)',
    legalBasis: 'Wettelijke verplichting (AVG art. 18)',
    bases: ['legal_obligation'],
    source: 'Van uzelf en van onze medewerkers',
    recipients: [],
    specialCategory: false,
  },
  disclosure_register: {
    label: 'Verstrekkingenregister (van wie gegevens zijn verstrekt, aan wie, op welke grond, welke velden, wanneer)',
    purpose: 'Vastleggen en aantonen welke gegevens aan derden zijn verstrekt, en ontvangers kunnen informeren',
    legalBasis: 'Verantwoordingsplicht (AVG art. 5 lid 2) en de plicht om ontvangers te informeren (art. 19)',
    bases: ['legal_obligation'],
    source: 'Van onze medewerkers',
    recipients: [],
    specialCategory: false,
  },
  legal_hold: {
    label: 'Blokkades op vernietiging (reden, herzieningsdatum, opheffing)',
    purpose: 'Gegevens bewaren zolang een geschil, klacht, verzoek of rechtsvordering dat vereist',
    legalBasis: 'Gerechtvaardigd belang: de instelling, uitoefening of onderbouwing van een rechtsvordering (AVG art. 17 lid 3 sub e), en wettelijke verplichtingen',
    bases: ['legitimate_interest', 'legal_obligation'],
    source: 'Van onze medewerkers',
    recipients: [],
    specialCategory: false,
  },

  // ── The app's own users and logs ──
  staff_actor: {
    label: 'Naam of kenmerk van de medewerker die iets vastlegde, controleerde of afhandelde',
    purpose: 'Verantwoording: nagaan wie een gegeven vastlegde, controleerde of afhandelde',
    legalBasis: 'Gerechtvaardigd belang en verantwoordingsplicht (AVG art. 6 lid 1 sub f en art. 5 lid 2)',
    bases: ['legitimate_interest'],
    source: 'Uit de app (de ingelogde gebruiker)',
    recipients: [],
    specialCategory: false,
    retentionText: 'Zolang het gegeven waarbij de naam of het kenmerk staat wordt bewaard, en samen daarmee vernietigd',
  },
  user_account: {
    label: 'Gebruikersaccount (naam, gebruikersnaam, rollen, status, laatste aanmelding)',
    purpose: 'Toegang tot de app alleen voor wie de gegevens voor zijn werk nodig heeft',
    legalBasis: 'Beveiliging van de verwerking (AVG art. 32) en uitvoering van de arbeidsovereenkomst',
    bases: ['legal_obligation', 'contract'],
    source: 'Van de locatiemanager die het account aanmaakt',
    recipients: [],
    specialCategory: false,
  },
  audit_trail: {
    label: 'Logboek van handelingen (wie, wat, wanneer; alleen kenmerken, geen namen of inhoud)',
    purpose: 'Beveiliging: nagaan wie gegevens inzag of wijzigde, en misbruik of een datalek opsporen',
    legalBasis: 'Beveiliging en verantwoordingsplicht (AVG art. 32 en art. 5 lid 2)',
    bases: ['legal_obligation'],
    source: 'Uit de app',
    recipients: [],
    specialCategory: false,
  },
} as const satisfies Record<string, CategoryDef>;

export type DataCategoryKey = keyof typeof CATEGORIES;
