import { describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { destroyCase } from '../../electron/backend/modules/meldcode/meldcode.service';
import { subjectRows } from '../../electron/backend/modules/requests/subjectRows';
import { MANAGER, makeBackend, setUpLocation, tempDir, type TestBackend } from '../helpers/backend';
import { createFamily, groupId } from '../helpers/clients';
import { readPdf } from '../helpers/pdf';
import { containsText, decryptDatabaseFile } from '../helpers/sqlcipher';

/** A backend whose "today" is fixed by the test (never the wall clock). */
async function location(today = '2026-11-25') {
  const clock = { now: new Date(`${today}T10:00:00Z`) };
  const backend = makeBackend(tempDir(), { now: () => clock.now });
  await setUpLocation(backend);
  return backend;
}

/** Strings only the erased person's rows hold. */
const CANARY = { notes: 'Kanarie-Wachtlijst-7731', child: 'Kanariekind', parentEmail: 'kanarie@wachtlijst.nl', meldcode: 'Kanarie-Meldcode-5519' };

/** A waiting-list entry placed as a child whose contract ended long ago (2016–2018). */
async function placedChild(backend: TestBackend) {
  const entry = await backend.ok('waitlist.create', {
    parentName: 'Karin Kanarie',
    parentEmail: CANARY.parentEmail,
    parentPhone: null,
    childFirstName: CANARY.child,
    childSurname: 'Geel',
    childBirthDate: '2014-02-01',
    expectedDate: null,
    careType: 'dagopvang',
    desiredDays: ['ma'],
    desiredStartDate: '2016-01-04',
    notes: CANARY.notes,
  });
  const placed = await backend.ok('waitlist.place', {
    id: entry.id,
    household: {
      street: 'Geelstraat',
      houseNumber: '9',
      postcode: '3511 CD',
      city: 'Utrecht',
      iban: null,
      ibanHolder: null,
      parents: [{ firstName: 'Karin', surname: 'Geel', email: 'karin@geel.nl', phone: null, bsn: null, hasParentalAuthority: true, isContractParent: true }],
    },
    child: { firstName: CANARY.child, surname: 'Geel', birthDate: '2014-02-01', groupId: await groupId(backend, 'Rupsjes'), bsn: null },
    contract: { careType: 'dagopvang', days: ['ma'], hoursPerWeek: 10, startDate: '2016-01-04', endDate: '2018-12-31' },
  });
  const household = await backend.ok('households.get', { id: placed.householdId });
  return { entryId: entry.id, childId: placed.childId, householdId: placed.householdId, parentId: household.parents[0]!.id };
}

/** A sync conflict as the sync engine stores it: both copies of the row (here: with its data). */
function conflictCopy(backend: TestBackend, entity: string, entityId: string, payload: string) {
  backend.core
    .sqlite()
    .prepare(`INSERT INTO sync_conflicts (id, kind, entity, entity_id, local_payload, server_payload, server_version, reason, created_at, resolved_at, resolved_by, resolution) VALUES (?, 'conflict', ?, ?, ?, ?, 1, NULL, ?, NULL, NULL, NULL)`)
    .run(uuidv7(), entity, entityId, payload, payload, '2026-11-25T10:00:00.000Z');
}

function decryptedBytes(backend: TestBackend): Buffer {
  backend.core.sqlite().pragma('wal_checkpoint(TRUNCATE)');
  return decryptDatabaseFile(backend.core.dbFile, Buffer.from(backend.core.dbKey()));
}

const request = (backend: TestBackend, input: { kind: 'access' | 'erasure'; subjectType: 'parent' | 'child'; subjectId: string; requesterParentId: string }) =>
  backend.ok('requests.create', { receivedOn: '2026-11-20', identityMethod: 'id_shown', description: null, ...input });

describe('a person’s rows, found through the data map', () => {
  it('reach every table with a path to the child: the waiting-list entry too, and nothing of another family', async () => {
    const backend = await location();
    const { childId } = await placedChild(backend);
    const other = await createFamily(backend);
    await backend.ok('medical.update', { childId: other.child.id, allergies: 'Lactose', diet: null, medication: null, otherParticulars: null });

    const rows = await subjectRows(backend.core.db(), 'child', childId);
    const tables = [...new Set(rows.map((r) => r.table))];
    expect(tables).toEqual(expect.arrayContaining(['children', 'contracts', 'tasks', 'waitlist_entries']));
    const entry = rows.find((r) => r.table === 'waitlist_entries')!;
    expect(entry.values).toMatchObject({ notes: CANARY.notes, parent_email: CANARY.parentEmail, status: 'geplaatst' });
    expect(JSON.stringify(rows)).not.toContain('Lactose');
    expect(JSON.stringify(rows)).not.toContain(other.child.id);
  });
});

describe('access report and erasure derived from the data map', () => {
  it('the access report reads the waiting-list entry; erasure erases it (not only unlinks it) and leaves no conflict copy, outbox payload or canary', async () => {
    const backend = await location();
    const { entryId, childId, householdId, parentId } = await placedChild(backend);
    // Copies the sync engine kept of the child and its entry (a conflict that was never resolved).
    conflictCopy(backend, 'children', childId, JSON.stringify({ id: childId, first_name: CANARY.child }));
    conflictCopy(backend, 'waitlist_entries', entryId, JSON.stringify({ id: entryId, notes: CANARY.notes }));
    for (const canary of Object.values(CANARY).slice(0, 3)) expect(containsText(decryptedBytes(backend), canary), canary).toBe(true);

    const access = await request(backend, { kind: 'access', subjectType: 'child', subjectId: childId, requesterParentId: parentId });
    const report = readPdf(await backend.ok('requests.accessReport', { id: access.id })).replace(/\s+/g, ' ');
    expect(report).toContain('Wachtlijstaanvraag (naam en contactgegevens van de ouder');
    expect(report).toContain(CANARY.notes);
    expect(report).toContain(CANARY.parentEmail);

    const erasure = await request(backend, { kind: 'erasure', subjectType: 'child', subjectId: childId, requesterParentId: parentId });
    const preview = await backend.ok('requests.erasurePreview', { id: erasure.id });
    expect(preview.categories.find((c) => c.category === 'waitlist')).toMatchObject({ erasableNow: true });
    expect(preview.categories.every((c) => c.erasableNow)).toBe(true);
    expect(await backend.ok('requests.erase', { id: erasure.id })).toMatchObject({ outcome: 'granted' });

    // Through the API: the child and its waiting-list entry are gone; the household (its parent) stays.
    expect((await backend.err('children.get', { id: childId })).code).toBe('NOT_FOUND');
    expect((await backend.ok('waitlist.list', {})).map((e) => e.id)).not.toContain(entryId);
    expect((await backend.ok('households.get', { id: householdId })).children).toEqual([]);

    const db = backend.core.db();
    expect(await db.selectFrom('waitlist_entries').selectAll().execute()).toEqual([]);
    expect(await db.selectFrom('sync_conflicts').selectAll().execute()).toEqual([]);
    const queued = await db.selectFrom('outbox').select(['entity', 'entity_id', 'op', 'payload']).execute();
    for (const canary of Object.values(CANARY)) expect(queued.filter((q) => q.payload?.includes(canary)), canary).toEqual([]);
    expect(queued.some((q) => q.entity === 'waitlist_entries' && q.entity_id === entryId && q.op === 'delete')).toBe(true);
    const bytes = decryptedBytes(backend);
    for (const canary of Object.values(CANARY)) expect(containsText(bytes, canary), canary).toBe(false);
  });

  it('erasing a parent’s e-mail and phone clears them, their conflict copies and their old values', async () => {
    const backend = await location();
    const { household, child } = await createFamily(backend);
    await backend.ok('contracts.create', { childId: child.id, careType: 'dagopvang', days: ['ma'], hoursPerWeek: 9, startDate: '2016-01-04', endDate: '2026-01-31' });
    const parent = household.parents.find((p) => p.isContractParent)!;
    conflictCopy(backend, 'parents', parent.id, JSON.stringify({ id: parent.id, email: 'sanne@example.nl' }));
    expect(containsText(decryptedBytes(backend), 'sanne@example.nl')).toBe(true);
    const erasure = await request(backend, { kind: 'erasure', subjectType: 'parent', subjectId: parent.id, requesterParentId: parent.id });
    const preview = await backend.ok('requests.erasurePreview', { id: erasure.id });
    // Contract 2016–2026-01-31: e-mail and phone went 3 months later; name, address and BSN stay 7 years.
    expect(preview.categories.find((c) => c.category === 'parent_contact')).toMatchObject({ erasableNow: true });
    expect(preview.categories.find((c) => c.category === 'parent_identity')).toMatchObject({ erasableNow: false, keptUntil: '2033-01-31' });
    await backend.ok('requests.erase', { id: erasure.id });
    const after = await backend.ok('households.get', { id: household.id });
    expect(after.parents.find((p) => p.id === parent.id)).toMatchObject({ surname: 'Boer', email: null, phone: null });
    expect(await backend.core.db().selectFrom('sync_conflicts').selectAll().execute()).toEqual([]);
    expect(containsText(decryptedBytes(backend), 'sanne@example.nl')).toBe(false);
  });
  it('a household nobody is left in goes with its last person; the request register entry stays', async () => {
    const backend = await location();
    const household = await backend.ok('households.create', {
      street: 'Kanarieweg',
      houseNumber: '1',
      postcode: '4131 NN',
      city: 'Vianen',
      iban: 'NL91ABNA0417164300',
      ibanHolder: 'K. Alleen',
      parents: [{ firstName: 'Kees', initials: null, surnamePrefix: null, surname: 'Alleen', email: 'kees@alleen.nl', phone: null, bsn: null, hasParentalAuthority: true, isContractParent: true }],
    });
    const parent = household.parents[0]!;
    expect(containsText(decryptedBytes(backend), 'Kanarieweg')).toBe(true);
    const erasure = await request(backend, { kind: 'erasure', subjectType: 'parent', subjectId: parent.id, requesterParentId: parent.id });
    // Never a contract: no bewaarplicht, everything may go.
    expect((await backend.ok('requests.erasurePreview', { id: erasure.id })).categories.every((c) => c.erasableNow)).toBe(true);
    expect(await backend.ok('requests.erase', { id: erasure.id })).toMatchObject({ outcome: 'granted' });
    expect((await backend.err('households.get', { id: household.id })).code).toBe('NOT_FOUND');
    const db = backend.core.db();
    const queued = await db.selectFrom('outbox').select(['entity', 'entity_id', 'op']).where('op', '=', 'delete').execute();
    expect(queued).toEqual(expect.arrayContaining([expect.objectContaining({ entity: 'households', entity_id: household.id }), expect.objectContaining({ entity: 'parents', entity_id: parent.id })]));
    expect(await db.selectFrom('subject_requests').select(['id', 'status']).execute()).toEqual([{ id: erasure.id, status: 'closed' }]);
    const bytes = decryptedBytes(backend);
    for (const canary of ['Kanarieweg', 'kees@alleen.nl']) expect(containsText(bytes, canary), canary).toBe(false);
  });
});

describe('destroyCase', () => {
  it('takes the sync-conflict copies of the case and its entries along', async () => {
    const backend = await location();
    const { child } = await createFamily(backend);
    const setup = await backend.ok('app.status', {});
    await backend.ok('users.update', { id: setup.session!.userId, name: MANAGER.name, roles: ['manager', 'meldcodeOfficer'] });
    const file = await backend.ok('meldcode.open', { route: 'huiselijk', childId: child.id, openedOn: '2026-10-01' });
    const entry = await backend.ok('meldcode.addEntry', { caseId: file.id, kind: 'signal', occurredOn: '2026-10-01', payload: { observation: CANARY.meldcode, observedBy: 'Petra' } });
    const entryId = (entry as { entries?: { id: string }[] }).entries?.[0]?.id ?? (await backend.core.db().selectFrom('meldcode_entries').select('id').executeTakeFirstOrThrow()).id;
    conflictCopy(backend, 'meldcode_cases', file.id, JSON.stringify({ id: file.id, closing_summary: CANARY.meldcode }));
    conflictCopy(backend, 'meldcode_entries', entryId, JSON.stringify({ id: entryId, payload: CANARY.meldcode }));

    await backend.core.transaction((trx) => destroyCase(trx, file.id, backend.core.now()));
    const db = backend.core.db();
    expect(await db.selectFrom('sync_conflicts').selectAll().execute()).toEqual([]);
    expect(await db.selectFrom('meldcode_entries').selectAll().execute()).toEqual([]);
    expect((await db.selectFrom('outbox').select('payload').execute()).filter((q) => q.payload?.includes(CANARY.meldcode))).toEqual([]);
    expect(containsText(decryptedBytes(backend), CANARY.meldcode)).toBe(false);
  });
});
