import { defineMessages } from '../translate';

/**
 * The shared field validators (required, length, dates, BSN, postcode, IBAN, LRK-nummer, e-mail,
 * phone) and the field labels several areas share. A label key is passed as the `label` parameter.
 */
export const validationMessages = defineMessages(
  {
    'validation.dateInvalid': '{{label}}: vul een geldige datum in.',
    'validation.dateNotExists': '{{label}}: deze datum bestaat niet.',
    'validation.notInFuture': '{{label}} kan niet in de toekomst liggen.',
    'validation.bsnInvalid': 'Dit BSN klopt niet: de controle op de cijfers (elfproef) mislukt. Kijk of u een cijfer verkeerd heeft overgenomen.',
    'validation.bsnFormat': 'Een BSN bestaat uit 9 cijfers (bij 8 cijfers komt er een 0 voor).',
    'validation.postcodeInvalid': 'Vul een geldige postcode in, bijvoorbeeld 1234 AB.',
    'validation.ibanInvalid': 'Vul een geldig Nederlands IBAN in, bijvoorbeeld NL91 ABNA 0417 1643 00.',
    'validation.emailInvalid': 'Vul een geldig e-mailadres in.',
    'validation.phoneInvalid': 'Vul een geldig telefoonnummer in, bijvoorbeeld 06 12345678.',
    'validation.careTypeRequired': 'Kies een opvangsoort.',
    'validation.daysRequired': 'Kies minstens één dag.',
    'validation.idCopyForbidden':
      'Een nummer of kopie van een identiteitsbewijs slaan we nooit op (privacystatement): leg alleen vast dát en hoe de identiteit is gecontroleerd.',
    'validation.field.bsn': 'BSN',
    'validation.field.postcode': 'Postcode',
    'validation.field.firstName': 'Voornaam',
    'validation.field.initials': 'Voorletters',
    'validation.field.surnamePrefix': 'Tussenvoegsel',
    'validation.field.surname': 'Achternaam',
    'validation.field.birthDate': 'Geboortedatum',
    'validation.field.name': 'Naam',
    'validation.field.reason': 'Reden',
  },
  {
    'validation.dateInvalid': '{{label}}: enter a valid date.',
    'validation.dateNotExists': '{{label}}: this date does not exist.',
    'validation.notInFuture': '{{label}} cannot be in the future.',
    'validation.bsnInvalid': 'This BSN is not right: the check on its digits (elfproef) fails. See whether a digit was copied wrongly.',
    'validation.bsnFormat': 'A BSN has 9 digits (with 8 digits, a 0 goes in front).',
    'validation.postcodeInvalid': 'Enter a valid postcode, for example 1234 AB.',
    'validation.ibanInvalid': 'Enter a valid Dutch IBAN, for example NL91 ABNA 0417 1643 00.',
    'validation.emailInvalid': 'Enter a valid email address.',
    'validation.phoneInvalid': 'Enter a valid phone number, for example 06 12345678.',
    'validation.careTypeRequired': 'Choose a type of care.',
    'validation.daysRequired': 'Choose at least one day.',
    'validation.idCopyForbidden':
      'We never store the number or a copy of an identity document (privacy statement): record only that and how the identity was checked.',
    'validation.field.bsn': 'BSN',
    'validation.field.postcode': 'Postcode',
    'validation.field.firstName': 'First name',
    'validation.field.initials': 'Initials',
    'validation.field.surnamePrefix': 'Surname prefix',
    'validation.field.surname': 'Surname',
    'validation.field.birthDate': 'Date of birth',
    'validation.field.name': 'Name',
    'validation.field.reason': 'Reason',
  },
);
