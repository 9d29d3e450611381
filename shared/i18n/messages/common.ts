import { defineMessages } from '../translate';

/** Messages of the dispatcher and the core: every method can answer with these. */
export const commonMessages = defineMessages(
  {
    'common.unknownMethod': 'Onbekende functie.',
    'common.locked': 'De app is vergrendeld. Log opnieuw in.',
    'common.forbidden': 'U heeft geen toegang tot deze functie.',
    'common.changePasswordFirst': 'Kies eerst een nieuw wachtwoord.',
    'common.invalidInput': 'Ongeldige invoer.',
    'common.internal': 'Er ging iets mis. Probeer het opnieuw of neem contact op met het hoofdkantoor.',
    'common.diskFull': 'De schijf is vol. De wijziging is niet opgeslagen en er is niets half bewaard. Maak ruimte vrij op de schijf en probeer het opnieuw.',
    // Field validation shared by every schema (`text()`, `required()`, `Id` in shared/api/schemas.ts); `label` is a label key.
    'common.required': '{{label}} is verplicht.',
    'common.tooLong': '{{label}} mag hoogstens {{max}} tekens lang zijn.',
    'common.invalidId': 'Ongeldige id.',
  },
  {
    'common.unknownMethod': 'Unknown function.',
    'common.locked': 'The app is locked. Please log in again.',
    'common.forbidden': 'You do not have access to this function.',
    'common.changePasswordFirst': 'Choose a new password first.',
    'common.invalidInput': 'Invalid input.',
    'common.internal': 'Something went wrong. Try again or contact head office.',
    'common.diskFull': 'The disk is full. The change was not saved and nothing was half stored. Free up space on the disk and try again.',
    'common.required': '{{label}} is required.',
    'common.tooLong': '{{label}} may be at most {{max}} characters long.',
    'common.invalidId': 'Invalid id.',
  },
);
