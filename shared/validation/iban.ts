/** IBAN (ISO 13616): mod-97 = 1. Dutch IBANs: NL + 2 check digits + 4 letters (bank) + 10 digits. */
export function ibanMod97(iban: string): number {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const value = /[A-Z]/.test(char) ? String(char.charCodeAt(0) - 55) : char;
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder;
}

/** Returns the IBAN in compact upper case (`NL91ABNA0417164300`), or null when invalid. */
export function normaliseIban(input: string): string | null {
  const compact = input.replace(/\s+/g, '').toUpperCase();
  if (!/^NL[0-9]{2}[A-Z]{4}[0-9]{10}$/.test(compact)) return null;
  return ibanMod97(compact) === 1 ? compact : null;
}

/** `NL91 ABNA 0417 1643 00` for display and print. */
export function formatIban(iban: string): string {
  return iban.replace(/(.{4})/g, '$1 ').trim();
}
