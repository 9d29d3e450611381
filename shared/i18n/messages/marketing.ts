import { defineMessages } from '../translate';

/** Marketing: the opt-out list and the pseudonymised export. */
export const marketingMessages = defineMessages(
  {
    'marketing.emailRequired': 'Vul het e-mailadres in.',
    'marketing.chooseHow': 'Kies hoe het verzoek binnenkwam.',
    'marketing.field.requestedOn': 'Datum verzoek',
    'marketing.field.platform': 'Platform',
  },
  {
    'marketing.emailRequired': 'Enter the e-mail address.',
    'marketing.chooseHow': 'Choose how the request came in.',
    'marketing.field.requestedOn': 'Date of request',
    'marketing.field.platform': 'Platform',
  },
);
