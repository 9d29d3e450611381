import { defineMessages } from '../translate';

/** Children. */
export const childrenMessages = defineMessages(
  {
    'children.notFound': 'Dit kind bestaat niet (meer).',
    'children.field.group': 'Groep',
  },
  {
    'children.notFound': 'This child does not exist (any more).',
    'children.field.group': 'Group',
  },
);
