import type { TestBackend } from './backend';

/** Valid test BSNs (elfproef) — fictional, used throughout the tests. */
export const BSN = { parent: '111222333', child: '123456782', other: '100000009' };

export const HOUSEHOLD = {
  street: 'Dorpsstraat',
  houseNumber: '12a',
  postcode: '1234ab',
  city: 'Vianen',
  iban: 'nl91 abna 0417 1643 00',
  ibanHolder: 'S. de Boer',
  parents: [
    { firstName: 'Sanne', initials: 'S.', surnamePrefix: 'de', surname: 'Boer', email: 'Sanne@Example.nl', phone: '06 12345678', bsn: BSN.parent, hasParentalAuthority: true, isContractParent: true },
    { firstName: 'Joris', initials: 'J.', surnamePrefix: null, surname: 'Bakker', email: null, phone: '06 87654321', bsn: null, hasParentalAuthority: true, isContractParent: false },
  ],
};

/** The id of the group with this name on the Groepen list, made (dagopvang, 0–4 years, 16 places) when there is none. */
export async function groupId(backend: TestBackend, name = 'Rupsjes'): Promise<string> {
  const found = (await backend.ok('groups.list', {})).find((g) => g.name === name);
  if (found) return found.id;
  return (await backend.ok('groups.create', { name, careType: 'dagopvang', ageFromMonths: 0, ageToMonths: 48, capacity: 16 })).id;
}

export async function createFamily(backend: TestBackend) {
  const household = await backend.ok('households.create', HOUSEHOLD);
  const child = await backend.ok('children.create', {
    householdId: household.id,
    firstName: 'Zoë',
    initials: 'Z.',
    surnamePrefix: 'de',
    surname: 'Boer',
    birthDate: '2023-04-15',
    groupId: await groupId(backend, 'Rupsjes'),
    bsn: BSN.child,
  });
  return { household, child };
}

const STAFF = { name: 'Bert Jansen', username: 'bert', password: 'Regenboog-Stoel-77', roles: ['staff' as const] };

/** Adds a staff user, switches the session to them (password already changed). */
export async function loginAsStaff(backend: TestBackend) {
  await backend.ok('users.create', STAFF);
  await backend.ok('auth.lock', { reason: 'user' });
  await backend.ok('auth.login', { username: STAFF.username, password: STAFF.password });
  await backend.ok('auth.changePassword', { currentPassword: STAFF.password, newPassword: 'Zeilboot-Haven-123' });
}

/** A second, unrelated family: documents of the first family must never contain any of this. */
export const OTHER_FAMILY = {
  household: {
    street: 'Kerkweg',
    houseNumber: '7',
    postcode: '3511 AB',
    city: 'Utrecht',
    iban: null,
    ibanHolder: null,
    parents: [{ firstName: 'Fatima', initials: 'F.', surnamePrefix: null, surname: 'El Amrani', email: 'fatima@voorbeeld.nl', phone: '06 11112222', bsn: BSN.other, hasParentalAuthority: true, isContractParent: true }],
  },
  child: { firstName: 'Yusuf', initials: 'Y.', surnamePrefix: null, surname: 'El Amrani', birthDate: '2022-09-01', bsn: null },
};

export async function createOtherFamily(backend: TestBackend) {
  const household = await backend.ok('households.create', OTHER_FAMILY.household);
  const child = await backend.ok('children.create', { householdId: household.id, ...OTHER_FAMILY.child, groupId: await groupId(backend, 'Rupsjes') });
  return { household, child };
}
