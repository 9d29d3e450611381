import { defineMessages } from '../translate';

/** Klachten. */
export const complaintsMessages = defineMessages(
  {
    'complaints.field.complainantName': 'Naam indiener',
    'complaints.field.subject': 'Onderwerp',
    'complaints.field.description': 'Omschrijving',
    'complaints.field.resolution': 'Toelichting op het oordeel',
    'complaints.field.receivedOn': 'Ontvangen op',
    'complaints.field.closedOn': 'Afgehandeld op',
    'complaints.outcomeRequired': 'Kies het oordeel: gegrond, gedeeltelijk gegrond of ongegrond.',
    'complaints.householdNotFound': 'Dit gezin bestaat niet (meer) op deze locatie.',
    'complaints.letterAfterClosing': 'De brief over de afhandeling kan pas worden gemaakt als de klacht is afgehandeld.',
    'complaints.notFound': 'Deze klacht bestaat niet (meer).',
    'complaints.closedNoChanges': 'Deze klacht is al afgesloten en kan niet meer worden gewijzigd.',
    'complaints.alreadyClosed': 'Deze klacht is al afgesloten.',
    'complaints.closedBeforeReceived': 'De afsluitdatum ligt vóór de datum van ontvangst.',
  },
  {
    'complaints.field.complainantName': 'Name of complainant',
    'complaints.field.subject': 'Subject',
    'complaints.field.description': 'Description',
    'complaints.field.resolution': 'Reasons for the judgement',
    'complaints.field.receivedOn': 'Received on',
    'complaints.field.closedOn': 'Handled on',
    'complaints.outcomeRequired': 'Choose the judgement: well-founded, partly well-founded or unfounded.',
    'complaints.householdNotFound': 'This family does not exist (any more) at this location.',
    'complaints.letterAfterClosing': 'The letter about the outcome can only be made once the complaint has been handled.',
    'complaints.notFound': 'This complaint does not exist (any more).',
    'complaints.closedNoChanges': 'This complaint has already been closed and can no longer be changed.',
    'complaints.alreadyClosed': 'This complaint has already been closed.',
    'complaints.closedBeforeReceived': 'The closing date is before the date of receipt.',
  },
);
