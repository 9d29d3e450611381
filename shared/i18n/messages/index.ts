import { authMessages } from './auth';
import { backupMessages } from './backup';
import { breachesMessages } from './breaches';
import { bsnMessages } from './bsn';
import { childrenMessages } from './children';
import { commonMessages } from './common';
import { complaintsMessages } from './complaints';
import { consentsMessages } from './consents';
import { contractsMessages } from './contracts';
import { disclosuresMessages } from './disclosures';
import { groupsMessages } from './groups';
import { householdsMessages } from './households';
import { locationMessages } from './location';
import { marketingMessages } from './marketing';
import { medicalMessages } from './medical';
import { meldcodeMessages } from './meldcode';
import { pickupMessages } from './pickup';
import { privacyStatementMessages } from './privacyStatement';
import { recipientsMessages } from './recipients';
import { requestsMessages } from './requests';
import { restrictedDisclosuresMessages } from './restrictedDisclosures';
import { requestsSubjectsMessages } from './requestsSubjects';
import { retentionMessages } from './retention';
import { securityMessages } from './security';
import { settingsMessages } from './settings';
import { staffMessages } from './staff';
import { syncMessages } from './sync';
import { usersMessages } from './users';
import { validationMessages } from './validation';
import { waitlistMessages } from './waitlist';

/**
 * Every error and validation message, by area (one file per API namespace group). Add an area's
 * catalogue here; keys are `<area>.<name>`.
 */
export const MESSAGES = {
  ...commonMessages,
  ...authMessages,
  ...usersMessages,
  ...securityMessages,
  ...settingsMessages,
  ...privacyStatementMessages,
  ...syncMessages,
  ...backupMessages,
  ...retentionMessages,
  ...staffMessages,
  ...complaintsMessages,
  ...breachesMessages,
  ...validationMessages,
  ...locationMessages,
  ...householdsMessages,
  ...childrenMessages,
  ...groupsMessages,
  ...medicalMessages,
  ...bsnMessages,
  ...contractsMessages,
  ...waitlistMessages,
  ...pickupMessages,
  ...consentsMessages,
  ...disclosuresMessages,
  ...restrictedDisclosuresMessages,
  ...recipientsMessages,
  ...marketingMessages,
  ...meldcodeMessages,
  ...requestsMessages,
  ...requestsSubjectsMessages,
};

export type MessageKey = keyof typeof MESSAGES;
