import { defineMessages } from '../translate';

/** Koppelen with head office, sync and conflicts. */
export const syncMessages = defineMessages(
  {
    'sync.serverUrlFormat': 'Vul het volledige adres in, bijvoorbeeld https://sync.kinderopvang.nl',
    'sync.httpsRequired': 'Het adres moet met https:// beginnen.',
    'sync.caCertFormat': 'Plak het CA-certificaat in PEM-formaat (-----BEGIN CERTIFICATE-----).',
    'sync.codeFormat': 'Een koppelcode heeft 12 tekens, bijvoorbeeld ABCD-EFGH-JKMN.',
    'sync.field.deviceName': 'Naam van deze computer',
    'sync.alreadyEnrolled': 'Deze computer is al gekoppeld aan het hoofdkantoor.',
    'sync.codeRefused': 'Deze code is onbekend, al gebruikt of verlopen.',
    'sync.headOfficeUnreachable': 'Het hoofdkantoor is niet bereikbaar.',
    'sync.unreachableField': 'Niet bereikbaar.',
    'sync.mustUseHttps': 'Een verbinding met het hoofdkantoor moet versleuteld zijn (https).',
    'sync.unexpectedAnswer': 'Onverwacht antwoord van het hoofdkantoor.',
    'sync.unreachable': 'Hoofdkantoor niet bereikbaar ({{detail}}).',
    'sync.headOfficeAnswer': '{{reason}}',
    'sync.transferFailed': '{{detail}}',
    'sync.conflictResolved': 'Dit conflict is al opgelost.',
    'sync.mergedRequired': 'Vul de samengevoegde versie in.',
  },
  {
    'sync.serverUrlFormat': 'Enter the full address, for example https://sync.kinderopvang.nl',
    'sync.httpsRequired': 'The address must start with https://.',
    'sync.caCertFormat': 'Paste the CA certificate in PEM format (-----BEGIN CERTIFICATE-----).',
    'sync.codeFormat': 'An enrolment code has 12 characters, for example ABCD-EFGH-JKMN.',
    'sync.field.deviceName': 'Name of this computer',
    'sync.alreadyEnrolled': 'This computer is already linked to head office.',
    'sync.codeRefused': 'This code is unknown, already used or expired.',
    'sync.headOfficeUnreachable': 'Head office cannot be reached.',
    'sync.unreachableField': 'Cannot be reached.',
    'sync.mustUseHttps': 'A connection to head office must be encrypted (https).',
    'sync.unexpectedAnswer': 'Unexpected answer from head office.',
    'sync.unreachable': 'Head office cannot be reached ({{detail}}).',
    // Head office answers in Dutch; its words are passed on.
    'sync.headOfficeAnswer': 'Head office answered: {{reason}}',
    'sync.transferFailed': 'The transfer to head office failed: {{detail}}',
    'sync.conflictResolved': 'This conflict has already been resolved.',
    'sync.mergedRequired': 'Fill in the merged version.',
  },
);
