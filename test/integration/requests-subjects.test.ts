import { describe, expect, it } from 'vitest';
import { makeBackend, setUpLocation, type TestBackend } from '../helpers/backend';
import { createFamily, groupId } from '../helpers/clients';
import { readPdf } from '../helpers/pdf';

/**
 * Issue 16: AVG-verzoeken for every data subject with a row of their own — employee, applicant,
 * waiting-list prospect, complainant — next to parents and children (requests.test.ts).
 */
async function location(today = '2026-11-25') {
  const now = new Date(`${today}T10:00:00Z`);
  const backend = makeBackend(undefined, { now: () => now });
  await setUpLocation(backend);
  return { backend };
}

const employee = (backend: TestBackend, employmentEnd: string | null) =>
  backend.ok('employees.save', {
    firstName: 'Ilse', surnamePrefix: 'van', surname: 'Dijk', address: 'Lindelaan 3, Vianen', email: 'ilse@voorbeeld.nl', phone: null,
    position: 'Pedagogisch medewerker', employmentStart: '2019-03-01', employmentEnd, labourDispute: false,
  });

const ask = (backend: TestBackend, input: { kind: 'access' | 'erasure' | 'restriction' | 'portability'; subjectType: 'employee' | 'applicant' | 'waitlist_prospect' | 'complainant' | 'pickup_person'; subjectId: string; receivedOn?: string }) =>
  backend.ok('requests.create', { receivedOn: '2026-11-20', identityMethod: 'id_shown', ...input });

describe('requests of people with a row of their own', () => {
  it('an employee asks for access: registered without a household, found in the picker, the report lists the personnel file with its retention', async () => {
    const { backend } = await location();
    const ilse = await employee(backend, '2025-12-31');
    expect(await backend.ok('requests.people', { type: 'employee', q: 'van Dijk' })).toEqual([{ id: ilse.id, name: 'Ilse van Dijk', detail: 'Pedagogisch medewerker' }]);
    expect(await backend.ok('requests.people', { type: 'applicant', q: 'van Dijk' })).toEqual([]);

    const r = await ask(backend, { kind: 'access', subjectType: 'employee', subjectId: ilse.id });
    expect(r).toMatchObject({ subjectType: 'employee', subjectName: 'Ilse van Dijk', requesterName: 'Ilse van Dijk', householdId: null, deadline: '2026-12-20', status: 'open' });
    const pdf = readPdf(await backend.ok('requests.accessReport', { id: r.id }));
    expect(pdf).toContain('Ilse van Dijk');
    expect(pdf).toContain('Lindelaan 3, Vianen');
    expect(pdf).toContain('Pedagogisch medewerker');
    // The employee rule: 2 years after the end of employment (31-12-2025 → 31-12-2027).
    expect(pdf).toContain('31-12-2027');

    await backend.ok('requests.close', { id: r.id, outcome: 'granted' });
    const letter = readPdf(await backend.ok('requests.letter', { id: r.id }));
    expect(letter).toContain('Ilse van Dijk');
    expect(letter).toMatch(/Besluit op uw verzoek: inzage/);
  });

  it('an unknown person, or a person of another location, is refused in Dutch and writes nothing', async () => {
    const { backend } = await location();
    const missing = await backend.err('requests.create', { kind: 'access', subjectType: 'employee', subjectId: '01930000-0000-7000-8000-000000000000', receivedOn: '2026-11-20', identityMethod: 'id_shown' });
    expect(missing.message).toBe('Deze persoon bestaat niet (meer).');
    // A record that came in for another location (synced) is that location's to answer for.
    const elsewhere = await employee(backend, null);
    backend.core.sqlite().prepare("UPDATE employees SET location_id = 'andere-locatie' WHERE id = ?").run(elsewhere.id);
    const foreign = await backend.err('requests.create', { kind: 'access', subjectType: 'employee', subjectId: elsewhere.id, receivedOn: '2026-11-20', identityMethod: 'id_shown' });
    expect(foreign).toMatchObject({ code: 'FORBIDDEN', message: 'Deze persoon hoort bij een andere locatie. Een verzoek over deze persoon handelt die locatie af.' });
    expect(await backend.ok('requests.list', {})).toEqual([]);
  });

  it('restriction of an employee: the file becomes read-only until the employee is informed and it is lifted', async () => {
    const { backend } = await location();
    const ilse = await employee(backend, null);
    const r = await ask(backend, { kind: 'restriction', subjectType: 'employee', subjectId: ilse.id });
    const restricted = await backend.ok('requests.restrict', { id: r.id, reason: 'Betwist de juistheid van het adres' });
    expect(restricted.restriction).toMatchObject({ since: '2026-11-25', reason: 'Betwist de juistheid van het adres', liftPending: false });
    const edit = { id: ilse.id, firstName: 'Ilse', surnamePrefix: 'van', surname: 'Dijk', address: 'Beukenlaan 9, Vianen', email: 'ilse@voorbeeld.nl', phone: null, position: 'Pedagogisch medewerker', employmentStart: '2019-03-01', employmentEnd: null, labourDispute: false };
    const locked = await backend.err('employees.save', edit);
    expect(locked).toMatchObject({ code: 'LOCKED', message: expect.stringMatching(/De verwerking van de gegevens van deze persoon is beperkt/) });
    expect((await backend.ok('employees.list', {}))[0]!.address).toBe('Lindelaan 3, Vianen');
    const lifting = await backend.ok('requests.requestLift', { id: r.id });
    await backend.ok('requests.completeTask', { id: lifting.tasks.find((t) => t.kind === 'inform_before_lift')!.id });
    expect((await backend.ok('employees.save', edit)).address).toBe('Beukenlaan 9, Vianen');
  });

  it('rectification for an employee, applicant, waiting-list parent, complainant and pickup person: validated at the field, old value kept, letter', async () => {
    const { backend } = await location();
    const ilse = await employee(backend, null);
    const applicant = await backend.ok('applicants.save', {
      firstName: 'Noor', surnamePrefix: null, surname: 'Visser', email: 'noor@voorbeeld.nl', phone: null, position: 'Groepshulp', appliedOn: '2026-11-01', procedureEndDate: null, outcome: 'open', consentLongerRetention: false, consentOn: null,
    });
    const prospect = await backend.ok('waitlist.create', { parentName: 'Karin Mulder', parentEmail: 'karin@voorbeeld.nl', parentPhone: null, childFirstName: 'Mees', childSurname: 'Mulder', childBirthDate: '2025-05-01', careType: 'dagopvang', desiredDays: ['wo'], desiredStartDate: '2027-01-06' });
    const complaint = await backend.ok('complaints.save', { receivedOn: '2026-11-10', complainantName: 'Peter Smit', complainantContact: 'peter@voorbeeld.nl', subject: 'Ophalen', description: 'De deur was dicht.' });
    const { child } = await createFamily(backend);
    const oma = await backend.ok('pickup.addPerson', { childId: child.id, name: 'Oma Truus', relation: 'oma', phone: '06 33334444', validUntil: null });
    const cases = [
      { subjectType: 'employee', id: ilse.id, field: 'address', value: 'Beukenlaan 9, Vianen', bad: { field: 'email', value: 'geen-adres' } },
      { subjectType: 'applicant', id: applicant.id, field: 'phone', value: '06 55556666', bad: { field: 'email', value: 'noor@' } },
      { subjectType: 'waitlist_prospect', id: prospect.id, field: 'parentEmail', value: 'karin.mulder@voorbeeld.nl', bad: { field: 'childBirthDate', value: '2025-02-30' } },
      { subjectType: 'complainant', id: complaint.id, field: 'complainantContact', value: '06 77778888', bad: { field: 'complainantName', value: '' } },
      { subjectType: 'pickup_person', id: oma.id, field: 'phone', value: '06 99990000', bad: { field: 'phone', value: 'bel mij' } },
    ] as const;
    for (const c of cases) {
      const r = await backend.ok('requests.create', { kind: 'rectification', subjectType: c.subjectType, subjectId: c.id, receivedOn: '2026-11-20', identityMethod: 'id_shown' });
      const bad = await backend.err('requests.rectify', { id: r.id, changes: [{ target: c.subjectType, targetId: c.id, ...c.bad }] });
      expect(bad.code, c.subjectType).toBe('VALIDATION');
      expect(Object.keys(bad.details ?? {}), c.subjectType).toEqual(['changes.0.value']);
      // Someone else's record cannot be changed through this request.
      const other = await backend.err('requests.rectify', { id: r.id, changes: [{ target: 'employee', targetId: c.subjectType === 'employee' ? applicant.id : ilse.id, field: 'phone', value: '06 12121212' }] });
      expect(other.message, c.subjectType).toBe('Deze correctie hoort niet bij de persoon van dit verzoek.');
      const fixed = await backend.ok('requests.rectify', { id: r.id, changes: [{ target: c.subjectType, targetId: c.id, field: c.field, value: c.value }] });
      expect(fixed.corrections, c.subjectType).toEqual([expect.objectContaining({ subjectType: c.subjectType, field: c.field, newValue: c.value })]);
      await backend.ok('requests.close', { id: r.id, outcome: 'granted' });
      expect(readPdf(await backend.ok('requests.letter', { id: r.id })).replace(/\s+/g, ' '), c.subjectType).toContain('Wij hebben 1 gegeven verbeterd of aangevuld.');
    }
    expect((await backend.ok('employees.list', {}))[0]!.address).toBe('Beukenlaan 9, Vianen');
    expect((await backend.ok('pickup.list', { childId: child.id })).persons[0]!.phone).toBe('06 99990000');
  });

  it('portability where the basis is consent or contract: an employee gets the portable part of the file; a complainant and a pickup person have nothing to take along', async () => {
    const { backend } = await location();
    const ilse = await employee(backend, '2025-12-31');
    const r = await ask(backend, { kind: 'portability', subjectType: 'employee', subjectId: ilse.id });
    const bundle = await backend.ok('requests.portabilityExport', { id: r.id });
    const json = JSON.parse(Buffer.from(bundle.files.find((f) => f.fileName === 'dataportabiliteit.json')!.base64, 'base64').toString('utf8')) as { subjectType: string; data: Record<string, Record<string, unknown>[]> };
    expect(json.subjectType).toBe('employee');
    expect(json.data.employees).toEqual([{ firstName: 'Ilse', surnamePrefix: 'van', surname: 'Dijk', address: 'Lindelaan 3, Vianen', email: 'ilse@voorbeeld.nl', phone: null, position: 'Pedagogisch medewerker', employmentStart: '2019-03-01', employmentEnd: '2025-12-31' }]);
    expect(bundle.files.map((f) => f.fileName)).toEqual(['dataportabiliteit.json', 'employees.csv', 'samenvatting.pdf']);
    const summary = readPdf(bundle.files.find((f) => f.fileName === 'samenvatting.pdf')!).replace(/\s+/g, ' ');
    expect(summary).toContain('Lindelaan 3, Vianen');

    const complaint = await backend.ok('complaints.save', { receivedOn: '2026-11-10', complainantName: 'Peter Smit', complainantContact: 'peter@voorbeeld.nl', subject: 'Ophalen', description: 'De deur was dicht.' });
    const { child } = await createFamily(backend);
    const oma = await backend.ok('pickup.addPerson', { childId: child.id, name: 'Oma Truus', relation: 'oma', phone: '06 33334444', validUntil: null });
    for (const [subjectType, id] of [['complainant', complaint.id], ['pickup_person', oma.id]] as const) {
      const p = await backend.ok('requests.create', { kind: 'portability', subjectType, subjectId: id, receivedOn: '2026-11-20', identityMethod: 'id_shown' });
      expect((await backend.err('requests.portabilityExport', { id: p.id })).message, subjectType).toMatch(/geen gegevens om mee te nemen/);
    }
  });

  it('erasure of an employee: while employed the file is kept (reason in the preview and the letter); two years after leaving it goes', async () => {
    const { backend } = await location();
    const staying = await employee(backend, null);
    const kept = await ask(backend, { kind: 'erasure', subjectType: 'employee', subjectId: staying.id });
    const preview = await backend.ok('requests.erasurePreview', { id: kept.id });
    expect(preview.subjectName).toBe('Ilse van Dijk');
    const file = preview.categories.find((c) => c.category === 'employee_file')!;
    expect(file).toMatchObject({ erasableNow: false, keptUntil: null });
    expect(file.rule).toMatch(/2 jaar/);
    const refused = await backend.ok('requests.erase', { id: kept.id });
    expect(refused.outcome).toBe('refused');
    expect((await backend.ok('employees.list', {})).map((e) => e.id)).toEqual([staying.id]);

    const left = await backend.ok('employees.save', { id: staying.id, firstName: 'Ilse', surnamePrefix: 'van', surname: 'Dijk', address: 'Lindelaan 3, Vianen', email: 'ilse@voorbeeld.nl', phone: null, position: 'Pedagogisch medewerker', employmentStart: '2019-03-01', employmentEnd: '2024-06-30', labourDispute: false });
    const gone = await ask(backend, { kind: 'erasure', subjectType: 'employee', subjectId: left.id });
    expect((await backend.ok('requests.erasurePreview', { id: gone.id })).categories.find((c) => c.category === 'employee_file')).toMatchObject({ erasableNow: true });
    const done = await backend.ok('requests.erase', { id: gone.id });
    expect(done.outcome).toBe('granted');
    expect(done.subjectName).toBeNull();
    expect(await backend.ok('employees.list', {})).toEqual([]);
    // The register entry survives the erasure it asked for, and the letter can still be printed.
    expect(readPdf(await backend.ok('requests.letter', { id: gone.id }))).toContain('Ilse van Dijk');
  });

  it('restriction of a complainant or a waiting-list prospect: their data are read-only; the complaint can still be judged, the entry withdrawn', async () => {
    const { backend } = await location();
    const complaint = await backend.ok('complaints.save', { receivedOn: '2026-11-10', complainantName: 'Peter Smit', complainantContact: 'peter@voorbeeld.nl', subject: 'Ophalen', description: 'De deur was dicht om 18.00 uur.' });
    const r = await ask(backend, { kind: 'restriction', subjectType: 'complainant', subjectId: complaint.id });
    await backend.ok('requests.restrict', { id: r.id, reason: 'Betwist wat er over hem staat' });
    const locked = await backend.err('complaints.save', { id: complaint.id, receivedOn: '2026-11-10', complainantName: 'Peter Smit', complainantContact: 'nieuw@voorbeeld.nl', subject: 'Ophalen', description: 'Aangepast' });
    expect(locked).toMatchObject({ code: 'LOCKED', message: expect.stringMatching(/De verwerking van de gegevens van deze persoon is beperkt/) });
    expect((await backend.ok('complaints.list', {})).find((c) => c.id === complaint.id)).toMatchObject({ complainantContact: 'peter@voorbeeld.nl', description: 'De deur was dicht om 18.00 uur.' });
    await backend.ok('complaints.close', { id: complaint.id, closedOn: '2026-11-25', outcome: 'ongegrond', resolution: 'De deur gaat om 18.00 uur dicht, zoals in het contract staat.' });

    const prospect = await backend.ok('waitlist.create', { parentName: 'Karin Mulder', parentEmail: 'karin@voorbeeld.nl', parentPhone: null, childFirstName: 'Mees', childSurname: 'Mulder', childBirthDate: '2025-05-01', careType: 'dagopvang', desiredDays: ['wo'], desiredStartDate: '2027-01-06' });
    const w = await ask(backend, { kind: 'restriction', subjectType: 'waitlist_prospect', subjectId: prospect.id });
    await backend.ok('requests.restrict', { id: w.id, reason: 'Juistheid betwist' });
    const place = {
      id: prospect.id,
      household: { street: 'Lindelaan', houseNumber: '3', postcode: '3511 AB', city: 'Utrecht', iban: null, ibanHolder: null, parents: [{ firstName: 'Karin', surname: 'Mulder', email: 'karin@voorbeeld.nl', phone: null, bsn: null, hasParentalAuthority: true, isContractParent: true }] },
      child: { firstName: 'Mees', surname: 'Mulder', birthDate: '2025-05-01', groupId: await groupId(backend), bsn: null },
      contract: { careType: 'dagopvang', days: ['wo'], hoursPerWeek: 9, startDate: '2027-01-06', endDate: null },
    } as const;
    expect((await backend.err('waitlist.place', place)).code).toBe('LOCKED');
    expect((await backend.ok('waitlist.list', { status: 'open' })).map((e) => e.id)).toEqual([prospect.id]);
    await backend.ok('waitlist.withdraw', { id: prospect.id, reason: 'Kiest een andere opvang' });
  });

  it('an applicant, a waiting-list prospect and a complainant each get an access report with their own data only', async () => {
    const { backend } = await location();
    const applicant = await backend.ok('applicants.save', {
      firstName: 'Noor', surnamePrefix: null, surname: 'Visser', email: 'noor@voorbeeld.nl', phone: null, position: 'Groepshulp', appliedOn: '2026-11-01', procedureEndDate: null, outcome: 'open', consentLongerRetention: false, consentOn: null,
    });
    const prospect = await backend.ok('waitlist.create', { parentName: 'Karin Mulder', parentEmail: 'karin@voorbeeld.nl', parentPhone: null, childFirstName: 'Mees', childSurname: 'Mulder', childBirthDate: '2025-05-01', careType: 'dagopvang', desiredDays: ['wo'], desiredStartDate: '2027-01-06' });
    const complaint = await backend.ok('complaints.save', { receivedOn: '2026-11-10', complainantName: 'Peter Smit', complainantContact: 'peter@voorbeeld.nl', subject: 'Ophalen', description: 'De deur was dicht om 18.00 uur.' });
    const cases = [
      { subjectType: 'applicant', id: applicant.id, name: 'Noor Visser', own: 'Groepshulp', others: ['Karin Mulder', 'Peter Smit'] },
      { subjectType: 'waitlist_prospect', id: prospect.id, name: 'Karin Mulder', own: 'karin@voorbeeld.nl', others: ['Noor Visser', 'Peter Smit'] },
      { subjectType: 'complainant', id: complaint.id, name: 'Peter Smit', own: 'peter@voorbeeld.nl', others: ['Noor Visser', 'Karin Mulder'] },
    ] as const;
    for (const c of cases) {
      const r = await ask(backend, { kind: 'access', subjectType: c.subjectType, subjectId: c.id });
      expect(r.subjectName).toBe(c.name);
      const pdf = readPdf(await backend.ok('requests.accessReport', { id: r.id }));
      expect(pdf).toContain(c.name);
      expect(pdf).toContain(c.own);
      for (const other of c.others) expect(pdf).not.toContain(other);
    }
  });
});

describe('requests of a pickup person (ophaalpersoon)', () => {
  it('found in the picker with the child they collect; the access report lists their own pickup and identification data only; erasure waits for the contract with reasons, then erases', async () => {
    const { backend } = await location('2027-03-05');
    const { household, child } = await createFamily(backend);
    await backend.ok('contracts.create', { childId: child.id, careType: 'dagopvang', days: ['ma', 'di'], hoursPerWeek: 18, startDate: '2025-01-06', endDate: null });
    const oma = await backend.ok('pickup.addPerson', { childId: child.id, name: 'Oma Truus', relation: 'oma', phone: '06 33334444', validUntil: null });
    await backend.ok('pickup.addPerson', { childId: child.id, name: 'Buurvrouw Els', relation: 'buurvrouw', phone: '06 55556666', validUntil: null });
    await backend.ok('pickup.recordIdentification', { childId: child.id, collectorName: 'Oma Truus', method: 'colleague_confirmed' });
    await backend.ok('pickup.recordIdentification', { childId: child.id, collectorName: 'Buurvrouw Els', method: 'parent_called' });

    expect(await backend.ok('requests.people', { type: 'pickup_person', q: 'truus' })).toEqual([{ id: oma.id, name: 'Oma Truus', detail: 'ophaalpersoon, oma: Zoë de Boer' }]);
    // Received on 31 January: one month later is the last day of February.
    const r = await backend.ok('requests.create', { kind: 'access', subjectType: 'pickup_person', subjectId: oma.id, receivedOn: '2027-01-31', identityMethod: 'id_shown' });
    expect(r).toMatchObject({ subjectName: 'Oma Truus', requesterName: 'Oma Truus', householdId: null, deadline: '2027-02-28', deadlineState: 'overdue' });
    const pdf = readPdf(await backend.ok('requests.accessReport', { id: r.id })).replace(/\s+/g, ' ');
    expect(pdf).toContain('Ophaalpersonen (naam, relatie tot het kind, telefoonnummer, geldigheid)');
    expect(pdf).toContain('Oma Truus (oma)');
    expect(pdf).toContain('06 33334444');
    expect(pdf).toContain('Identificatie bij het ophalen');
    expect(pdf).toContain('bevestigd door een collega');
    // Nobody else's data: not the other pickup person, not the parents, not the child's BSN.
    for (const other of ['Buurvrouw Els', '06 55556666', 'Sanne', household.parents[0]!.phone!, '123456782']) expect(pdf).not.toContain(other);

    const erase = await backend.ok('requests.create', { kind: 'erasure', subjectType: 'pickup_person', subjectId: oma.id, receivedOn: '2027-03-01', identityMethod: 'id_shown' });
    const preview = await backend.ok('requests.erasurePreview', { id: erase.id });
    expect(preview.subjectName).toBe('Oma Truus');
    expect(preview.categories.map((c) => [c.category, c.erasableNow])).toEqual([['child_pickup_persons', false], ['child_identification', false]]);
    expect(preview.categories[0]!.note).toMatch(/contract/);
    expect(preview.categories[0]!.rule).toMatch(/Direct na/);
    const refused = await backend.ok('requests.erase', { id: erase.id });
    expect(refused.outcome).toBe('refused');
    const letter = readPdf(await backend.ok('requests.letter', { id: erase.id })).replace(/\s+/g, ' ');
    expect(letter).toContain('Ophaalpersonen (naam, relatie tot het kind, telefoonnummer, geldigheid)');
    expect((await backend.ok('pickup.list', { childId: child.id })).persons).toHaveLength(2);

    // Once the child's contract has ended, the same request erases Oma's rows, and only hers.
    const [contract] = await backend.ok('contracts.listForChild', { childId: child.id });
    await backend.ok('contracts.update', { id: contract!.id, careType: 'dagopvang', days: ['ma', 'di'], hoursPerWeek: 18, startDate: '2025-01-06', endDate: '2027-02-26' });
    const again = await backend.ok('requests.create', { kind: 'erasure', subjectType: 'pickup_person', subjectId: oma.id, receivedOn: '2027-03-04', identityMethod: 'id_shown' });
    expect((await backend.ok('requests.erasurePreview', { id: again.id })).categories.every((c) => c.erasableNow)).toBe(true);
    expect((await backend.ok('requests.erase', { id: again.id })).outcome).toBe('granted');
    const left = await backend.ok('pickup.list', { childId: child.id });
    expect(left.persons.map((p) => p.name)).toEqual(['Buurvrouw Els']);
    expect(left.identifications.map((i) => i.collectorName)).toEqual(['Buurvrouw Els']);
  });

  it('deadline at a month end follows the app clock in a leap year (received 31-01-2028, answer by 29-02-2028)', async () => {
    const { backend } = await location('2028-02-10');
    const applicant = await backend.ok('applicants.save', {
      firstName: 'Noor', surnamePrefix: null, surname: 'Visser', email: 'noor@voorbeeld.nl', phone: null, position: 'Groepshulp', appliedOn: '2028-01-01', procedureEndDate: null, outcome: 'open', consentLongerRetention: false, consentOn: null,
    });
    const r = await backend.ok('requests.create', { kind: 'access', subjectType: 'applicant', subjectId: applicant.id, receivedOn: '2028-01-31', identityMethod: 'registered_contact' });
    expect(r).toMatchObject({ deadline: '2028-02-29', deadlineState: 'ok' });
    const future = await backend.err('requests.create', { kind: 'access', subjectType: 'applicant', subjectId: applicant.id, receivedOn: '2028-02-11', identityMethod: 'registered_contact' });
    expect(future.details?.receivedOn).toMatch(/kan niet in de toekomst liggen/);
  });
});
