import { defineMessages } from '../translate';

/** The waiting list (wachtlijst). */
export const waitlistMessages = defineMessages(
  {
    'waitlist.notFound': 'Deze wachtlijstaanvraag bestaat niet (meer).',
    'waitlist.closed': 'Deze aanvraag is al geplaatst of ingetrokken.',
    'waitlist.birthOrExpectedDate': 'Vul de geboortedatum of de uitgerekende datum in.',
    'waitlist.birthDateInFuture': 'Geboortedatum kan niet in de toekomst liggen; gebruik de uitgerekende datum.',
    'waitlist.emailOrPhone': 'Vul een e-mailadres of telefoonnummer in.',
    'waitlist.field.parentName': 'Naam ouder',
    'waitlist.field.childFirstName': 'Voornaam kind',
    'waitlist.field.childSurname': 'Achternaam kind',
    'waitlist.field.expectedDate': 'Uitgerekende datum',
    'waitlist.field.desiredStartDate': 'Gewenste begindatum',
    'waitlist.field.notes': 'Opmerkingen',
  },
  {
    'waitlist.notFound': 'This waiting list request does not exist (any more).',
    'waitlist.closed': 'This request has already been placed or withdrawn.',
    'waitlist.birthOrExpectedDate': 'Enter the date of birth or the due date.',
    'waitlist.birthDateInFuture': 'The date of birth cannot be in the future; use the due date.',
    'waitlist.emailOrPhone': 'Enter an email address or a phone number.',
    'waitlist.field.parentName': 'Parent’s name',
    'waitlist.field.childFirstName': 'Child’s first name',
    'waitlist.field.childSurname': 'Child’s surname',
    'waitlist.field.expectedDate': 'Due date',
    'waitlist.field.desiredStartDate': 'Desired start date',
    'waitlist.field.notes': 'Notes',
  },
);
