import { defineMessages } from '../translate';

/** Groepen: the location's groups as a managed list. */
export const groupsMessages = defineMessages(
  {
    'groups.field.name': 'Naam',
    'groups.field.ageFrom': 'Leeftijd vanaf (maanden)',
    'groups.field.ageTo': 'Leeftijd tot (maanden)',
    'groups.field.capacity': 'Aantal plaatsen',
    'groups.wholeMonths': 'Vul een heel aantal maanden in.',
    'groups.ageRange': 'Vul een leeftijd tussen 0 en 216 maanden (18 jaar) in.',
    'groups.ageOrder': 'De leeftijd tot moet hoger zijn dan de leeftijd vanaf.',
    'groups.capacityRange': 'Vul een aantal plaatsen tussen 1 en 100 in.',
    'groups.nameTaken': 'Er is al een groep “{{name}}”. Kies die groep of een andere naam.',
    'groups.nameTakenArchived': 'Er is al een gearchiveerde groep “{{name}}”. Zet die terug of kies een andere naam.',
    'groups.notFound': 'Deze groep bestaat niet (meer).',
    'groups.choose': 'Kies een groep.',
    'groups.archivedChoice': 'Groep “{{name}}” is gearchiveerd. Kies een groep uit de lijst.',
    'groups.mergeSame': 'Kies twee verschillende groepen om samen te voegen.',
    'groups.restoreTaken': 'Er is al een groep “{{name}}”. Voeg de groepen samen in plaats van deze terug te zetten.',
  },
  {
    'groups.field.name': 'Name',
    'groups.field.ageFrom': 'Age from (months)',
    'groups.field.ageTo': 'Age to (months)',
    'groups.field.capacity': 'Places',
    'groups.wholeMonths': 'Enter a whole number of months.',
    'groups.ageRange': 'Enter an age between 0 and 216 months (18 years).',
    'groups.ageOrder': 'The age to must be higher than the age from.',
    'groups.capacityRange': 'Enter a number of places between 1 and 100.',
    'groups.nameTaken': 'There is already a group “{{name}}”. Choose that group or another name.',
    'groups.nameTakenArchived': 'There is already an archived group “{{name}}”. Restore it or choose another name.',
    'groups.notFound': 'This group does not exist (any more).',
    'groups.choose': 'Choose a group.',
    'groups.archivedChoice': 'Group “{{name}}” is archived. Choose a group from the list.',
    'groups.mergeSame': 'Choose two different groups to merge.',
    'groups.restoreTaken': 'There is already a group “{{name}}”. Merge the groups instead of restoring this one.',
  },
);
