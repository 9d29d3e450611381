/**
 * Dutch postcode: 4 digits (not starting with 0) and 2 letters; SA, SD and SS are never issued.
 * Returns the postcode as `1234 AB`, or null when it is not a valid Dutch postcode.
 */
export function normalisePostcode(input: string): string | null {
  const compact = input.replace(/\s+/g, '').toUpperCase();
  const match = /^([1-9][0-9]{3})([A-Z]{2})$/.exec(compact);
  if (!match) return null;
  const letters = match[2]!;
  if (letters === 'SA' || letters === 'SD' || letters === 'SS') return null;
  return `${match[1]} ${letters}`;
}
