import { defineMessages } from '../translate';

/** Pickup (ophalen): ophaalpersonen, "mag niet ophalen" and identification. */
export const pickupMessages = defineMessages(
  {
    'pickup.personNotFound': 'Deze ophaalpersoon bestaat niet (meer).',
    'pickup.banNotFound': 'Deze regel bestaat niet (meer).',
    'pickup.banLifted': 'Deze regel is al opgeheven.',
    'pickup.chooseIdentificationMethod': 'Kies hoe de identiteit is vastgesteld.',
    'pickup.chooseIdType': 'Kies welk soort identiteitsbewijs is getoond.',
    'pickup.idTypeOnlyWhenShown': 'Soort identiteitsbewijs alleen bij "ID getoond".',
    'pickup.field.relation': 'Relatie tot het kind',
    'pickup.field.validUntil': 'Geldig tot',
    'pickup.field.basisReference': 'Grondslag (bijv. beschikking rechtbank)',
    'pickup.field.basisDate': 'Datum grondslag',
    'pickup.field.notes': 'Toelichting',
    'pickup.field.collectorName': 'Naam ophaler',
  },
  {
    'pickup.personNotFound': 'This pickup person does not exist (any more).',
    'pickup.banNotFound': 'This entry does not exist (any more).',
    'pickup.banLifted': 'This entry has already been lifted.',
    'pickup.chooseIdentificationMethod': 'Choose how the identity was established.',
    'pickup.chooseIdType': 'Choose which kind of identity document was shown.',
    'pickup.idTypeOnlyWhenShown': 'Kind of identity document only with "ID shown".',
    'pickup.field.relation': 'Relationship to the child',
    'pickup.field.validUntil': 'Valid until',
    'pickup.field.basisReference': 'Basis (e.g. court order)',
    'pickup.field.basisDate': 'Date of the basis',
    'pickup.field.notes': 'Explanation',
    'pickup.field.collectorName': 'Name of the person collecting',
  },
);
