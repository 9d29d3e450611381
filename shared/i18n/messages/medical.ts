import { defineMessages } from '../translate';

/** Medische gegevens en bijzonderheden. */
export const medicalMessages = defineMessages(
  {
    'medical.field.allergies': 'Allergieën',
    'medical.field.diet': 'Dieet',
    'medical.field.medication': 'Medicatie',
    'medical.field.otherParticulars': 'Overige bijzonderheden',
  },
  {
    'medical.field.allergies': 'Allergies',
    'medical.field.diet': 'Diet',
    'medical.field.medication': 'Medication',
    'medical.field.otherParticulars': 'Other particulars',
  },
);
