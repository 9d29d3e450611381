/** Tussenvoegsels that start a Dutch surname ("van der", "de", "in 't"). */
const PREFIX_WORDS = new Set(['van', 'de', 'der', 'den', 'het', "'t", 'te', 'ten', 'ter', 'in', 'op', 'aan', 'bij', 'uit', 'vd', 'v.d.', 'von', 'la', 'le', 'du', 'da', 'di', 'dos', 'das']);

export interface SplitName {
  firstName: string;
  surnamePrefix: string;
  surname: string;
}

/** "van der Berg" → prefix "van der", surname "Berg"; the last word always stays the surname. */
export function splitSurname(text: string): { surnamePrefix: string; surname: string } {
  const words = text.trim().split(/\s+/).filter(Boolean);
  let i = 0;
  while (i < words.length - 1 && PREFIX_WORDS.has(words[i]!.toLowerCase())) i++;
  return { surnamePrefix: words.slice(0, i).join(' '), surname: words.slice(i).join(' ') };
}

/**
 * A best guess at voornaam / tussenvoegsel / achternaam from the one name field of a waiting-list
 * request ("Sanne de Boer"). The manager checks it on the placement form.
 */
export function splitFullName(full: string): SplitName {
  const words = full.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { firstName: '', surnamePrefix: '', surname: '' };
  if (words.length === 1) return { firstName: '', surnamePrefix: '', surname: words[0]! };
  return { firstName: words[0]!, ...splitSurname(words.slice(1).join(' ')) };
}
