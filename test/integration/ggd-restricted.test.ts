import { describe, expect, it } from 'vitest';
import { LOCATION, makeBackend, setUpLocation, type TestBackend } from '../helpers/backend';
import { BSN, OTHER_FAMILY, createFamily, createOtherFamily, groupId } from '../helpers/clients';
import { addDays, weekdayOnOrAfter } from '../helpers/dates';
import { readPdf } from '../helpers/pdf';

/**
 * Issue 16 parts 5 and 6: the GGD list for a day holds only the children who come that day, per
 * group, under the location's name, LRK number and the day in Dutch, with one register line per
 * list whatever the formats; a legally required disclosure names the restricted persons and waits
 * for the manager's decision per person, with the reason recorded and shown in the register.
 */

/** The app's clock stands on Monday 7 December 2026; every date below is derived from it. */
async function location() {
  const backend = makeBackend(undefined, { now: () => new Date('2026-12-07T10:00:00Z') });
  await setUpLocation(backend);
  return backend;
}

/** Zoë (Rupsjes) comes on Monday and Tuesday; Yusuf (Dolfijnen) on Wednesday; Mats (Rupsjes) on Wednesday and Friday. */
async function threeChildren(backend: TestBackend) {
  const today = backend.core.today();
  const start = addDays(today, -365);
  const zoe = await createFamily(backend);
  await backend.ok('contracts.create', { childId: zoe.child.id, careType: 'dagopvang', days: ['ma', 'di'], hoursPerWeek: 18, startDate: start, endDate: null });
  const yusuf = await createOtherFamily(backend);
  await backend.ok('children.update', { id: yusuf.child.id, ...OTHER_FAMILY.child, groupId: await groupId(backend, 'Dolfijnen') });
  await backend.ok('contracts.create', { childId: yusuf.child.id, careType: 'dagopvang', days: ['wo'], hoursPerWeek: 9, startDate: start, endDate: null });
  const mats = await backend.ok('children.create', { householdId: zoe.household.id, firstName: 'Mats', surname: 'Boer', surnamePrefix: 'de', birthDate: '2024-01-02', groupId: await groupId(backend, 'Rupsjes'), bsn: null });
  await backend.ok('contracts.create', { childId: mats.id, careType: 'dagopvang', days: ['wo', 'vr'], hoursPerWeek: 18, startDate: start, endDate: null });
  return { zoe, yusuf, mats, wednesday: weekdayOnOrAfter(today, 'wo') };
}

const csvLines = (file: { base64: string }) => Buffer.from(file.base64, 'base64').toString('utf8').replace(/^\uFEFF/, '').trim().split('\r\n');

describe('the GGD list per day', () => {
  it('a list for a Wednesday leaves out the child who comes on Monday and Tuesday, and lists the Wednesday children per group', async () => {
    const backend = await location();
    const { wednesday } = await threeChildren(backend);
    expect(wednesday).toBe(addDays(backend.core.today(), 2));

    const preview = await backend.ok('disclosures.preview', { kind: 'ggd', date: wednesday });
    expect(preview.columns.map((c) => c.key)).toEqual(['child_first_name', 'child_surname', 'child_birth_date', 'group']);
    // Per group (Dolfijnen before Rupsjes), Zoë nowhere.
    expect(preview.rows).toEqual([
      ['Yusuf', 'El Amrani', '01-09-2022', 'Dolfijnen'],
      ['Mats', 'de Boer', '02-01-2024', 'Rupsjes'],
    ]);
    expect(preview.heading).toEqual({ locationName: LOCATION.name, lrkNumber: LOCATION.lrkNumber, day: 'woensdag 9 december 2026' });
    expect(preview.restricted).toEqual([]);

    const csv = csvLines(await backend.ok('disclosures.export', { params: { kind: 'ggd', date: wednesday }, format: 'csv' }));
    expect(csv).toEqual([
      `Locatie;${LOCATION.name}`,
      `LRK-nummer;${LOCATION.lrkNumber}`,
      'Datum;woensdag 9 december 2026',
      '',
      'Voornaam kind;Achternaam kind;Geboortedatum kind;Groep',
      'Yusuf;El Amrani;01-09-2022;Dolfijnen',
      'Mats;de Boer;02-01-2024;Rupsjes',
    ]);

    const pdf = readPdf(await backend.ok('disclosures.export', { params: { kind: 'ggd', date: wednesday }, format: 'pdf' }));
    for (const text of [`Locatie: ${LOCATION.name}`, `LRK-nummer: ${LOCATION.lrkNumber}`, 'Datum: woensdag 9 december 2026', 'Groep Dolfijnen — 1 kind', 'Groep Rupsjes — 1 kind', 'Yusuf', 'Mats']) expect(pdf, text).toContain(text);
    expect(pdf).not.toContain('Zoë');
    expect(pdf).not.toContain(BSN.child);
    expect(pdf.indexOf('Groep Dolfijnen')).toBeLessThan(pdf.indexOf('Yusuf'));
    expect(pdf.indexOf('Yusuf')).toBeLessThan(pdf.indexOf('Groep Rupsjes'));
    expect(pdf.indexOf('Groep Rupsjes')).toBeLessThan(pdf.indexOf('Mats'));

    // Monday: only Zoë; Saturday: nobody.
    expect((await backend.ok('disclosures.preview', { kind: 'ggd', date: addDays(wednesday, -2) })).rows.map((r) => r[0])).toEqual(['Zoë']);
    expect((await backend.ok('disclosures.preview', { kind: 'ggd', date: addDays(wednesday, 3) })).rows).toEqual([]);
    // One group only.
    expect((await backend.ok('disclosures.preview', { kind: 'ggd', date: wednesday, groupId: await groupId(backend, 'Rupsjes') })).rows.map((r) => r[0])).toEqual(['Mats']);
  });

  it('one register line per list: the PDF and then the CSV of the same day write one line; another day is another line', async () => {
    const backend = await location();
    const { wednesday, yusuf } = await threeChildren(backend);
    const pdf = await backend.ok('disclosures.export', { params: { kind: 'ggd', date: wednesday }, format: 'pdf' });
    const csv = await backend.ok('disclosures.export', { params: { kind: 'ggd', date: wednesday }, format: 'csv' });
    const again = await backend.ok('disclosures.export', { params: { kind: 'ggd', date: wednesday }, format: 'pdf' });
    expect([pdf.reused, csv.reused, again.reused]).toEqual([false, true, true]);
    expect(csv.disclosureId).toBe(pdf.disclosureId);
    const register = await backend.ok('disclosures.register', {});
    expect(register).toHaveLength(1);
    expect(register[0]).toMatchObject({ recipient: 'ggd', period: wednesday, format: 'pdf, csv', subjectCount: 2, fields: ['child_first_name', 'child_surname', 'child_birth_date', 'group'] });
    // Each download is still in the audit log.
    const audit = await backend.ok('audit.recent', { limit: 10 });
    expect(audit.filter((a) => a.action === 'disclosures.export' && a.entityId === pdf.disclosureId)).toHaveLength(3);

    await backend.ok('disclosures.export', { params: { kind: 'ggd', date: addDays(wednesday, 7) }, format: 'csv' });
    expect(await backend.ok('disclosures.register', {})).toHaveLength(2);
    // Yusuf's own register has both lines (as the access report will).
    expect((await backend.ok('disclosures.register', { subjectType: 'child', subjectId: yusuf.child.id })).map((d) => d.period)).toEqual([addDays(wednesday, 7), wednesday]);
  });
});

describe('restricted persons in a legally required disclosure', () => {
  async function restrict(backend: TestBackend, subjectType: 'child' | 'parent', subjectId: string, requesterParentId: string, reason: string) {
    const r = await backend.ok('requests.create', { kind: 'restriction', subjectType, subjectId, requesterParentId, receivedOn: backend.core.today(), identityMethod: 'id_shown', description: 'Per e-mail ontvangen' });
    await backend.ok('requests.restrict', { id: r.id, reason });
  }

  it('the GGD preview names the restricted child; nothing is exported until decided; the decision and its reason are in the register', async () => {
    const backend = await location();
    const { wednesday, mats, zoe } = await threeChildren(backend);
    const parentId = zoe.household.parents.find((p) => p.isContractParent)!.id;
    await restrict(backend, 'child', mats.id, parentId, 'Juistheid geboortedatum betwist');
    const params = { kind: 'ggd', date: wednesday } as const;

    const preview = await backend.ok('disclosures.preview', params);
    expect(preview.rows.map((r) => r[0])).toEqual(['Yusuf']);
    expect(preview.restricted).toEqual([{ subjectType: 'child', subjectId: mats.id, name: 'Mats de Boer', childName: null, restrictionReason: 'Juistheid geboortedatum betwist', since: backend.core.today() }]);

    // Undecided: refused, naming Mats, and nothing is written.
    const undecided = await backend.err('disclosures.export', { params, format: 'csv' });
    expect(undecided.code).toBe('CONFLICT');
    expect(undecided.message).toBe('Beslis eerst over iedereen van wie de verwerking is beperkt: Mats de Boer. Tot dan wordt er niets geëxporteerd.');
    // A reason too short, or no decision, is refused at its field in Dutch.
    const short = await backend.err('disclosures.export', { params, format: 'csv', decisions: [{ subjectType: 'child', subjectId: mats.id, include: true, reason: 'wet' }] });
    expect(short.code).toBe('VALIDATION');
    expect(short.details).toEqual({ 'decisions.0.reason': 'Schrijf de reden in een paar woorden (minstens 10 tekens).' });
    const noChoice = await backend.err('disclosures.export', { params, format: 'csv', decisions: [{ subjectType: 'child', subjectId: mats.id, reason: 'De GGD telt alle aanwezige kinderen' }] });
    expect(noChoice.details).toEqual({ 'decisions.0.include': 'Kies of deze persoon in de verstrekking komt.' });
    // A decision about someone who is not restricted is refused too.
    const stranger = await backend.err('disclosures.export', { params, format: 'csv', decisions: [{ subjectType: 'child', subjectId: zoe.child.id, include: true, reason: 'De GGD telt alle aanwezige kinderen' }, { subjectType: 'child', subjectId: mats.id, include: true, reason: 'De GGD telt alle aanwezige kinderen' }] });
    expect(stranger.code).toBe('VALIDATION');
    expect(await backend.ok('disclosures.register', {})).toEqual([]);

    // Included because the law requires it: Mats is on the list, the reason is recorded.
    const reason = 'Wet kinderopvang: de GGD telt elk aanwezig kind voor de beroepskracht-kindratio';
    const decisions = [{ subjectType: 'child' as const, subjectId: mats.id, include: true, reason }];
    const csv = csvLines(await backend.ok('disclosures.export', { params, format: 'csv', decisions }));
    expect(csv.slice(5)).toEqual(['Yusuf;El Amrani;01-09-2022;Dolfijnen', 'Mats;de Boer;02-01-2024;Rupsjes']);
    // The same list as PDF with the same decision: the same line.
    expect((await backend.ok('disclosures.export', { params, format: 'pdf', decisions })).reused).toBe(true);
    const [line] = await backend.ok('disclosures.register', {});
    expect(line).toMatchObject({ subjectCount: 2, format: 'csv, pdf', restrictionDecisions: [{ subjectType: 'child', name: 'Mats de Boer', include: true, reason }] });
    expect((await backend.ok('disclosures.register', { subjectType: 'child', subjectId: mats.id })).map((d) => d.id)).toEqual([line!.id]);

    // Left out: a list without Mats is another disclosure, with its own decision.
    const leftOut = await backend.ok('disclosures.export', { params, format: 'csv', decisions: [{ subjectType: 'child', subjectId: mats.id, include: false, reason: 'Niet nodig: de inspecteur telt alleen groep Dolfijnen' }] });
    expect(leftOut.reused).toBe(false);
    expect(csvLines(leftOut).slice(5)).toEqual(['Yusuf;El Amrani;01-09-2022;Dolfijnen']);
    const register = await backend.ok('disclosures.register', {});
    expect(register.map((d) => [d.subjectCount, d.restrictionDecisions.map((r) => r.include)])).toEqual([
      [1, [false]],
      [2, [true]],
    ]);
    // Mats' own register: only the line that disclosed his data.
    expect((await backend.ok('disclosures.register', { subjectType: 'child', subjectId: mats.id })).map((d) => d.id)).toEqual([line!.id]);
  });

  it('Belastingdienst: a restricted contract parent is named with the child; left out, the line is not in the file', async () => {
    const backend = await location();
    const { zoe, yusuf } = await threeChildren(backend);
    const parentId = zoe.household.parents.find((p) => p.isContractParent)!.id;
    await restrict(backend, 'parent', parentId, parentId, 'Bezwaar in behandeling');
    const month = backend.core.today().slice(0, 7);
    const params = { kind: 'belastingdienst', month } as const;
    const preview = await backend.ok('disclosures.preview', params);
    expect(preview.restricted).toEqual([expect.objectContaining({ subjectType: 'parent', subjectId: parentId, name: 'Sanne de Boer', childName: 'Mats de Boer, Zoë de Boer' })]);
    // Both of Sanne's children carry her data: both lines wait for the decision about her.
    expect(preview.rows.map((r) => r[0])).toEqual(['Yusuf']);
    expect((await backend.err('disclosures.export', { params, format: 'csv' })).message).toMatch(/Sanne de Boer\./);

    const file = await backend.ok('disclosures.export', { params, format: 'csv', decisions: [{ subjectType: 'parent', subjectId: parentId, include: false, reason: 'Toeslag loopt via de andere ouder; navragen bij de Belastingdienst' }] });
    const csv = csvLines(file);
    expect(csv).toHaveLength(2);
    expect(csv[1]).toMatch(/^Yusuf;El Amrani;/);
    expect(csv.join('\n')).not.toContain(BSN.parent);
    const [line] = await backend.ok('disclosures.register', {});
    expect(line).toMatchObject({ recipient: 'belastingdienst', subjectCount: 2, restrictionDecisions: [{ subjectType: 'parent', name: 'Sanne de Boer', include: false }] });
    expect(await backend.ok('disclosures.register', { subjectType: 'parent', subjectId: parentId })).toEqual([]);
    expect((await backend.ok('disclosures.register', { subjectType: 'child', subjectId: yusuf.child.id })).map((d) => d.id)).toEqual([line!.id]);
  });
});
