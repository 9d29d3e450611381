import { describe, expect, it } from 'vitest';
import { complaintDeadline } from '../../shared/domain/complaints';
import { MANAGER, makeBackend, setUpLocation, type TestBackend } from '../helpers/backend';
import { createFamily, createOtherFamily } from '../helpers/clients';
import { readPdf } from '../helpers/pdf';
import { runAll, tablesMentioning } from '../helpers/retention';

/**
 * Issue 16 part 9 — klachten: the received date and the six-week deadline (Wet kinderopvang) on
 * the app's clock, the warning on the Overzicht, the household the complaint concerns (its access
 * report and its destruction follow the data map), and the outcome letter.
 */
async function location(today: string) {
  const clock = { now: new Date(`${today}T10:00:00Z`) };
  const backend = makeBackend(undefined, { now: () => clock.now });
  await setUpLocation(backend);
  // Days pass: the idle lock closes the session, so the manager logs in again.
  const setToday = async (iso: string) => {
    clock.now = new Date(`${iso}T10:00:00Z`);
    await backend.call('app.status', {});
    await backend.ok('auth.login', { username: MANAGER.username, password: MANAGER.password });
  };
  return { backend, setToday };
}

const complaint = (backend: TestBackend, input: { receivedOn: string; subject?: string; householdId?: string | null; complainantName?: string }) =>
  backend.ok('complaints.save', {
    complainantName: 'Sanne de Boer',
    complainantContact: 'sanne@voorbeeld.nl',
    subject: 'Brengtijden',
    description: 'De deur ging om 7.25 uur pas open in plaats van 7.00 uur.',
    handlingNotes: null,
    householdId: null,
    ...input,
  });

describe('the six-week deadline', () => {
  it('is six weeks (42 days) after receipt, also across month ends and a leap day', () => {
    expect(complaintDeadline('2026-01-31')).toBe('2026-03-14');
    expect(complaintDeadline('2026-12-31')).toBe('2027-02-11');
    expect(complaintDeadline('2028-01-20')).toBe('2028-03-02');
    expect(complaintDeadline('2027-01-20')).toBe('2027-03-03');
    expect(complaintDeadline('2026-02-28')).toBe('2026-04-11');
  });

  it('follows the app clock: with today 10 February 2028 a complaint of 31 January counts to 13 March, one dated 11 February is refused in Dutch', async () => {
    const { backend } = await location('2028-02-10');
    const jan31 = await complaint(backend, { receivedOn: '2028-01-31' });
    expect(jan31).toMatchObject({ receivedOn: '2028-01-31', deadline: '2028-03-13', deadlineState: 'ok', status: 'open' });
    const future = await backend.err('complaints.save', { complainantName: 'X', subject: 'S', description: 'D', receivedOn: '2028-02-11' });
    expect(future.code).toBe('VALIDATION');
    expect(future.details?.receivedOn).toBe('Ontvangen op kan niet in de toekomst liggen.');
    expect(await backend.ok('complaints.list', {})).toHaveLength(1);
  });

  it('uses the app clock, not the PC: with today 10 February 2026, 11 February 2026 is in the future', async () => {
    const { backend } = await location('2026-02-10');
    expect((await backend.err('complaints.save', { complainantName: 'X', subject: 'S', description: 'D', receivedOn: '2026-02-11' })).details?.receivedOn).toBe('Ontvangen op kan niet in de toekomst liggen.');
    expect((await backend.err('complaints.save', { complainantName: 'X', subject: 'S', description: 'D', receivedOn: '2026-02-30' })).details?.receivedOn).toMatch(/bestaat niet/);
  });
});

describe('the warning on the Overzicht', () => {
  it('appears 7 days before the deadline, turns to overdue after it, and goes when the complaint is handled', async () => {
    const { backend, setToday } = await location('2026-03-06');
    const old = await complaint(backend, { receivedOn: '2026-01-31', subject: 'Brengtijden' });
    await complaint(backend, { receivedOn: '2026-03-02', subject: 'Parkeren' });
    // 14 March is 8 days away: no warning yet.
    expect(await backend.ok('complaints.due', {})).toEqual([]);

    await setToday('2026-03-07');
    expect(await backend.ok('complaints.due', {})).toEqual([{ id: old.id, subject: 'Brengtijden', receivedOn: '2026-01-31', deadline: '2026-03-14', deadlineState: 'due_soon' }]);

    await setToday('2026-03-15');
    expect((await backend.ok('complaints.due', {})).map((c) => [c.subject, c.deadlineState])).toEqual([['Brengtijden', 'overdue']]);
    expect((await backend.ok('complaints.list', {})).find((c) => c.id === old.id)).toMatchObject({ deadlineState: 'overdue' });

    const closed = await backend.ok('complaints.close', { id: old.id, closedOn: '2026-03-15', outcome: 'deels_gegrond', resolution: 'De opening is verschoven door een zieke collega.', measures: null });
    expect(closed).toMatchObject({ status: 'gesloten', deadlineState: null, closedLate: true });
    expect(await backend.ok('complaints.due', {})).toEqual([]);
  });
});

describe('the household the complaint concerns', () => {
  it('is picked from the location\'s households; an unknown one is refused at the field and nothing is written', async () => {
    const { backend } = await location('2026-11-25');
    const { household } = await createFamily(backend);
    await createOtherFamily(backend);
    const options = await backend.ok('complaints.households', { q: 'boer' });
    expect(options).toEqual([{ id: household.id, label: 'Gezin Sanne de Boer (Zoë; 1234 AB)' }]);
    expect(await backend.ok('complaints.households', { q: '1234ab' })).toEqual(options);

    const refused = await backend.err('complaints.save', { complainantName: 'X', subject: 'S', description: 'D', receivedOn: '2026-11-20', householdId: '01930000-0000-7000-8000-000000000000' });
    expect(refused.details?.householdId).toBe('Dit gezin bestaat niet (meer) op deze locatie.');
    expect(await backend.ok('complaints.list', {})).toEqual([]);

    const linked = await complaint(backend, { receivedOn: '2026-11-20', householdId: household.id });
    expect(linked).toMatchObject({ householdId: household.id, householdName: 'Gezin Sanne de Boer' });
  });

  it("appears in the household's access report (read back with pdftotext); another family's complaint does not", async () => {
    const { backend } = await location('2026-11-25');
    const { household } = await createFamily(backend);
    const other = await createOtherFamily(backend);
    const ours = await complaint(backend, { receivedOn: '2026-11-02', subject: 'Ophaalmoment', householdId: household.id });
    await backend.ok('complaints.close', { id: ours.id, closedOn: '2026-11-20', outcome: 'gegrond', resolution: 'Het ophalen is voortaan tot 18.30 uur.', measures: 'Nieuw rooster vanaf 1 december.' });
    await complaint(backend, { receivedOn: '2026-11-03', subject: 'Geluidsoverlast', householdId: other.household.id, complainantName: 'Fatima El Amrani' });

    const parent = household.parents.find((p) => p.isContractParent)!;
    const r = await backend.ok('requests.create', { kind: 'access', subjectType: 'parent', subjectId: parent.id, requesterParentId: parent.id, receivedOn: '2026-11-24', identityMethod: 'id_shown' });
    const pdf = readPdf(await backend.ok('requests.accessReport', { id: r.id }), { layout: false });
    expect(pdf).toContain('Onderwerp van de klacht: Ophaalmoment');
    expect(pdf).toContain('Klacht ontvangen op: 02-11-2026');
    expect(pdf).toContain('Oordeel: gegrond');
    expect(pdf).toContain('Nieuw rooster vanaf 1 december.');
    expect(pdf).toContain('Klachten (naam en contactgegevens van de klager');
    expect(pdf).not.toContain('Geluidsoverlast');
    expect(pdf).not.toContain('Fatima El Amrani');
  });

  it("is kept on the contract parent's erasure request, with its own rule: while open, and 7 years after handling", async () => {
    const { backend } = await location('2026-11-25');
    const { household } = await createFamily(backend);
    const c = await complaint(backend, { receivedOn: '2026-11-02', householdId: household.id });
    const parent = household.parents.find((p) => p.isContractParent)!;
    const ask = () => backend.ok('requests.create', { kind: 'erasure', subjectType: 'parent', subjectId: parent.id, requesterParentId: parent.id, receivedOn: '2026-11-24', identityMethod: 'id_shown' });
    const open = (await backend.ok('requests.erasurePreview', { id: (await ask()).id })).categories.find((x) => x.category === 'complaint');
    expect(open).toMatchObject({ erasableNow: false, keptUntil: null });
    await backend.ok('complaints.close', { id: c.id, closedOn: '2026-11-20', outcome: 'ongegrond', resolution: 'Geen fout gevonden.' });
    const closed = (await backend.ok('requests.erasurePreview', { id: (await ask()).id })).categories.find((x) => x.category === 'complaint');
    expect(closed).toMatchObject({ erasableNow: false, keptUntil: '2033-11-20' });
    expect(closed!.rule).toMatch(/7 jaar na afsluiting van de klacht/);
  });

  it('goes when the household is destroyed; a complaint without household stays', async () => {
    const { backend, setToday } = await location('2026-01-10');
    const { household, child } = await createFamily(backend);
    const contract = await backend.ok('contracts.create', { childId: child.id, careType: 'dagopvang', days: ['ma'], hoursPerWeek: 9, startDate: '2025-01-06', endDate: null });
    const about = await complaint(backend, { receivedOn: '2026-01-05', subject: 'Kanarieklacht', householdId: household.id });
    // A lifted blokkade on the complaint stays in its history: it goes with the complaint.
    const hold = await backend.ok('holds.place', { subjectType: 'complaint', subjectId: about.id, reasonKind: 'complaint', reason: 'Loopt bij de Geschillencommissie', reviewDate: '2026-06-01' });
    await backend.ok('holds.lift', { id: hold.id, reason: 'Uitspraak gedaan' });
    await backend.ok('complaints.close', { id: about.id, closedOn: '2026-01-09', outcome: 'ongegrond', resolution: 'Geen fout gevonden.', measures: null });
    const unrelated = await complaint(backend, { receivedOn: '2026-01-06', subject: 'Parkeren' });
    await backend.ok('contracts.update', { id: contract.id, careType: 'dagopvang', days: ['ma'], hoursPerWeek: 9, startDate: '2025-01-06', endDate: '2026-01-09' });

    await setToday('2033-01-09');
    await runAll(backend, [{ category: 'household', id: household.id }]);
    expect((await backend.ok('complaints.list', {})).map((c) => c.id)).toEqual([unrelated.id]);
    expect(tablesMentioning(backend, about.id).filter((t) => t !== 'audit_log' && t !== 'outbox')).toEqual([]);
    expect(tablesMentioning(backend, 'Kanarieklacht')).toEqual([]);
    // Head office gets a tombstone for the complaint, no payload.
    expect(backend.core.sqlite().prepare("SELECT op FROM outbox WHERE entity = 'complaints' AND entity_id = ? ORDER BY seq DESC LIMIT 1").get(about.id)).toEqual({ op: 'delete' });
  });
});

describe('the outcome letter', () => {
  it('is made once the complaint is handled: judgement, reasons, measures, and the route to the Klachtenloket and the Geschillencommissie', async () => {
    const { backend } = await location('2026-11-25');
    const c = await complaint(backend, { receivedOn: '2026-11-02', subject: 'Brengtijden' });
    expect((await backend.err('complaints.letter', { id: c.id })).code).toBe('CONFLICT');
    const noOutcome = await backend.err('complaints.close', { id: c.id, closedOn: '2026-11-20', resolution: 'x' });
    expect(noOutcome.details?.outcome).toBe('Kies het oordeel: gegrond, gedeeltelijk gegrond of ongegrond.');
    expect((await backend.err('complaints.close', { id: c.id, closedOn: '2026-11-26', outcome: 'gegrond', resolution: 'x' })).details?.closedOn).toBe('Afgehandeld op kan niet in de toekomst liggen.');

    await backend.ok('complaints.close', { id: c.id, closedOn: '2026-11-20', outcome: 'gegrond', resolution: 'De opening om 7.00 uur is niet gehaald.', measures: 'Vanaf 1 december opent een tweede medewerker om 6.50 uur.' });
    const text = readPdf(await backend.ok('complaints.letter', { id: c.id }), { layout: false }).replace(/\s+/g, ' ');
    for (const part of [
      'Afhandeling van uw klacht',
      'Sanne de Boer',
      'Kindercentrum De Vlinder',
      'Op 02-11-2026 ontvingen wij uw klacht over: Brengtijden.',
      'Wij vinden uw klacht gegrond.',
      'De opening om 7.00 uur is niet gehaald.',
      'Vanaf 1 december opent een tweede medewerker om 6.50 uur.',
      'Klachtenloket Kinderopvang (www.klachtenloket-kinderopvang.nl)',
      'Geschillencommissie Kinderopvang (www.degeschillencommissie.nl)',
      MANAGER.name,
    ]) expect(text).toContain(part);
    // Handled within the six weeks: no apology for a late answer.
    expect(text).not.toContain('onze excuses');
  });

  it('apologises when the six weeks were exceeded', async () => {
    const { backend } = await location('2026-11-25');
    const c = await complaint(backend, { receivedOn: '2026-10-01' });
    await backend.ok('complaints.close', { id: c.id, closedOn: '2026-11-13', outcome: 'ongegrond', resolution: 'De tijden stonden in het contract.' });
    const text = readPdf(await backend.ok('complaints.letter', { id: c.id }), { layout: false }).replace(/\s+/g, ' ');
    expect(text).toContain('uiterlijk op 12-11-2026. Dat is niet gelukt; onze excuses daarvoor.');
    expect(text).toContain('Wij vinden uw klacht ongegrond.');
  });
});
