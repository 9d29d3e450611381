import { defineMessages } from '../translate';

/** The location this installation belongs to. */
export const locationMessages = defineMessages(
  {
    'location.notSetUp': 'De app is nog niet ingericht.',
  },
  {
    'location.notSetUp': 'The app has not been set up yet.',
  },
);
