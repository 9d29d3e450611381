import { describe, expect, it } from 'vitest';
import { makeBackend, setUpLocation, type TestBackend } from '../helpers/backend';
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

const ask = (backend: TestBackend, input: { kind: 'access' | 'erasure' | 'restriction'; subjectType: 'employee' | 'applicant' | 'waitlist_prospect' | 'complainant'; subjectId: string; receivedOn?: string }) =>
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

  it('an unknown person, or a restriction the app cannot record, is refused in Dutch and writes nothing', async () => {
    const { backend } = await location();
    const missing = await backend.err('requests.create', { kind: 'access', subjectType: 'employee', subjectId: '01930000-0000-7000-8000-000000000000', receivedOn: '2026-11-20', identityMethod: 'id_shown' });
    expect(missing.message).toBe('Deze persoon bestaat niet (meer).');
    expect(await backend.ok('requests.list', {})).toEqual([]);
    const ilse = await employee(backend, null);
    const r = await ask(backend, { kind: 'restriction', subjectType: 'employee', subjectId: ilse.id });
    expect((await backend.err('requests.restrict', { id: r.id, reason: 'Betwist juistheid' })).message).toMatch(/alleen vastleggen voor ouders en kinderen/);
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
