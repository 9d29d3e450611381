import { msg, translate, type MessageRef } from '../i18n/translate';

/**
 * Password rule (NIST SP 800-63B style): length and a block list beat composition rules.
 * `passwordRule` names the first rule broken as a catalogue message, or null when the password is acceptable.
 */
export const MIN_PASSWORD_LENGTH = 12;

const COMMON = [
  'wachtwoord',
  'password',
  'welkom',
  'welcome',
  'qwerty',
  'azerty',
  '123456',
  'letmein',
  'kinderopvang',
  'admin',
];

export function passwordRule(password: string, context: { username?: string; name?: string } = {}): MessageRef | null {
  if (password.length < MIN_PASSWORD_LENGTH) return msg('auth.passwordTooShort', { min: MIN_PASSWORD_LENGTH });
  if (password.length > 256) return msg('auth.passwordTooLong');
  if (new Set(password).size < 5) return msg('auth.passwordTooFewCharacters');
  const lower = password.toLowerCase();
  const compact = lower.replace(/[^a-z0-9]/g, '');
  if (COMMON.some((word) => compact.includes(word) && compact.length - word.length < 6)) return msg('auth.passwordTooEasy');
  const username = context.username?.trim().toLowerCase();
  if (username && username.length >= 3 && lower.includes(username)) return msg('auth.passwordContainsUsername');
  const nameParts = (context.name ?? '').toLowerCase().split(/\s+/).filter((part) => part.length >= 3);
  if (nameParts.some((part) => lower.includes(part))) return msg('auth.passwordContainsName');
  return null;
}

/** The same rule as a Dutch text (the renderer's password forms). */
export function passwordProblem(password: string, context: { username?: string; name?: string } = {}): string | null {
  const rule = passwordRule(password, context);
  return rule ? translate(rule) : null;
}
