/**
 * Translatable messages for errors and validation, shared by backend and renderer. A message is
 * a catalogue key with parameters; the backend renders it in Dutch for logs, the CLI and the
 * envelope's `message`, and sends the key along so the renderer shows it in the chosen language.
 *
 * Catalogue texts use `{{name}}` placeholders. A parameter whose value is itself a catalogue key
 * (e.g. a field label such as `field.receivedOn`) is translated too.
 */
import { MESSAGES, type MessageKey } from './messages';

export type { MessageKey };
export type Language = 'nl' | 'en';
export type MessageParams = Readonly<Record<string, string | number>>;
export interface MessageRef {
  key: MessageKey;
  params?: MessageParams;
}

export const isMessageKey = (value: string): value is MessageKey => Object.hasOwn(MESSAGES, value);

export const msg = (key: MessageKey, params?: MessageParams): MessageRef => (params ? { key, params } : { key });

function interpolate(text: string, params: MessageParams | undefined, language: Language): string {
  if (!params) return text;
  return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'string' && isMessageKey(value) ? MESSAGES[value][language] : String(value);
  });
}

export function translate(ref: MessageRef, language: Language = 'nl'): string {
  return interpolate(MESSAGES[ref.key][language], ref.params, language);
}

/*
 * zod messages are plain strings, so a reference travels encoded in the string: `key` or
 * `key|{"param":"value"}`. `zm()` writes one; `decodeMessage()` reads it back. A string that is
 * not an encoded reference is returned as it is (zod's own locale messages).
 */
const SEPARATOR = '|';

/** A zod message: `.min(1, zm('auth.passwordRequired'))`. */
export const zm = (key: MessageKey, params?: MessageParams): string => (params ? `${key}${SEPARATOR}${JSON.stringify(params)}` : key);

export function decodeMessage(text: string): MessageRef | null {
  const at = text.indexOf(SEPARATOR);
  const key = at === -1 ? text : text.slice(0, at);
  if (!isMessageKey(key)) return null;
  if (at === -1) return { key };
  try {
    const params = JSON.parse(text.slice(at + 1)) as unknown;
    return typeof params === 'object' && params !== null ? { key, params: params as MessageParams } : { key };
  } catch {
    return { key };
  }
}

/** Any message string (encoded reference or literal) in the given language. */
export function localize(text: string, language: Language = 'nl'): string {
  const ref = decodeMessage(text);
  return ref ? translate(ref, language) : text;
}

/** Declares one area's catalogue; the English texts must cover exactly the Dutch keys. */
export function defineMessages<const K extends string>(nl: Record<K, string>, en: NoInfer<Record<K, string>>): Record<K, Record<Language, string>> {
  const out = {} as Record<K, Record<Language, string>>;
  for (const key of Object.keys(nl) as K[]) out[key] = { nl: nl[key], en: en[key] };
  return out;
}
