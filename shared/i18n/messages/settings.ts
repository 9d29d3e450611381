import { defineMessages } from '../translate';

/** Location settings: the idle lock, the privacy statement version. */
export const settingsMessages = defineMessages(
  {
    'settings.idleTimeoutRequired': 'Vul een aantal minuten in.',
    'settings.idleTimeoutWhole': 'Vul een heel aantal minuten in.',
    'settings.idleTimeoutRange': 'De automatische vergrendeling moet tussen 1 en 60 minuten liggen.',
    'settings.privacyStatementVersionRequired': 'Vul de datum of versie van het privacystatement in.',
  },
  {
    'settings.idleTimeoutRequired': 'Enter a number of minutes.',
    'settings.idleTimeoutWhole': 'Enter a whole number of minutes.',
    'settings.idleTimeoutRange': 'The automatic lock must be between 1 and 60 minutes.',
    'settings.privacyStatementVersionRequired': 'Enter the date or version of the privacy statement.',
  },
);
