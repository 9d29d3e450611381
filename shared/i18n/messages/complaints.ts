import { defineMessages } from '../translate';

/** Klachten. */
export const complaintsMessages = defineMessages(
  {
    'complaints.field.complainantName': 'Naam indiener',
    'complaints.field.subject': 'Onderwerp',
    'complaints.field.description': 'Omschrijving',
    'complaints.field.resolution': 'Afhandeling',
    'complaints.notFound': 'Deze klacht bestaat niet (meer).',
    'complaints.closedNoChanges': 'Deze klacht is al afgesloten en kan niet meer worden gewijzigd.',
    'complaints.alreadyClosed': 'Deze klacht is al afgesloten.',
    'complaints.closedBeforeReceived': 'De afsluitdatum ligt vóór de datum van ontvangst.',
  },
  {
    'complaints.field.complainantName': 'Name of complainant',
    'complaints.field.subject': 'Subject',
    'complaints.field.description': 'Description',
    'complaints.field.resolution': 'Resolution',
    'complaints.notFound': 'This complaint does not exist (any more).',
    'complaints.closedNoChanges': 'This complaint has already been closed and can no longer be changed.',
    'complaints.alreadyClosed': 'This complaint has already been closed.',
    'complaints.closedBeforeReceived': 'The closing date is before the date of receipt.',
  },
);
