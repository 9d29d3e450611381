/**
 * Group names (issue 17): a name is stored trimmed, with inner runs of spaces made one; two names
 * are the same group when they are equal after that and case-folding ("Dreumesen" and
 * "dreumesen " cannot both exist).
 */
export const tidyGroupName = (name: string) => name.trim().replace(/\s+/g, ' ');

export const groupNameKey = (name: string) => tidyGroupName(name).normalize('NFC').toLocaleLowerCase('nl-NL');
