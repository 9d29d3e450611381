import { defineMessages } from '../translate';

/** Legal disclosures (verstrekkingen), the verstrekkingenregister and the municipalities (VVE). */
export const disclosuresMessages = defineMessages(
  {
    'disclosures.chooseMonth': 'Kies een maand.',
    'disclosures.chooseInspectionDate': 'Kies de datum van de inspectie.',
    'disclosures.chooseMunicipality': 'Kies de gemeente.',
    'disclosures.chooseField': 'Kies minstens één gegeven.',
    'disclosures.municipalityNotSetUp': 'Deze gemeente is niet ingesteld.',
    'disclosures.municipalityNotFound': 'Deze gemeente bestaat niet (meer).',
    'disclosures.fieldsNotForVve': 'Deze gegevens horen niet bij een VVE-verantwoording: {{fields}}.',
    'disclosures.fieldNotAllowed': 'Niet toegestaan gegeven gekozen.',
    'disclosures.noExchangeConsent':
      'Er is geen schriftelijke toestemming van de contractouder voor uitwisseling met {{recipient}}. Zonder geldige toestemming mogen deze gegevens niet worden gedeeld.',
    'disclosures.exchangeConsentWithdrawn':
      'De toestemming voor uitwisseling met {{recipient}} is ingetrokken op {{withdrawnOn}}. Zonder geldige toestemming mogen deze gegevens niet worden gedeeld.',
    'disclosures.exchangeConsentNotValid':
      'De toestemming voor uitwisseling met {{recipient}} is niet geldig op {{date}} (geldig tot {{validUntil}}). Zonder geldige toestemming mogen deze gegevens niet worden gedeeld.',
    'disclosures.field.municipality': 'Gemeente',
    'disclosures.field.regulation': 'Gemeentelijke verordening',
    'disclosures.field.notes': 'Toelichting',
  },
  {
    'disclosures.chooseMonth': 'Choose a month.',
    'disclosures.chooseInspectionDate': 'Choose the date of the inspection.',
    'disclosures.chooseMunicipality': 'Choose the municipality.',
    'disclosures.chooseField': 'Choose at least one data item.',
    'disclosures.municipalityNotSetUp': 'This municipality has not been set up.',
    'disclosures.municipalityNotFound': 'This municipality does not exist (any more).',
    'disclosures.fieldsNotForVve': 'These data do not belong in a VVE report: {{fields}}.',
    'disclosures.fieldNotAllowed': 'A data item that is not allowed was chosen.',
    'disclosures.noExchangeConsent': 'There is no written consent from the contract parent for exchange with {{recipient}}. Without valid consent these data may not be shared.',
    'disclosures.exchangeConsentWithdrawn': 'The consent for exchange with {{recipient}} was withdrawn on {{withdrawnOn}}. Without valid consent these data may not be shared.',
    'disclosures.exchangeConsentNotValid':
      'The consent for exchange with {{recipient}} is not valid on {{date}} (valid until {{validUntil}}). Without valid consent these data may not be shared.',
    'disclosures.field.municipality': 'Municipality',
    'disclosures.field.regulation': 'Municipal regulation',
    'disclosures.field.notes': 'Notes',
  },
);
