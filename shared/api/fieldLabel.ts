import { translate, type MessageKey } from '../i18n/translate';

/** A field's label in the catalogue (`<area>.field.<name>`). */
export type FieldLabelKey = Extract<MessageKey, `${string}.field.${string}`>;

/**
 * The label the field validators (`text`, `IsoDate`, `optionalText`, `optionalDate`, `required`)
 * get for a field. They put the label into their message as given, so this is its Dutch text;
 * once they take label keys (and translate them with the message), it can be the key itself.
 */
export const fieldLabel = (key: FieldLabelKey): string => translate({ key });
