import { defineMessages } from '../translate';

/** Login, setup, passwords, the herstelsleutel, users. */
export const authMessages = defineMessages(
  {
    'auth.wrongLogin': 'Gebruikersnaam of wachtwoord is onjuist.',
    'auth.passwordRequired': 'Vul uw wachtwoord in.',
  },
  {
    'auth.wrongLogin': 'Username or password is incorrect.',
    'auth.passwordRequired': 'Enter your password.',
  },
);
