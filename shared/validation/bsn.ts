import { msg, translate } from '../i18n/translate';

/**
 * BSN (burgerservicenummer): 9 digits (an 8-digit number gets a leading 0) passing the elfproef:
 * 9·d1 + 8·d2 + 7·d3 + 6·d4 + 5·d5 + 4·d6 + 3·d7 + 2·d8 − 1·d9 is divisible by 11; all zeros is invalid.
 * The schemas refuse with the catalogue key `validation.bsnInvalid`; this is its Dutch text.
 */
export const BSN_MESSAGE = translate(msg('validation.bsnInvalid'));

/** Strips spaces and dots people type, pads 8 digits to 9. Returns null when not 8–9 digits. */
export function normaliseBsn(input: string): string | null {
  const digits = input.replace(/[\s.]/g, '');
  if (!/^[0-9]{8,9}$/.test(digits)) return null;
  return digits.padStart(9, '0');
}

export function elfproef(bsn: string): boolean {
  if (!/^[0-9]{9}$/.test(bsn) || bsn === '000000000') return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(bsn[i]);
  sum -= Number(bsn[8]);
  return sum % 11 === 0;
}

export function isValidBsn(input: string): boolean {
  const bsn = normaliseBsn(input);
  return bsn !== null && elfproef(bsn);
}

/** Shown everywhere instead of the BSN: only the last 3 digits. */
export function maskBsn(bsn: string): string {
  return `••••••${bsn.slice(-3)}`;
}
