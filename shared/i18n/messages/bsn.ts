import { defineMessages } from '../translate';

/** BSN and the BSN-controle. */
export const bsnMessages = defineMessages(
  {
    'bsn.enterFirst': 'Vul eerst het BSN in; daarna legt u de controle vast.',
    'bsn.noneRecorded': 'Er is geen BSN vastgelegd.',
    'bsn.chooseCheckMethod': 'Kies hoe het BSN is gecontroleerd.',
    'bsn.field.checkedOn': 'Datum controle',
    'bsn.typeFromDocument': 'Typ het BSN over van het ID-bewijs of de SVB-brief.',
    'bsn.checkMismatch': 'Dit BSN komt niet overeen met het vastgelegde BSN. Controleer het document en typ het opnieuw; komt het nog steeds niet overeen, meld het dan aan de locatiemanager.',
  },
  {
    'bsn.enterFirst': 'Enter the BSN first; then record the check.',
    'bsn.noneRecorded': 'No BSN has been recorded.',
    'bsn.chooseCheckMethod': 'Choose how the BSN was checked.',
    'bsn.field.checkedOn': 'Date of check',
    'bsn.typeFromDocument': 'Type the BSN from the ID document or the SVB letter.',
    'bsn.checkMismatch': 'This BSN does not match the recorded BSN. Check the document and type it again; if it still does not match, tell the location manager.',
  },
);
