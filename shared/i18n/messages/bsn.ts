import { defineMessages } from '../translate';

/** BSN and the BSN-controle. */
export const bsnMessages = defineMessages(
  {
    'bsn.enterFirst': 'Vul eerst het BSN in; daarna legt u de controle vast.',
    'bsn.noneRecorded': 'Er is geen BSN vastgelegd.',
    'bsn.chooseCheckMethod': 'Kies hoe het BSN is gecontroleerd.',
    'bsn.field.checkedOn': 'Datum controle',
  },
  {
    'bsn.enterFirst': 'Enter the BSN first; then record the check.',
    'bsn.noneRecorded': 'No BSN has been recorded.',
    'bsn.chooseCheckMethod': 'Choose how the BSN was checked.',
    'bsn.field.checkedOn': 'Date of check',
  },
);
