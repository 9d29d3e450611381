import { defineMessages } from '../translate';

/** Care contracts and the tasks they create (the paper dossier to destroy). */
export const contractsMessages = defineMessages(
  {
    'contracts.notFound': 'Dit contract bestaat niet (meer).',
    'contracts.hoursRequired': 'Vul het aantal uren per week in.',
    'contracts.hoursMin': 'Uren per week: minstens 0,5.',
    'contracts.hoursMax': 'Uren per week: hoogstens 60.',
    'contracts.endBeforeStart': 'De einddatum ligt vóór de begindatum.',
    'contracts.taskNotFound': 'Deze taak bestaat niet (meer).',
    'contracts.taskDone': 'Deze taak is al afgerond.',
    'contracts.field.startDate': 'Begindatum',
    'contracts.field.endDate': 'Einddatum',
  },
  {
    'contracts.notFound': 'This contract does not exist (any more).',
    'contracts.hoursRequired': 'Enter the number of hours per week.',
    'contracts.hoursMin': 'Hours per week: at least 0.5.',
    'contracts.hoursMax': 'Hours per week: at most 60.',
    'contracts.endBeforeStart': 'The end date is before the start date.',
    'contracts.taskNotFound': 'This task does not exist (any more).',
    'contracts.taskDone': 'This task has already been completed.',
    'contracts.field.startDate': 'Start date',
    'contracts.field.endDate': 'End date',
  },
);
