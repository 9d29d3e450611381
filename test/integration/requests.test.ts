import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { hashEmail } from '../../electron/backend/modules/marketing/marketing.service';
import { NO_AUTHORITY_MESSAGE } from '../../electron/backend/modules/requests/requests.service';
import { publishedPortabilitySchema } from '../../shared/portability/portability';
import { MANAGER, ROOT, makeBackend, setUpLocation, type TestBackend } from '../helpers/backend';
import { BSN, HOUSEHOLD, OTHER_FAMILY, createFamily, createOtherFamily, groupId } from '../helpers/clients';
import { addDays, weekdayOnOrBefore } from '../helpers/dates';
import { readPdf } from '../helpers/pdf';

/** A backend whose "today" the test moves (deadlines, extensions, retention). */
async function location(today = '2026-11-25') {
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

async function familyWithContract(backend: TestBackend, contract: { startDate: string; endDate: string | null }) {
  const { household, child } = await createFamily(backend);
  await backend.ok('contracts.create', { childId: child.id, careType: 'dagopvang', days: ['ma', 'di'], hoursPerWeek: 18, ...contract });
  const contractParent = household.parents.find((p) => p.isContractParent)!;
  const otherParent = household.parents.find((p) => !p.isContractParent)!;
  return { household, child, contractParent, otherParent };
}

const request = (backend: TestBackend, input: { kind: 'access' | 'rectification' | 'completion' | 'restriction' | 'erasure' | 'portability' | 'objection'; subjectType: 'parent' | 'child'; subjectId: string; requesterParentId: string; receivedOn?: string }) =>
  backend.ok('requests.create', { receivedOn: '2026-11-20', identityMethod: 'id_shown', description: 'Per e-mail ontvangen', ...input });

describe('request register', () => {
  it('the other parent with gezag asks about a child in afstemming met de contractouder: who, when and how are required and recorded', async () => {
    const { backend } = await location();
    const { child, contractParent, otherParent } = await familyWithContract(backend, { startDate: '2025-01-01', endDate: null });
    const base = { kind: 'access', subjectType: 'child', subjectId: child.id, requesterParentId: otherParent.id, receivedOn: '2026-11-20', identityMethod: 'id_shown' } as const;

    // Without the afstemming: refused at each field, in Dutch, and nothing is stored.
    const missing = await backend.err('requests.create', base);
    expect(missing.code).toBe('VALIDATION');
    expect(missing.message).toMatch(/in afstemming met de contractouder/);
    expect(missing.details).toEqual({
      coordinationParentId: 'Kies de contractouder met wie het verzoek is afgestemd.',
      coordinationOn: 'Datum van de afstemming is verplicht.',
      coordinationHow: 'Kies hoe het verzoek met de contractouder is afgestemd.',
    });
    // The afstemming is with the contract parent, not with the requester themself.
    const withSelf = await backend.err('requests.create', { ...base, coordinationParentId: otherParent.id, coordinationOn: '2026-11-19', coordinationHow: 'phone' });
    expect(Object.keys(withSelf.details ?? {})).toEqual(['coordinationParentId']);
    const future = await backend.err('requests.create', { ...base, coordinationParentId: contractParent.id, coordinationOn: '2026-11-26', coordinationHow: 'phone' });
    expect(future.details?.coordinationOn).toBe('Datum van de afstemming kan niet in de toekomst liggen.');
    expect(await backend.ok('requests.list', {})).toEqual([]);

    const created = await backend.ok('requests.create', { ...base, coordinationParentId: contractParent.id, coordinationOn: '2026-11-19', coordinationHow: 'phone' });
    expect(created).toMatchObject({ subjectName: 'Zoë de Boer', requesterName: 'Joris Bakker', deadline: '2026-12-20', status: 'open', coordination: { parentName: 'Sanne de Boer', on: '2026-11-19', how: 'phone' } });
    // It proceeds like any request: the access report about the child is made for the other parent.
    const pdf = readPdf(await backend.ok('requests.accessReport', { id: created.id }));
    expect(pdf).toContain('Zoë');
    expect(pdf).toContain('Joris Bakker');

    // The contract parent's own request needs and records no afstemming.
    const own = await request(backend, { kind: 'access', subjectType: 'child', subjectId: child.id, requesterParentId: contractParent.id });
    expect(own.coordination).toBeNull();
    // A parent's own data: only that parent may ask.
    const notSelf = await backend.err('requests.create', { kind: 'access', subjectType: 'parent', subjectId: otherParent.id, requesterParentId: contractParent.id, receivedOn: '2026-11-20', identityMethod: 'id_shown' });
    expect(notSelf.code).toBe('FORBIDDEN');
  });

  it('a parent without gezag cannot exercise the child\'s rights: refused at the requester, nothing stored', async () => {
    const { backend } = await location();
    const household = await backend.ok('households.create', { ...HOUSEHOLD, parents: [HOUSEHOLD.parents[0]!, { ...HOUSEHOLD.parents[1]!, hasParentalAuthority: false }] });
    const child = await backend.ok('children.create', { householdId: household.id, firstName: 'Zoë', initials: 'Z.', surnamePrefix: 'de', surname: 'Boer', birthDate: '2023-04-15', groupId: await groupId(backend, 'Rupsjes'), bsn: BSN.child });
    const contractParent = household.parents.find((p) => p.isContractParent)!;
    const noGezag = household.parents.find((p) => !p.isContractParent)!;
    const refused = await backend.err('requests.create', {
      kind: 'access', subjectType: 'child', subjectId: child.id, requesterParentId: noGezag.id, receivedOn: '2026-11-20', identityMethod: 'id_shown',
      coordinationParentId: contractParent.id, coordinationOn: '2026-11-19', coordinationHow: 'in_person',
    });
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.message).toBe(NO_AUTHORITY_MESSAGE);
    expect(refused.details).toEqual({ requesterParentId: 'Kies een ouder met ouderlijk gezag.' });
    expect(await backend.ok('requests.list', {})).toEqual([]);
  });

  it('deadline at month ends follows the app clock: received 31 January 2028 (leap year) → 29 February, and "not in the future" is the app\'s today', async () => {
    const { backend } = await location('2028-02-10');
    const { contractParent } = await familyWithContract(backend, { startDate: '2025-01-01', endDate: null });
    const jan31 = await request(backend, { kind: 'access', subjectType: 'parent', subjectId: contractParent.id, requesterParentId: contractParent.id, receivedOn: '2028-01-31' });
    expect(jan31.deadline).toBe('2028-02-29');
    const mar31 = await backend.err('requests.create', { kind: 'access', subjectType: 'parent', subjectId: contractParent.id, requesterParentId: contractParent.id, receivedOn: '2028-02-11', identityMethod: 'id_shown' });
    expect(mar31.details?.receivedOn).toBe('Datum ontvangst kan niet in de toekomst liggen.');
  });

  it('deadline one month after receipt (31 January → 28 February); extension only before it, once, with the reason in the letter', async () => {
    const { backend, setToday } = await location('2026-02-10');
    const { contractParent } = await familyWithContract(backend, { startDate: '2025-01-01', endDate: null });
    const r = await request(backend, { kind: 'access', subjectType: 'parent', subjectId: contractParent.id, requesterParentId: contractParent.id, receivedOn: '2026-01-31' });
    expect(r.deadline).toBe('2026-02-28');
    expect(r.firstDeadline).toBe('2026-02-28');

    const noReason = await backend.err('requests.extend', { id: r.id, months: 2, reason: '  ' });
    expect(noReason.details?.reason).toBe('Reden van de verlenging is verplicht.');
    expect((await backend.err('requests.extend', { id: r.id, months: 3, reason: 'Veel gegevens' })).details?.months).toBe('Kies 1 of 2 maanden.');

    await setToday('2026-03-01');
    const late = await backend.err('requests.extend', { id: r.id, months: 1, reason: 'Veel gegevens' });
    expect(late.message).toBe('Verlengen kan alleen vóór de eerste termijn is verstreken.');
    expect((await backend.ok('requests.get', { id: r.id })).deadline).toBe('2026-02-28');

    await setToday('2026-02-28');
    const extended = await backend.ok('requests.extend', { id: r.id, months: 2, reason: 'Vijf jaar aan gegevens van drie kinderen' });
    expect(extended).toMatchObject({ deadline: '2026-04-30', extendedMonths: 2, extensionReason: 'Vijf jaar aan gegevens van drie kinderen', extendedOn: '2026-02-28' });
    expect((await backend.err('requests.extend', { id: r.id, months: 1, reason: 'Nog meer' })).message).toMatch(/al verlengd/);

    await backend.ok('requests.close', { id: r.id, outcome: 'granted' });
    const letter = readPdf(await backend.ok('requests.letter', { id: r.id })).replace(/\s+/g, ' ');
    expect(letter).toContain('Reden: Vijf jaar aan gegevens van drie kinderen');
    expect(letter).toContain('met 2 maanden verlengd');
  });

  it('the dashboard list warns 7 days before the deadline and flags overdue requests', async () => {
    const { backend, setToday } = await location('2026-02-20');
    const { contractParent, child } = await familyWithContract(backend, { startDate: '2025-01-01', endDate: null });
    const soon = await request(backend, { kind: 'access', subjectType: 'parent', subjectId: contractParent.id, requesterParentId: contractParent.id, receivedOn: '2026-01-31' });
    const later = await request(backend, { kind: 'portability', subjectType: 'child', subjectId: child.id, requesterParentId: contractParent.id, receivedOn: '2026-02-15' });
    expect((await backend.ok('requests.due', {})).requests).toEqual([]);
    await setToday('2026-02-21');
    expect((await backend.ok('requests.due', {})).requests.map((r) => [r.id, r.deadlineState])).toEqual([[soon.id, 'due_soon']]);
    await setToday('2026-03-01');
    expect((await backend.ok('requests.due', {})).requests.map((r) => [r.id, r.deadlineState])).toEqual([[soon.id, 'overdue']]);
    expect((await backend.ok('requests.list', { status: 'open' })).find((r) => r.id === later.id)?.deadlineState).toBe('ok');
  });
});

describe('access report (inzage)', () => {
  it('has every required section, the person’s data, recipients and retention dates — and nothing of another family', async () => {
    const { backend } = await location();
    const { child, contractParent } = await familyWithContract(backend, { startDate: '2020-01-06', endDate: '2024-06-30' });
    await backend.ok('contracts.create', { childId: child.id, careType: 'bso', days: ['wo'], hoursPerWeek: 6, startDate: '2025-09-01', endDate: '2026-07-31' });
    await backend.ok('medical.update', { childId: child.id, allergies: 'Pinda', diet: null, medication: null, otherParticulars: null });
    const other = await createOtherFamily(backend);
    await backend.ok('contracts.create', { childId: other.child.id, careType: 'dagopvang', days: ['wo', 'do'], hoursPerWeek: 9, startDate: '2025-01-01', endDate: null });
    await backend.ok('medical.update', { childId: other.child.id, allergies: 'Lactose', diet: 'Halal', medication: null, otherParticulars: null });
    // Both children go to the GGD (an inspection on a Wednesday half a year ago, while Zoë's BSO
    // contract ran); only Zoë's family is in the register for this report.
    const inspection = weekdayOnOrBefore(addDays(backend.core.today(), -182), 'wo');
    expect((await backend.ok('disclosures.export', { params: { kind: 'ggd', date: inspection }, format: 'csv' })).subjectCount).toBe(2);

    const r = await request(backend, { kind: 'access', subjectType: 'parent', subjectId: contractParent.id, requesterParentId: contractParent.id });
    const text = readPdf(await backend.ok('requests.accessReport', { id: r.id }));
    const flat = text.replace(/\s+/g, ' ');
    for (const heading of ['Uw persoonsgegevens', 'Doeleinden en grondslagen', 'Categorieën van persoonsgegevens', 'Ontvangers', 'Bewaartermijnen per categorie', 'Uw rechten', 'Klacht bij de Autoriteit Persoonsgegevens', 'Herkomst van de gegevens']) {
      expect(text, heading).toContain(heading);
    }
    for (const right of ['Rectificatie', 'Verwijdering', 'Beperking', 'Bezwaar']) expect(flat).toContain(right);
    // The data themselves: the parent and the child whose rights she exercises.
    for (const value of ['Sanne', 'Boer', 'sanne@example.nl', BSN.parent, BSN.child, 'Zoë', '15-04-2023', 'Pinda', 'NL91 ABNA 0417 1643 00', 'Dorpsstraat 12a', '1234 AB Vianen']) expect(flat, value).toContain(value);
    // Recipients from the verstrekkingenregister.
    expect(flat).toContain('GGD (inspectie), over Zoë de Boer');
    // Retention: contract data 7 years after the last contract end (31-07-2026 → 31-07-2033).
    expect(flat).toContain('7 jaar na einde van het laatste contract; bewaard tot 31-07-2033');
    // Medical data were needed only while the care ran (until 31-07-2026): no longer kept (the data map's medical rule, 0 days).
    expect(flat).toContain('Medische gegevens en bijzonderheden (allergieën, dieet, medicatie): Direct na einde van het laatste contract van het kind; geen bewaarplicht meer');
    expect(flat).toContain('gegevens: Voornaam kind, Achternaam kind, Geboortedatum kind');
    // Source of data not from the person.
    expect(flat).toContain('gecontroleerd aan de hand van de SVB');
    // The other parent (Joris) is another data subject; the other family is nowhere.
    for (const leak of ['Joris', 'Bakker', 'Fatima', 'El Amrani', 'Yusuf', 'Kerkweg', 'Utrecht', 'fatima@voorbeeld.nl', BSN.other, 'Lactose', 'Halal']) expect(flat, leak).not.toContain(leak);

    const audit = await backend.ok('audit.recent', { limit: 5 });
    expect(audit.some((a) => a.action === 'requests.accessReport' && a.entityId === r.id)).toBe(true);
  });

  it('a child’s report covers only that child, speaks of "uw kind" and names the running contract once', async () => {
    const { backend } = await location();
    const { child, contractParent } = await familyWithContract(backend, { startDate: '2025-01-01', endDate: null });
    await backend.ok('medical.update', { childId: child.id, allergies: 'Pinda', diet: null, medication: null, otherParticulars: null });
    const r = await request(backend, { kind: 'access', subjectType: 'child', subjectId: child.id, requesterParentId: contractParent.id });
    const flat = readPdf(await backend.ok('requests.accessReport', { id: r.id })).replace(/\s+/g, ' ');
    expect(flat).toContain('Kind: Zoë de Boer');
    expect(flat).not.toContain(BSN.parent);
    // The parent reads about the child's data, not as if they were their own.
    expect(flat).toContain('Inzage in de persoonsgegevens van uw kind');
    expect(flat).toContain('welke persoonsgegevens wij van uw kind Zoë de Boer verwerken');
    expect(flat).toContain('De persoonsgegevens van uw kind');
    expect(flat).toContain('kloppen de gegevens van uw kind niet');
    expect(flat).not.toMatch(/Uw persoonsgegevens|kloppen uw gegevens|vragen uw gegevens|van u verwerken/);
    // Running contract without end date: the end of retention is not known yet, said once.
    expect(flat).toContain('7 jaar na einde van het laatste contract; het contract loopt nog.');
    expect(flat).toContain('Direct na einde van het laatste contract van het kind; het contract loopt nog.');
    expect(flat).not.toMatch(/contract[^.]*; er loopt nog een contract/);
    // The decision letter names the rights as the child's, exercised by the parent.
    await backend.ok('requests.close', { id: r.id, outcome: 'granted' });
    const letter = readPdf(await backend.ok('requests.letter', { id: r.id })).replace(/\s+/g, ' ');
    expect(letter).toContain('Uw rechten (namens uw kind)');
    expect(letter).toContain('u kunt vragen de gegevens van uw kind te verwijderen');
  });
});

describe('meldcode information in an answer', () => {
  it('only on the aandachtsfunctionaris’ recorded decision, and never who reported the concern', async () => {
    const { backend } = await location();
    const setup = await backend.ok('app.status', {});
    const { child, contractParent } = await familyWithContract(backend, { startDate: '2025-01-01', endDate: null });
    const file = await backend.ok('meldcode.open', { route: 'huiselijk', childId: child.id, openedOn: '2026-10-01' });
    await backend.ok('meldcode.addEntry', { caseId: file.id, kind: 'signal', occurredOn: '2026-10-01', payload: { observation: 'Blauwe plek op de arm', observedBy: 'Petra Melder' } });
    await backend.ok('meldcode.addEntry', { caseId: file.id, kind: 'consultation', occurredOn: '2026-10-02', payload: { consultedWith: 'colleague', consultedName: 'Karin Collega', advice: 'Gesprek met ouder voeren' } });

    const access = await request(backend, { kind: 'access', subjectType: 'child', subjectId: child.id, requesterParentId: contractParent.id });
    const waiting = await backend.err('requests.accessReport', { id: access.id });
    expect(waiting.code).toBe('CONFLICT');
    // Nobody has the officer role yet: the message says so and how to fix it.
    expect(waiting.message).toMatch(/deze locatie heeft nog niemand met die rol\. Geef op de pagina Gebruikers/);
    // A manager without the officer role may not decide.
    expect((await backend.err('requests.meldcodeDecision', { id: access.id, decision: 'include', reason: 'x' })).message).toMatch(/^Alleen de aandachtsfunctionaris/);

    await backend.ok('users.update', { id: setup.session!.userId, name: setup.session!.name, roles: ['manager', 'meldcodeOfficer'] });
    // Now the message names who decides.
    expect((await backend.err('requests.accessReport', { id: access.id })).message).toMatch(/beslist de aandachtsfunctionaris: Anna de Vries\. Het verzoek staat op diens overzicht onder ‘Wachten op uw beslissing’/);
    // The officer's task list holds the request until the decision is recorded.
    expect((await backend.ok('requests.meldcodeDecisionsAwaited', {})).map((r) => r.id)).toEqual([access.id]);
    const decided = await backend.ok('requests.meldcodeDecision', { id: access.id, decision: 'include', reason: 'Hulp loopt; inzage schaadt het kind niet' });
    expect(decided.meldcode).toMatchObject({ decision: 'include', decidedByName: 'Anna de Vries' });
    expect(await backend.ok('requests.meldcodeDecisionsAwaited', {})).toEqual([]);
    const included = readPdf(await backend.ok('requests.accessReport', { id: access.id })).replace(/\s+/g, ' ');
    expect(included).toContain('Meldcodedossier: geopend op 01-10-2026, nog open');
    expect(included).toContain('2 jaar na afsluiting van het dossier; het meldcodedossier is nog niet gesloten');
    expect(included).toContain('Blauwe plek op de arm');
    expect(included).toContain('Gesprek met ouder voeren');
    // Who observed the signal and who was consulted stay out (the entries' author is the signing manager here).
    for (const name of ['Petra', 'Melder', 'Karin', 'Collega']) expect(included, name).not.toContain(name);

    const other = await request(backend, { kind: 'access', subjectType: 'child', subjectId: child.id, requesterParentId: contractParent.id });
    await backend.ok('requests.meldcodeDecision', { id: other.id, decision: 'exclude', reason: 'Veiligheid van het kind' });
    const excluded = readPdf(await backend.ok('requests.accessReport', { id: other.id })).replace(/\s+/g, ' ');
    expect(excluded).not.toMatch(/[Mm]eldcode/);
    expect(excluded).not.toContain('Blauwe plek');

    // The child cannot be erased while the case file exists; its identity is kept.
    const erasure = await request(backend, { kind: 'erasure', subjectType: 'child', subjectId: child.id, requesterParentId: contractParent.id });
    const preview = await backend.ok('requests.erasurePreview', { id: erasure.id });
    expect(preview.categories.find((c) => c.category === 'child_meldcode')).toMatchObject({ erasableNow: false, keptUntil: null });
    // The retention engine keeps the whole household while a case file is open.
    expect(preview.categories.find((c) => c.category === 'child_identity')).toMatchObject({ erasableNow: false, note: 'er loopt een meldcodedossier over een kind van dit gezin' });
    expect((await backend.err('requests.erase', { id: erasure.id })).code).toBe('CONFLICT');
  });

  it('the officer\'s list holds exactly the open access and erasure requests about a child with a meldcode file or its household', async () => {
    const { backend } = await location();
    const { household, child, contractParent } = await familyWithContract(backend, { startDate: '2025-01-01', endDate: null });
    const sibling = await backend.ok('children.create', { householdId: household.id, firstName: 'Mila', initials: 'M.', surnamePrefix: 'de', surname: 'Boer', birthDate: '2024-02-01', groupId: await groupId(backend), bsn: null });
    const other = await createOtherFamily(backend);
    await backend.ok('meldcode.open', { route: 'huiselijk', childId: child.id, openedOn: '2026-10-01' });
    await backend.ok('meldcode.open', { route: 'huiselijk', childId: other.child.id, openedOn: '2026-10-01' });
    const asked = (kind: 'access' | 'erasure' | 'rectification', subjectType: 'parent' | 'child', subjectId: string, requesterParentId = contractParent.id) =>
      request(backend, { kind, subjectType, subjectId, requesterParentId });
    const aboutChild = await asked('access', 'child', child.id);
    const erasure = await asked('erasure', 'child', child.id);
    const aboutParent = await asked('access', 'parent', contractParent.id);
    await asked('access', 'child', sibling.id); // the sibling has no case file of their own
    await asked('rectification', 'child', child.id); // not an answer that could include the file
    const otherParent = other.household.parents[0]!.id;
    const otherFamily = await asked('access', 'child', other.child.id, otherParent);
    const listed = (await backend.ok('requests.meldcodeDecisionsAwaited', {})).map((r) => r.id).sort();
    expect(listed).toEqual([aboutChild.id, erasure.id, aboutParent.id, otherFamily.id].sort());
    await backend.ok('requests.close', { id: otherFamily.id, outcome: 'refused', reason: 'Ingetrokken door de ouder' });
    expect((await backend.ok('requests.meldcodeDecisionsAwaited', {})).map((r) => r.id).sort()).toEqual([aboutChild.id, erasure.id, aboutParent.id].sort());
  });

  it('"Waarom bewaren we dit nog?" names the meldcode file only on screen, never in the PDF for the parent', async () => {
    const { backend } = await location();
    const { household, child } = await familyWithContract(backend, { startDate: '2025-01-01', endDate: null });
    await backend.ok('meldcode.open', { route: 'huiselijk', childId: child.id, openedOn: '2026-10-01' });
    // The manager may see meldcode files: on screen the file has its own line.
    const screen = await backend.ok('retention.why', { subjectType: 'household', id: household.id });
    expect(screen.items.some((item) => item.policy === 'meldcode')).toBe(true);
    // The PDF a manager may hand to a parent says only that a statutory duty applies.
    const pdf = readPdf(await backend.ok('retention.whyPdf', { subjectType: 'household', id: household.id })).replace(/\s+/g, ' ');
    expect(pdf).toContain('Er geldt een wettelijke bewaarplicht.');
    expect(pdf).not.toMatch(/[Mm]eldcode|Veilig Thuis|huiselijk/);
  });
});

describe('portability (dataportabiliteit)', () => {
  it('JSON validates against the published schema and round-trips into an empty location; CSV bundle and PDF summary', async () => {
    const published = JSON.parse(fs.readFileSync(path.join(ROOT, 'shared/portability/portability.schema.json'), 'utf8')) as object;
    expect(published, 'run npx tsx scripts/portability-schema.ts').toEqual(JSON.parse(JSON.stringify(publishedPortabilitySchema())));
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(published);

    const { backend } = await location();
    const { child, contractParent } = await familyWithContract(backend, { startDate: '2025-01-01', endDate: '2027-07-31' });
    await backend.ok('medical.update', { childId: child.id, allergies: 'Pinda', diet: 'Glutenvrij', medication: null, otherParticulars: 'Slaapt met knuffel' });
    await backend.ok('pickup.addPerson', { childId: child.id, name: 'Oma Truus', relation: 'Oma', phone: '06 55554444', validUntil: null });
    await backend.ok('consents.record', { childId: child.id, parentId: contractParent.id, decidedOn: '2026-01-05', channel: 'signed_form', answers: [{ purpose: 'ouderportaal', given: true, recognisable: true }] });
    await backend.ok('consents.record', { childId: child.id, parentId: contractParent.id, decidedOn: '2026-02-01', channel: 'email', answers: [{ purpose: 'ouderportaal', given: false, recognisable: false }] });
    await createOtherFamily(backend);

    const r = await request(backend, { kind: 'portability', subjectType: 'parent', subjectId: contractParent.id, requesterParentId: contractParent.id });
    const bundle = await backend.ok('requests.portabilityExport', { id: r.id });
    expect(bundle.files.map((f) => f.fileName)).toEqual(['dataportabiliteit.json', 'ouder.csv', 'kinderen.csv', 'contracten.csv', 'medisch.csv', 'ophaalpersonen.csv', 'toestemmingen.csv', 'samenvatting.pdf']);
    const json = Buffer.from(bundle.files[0]!.base64, 'base64').toString('utf8');
    const data = JSON.parse(json) as Record<string, unknown>;
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    expect(json).not.toContain(BSN.parent);
    expect(json).not.toContain('Fatima');
    expect(validate({ ...data, parent: { ...(data.parent as object), bsn: BSN.parent } })).toBe(false);

    const csv = Buffer.from(bundle.files[3]!.base64, 'base64').toString('utf8');
    expect(csv).toContain('Zoë de Boer;dagopvang;ma di;18;2025-01-01;2027-07-31');
    const summary = readPdf(bundle.files.at(-1)!).replace(/\s+/g, ' ');
    expect(summary).toContain('Wat er niet in staat, en waarom');
    expect(summary).toContain('Burgerservicenummers');

    // Into an empty location (another organisation): the same provided data come out again.
    const { backend: target } = await location();
    const { householdId } = await target.ok('requests.importPortability', { json });
    const household = await target.ok('households.get', { id: householdId });
    const parent = household.parents[0]!;
    const again = await request(target, { kind: 'portability', subjectType: 'parent', subjectId: parent.id, requesterParentId: parent.id });
    const reexported = JSON.parse(Buffer.from((await target.ok('requests.portabilityExport', { id: again.id })).files[0]!.base64, 'base64').toString('utf8')) as Record<string, unknown>;
    const provided = (d: Record<string, unknown>) => ({ parent: d.parent, household: d.household, children: d.children });
    expect(provided(reexported)).toEqual(provided(data));
    expect(household.children[0]!.groupName).toBe('Nog in te delen');

    const broken = await target.err('requests.importPortability', { json: JSON.stringify({ ...data, version: 2 }) });
    expect(broken.code).toBe('VALIDATION');
    expect(broken.message).toMatch(/^Het bestand bevat ongeldige gegevens/);
  });
});

describe('rectification and restriction', () => {
  it('rectification keeps the old value and the statement, and lists every recipient to inform (art. 19)', async () => {
    const { backend } = await location();
    const { child, contractParent, household } = await familyWithContract(backend, { startDate: '2025-01-01', endDate: null });
    await backend.ok('disclosures.export', { params: { kind: 'belastingdienst', month: '2026-10' }, format: 'csv' });
    const r = await request(backend, { kind: 'rectification', subjectType: 'parent', subjectId: contractParent.id, requesterParentId: contractParent.id });

    const bad = await backend.err('requests.rectify', { id: r.id, changes: [{ target: 'household', targetId: household.id, field: 'postcode', value: '0123 AB' }], statement: null });
    expect(bad.details?.['changes.0.value']).toMatch(/postcode/i);
    const foreign = await backend.err('requests.rectify', { id: r.id, changes: [{ target: 'child', targetId: child.id, field: 'firstName', value: 'Zoe' }], statement: null });
    expect(foreign.message).toBe('Deze correctie hoort niet bij de persoon van dit verzoek.');

    const done = await backend.ok('requests.rectify', {
      id: r.id,
      changes: [
        { target: 'parent', targetId: contractParent.id, field: 'surname', value: 'Boer-Jansen' },
        { target: 'household', targetId: household.id, field: 'street', value: 'Kerkstraat' },
      ],
      statement: 'Ik heet sinds mijn huwelijk Boer-Jansen.',
    });
    expect(done.corrections.map((c) => [c.field, c.oldValue, c.newValue])).toEqual([
      ['surname', 'Boer', 'Boer-Jansen'],
      ['street', 'Dorpsstraat', 'Kerkstraat'],
      [null, null, null],
    ]);
    expect(done.corrections[2]!.statement).toBe('Ik heet sinds mijn huwelijk Boer-Jansen.');
    expect(done.tasks.map((t) => [t.kind, t.recipientName])).toEqual([['inform_recipient', 'Belastingdienst (kinderopvangtoeslag)']]);
    const updated = await backend.ok('households.get', { id: household.id });
    expect(updated.street).toBe('Kerkstraat');
    expect((await backend.ok('search.query', { q: 'boer-jansen', limit: 5 })).some((s) => s.id === contractParent.id)).toBe(true);

    const closed = await backend.ok('requests.close', { id: r.id, outcome: 'granted' });
    expect(closed.description).toBeNull();
    const letter = readPdf(await backend.ok('requests.letter', { id: r.id })).replace(/\s+/g, ' ');
    expect(letter).toContain('Wij hebben 2 gegevens verbeterd of aangevuld');
    expect(letter).toContain('Belastingdienst (kinderopvangtoeslag)');
    expect(letter).toContain('Autoriteit Persoonsgegevens');
  });

  it('a restricted person is read-only and absent from the next GGD and marketing exports; lifting first informs the person', async () => {
    const { backend } = await location();
    const { child, contractParent } = await familyWithContract(backend, { startDate: '2025-01-01', endDate: null });
    const other = await createOtherFamily(backend);
    await backend.ok('contracts.create', { childId: other.child.id, careType: 'dagopvang', days: ['di', 'do'], hoursPerWeek: 9, startDate: '2025-01-01', endDate: null });
    // The GGD list of the last Tuesday: both children come that day. While Zoë's processing is
    // restricted, the list waits for the manager's decision about her (here: left out).
    const params = { kind: 'ggd', date: weekdayOnOrBefore(backend.core.today(), 'di') } as const;
    const leaveOut = [{ subjectType: 'child' as const, subjectId: child.id, include: false, reason: 'Beperking loopt; de GGD telt zonder haar gegevens' }];
    const ggd = async (decisions: typeof leaveOut = []) => Buffer.from((await backend.ok('disclosures.export', { params, format: 'csv', decisions })).base64, 'base64').toString('utf8');
    const marketing = async () => Buffer.from((await backend.ok('marketing.export', { recipientName: 'Meta' })).base64, 'base64').toString('utf8');
    expect(await ggd()).toContain('Zoë');
    expect(await marketing()).toContain(hashEmail('sanne@example.nl'));

    const forChild = await request(backend, { kind: 'restriction', subjectType: 'child', subjectId: child.id, requesterParentId: contractParent.id });
    const restricted = await backend.ok('requests.restrict', { id: forChild.id, reason: 'Juistheid geboortedatum betwist' });
    expect(restricted.restriction).toMatchObject({ since: '2026-11-25', liftPending: false });
    // The GGD received Zoë earlier: that recipient must be told about the restriction.
    expect(restricted.tasks.map((t) => t.recipientName)).toEqual(['GGD (inspectie)']);
    const forParent = await request(backend, { kind: 'restriction', subjectType: 'parent', subjectId: contractParent.id, requesterParentId: contractParent.id });
    await backend.ok('requests.restrict', { id: forParent.id, reason: 'Bezwaar in behandeling' });

    // Not left out silently: the export is refused until she is decided.
    expect((await backend.err('disclosures.export', { params, format: 'csv' })).message).toMatch(/beperkt: Zoë de Boer\./);
    const ggdCsv = await ggd(leaveOut);
    expect(ggdCsv).not.toContain('Zoë');
    expect(ggdCsv).toContain(OTHER_FAMILY.child.firstName);
    const marketingCsv = await marketing();
    expect(marketingCsv).not.toContain(hashEmail('sanne@example.nl'));
    expect(marketingCsv).toContain(hashEmail(OTHER_FAMILY.household.parents[0]!.email!));

    const locked = await backend.err('children.update', { id: child.id, firstName: 'Zoe', initials: 'Z.', surnamePrefix: 'de', surname: 'Boer', birthDate: '2023-04-15', groupId: await groupId(backend, 'Rupsjes') });
    expect(locked.code).toBe('LOCKED');
    expect(locked.message).toMatch(/^De verwerking van de gegevens van dit kind is beperkt/);
    expect((await backend.err('medical.update', { childId: child.id, allergies: 'Noten', diet: null, medication: null, otherParticulars: null })).code).toBe('LOCKED');

    // Lifting: first a task to inform the person; the restriction holds until that task is done.
    const lifting = await backend.ok('requests.requestLift', { id: forChild.id });
    expect(lifting.restriction?.liftPending).toBe(true);
    expect(await ggd(leaveOut)).not.toContain('Zoë');
    const informTask = lifting.tasks.find((t) => t.kind === 'inform_before_lift')!;
    expect((await backend.ok('requests.due', {})).tasks.some((t) => t.id === informTask.id)).toBe(true);
    const lifted = await backend.ok('requests.completeTask', { id: informTask.id });
    expect(lifted.restriction).toBeNull();
    expect(await ggd()).toContain('Zoë');
    await backend.ok('children.update', { id: child.id, firstName: 'Zoë', initials: 'Z.', surnamePrefix: 'de', surname: 'Boer', birthDate: '2023-04-15', groupId: await groupId(backend, 'Rupsjes') });
  });
});

describe('erasure (verwijdering)', () => {
  it('a parent with a running contract: only what may go is erased; the letter states the 7-year rule with its end date', async () => {
    const { backend } = await location();
    const { contractParent, household } = await familyWithContract(backend, { startDate: '2025-01-01', endDate: '2027-07-31' });
    await backend.ok('disclosures.export', { params: { kind: 'belastingdienst', month: '2026-10' }, format: 'csv' });
    const r = await request(backend, { kind: 'erasure', subjectType: 'parent', subjectId: contractParent.id, requesterParentId: contractParent.id });

    const preview = await backend.ok('requests.erasurePreview', { id: r.id });
    expect(preview.subjectName).toBe('Sanne de Boer');
    expect(preview.categories.map((c) => [c.category, c.erasableNow, c.keptUntil])).toEqual([
      ['parent_identity', false, '2034-07-31'],
      // E-mail and phone: 3 months after the last contract (the data map's parent_contact rule).
      ['parent_contact', false, '2027-10-31'],
      ['parent_bsn', false, '2034-07-31'],
      ['household_financial', false, '2034-07-31'],
      ['parent_marketing', true, null],
    ]);
    expect(preview.categories[0]).toMatchObject({ rule: '7 jaar na einde van het laatste contract', legalBasis: expect.stringMatching(/^Fiscale bewaarplicht, art\. 52 Algemene wet inzake rijksbelastingen/) });

    const done = await backend.ok('requests.erase', { id: r.id });
    expect(done).toMatchObject({ status: 'closed', outcome: 'partially_granted', description: null });
    expect(done.decision?.erased.map((c) => c.category)).toEqual(['parent_marketing']);
    expect(done.tasks.map((t) => t.recipientName)).toEqual(['Belastingdienst (kinderopvangtoeslag)']);
    // Kept data are still there; the address is out of marketing.
    const after = await backend.ok('households.get', { id: household.id });
    expect(after.parents.find((p) => p.id === contractParent.id)).toMatchObject({ surname: 'Boer', email: 'sanne@example.nl' });
    expect(Buffer.from((await backend.ok('marketing.export', { recipientName: 'Meta' })).base64, 'base64').toString('utf8')).not.toContain(hashEmail('sanne@example.nl'));

    const letter = readPdf(await backend.ok('requests.letter', { id: r.id })).replace(/\s+/g, ' ');
    expect(letter).toContain('Wat wij hebben verwijderd');
    expect(letter).toContain('Gebruik van uw e-mailadres voor marketing');
    expect(letter).toContain('Wat wij nog bewaren, waarom en tot wanneer');
    expect(letter).toContain('Naam, voorletters en adres: 7 jaar na einde van het laatste contract; bewaard tot 31-07-2034.');
    expect(letter).toContain('Grondslag: Fiscale bewaarplicht, art. 52 Algemene wet inzake rijksbelastingen');
    expect(letter).toContain('bewaard tot 31-10-2027');
    expect(letter).toContain('Autoriteit Persoonsgegevens');
  });

  it('a child whose contract ended more than 7 years ago is erased completely, with tombstones and no queued copies left', async () => {
    const { backend } = await location();
    const { child, contractParent, household } = await familyWithContract(backend, { startDate: '2016-01-04', endDate: '2018-12-31' });
    await backend.ok('medical.update', { childId: child.id, allergies: 'Pinda', diet: null, medication: null, otherParticulars: null });
    await backend.ok('pickup.addPerson', { childId: child.id, name: 'Oma Truus', relation: 'Oma', phone: null, validUntil: null });
    const r = await request(backend, { kind: 'erasure', subjectType: 'child', subjectId: child.id, requesterParentId: contractParent.id });
    expect((await backend.ok('requests.erasurePreview', { id: r.id })).categories.every((c) => c.erasableNow)).toBe(true);

    const done = await backend.ok('requests.erase', { id: r.id });
    expect(done).toMatchObject({ outcome: 'granted', subjectName: null });
    expect((await backend.err('children.get', { id: child.id })).code).toBe('NOT_FOUND');
    expect((await backend.ok('households.get', { id: household.id })).children).toEqual([]);

    const db = backend.core.db();
    const queued = await db.selectFrom('outbox').select(['entity', 'entity_id', 'op', 'payload']).execute();
    expect(queued.filter((q) => q.op === 'upsert' && q.payload?.includes('Pinda'))).toEqual([]);
    expect(queued.filter((q) => q.payload?.includes('Zoë'))).toEqual([]);
    expect(queued.some((q) => q.entity === 'children' && q.entity_id === child.id && q.op === 'delete')).toBe(true);
    expect(await db.selectFrom('child_medical').selectAll().execute()).toEqual([]);
    expect(await db.selectFrom('pickup_persons').selectAll().execute()).toEqual([]);
    // The register keeps the request as proof, with the requester's name and no free text.
    const kept = await db.selectFrom('subject_requests').selectAll().where('id', '=', r.id).executeTakeFirstOrThrow();
    expect(kept).toMatchObject({ description: null, requester_name: 'Sanne de Boer', status: 'closed' });
  });
});

describe('objection to marketing', () => {
  it('puts the address on the opt-out list and closes the request', async () => {
    const { backend } = await location();
    const { contractParent } = await familyWithContract(backend, { startDate: '2025-01-01', endDate: null });
    const r = await request(backend, { kind: 'objection', subjectType: 'parent', subjectId: contractParent.id, requesterParentId: contractParent.id });
    expect(await backend.ok('requests.objection', { id: r.id, decisions: [{ category: 'parent_marketing', outcome: 'upheld' }] })).toMatchObject({ status: 'closed', outcome: 'granted' });
    expect((await backend.ok('marketing.optOuts', {})).map((o) => o.email)).toEqual(['sanne@example.nl']);
    expect((await backend.err('requests.objection', { id: r.id, decisions: [{ category: 'parent_marketing', outcome: 'upheld' }] })).message).toBe('Dit verzoek is al afgehandeld.');
  });
});
