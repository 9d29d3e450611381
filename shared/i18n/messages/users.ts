import { defineMessages } from '../translate';

/** Users of the location and their roles. */
export const usersMessages = defineMessages(
  {
    'users.field.name': 'Naam',
    'users.rolesRequired': 'Kies minstens één rol.',
    'users.accountInactive': 'Uw account is niet meer actief. Neem contact op met de locatiemanager.',
    'users.notFound': 'Deze gebruiker bestaat niet (meer).',
    'users.lastManager': 'Er moet altijd minstens één actieve locatiemanager zijn.',
    'users.usernameTaken': 'Deze gebruikersnaam is al in gebruik.',
    'users.resetOwnPassword': 'Wijzig uw eigen wachtwoord via "Wachtwoord wijzigen".',
    'users.inactive': 'Deze gebruiker is gedeactiveerd. Activeer de gebruiker eerst.',
    'users.deactivateSelf': 'U kunt uw eigen account niet deactiveren.',
    'users.activateNeedsPassword': 'Geef een tijdelijk wachtwoord om de gebruiker weer te activeren.',
    'users.temporaryPasswordRequired': 'Tijdelijk wachtwoord is verplicht.',
  },
  {
    'users.field.name': 'Name',
    'users.rolesRequired': 'Choose at least one role.',
    'users.accountInactive': 'Your account is no longer active. Contact the location manager.',
    'users.notFound': 'This user does not exist (any more).',
    'users.lastManager': 'There must always be at least one active location manager.',
    'users.usernameTaken': 'This username is already in use.',
    'users.resetOwnPassword': 'Change your own password with "Change password".',
    'users.inactive': 'This user has been deactivated. Activate the user first.',
    'users.deactivateSelf': 'You cannot deactivate your own account.',
    'users.activateNeedsPassword': 'Give a temporary password to activate the user again.',
    'users.temporaryPasswordRequired': 'Temporary password is required.',
  },
);
