import { defineMessages } from '../translate';

/** Datalekken (issue 18). */
export const breachesMessages = defineMessages(
  {
    'breaches.field.whatHappened': 'Wat is er gebeurd',
    'breaches.field.discoveredAt': 'Ontdekt op',
    'breaches.field.occurredOn': 'Gebeurd op',
    'breaches.field.measuresTaken': 'Genomen maatregelen',
    'breaches.discoveredInvalid': 'Vul in wanneer het datalek is ontdekt (datum en tijd).',
    'breaches.discoveredInFuture': 'Het moment van ontdekken ligt in de toekomst.',
    'breaches.occurredAfterDiscovery': 'Het datalek kan niet later gebeurd zijn dan het is ontdekt.',
    'breaches.personCategoriesRequired': 'Kies van wie gegevens zijn gelekt (minstens één groep).',
    'breaches.dataCategoriesRequired': 'Kies welke soorten gegevens zijn gelekt (minstens één).',
    'breaches.personsCount': 'Vul het (geschatte) aantal betrokkenen in: een heel getal van 1 of meer.',
  },
  {
    'breaches.field.whatHappened': 'What happened',
    'breaches.field.discoveredAt': 'Discovered at',
    'breaches.field.occurredOn': 'Happened on',
    'breaches.field.measuresTaken': 'Measures taken',
    'breaches.discoveredInvalid': 'Enter when the breach was discovered (date and time).',
    'breaches.discoveredInFuture': 'The moment of discovery lies in the future.',
    'breaches.occurredAfterDiscovery': 'The breach cannot have happened after it was discovered.',
    'breaches.personCategoriesRequired': 'Choose whose data were leaked (at least one group).',
    'breaches.dataCategoriesRequired': 'Choose which kinds of data were leaked (at least one).',
    'breaches.personsCount': 'Enter the (estimated) number of persons involved: a whole number of 1 or more.',
  },
);
