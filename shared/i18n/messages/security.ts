import { defineMessages } from '../translate';

/** The database key, the keyring file. */
export const securityMessages = defineMessages(
  {
    'security.keyringOsProtected': 'Het sleutelbestand is beveiligd door het besturingssysteem en kan hier niet worden geopend.',
    'security.keyringDamaged': 'Het sleutelbestand is beschadigd.',
    'security.wrongDatabaseKey': 'De database kan met deze sleutel niet worden geopend.',
  },
  {
    'security.keyringOsProtected': 'The key file is protected by the operating system and cannot be opened here.',
    'security.keyringDamaged': 'The key file is damaged.',
    'security.wrongDatabaseKey': 'The database cannot be opened with this key.',
  },
);
