/**
 * Password rule (NIST SP 800-63B style): length and a block list beat composition rules.
 * Returns a Dutch message for the first rule broken, or null when the password is acceptable.
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

export function passwordProblem(password: string, context: { username?: string; name?: string } = {}): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) {
    return `Het wachtwoord moet minstens ${MIN_PASSWORD_LENGTH} tekens lang zijn.`;
  }
  if (password.length > 256) return 'Het wachtwoord mag hoogstens 256 tekens lang zijn.';
  if (new Set(password).size < 5) return 'Het wachtwoord bevat te weinig verschillende tekens.';
  const lower = password.toLowerCase();
  const compact = lower.replace(/[^a-z0-9]/g, '');
  if (COMMON.some((word) => compact.includes(word) && compact.length - word.length < 6)) {
    return 'Dit wachtwoord is te makkelijk te raden. Kies een langere zin of combinatie van woorden.';
  }
  const username = context.username?.trim().toLowerCase();
  if (username && username.length >= 3 && lower.includes(username)) {
    return 'Het wachtwoord mag de gebruikersnaam niet bevatten.';
  }
  const nameParts = (context.name ?? '').toLowerCase().split(/\s+/).filter((part) => part.length >= 3);
  if (nameParts.some((part) => lower.includes(part))) return 'Het wachtwoord mag uw naam niet bevatten.';
  return null;
}
