import { DEFAULT_POLICIES, POLICY_KEYS, type PeriodUnit, type PolicyKey, type RetentionPolicy } from '../domain/retention';
import type { PolicyLike } from './types';

/**
 * The events that start a retention clock, and the retention policies the data map uses: the
 * existing ones (shared/domain/retention.ts) and the new ones issue 14 asks for. A policy's period
 * is data (head office may change it); its event is fixed here, because the engine must know which
 * date to read. The defaults below have the same shape as DEFAULT_POLICIES so they can join that
 * list (and the retention_policies table) when the engine takes them over.
 */

/** Dutch texts are the `anchor` of new policies ("3 maanden na <anchor>"). */
export const EVENTS = {
  household_contract_end: 'einde van het laatste contract van het gezin',
  child_contract_end: 'einde van het laatste contract van het kind',
  contract_end: 'einde van het contract',
  complaint_closed: 'afsluiting van de klacht',
  case_closed: 'afsluiting van het dossier',
  procedure_end: 'einde van de sollicitatieprocedure',
  employment_end: 'einde van het dienstverband',
  waitlist_withdrawn: 'intrekking of afwijzing van de wachtlijstaanvraag',
  waitlist_placed: 'plaatsing van het kind (de gegevens staan dan in het gezinsdossier)',
  consent_end: 'einde van de toestemming (intrekking of einddatum)',
  disclosure_made: 'datum van de verstrekking',
  entry_recorded: 'datum van de vastlegging',
  request_closed: 'afsluiting van het verzoek',
  request_intake_handled: 'registratie van het verzoek via privacy@ door de locatie',
  account_deactivated: 'deactivering van het gebruikersaccount',
  destruction_executed: 'datum van de vernietiging',
  conflict_resolved: 'oplossing van het synchronisatieconflict',
  head_office_answered: 'antwoord van het hoofdkantoor op de wijziging',
} as const;
export type EventKey = keyof typeof EVENTS;

export const NEW_POLICY_KEYS = [
  'medical',
  'pickup_persons',
  'pickup_bans',
  'identification',
  'parent_contact',
  'other_parent',
  'waitlist_withdrawn',
  'waitlist_placed',
  'photo_consent',
  'exchange_consent',
  'disclosure_register',
  'request_register',
  'destruction_log',
] as const;
export type NewPolicyKey = (typeof NEW_POLICY_KEYS)[number];
export type DataMapPolicyKey = PolicyKey | NewPolicyKey;
/** The one list of policy keys (the statement's and the new ones): the zod enum of the API and the rows of retention_policies. */
export const DATA_MAP_POLICY_KEYS = [...POLICY_KEYS, ...NEW_POLICY_KEYS] as const;

/** The event each policy's period runs from. */
export const POLICY_EVENT: Record<DataMapPolicyKey, EventKey> = {
  contract: 'household_contract_end',
  complaint: 'complaint_closed',
  paper_dossier: 'contract_end',
  meldcode: 'case_closed',
  applicant: 'procedure_end',
  applicant_consent: 'procedure_end',
  employee: 'employment_end',
  employee_dispute: 'employment_end',
  medical: 'child_contract_end',
  pickup_persons: 'child_contract_end',
  pickup_bans: 'child_contract_end',
  identification: 'child_contract_end',
  parent_contact: 'household_contract_end',
  other_parent: 'household_contract_end',
  waitlist_withdrawn: 'waitlist_withdrawn',
  waitlist_placed: 'waitlist_placed',
  photo_consent: 'child_contract_end',
  exchange_consent: 'consent_end',
  disclosure_register: 'disclosure_made',
  request_register: 'request_closed',
  destruction_log: 'destruction_executed',
};

export interface NewPolicyDefault {
  key: NewPolicyKey;
  category: string;
  periodAmount: number;
  periodUnit: PeriodUnit;
  legalBasis: string;
}

const STORAGE_LIMITATION = 'AVG art. 5 lid 1 sub e (opslagbeperking)';
/** Claims for damages (art. 82 AVG) prescribe five years after the injured party learned of the damage. */
const LIMITATION = 'een vordering tot schadevergoeding (AVG art. 82) verjaart 5 jaar nadat de schade bekend werd (art. 3:310 Burgerlijk Wetboek)';

/** Defaults for the new rules: the period, and the legal reason shown on Bewaartermijnen and in the register. */
export const NEW_POLICY_DEFAULTS: readonly NewPolicyDefault[] = [
  {
    key: 'medical',
    category: 'Medische gegevens en bijzonderheden van het kind',
    periodAmount: 0,
    periodUnit: 'days',
    legalBasis: `${STORAGE_LIMITATION} en art. 9: medische gegevens zijn alleen nodig zolang het kind bij ons wordt opgevangen`,
  },
  {
    key: 'pickup_persons',
    category: 'Ophaalpersonen',
    periodAmount: 0,
    periodUnit: 'days',
    legalBasis: `${STORAGE_LIMITATION}: wie het kind mag ophalen is alleen nodig zolang het kind bij ons wordt opgevangen`,
  },
  {
    key: 'pickup_bans',
    category: 'Ophaalverboden',
    periodAmount: 0,
    periodUnit: 'days',
    legalBasis: `${STORAGE_LIMITATION}: een ophaalverbod is alleen nodig zolang het kind bij ons wordt opgevangen`,
  },
  {
    key: 'identification',
    category: 'Identificaties bij het ophalen',
    periodAmount: 0,
    periodUnit: 'days',
    legalBasis: `${STORAGE_LIMITATION}: vastleggen aan wie het kind is meegegeven is alleen nodig zolang het kind bij ons wordt opgevangen`,
  },
  {
    key: 'parent_contact',
    category: 'E-mailadres en telefoonnummer van de ouders',
    periodAmount: 3,
    periodUnit: 'months',
    legalBasis: `${STORAGE_LIMITATION}: nodig voor de eindafrekening en de jaaropgave; daarna blijven alleen naam, adres en BSN onder de fiscale bewaarplicht van 7 jaar`,
  },
  {
    key: 'other_parent',
    category: 'Gegevens van de andere ouder (zonder contract)',
    periodAmount: 3,
    periodUnit: 'months',
    legalBasis: `${STORAGE_LIMITATION}: de andere ouder is contactpersoon tijdens de opvang; 3 maanden voor de afronding van het contract`,
  },
  {
    key: 'waitlist_withdrawn',
    category: 'Ingetrokken of afgewezen wachtlijstaanvragen',
    periodAmount: 1,
    periodUnit: 'years',
    legalBasis: `${STORAGE_LIMITATION}: 1 jaar om vragen en klachten over de wachtlijst en de volgorde van plaatsing te kunnen beantwoorden`,
  },
  {
    key: 'waitlist_placed',
    category: 'Wachtlijstaanvragen die tot plaatsing leidden',
    periodAmount: 0,
    periodUnit: 'days',
    legalBasis: `${STORAGE_LIMITATION}: na plaatsing staan de gegevens in het gezinsdossier en gelden daar de termijnen van het contract`,
  },
  {
    key: 'photo_consent',
    category: 'Toestemmingen voor beeldmateriaal (met geschiedenis)',
    periodAmount: 5,
    periodUnit: 'years',
    legalBasis: `Bewijs van toestemming (AVG art. 7 lid 1): wij moeten kunnen aantonen dat beeldmateriaal met toestemming is gemaakt en gebruikt; ${LIMITATION}`,
  },
  {
    key: 'exchange_consent',
    category: 'Toestemmingen voor uitwisseling met school of zorginstelling',
    periodAmount: 5,
    periodUnit: 'years',
    legalBasis: `Bewijs van toestemming (AVG art. 7 lid 1) voor elke verstrekking op grond van die toestemming; ${LIMITATION}`,
  },
  {
    key: 'disclosure_register',
    category: 'Verstrekkingenregister',
    periodAmount: 7,
    periodUnit: 'years',
    legalBasis:
      'Verantwoordingsplicht (AVG art. 5 lid 2) en ontvangers informeren bij rectificatie of verwijdering (art. 19); opgaven aan de Belastingdienst vallen onder de fiscale bewaarplicht van 7 jaar (art. 52 Algemene wet inzake rijksbelastingen)',
  },
  {
    key: 'request_register',
    category: 'AVG-verzoeken (register, rectificaties, taken)',
    periodAmount: 5,
    periodUnit: 'years',
    legalBasis: `Verantwoordingsplicht (AVG art. 5 lid 2 en art. 12): aantonen dat een verzoek tijdig en juist is afgehandeld, ook bij een klacht bij de Autoriteit Persoonsgegevens; ${LIMITATION}. De omschrijving van het verzoek wissen we al bij het afsluiten`,
  },
  {
    key: 'destruction_log',
    category: 'Vernietigingslogboek',
    periodAmount: 5,
    periodUnit: 'years',
    legalBasis: `Verantwoordingsplicht (AVG art. 5 lid 2): aantonen dat gegevens op tijd zijn vernietigd, en na het terugzetten van een back-up opnieuw vernietigen; het logboek bevat alleen hashes en de naam van wie de ronde uitvoerde; ${LIMITATION}`,
  },
];

/**
 * Every policy the map uses with its default period: the existing list plus the new rules. This is
 * the list the engine writes into retention_policies and shows on Bewaartermijnen.
 */
export const DATA_MAP_DEFAULT_POLICIES: readonly (RetentionPolicy<DataMapPolicyKey> & PolicyLike)[] = [
  ...DEFAULT_POLICIES,
  ...NEW_POLICY_DEFAULTS.map((p) => ({ key: p.key, category: p.category, periodAmount: p.periodAmount, periodUnit: p.periodUnit, anchor: EVENTS[POLICY_EVENT[p.key]], legalBasis: p.legalBasis })),
];
