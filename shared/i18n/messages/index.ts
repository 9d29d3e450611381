import { authMessages } from './auth';
import { commonMessages } from './common';

/**
 * Every error and validation message, by area (one file per API namespace group). Add an area's
 * catalogue here; keys are `<area>.<name>`.
 */
export const MESSAGES = {
  ...commonMessages,
  ...authMessages,
};

export type MessageKey = keyof typeof MESSAGES;
