import { describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { makeBackend, setUpLocation, type TestBackend } from '../helpers/backend';
import { HOUSEHOLD, loginAsStaff } from '../helpers/clients';
import { weekdayOnOrBefore } from '../helpers/dates';
import { readPdf } from '../helpers/pdf';

const DREUMESEN = { name: 'Dreumesen', careType: 'dagopvang', ageFromMonths: 12, ageToMonths: 30, capacity: 12 } as const;

async function location() {
  const backend = makeBackend();
  await setUpLocation(backend);
  return backend;
}

const count = (backend: TestBackend, sql: string, ...params: unknown[]) => (backend.core.sqlite().prepare(sql).get(...params) as { n: number }).n;

/** A child of a new household in the given group, with a running contract (so it is on the fotolijst and the GGD list). */
async function childIn(backend: TestBackend, groupId: string, firstName = 'Zoë') {
  const household = await backend.ok('households.create', HOUSEHOLD);
  const child = await backend.ok('children.create', { householdId: household.id, firstName, initials: 'Z.', surnamePrefix: 'de', surname: 'Boer', birthDate: '2023-04-15', groupId, bsn: null });
  await backend.ok('contracts.create', { childId: child.id, careType: 'dagopvang', days: ['ma', 'di', 'wo', 'do', 'vr'], hoursPerWeek: 40, startDate: '2024-01-01', endDate: null });
  return child;
}

describe('groups as a managed list (Groepen)', () => {
  it('a typo cannot make a second group: names are unique after trimming and case-folding, with a Dutch message at the field', async () => {
    const backend = await location();
    const dreumesen = await backend.ok('groups.create', { ...DREUMESEN, name: '  Dreumesen ' });
    expect(dreumesen).toMatchObject({ name: 'Dreumesen', careType: 'dagopvang', ageFromMonths: 12, ageToMonths: 30, capacity: 12, archived: false, children: 0, possibleDuplicates: [] });
    for (const typo of ['dreumesen ', 'DREUMESEN', 'Dreumesen']) {
      const error = await backend.err('groups.create', { ...DREUMESEN, name: typo });
      expect(error.code).toBe('VALIDATION');
      expect(error.details?.name).toBe('Er is al een groep “Dreumesen”. Kies die groep of een andere naam.');
    }
    // Renaming another group to it is refused the same way.
    const peuters = await backend.ok('groups.create', { ...DREUMESEN, name: 'Peuters' });
    const rename = await backend.err('groups.update', { ...DREUMESEN, id: peuters.id, name: 'dreumesen' });
    expect(rename.details?.name).toBe('Er is al een groep “Dreumesen”. Kies die groep of een andere naam.');
    expect((await backend.ok('groups.list', {})).map((g) => g.name)).toEqual(['Dreumesen', 'Peuters']);

    // The child's group is picked from the list: free text is no group.
    const household = await backend.ok('households.create', HOUSEHOLD);
    const typed = await backend.err('children.create', { householdId: household.id, firstName: 'Mats', surname: 'Boer', birthDate: '2024-01-02', groupId: 'dreumesen ' });
    expect(typed.details?.groupId).toBe('Kies een groep.');
    const unknown = await backend.err('children.create', { householdId: household.id, firstName: 'Mats', surname: 'Boer', birthDate: '2024-01-02', groupId: uuidv7() });
    expect(unknown.details?.groupId).toBe('Kies een groep.');
  });

  it('checks the age range and capacity at the field', async () => {
    const backend = await location();
    const error = await backend.err('groups.create', { ...DREUMESEN, ageFromMonths: 30, ageToMonths: 12, capacity: 0 });
    expect(error.details?.ageToMonths).toBe('De leeftijd tot moet hoger zijn dan de leeftijd vanaf.');
    expect(error.details?.capacity).toBe('Vul een aantal plaatsen tussen 1 en 100 in.');
  });

  it('a rename in one place shows everywhere: child, household, children list, fotolijst (screen and PDF), GGD list, dashboard', async () => {
    const backend = await location();
    const group = await backend.ok('groups.create', DREUMESEN);
    const child = await childIn(backend, group.id);
    await backend.ok('groups.update', { ...DREUMESEN, id: group.id, name: 'Dreumesen Oost' });

    expect((await backend.ok('children.get', { id: child.id })).groupName).toBe('Dreumesen Oost');
    expect((await backend.ok('households.get', { id: child.householdId })).children[0]!.groupName).toBe('Dreumesen Oost');
    expect((await backend.ok('children.list', { groupId: group.id })).rows.map((r) => [r.displayName, r.groupName])).toEqual([['Zoë de Boer', 'Dreumesen Oost']]);
    expect((await backend.ok('consents.roster', { groupId: group.id, purpose: 'nieuwsbrief' })).groupName).toBe('Dreumesen Oost');
    expect(readPdf(await backend.ok('consents.rosterPdf', { groupId: group.id, purpose: 'nieuwsbrief' }))).toContain('Fotolijst Dreumesen Oost');
    // The GGD list is per day of attendance: take a weekday, whatever day the test runs on.
    const friday = weekdayOnOrBefore(backend.core.today(), 'vr');
    const ggd = await backend.ok('disclosures.preview', { kind: 'ggd', date: friday, groupId: group.id });
    expect(ggd.rows.map((r) => r[0])).toEqual(['Zoë']);
    expect((await backend.ok('dashboard.get', {})).groups).toEqual([{ groupId: group.id, groupName: 'Dreumesen Oost', capacity: 12, children: 1, activeContracts: 1 }]);
    // The change is one row: the children did not change, head office gets the group.
    expect(count(backend, "SELECT count(*) AS n FROM outbox WHERE entity = 'groups' AND entity_id = ?", group.id)).toBe(2);
  });

  it('a group with children is archived instead of deleted: the children keep it, new children cannot be put in it; an empty group is deleted', async () => {
    const backend = await location();
    const group = await backend.ok('groups.create', DREUMESEN);
    const child = await childIn(backend, group.id);
    expect(await backend.ok('groups.remove', { id: group.id })).toEqual({ outcome: 'archived' });
    expect((await backend.ok('groups.list', {}))[0]).toMatchObject({ id: group.id, archived: true, children: 1 });
    expect((await backend.ok('children.get', { id: child.id })).groupName).toBe('Dreumesen');
    // Editing the child keeps its archived group; putting another child in it is refused.
    await backend.ok('children.update', { id: child.id, firstName: 'Zoë', initials: 'Z.', surnamePrefix: 'de', surname: 'Boer', birthDate: '2023-04-15', groupId: group.id });
    const refused = await backend.err('children.create', { householdId: child.householdId, firstName: 'Mats', surname: 'Boer', birthDate: '2024-01-02', groupId: group.id });
    expect(refused.details?.groupId).toBe('Groep “Dreumesen” is gearchiveerd. Kies een groep uit de lijst.');
    await backend.ok('groups.restore', { id: group.id });
    expect((await backend.ok('groups.list', {}))[0]!.archived).toBe(false);

    const empty = await backend.ok('groups.create', { ...DREUMESEN, name: 'Leeg' });
    expect(await backend.ok('groups.remove', { id: empty.id })).toEqual({ outcome: 'deleted' });
    expect((await backend.ok('groups.list', {})).map((g) => g.name)).toEqual(['Dreumesen']);
    expect(count(backend, "SELECT count(*) AS n FROM outbox WHERE entity = 'groups' AND entity_id = ? AND op = 'delete'", empty.id)).toBe(1);
  });

  it('duplicates carried over from free text show as "mogelijk dubbel"; the manager merges them, audited, and every child moves', async () => {
    const backend = await location();
    const kept = await backend.ok('groups.create', DREUMESEN);
    // What migration 0021 leaves when "Dreumesen" and "dreumesen" were both typed: two groups (written as the migration does).
    const sqlite = backend.core.sqlite();
    const twinId = uuidv7();
    const locationId = (sqlite.prepare('SELECT id FROM location').get() as { id: string }).id;
    sqlite.prepare("INSERT INTO groups (id, location_id, name, created_at, updated_at) VALUES (?, ?, 'dreumesen', '2026-01-01', '2026-01-01')").run(twinId, locationId);
    const a = await childIn(backend, kept.id, 'Anna');
    const b = await childIn(backend, twinId, 'Bram');

    const list = await backend.ok('groups.list', {});
    expect(list.map((g) => [g.name, g.children, g.possibleDuplicates.map((d) => d.name)])).toEqual([
      ['Dreumesen', 1, ['dreumesen']],
      ['dreumesen', 1, ['Dreumesen']],
    ]);
    // The dashboard still counts them apart until the manager confirms.
    expect((await backend.ok('dashboard.get', {})).groups.map((g) => g.children)).toEqual([1, 1]);

    const merged = await backend.ok('groups.merge', { fromId: twinId, intoId: kept.id });
    expect(merged).toMatchObject({ id: kept.id, name: 'Dreumesen', children: 2, possibleDuplicates: [] });
    expect((await backend.ok('groups.list', {})).map((g) => g.name)).toEqual(['Dreumesen']);
    for (const child of [a, b]) expect((await backend.ok('children.get', { id: child.id })).groupId).toBe(kept.id);
    expect((await backend.ok('consents.roster', { groupId: kept.id, purpose: 'nieuwsbrief' })).no.map((c) => c.name)).toEqual(['Anna de Boer', 'Bram de Boer']);
    const audit = sqlite.prepare("SELECT entity, entity_id, details FROM audit_log WHERE action = 'groups.merge'").all() as { entity: string; entity_id: string; details: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entity: 'group', entity_id: kept.id });
    expect(JSON.parse(audit[0]!.details)).toMatchObject({ mergedGroupId: twinId, children: 2 });
    // Head office: the moved child and a tombstone for the merged group.
    expect(count(backend, "SELECT count(*) AS n FROM outbox WHERE entity = 'children' AND entity_id = ?", b.id)).toBeGreaterThan(0);
    expect(count(backend, "SELECT count(*) AS n FROM outbox WHERE entity = 'groups' AND entity_id = ? AND op = 'delete' AND payload IS NULL", twinId)).toBe(1);
  });

  it('staff read the list but cannot change it', async () => {
    const backend = await location();
    await backend.ok('groups.create', DREUMESEN);
    await loginAsStaff(backend);
    expect((await backend.ok('groups.list', {})).map((g) => g.name)).toEqual(['Dreumesen']);
    expect((await backend.err('groups.create', { ...DREUMESEN, name: 'Andere' })).code).toBe('FORBIDDEN');
  });

  it('the fotolijst marks a child with recorded allergies, on screen and on paper, without the allergy text', async () => {
    const backend = await location();
    const group = await backend.ok('groups.create', DREUMESEN);
    const allergic = await childIn(backend, group.id, 'Anna');
    await childIn(backend, group.id, 'Bram');
    await backend.ok('medical.update', { childId: allergic.id, allergies: 'Pinda (EpiPen in de tas)', diet: null, medication: null, otherParticulars: null });
    const roster = await backend.ok('consents.roster', { groupId: group.id, purpose: 'nieuwsbrief' });
    expect(roster.no).toEqual([
      { name: 'Anna de Boer', hasAllergies: true },
      { name: 'Bram de Boer', hasAllergies: false },
    ]);
    const text = readPdf(await backend.ok('consents.rosterPdf', { groupId: group.id, purpose: 'nieuwsbrief' }));
    expect(text).toMatch(/Anna de Boer \(allergie\)/);
    expect(text).not.toMatch(/Bram de Boer \(allergie\)/);
    expect(text).toContain('er zijn allergieën vastgelegd');
    expect(text).not.toContain('Pinda');
  });
});
