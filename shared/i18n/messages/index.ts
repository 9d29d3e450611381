import { authMessages } from './auth';
import { commonMessages } from './common';
import { consentsMessages } from './consents';
import { disclosuresMessages } from './disclosures';
import { marketingMessages } from './marketing';
import { meldcodeMessages } from './meldcode';
import { requestsMessages } from './requests';

/**
 * Every error and validation message, by area (one file per API namespace group). Add an area's
 * catalogue here; keys are `<area>.<name>`.
 */
export const MESSAGES = {
  ...commonMessages,
  ...authMessages,
  ...consentsMessages,
  ...disclosuresMessages,
  ...marketingMessages,
  ...meldcodeMessages,
  ...requestsMessages,
};

export type MessageKey = keyof typeof MESSAGES;
