import { defineMessages } from '../translate';

/** "Verstrekking vastleggen": disclosures to recipients beyond the fixed exports (issue 16). */
export const recipientsMessages = defineMessages(
  {
    'disclosures.manual.chooseKind': 'Kies aan wie de gegevens zijn verstrekt.',
    'disclosures.manual.chooseFields': 'Kies minstens één gegeven dat is verstrekt.',
    'disclosures.manual.recipientNameRequired': 'Vul de naam van de ontvanger in.',
    'disclosures.manual.legalBasisRequired': 'Vul de wettelijke grondslag van de verstrekking in.',
    'disclosures.manual.orderReferenceRequired': 'Vul het kenmerk van de vordering of het bevel in.',
    'disclosures.manual.confidentialityRequired': 'Vul in welke geheimhouding voor deze ontvanger geldt.',
    'disclosures.manual.personNotHere': 'Deze persoon is niet gevonden bij deze locatie.',
    'disclosures.manual.fieldNotOfPerson': 'Kies alleen gegevens die over deze persoon zijn vastgelegd.',
    'disclosures.manual.veiligThuisMeldcodeOnly': 'Een verstrekking aan Veilig Thuis legt alleen iemand met toegang tot de meldcode vast.',
    'disclosures.manual.meldcodeOnlyToVeiligThuis': 'Gegevens uit een meldcodedossier legt u hier alleen vast voor Veilig Thuis; een andere verstrekking daaruit legt de aandachtsfunctionaris vast in het dossier.',
    'disclosures.manual.field.recipientName': 'Naam van de ontvanger',
    'disclosures.manual.field.legalBasis': 'Wettelijke grondslag',
    'disclosures.manual.field.orderReference': 'Kenmerk van de vordering',
    'disclosures.manual.field.confidentiality': 'Geheimhouding',
    'disclosures.manual.field.disclosedOn': 'Datum van verstrekking',
  },
  {
    'disclosures.manual.chooseKind': 'Choose to whom the data were disclosed.',
    'disclosures.manual.chooseFields': 'Choose at least one data item that was disclosed.',
    'disclosures.manual.recipientNameRequired': 'Enter the name of the recipient.',
    'disclosures.manual.legalBasisRequired': 'Enter the legal basis of the disclosure.',
    'disclosures.manual.orderReferenceRequired': 'Enter the reference of the order or claim.',
    'disclosures.manual.confidentialityRequired': 'Enter the confidentiality that binds this recipient.',
    'disclosures.manual.personNotHere': 'This person was not found at this location.',
    'disclosures.manual.fieldNotOfPerson': 'Choose only data recorded about this person.',
    'disclosures.manual.veiligThuisMeldcodeOnly': 'Only someone with meldcode access records a disclosure to Veilig Thuis.',
    'disclosures.manual.meldcodeOnlyToVeiligThuis': 'Data from a meldcode file are recorded here only for Veilig Thuis; any other disclosure from it is recorded by the aandachtsfunctionaris in the file.',
    'disclosures.manual.field.recipientName': 'Name of the recipient',
    'disclosures.manual.field.legalBasis': 'Legal basis',
    'disclosures.manual.field.orderReference': 'Reference of the order',
    'disclosures.manual.field.confidentiality': 'Confidentiality',
    'disclosures.manual.field.disclosedOn': 'Date of disclosure',
  },
);
