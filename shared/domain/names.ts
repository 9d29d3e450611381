/** Dutch names: voornaam, tussenvoegsel ("de", "van der"), achternaam. */
export interface PersonName {
  firstName: string;
  surnamePrefix?: string | null;
  surname: string;
}

export function displayName(p: PersonName): string {
  return [p.firstName, p.surnamePrefix, p.surname].filter(Boolean).join(' ');
}

/** Lower case without diacritics ("Zoë" → "zoe"), so a search for "zoe" or "ZOË" finds her. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export function searchKey(p: PersonName): string {
  return foldForSearch(displayName(p));
}
