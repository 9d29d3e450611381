import { authMessages } from './auth';
import { backupMessages } from './backup';
import { commonMessages } from './common';
import { complaintsMessages } from './complaints';
import { retentionMessages } from './retention';
import { securityMessages } from './security';
import { settingsMessages } from './settings';
import { staffMessages } from './staff';
import { syncMessages } from './sync';
import { usersMessages } from './users';

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
  ...syncMessages,
  ...backupMessages,
  ...retentionMessages,
  ...staffMessages,
  ...complaintsMessages,
};

export type MessageKey = keyof typeof MESSAGES;
