import { expect } from 'vitest';
import { makeBackend, MANAGER, setUpLocation, tempDir, type TestBackend } from './backend';
import { groupId } from './clients';

/**
 * Retention test helpers (issue 9 and 14): a clock the test moves, the login run, and a family
 * with data in every table, each datum a canary string that must be gone after destruction.
 */

/** A clock the test moves; the backend never reads the system time for retention. */
export function movableClock(start: string) {
  let now = new Date(`${start}T10:00:00Z`);
  return { now: () => now, set: (date: string) => (now = new Date(`${date}T10:00:00Z`)) };
}

export async function newBackend(start = '2026-01-10') {
  const clock = movableClock(start);
  const backend = makeBackend(tempDir(), { now: clock.now });
  await setUpLocation(backend);
  return { backend, clock };
}

/**
 * Moves the clock and logs in again (a jump of years idles the session out): the start-up run
 * happens then, once per day, for what is past due.
 */
export async function moveClock(backend: TestBackend, clock: ReturnType<typeof movableClock>, date: string) {
  clock.set(date);
  await backend.call('auth.lock', { reason: 'user' });
  await backend.ok('auth.login', { username: MANAGER.username, password: MANAGER.password });
  // The start-up run is queued right behind the login; any call waits for it (as the UI's notice query does).
  await backend.ok('retention.notice', {});
}

/** Strings that occur only in the person to destroy. */
export const CANARY = {
  street: 'Kanarieplein',
  parent: 'Karmijnzwavel',
  email: 'karmijn@kanariepost.nl',
  child: 'Pluimpjekanarie',
  allergy: 'Kanariezaadallergie',
  pickup: 'Oma Kanarievogel',
  school: 'Basisschool De Kanarie',
  bsnParent: '111222333',
  bsnChild: '123456782',
  statement: 'Kanarieverklaring van de ouder',
};

export async function familyWithEverything(backend: TestBackend) {
  const household = await backend.ok('households.create', {
    street: CANARY.street,
    houseNumber: '7',
    postcode: '1234 AB',
    city: 'Vianen',
    iban: 'NL91ABNA0417164300',
    ibanHolder: CANARY.parent,
    parents: [{ firstName: CANARY.parent, initials: 'K.', surnamePrefix: null, surname: 'Geelvink', email: CANARY.email, phone: '06 12345678', bsn: CANARY.bsnParent, hasParentalAuthority: true, isContractParent: true }],
  });
  const child = await backend.ok('children.create', { householdId: household.id, firstName: CANARY.child, initials: 'P.', surnamePrefix: null, surname: 'Geelvink', birthDate: '2022-03-01', groupId: await groupId(backend, 'Rupsjes'), bsn: CANARY.bsnChild });
  const parentId = household.parents[0]!.id;
  const contract = await backend.ok('contracts.create', { childId: child.id, careType: 'dagopvang', days: ['ma', 'di'], hoursPerWeek: 18, startDate: '2024-01-08', endDate: null });
  await backend.ok('bsn.recordCheck', { subject: 'child', id: child.id, method: 'svb_letter', checkedOn: '2024-01-08' });
  await backend.ok('medical.update', { childId: child.id, allergies: CANARY.allergy, diet: null, medication: null, otherParticulars: null });
  await backend.ok('pickup.addPerson', { childId: child.id, name: CANARY.pickup, relation: 'Oma', phone: null, validUntil: null });
  await backend.ok('pickup.recordIdentification', { childId: child.id, collectorName: CANARY.pickup, method: 'parent_called' });
  await backend.ok('consents.record', { childId: child.id, parentId, decidedOn: '2024-01-08', channel: 'email', answers: [{ purpose: 'nieuwsbrief', given: true, recognisable: false }] });
  await backend.ok('exchange.create', { childId: child.id, parentId, recipientName: CANARY.school, recipientType: 'school', purpose: 'Overdracht', dataDescription: 'Overdrachtsformulier', validUntil: '2025-12-31', givenOn: '2024-01-08', written: true });
  await backend.ok('disclosures.export', { params: { kind: 'ggd', date: '2025-06-02' }, format: 'csv' });
  await backend.ok('marketing.addOptOut', { email: CANARY.email, requestedOn: '2025-01-06', how: 'email' });
  // An AVG-verzoek with a rectification: the old value stays in its history until the household goes.
  const request = await backend.ok('requests.create', { kind: 'rectification', subjectType: 'child', subjectId: child.id, requesterParentId: parentId, receivedOn: '2025-01-06', identityMethod: 'known_in_person' });
  await backend.ok('requests.rectify', { id: request.id, changes: [{ target: 'child', targetId: child.id, field: 'initials', value: 'Q.' }], statement: CANARY.statement });
  return { household, child, contract };
}

export async function endContract(backend: TestBackend, contract: { id: string; careType: 'dagopvang' | 'bso' | 'peuteropvang'; days: ('ma' | 'di' | 'wo' | 'do' | 'vr')[]; hoursPerWeek: number; startDate: string }, endDate: string) {
  await backend.ok('contracts.update', { id: contract.id, careType: contract.careType, days: contract.days, hoursPerWeek: contract.hoursPerWeek, startDate: contract.startDate, endDate });
}

export async function runAll(backend: TestBackend, items: { category: 'household' | 'applicant' | 'employee' | 'complaint'; id: string }[]) {
  const { runId } = await backend.ok('retention.startRun', {});
  await backend.ok('retention.destroy', { runId, items });
  return backend.ok('retention.finishRun', { runId });
}

/** Every user table and every text cell in it: the id of a destroyed record must be nowhere but the audit chain. */
export function tablesMentioning(backend: TestBackend, needle: string): string[] {
  const sqlite = backend.core.sqlite();
  const tables = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map((t) => t.name);
  expect(tables.length).toBeGreaterThan(30);
  return tables.filter((table) => {
    const rows = sqlite.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[];
    return rows.some((row) => Object.values(row).some((v) => typeof v === 'string' && v.includes(needle)));
  });
}
