import { defineMessages } from '../translate';

/** Privacyverklaring: the versions head office published (issue 18 part 8). */
export const privacyStatementMessages = defineMessages(
  {
    'privacyStatement.field.informedOn': 'Datum waarop de ouders zijn geïnformeerd',
    'privacyStatement.notFound': 'Deze versie van de privacyverklaring is hier niet (meer) bekend.',
    'privacyStatement.beforePublished': 'De ouders kunnen niet geïnformeerd zijn vóórdat deze versie is gepubliceerd ({{date}}).',
  },
  {
    'privacyStatement.field.informedOn': 'Date the parents were informed',
    'privacyStatement.notFound': 'This version of the privacy statement is not known here.',
    'privacyStatement.beforePublished': 'The parents cannot have been informed before this version was published ({{date}}).',
  },
);
