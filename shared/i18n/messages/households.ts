import { defineMessages } from '../translate';

/** Households (gezinnen) and their parents. */
export const householdsMessages = defineMessages(
  {
    'households.notFound': 'Dit gezin bestaat niet (meer).',
    'households.parentNotFound': 'Deze ouder bestaat niet (meer).',
    'households.parentNotInHousehold': 'Deze ouder hoort niet bij dit gezin.',
    'households.parentRemoval': 'Een ouder verwijderen kan hier niet; gegevens verdwijnen via de bewaartermijnen of een AVG-verzoek.',
    'households.keepAllParents': 'Alle bestaande ouders moeten in het gezin blijven.',
    'households.oneContractParent': 'Een gezin heeft precies één contractouder.',
    'households.contractParentAuthority': 'De contractouder moet ouderlijk gezag hebben.',
    'households.atLeastOneParent': 'Voeg minstens één ouder toe.',
    'households.atMostFourParents': 'Hoogstens vier ouders/verzorgers per gezin.',
    'households.field.street': 'Straat',
    'households.field.houseNumber': 'Huisnummer',
    'households.field.city': 'Plaats',
    'households.field.ibanHolder': 'Tenaamstelling',
  },
  {
    'households.notFound': 'This household does not exist (any more).',
    'households.parentNotFound': 'This parent does not exist (any more).',
    'households.parentNotInHousehold': 'This parent does not belong to this household.',
    'households.parentRemoval': 'A parent cannot be removed here; data are removed through the retention periods or a GDPR request.',
    'households.keepAllParents': 'All existing parents must stay in the household.',
    'households.oneContractParent': 'A household has exactly one contract parent.',
    'households.contractParentAuthority': 'The contract parent must have parental authority.',
    'households.atLeastOneParent': 'Add at least one parent.',
    'households.atMostFourParents': 'At most four parents/carers per household.',
    'households.field.street': 'Street',
    'households.field.houseNumber': 'House number',
    'households.field.city': 'Town',
    'households.field.ibanHolder': 'Account holder',
  },
);
