import { describe, expect, it } from 'vitest';
import { hashEmail } from '../../electron/backend/modules/marketing/marketing.service';
import { makeBackend, setUpLocation, type TestBackend } from '../helpers/backend';
import { BSN, createFamily, loginAsStaff, groupId } from '../helpers/clients';
import { readPdf } from '../helpers/pdf';

async function withFamily() {
  const backend = makeBackend();
  await setUpLocation(backend);
  const { household, child } = await createFamily(backend);
  await backend.ok('contracts.create', { childId: child.id, careType: 'dagopvang', days: ['ma', 'di'], hoursPerWeek: 14, startDate: '2025-01-01', endDate: null });
  const contractParent = household.parents.find((p) => p.isContractParent)!;
  const otherParent = household.parents.find((p) => !p.isContractParent)!;
  return { backend, household, child, contractParent, otherParent };
}

/** The names listed in one column of the roster (by the column's x position in the layout text). */
async function rosterColumns(backend: TestBackend, purpose: 'nieuwsbrief' | 'ouderportaal') {
  const roster = await backend.ok('consents.roster', { groupId: await groupId(backend, 'Rupsjes'), purpose });
  const names = (children: { name: string }[]) => children.map((c) => c.name);
  return { ...roster, recognisable: names(roster.recognisable), unrecognisable: names(roster.unrecognisable), no: names(roster.no) };
}

describe('photo consent', () => {
  it('defaults to no; only the contract parent decides; history is append-only', async () => {
    const { backend, child, contractParent, otherParent } = await withFamily();
    const overview = await backend.ok('consents.overview', { childId: child.id });
    expect(overview.current.map((c) => c.permission)).toEqual(['no', 'no', 'no', 'no']);

    const refused = await backend.err('consents.record', { childId: child.id, parentId: otherParent.id, decidedOn: '2026-01-05', channel: 'signed_form', answers: [{ purpose: 'nieuwsbrief', given: true, recognisable: true }] });
    expect(refused.message).toMatch(/^Alleen de contractouder kan toestemming geven of intrekken\./);

    await backend.ok('consents.record', {
      childId: child.id,
      parentId: contractParent.id,
      decidedOn: '2026-01-05',
      channel: 'signed_form',
      answers: [
        { purpose: 'ouderportaal', given: true, recognisable: true },
        { purpose: 'nieuwsbrief', given: true, recognisable: true },
        { purpose: 'interne_training', given: true, recognisable: false },
        { purpose: 'website_social', given: false, recognisable: false },
      ],
    });
    const after = await backend.ok('consents.record', { childId: child.id, parentId: contractParent.id, decidedOn: '2026-02-01', channel: 'email', answers: [{ purpose: 'nieuwsbrief', given: false, recognisable: false }] });
    expect(after.current).toEqual([
      { purpose: 'ouderportaal', permission: 'recognisable', since: '2026-01-05' },
      { purpose: 'nieuwsbrief', permission: 'no', since: '2026-02-01' },
      { purpose: 'interne_training', permission: 'unrecognisable', since: '2026-01-05' },
      { purpose: 'website_social', permission: 'no', since: '2026-01-05' },
    ]);
    expect(after.history).toHaveLength(5);
    expect(after.history[0]).toMatchObject({ purpose: 'nieuwsbrief', decision: 'withdrawn', channel: 'email', parentName: 'Sanne de Boer', privacyStatementVersion: '20-06-2023' });
    expect(() => backend.core.sqlite().exec("UPDATE photo_consents SET decision = 'given'")).toThrow(/append-only/);
  });

  it('withdrawing newsletter consent moves the child out of the newsletter column of the next roster', async () => {
    const { backend, child, contractParent } = await withFamily();
    await backend.ok('consents.record', { childId: child.id, parentId: contractParent.id, decidedOn: '2026-01-05', channel: 'signed_form', answers: [{ purpose: 'nieuwsbrief', given: true, recognisable: true }, { purpose: 'ouderportaal', given: true, recognisable: false }] });
    expect(await rosterColumns(backend, 'nieuwsbrief')).toMatchObject({ recognisable: ['Zoë de Boer'], unrecognisable: [], no: [] });
    expect(await rosterColumns(backend, 'ouderportaal')).toMatchObject({ recognisable: [], unrecognisable: ['Zoë de Boer'], no: [] });
    const before = readPdf(await backend.ok('consents.rosterPdf', { groupId: await groupId(backend, 'Rupsjes'), purpose: 'nieuwsbrief' }));
    const firstColumnLine = before.split('\n').find((l) => l.includes('Zoë de Boer'))!;
    expect(firstColumnLine.indexOf('Zoë de Boer')).toBeLessThan(30);

    await backend.ok('consents.record', { childId: child.id, parentId: contractParent.id, decidedOn: '2026-03-01', channel: 'parent_portal', answers: [{ purpose: 'nieuwsbrief', given: false, recognisable: false }] });
    expect(await rosterColumns(backend, 'nieuwsbrief')).toMatchObject({ recognisable: [], unrecognisable: [], no: ['Zoë de Boer'] });
    const text = readPdf(await backend.ok('consents.rosterPdf', { groupId: await groupId(backend, 'Rupsjes'), purpose: 'nieuwsbrief' }));
    expect(text).toContain('Fotolijst Rupsjes');
    expect(text).toContain('Nieuwsbrieven');
    const line = text.split('\n').find((l) => l.includes('Zoë de Boer'))!;
    expect(line.indexOf('Zoë de Boer')).toBeGreaterThan(60); // now in the third column, "Niet op beeld"
  });

  it('the consent form PDF has the child, the location, all four purposes and signature lines; a group prints in one batch', async () => {
    const { backend, household, child } = await withFamily();
    await backend.ok('children.create', { householdId: household.id, firstName: 'Mats', surname: 'Boer', surnamePrefix: 'de', birthDate: '2024-01-02', groupId: await groupId(backend, 'Rupsjes'), bsn: null });
    const one = readPdf(await backend.ok('consents.formPdf', { childId: child.id, blank: false }));
    for (const text of ['Toestemming foto- en filmbeelden', 'Zoë de Boer', 'Kindercentrum De Vlinder', 'Ouderportaal', 'Nieuwsbrieven', 'Interne training', 'Website en social media', 'Handtekening', 'Datum', 'Sanne de Boer', '20-06-2023']) {
      expect(one, text).toContain(text);
    }
    const batch = await backend.ok('consents.formPdf', { groupId: await groupId(backend, 'Rupsjes'), blank: true });
    const text = readPdf(batch);
    expect(text).toContain('Zoë de Boer');
    expect(text).toContain('Mats de Boer');
    expect(text.split('\f').filter((page) => page.includes('Handtekening'))).toHaveLength(2);
  });

  it('new consents refer to the privacy statement version set by the manager; staff can read it but not change it', async () => {
    const { backend, child, contractParent } = await withFamily();
    expect(await backend.ok('consents.privacyStatement', {})).toEqual({ version: '20-06-2023', published: false });
    const empty = await backend.err('settings.update', { privacyStatementVersion: '  ' });
    expect(empty.details).toMatchObject({ privacyStatementVersion: 'Vul de datum of versie van het privacystatement in.' });
    expect(await backend.ok('consents.privacyStatement', {})).toEqual({ version: '20-06-2023', published: false });

    // Typed as "1-3-2026", shown and printed in the one date style.
    await backend.ok('settings.update', { privacyStatementVersion: '1-3-2026' });
    expect(await backend.ok('consents.privacyStatement', {})).toEqual({ version: '01-03-2026', published: false });
    const overview = await backend.ok('consents.record', { childId: child.id, parentId: contractParent.id, decidedOn: '2026-01-05', channel: 'email', answers: [{ purpose: 'ouderportaal', given: true, recognisable: false }] });
    expect(overview.history[0]!.privacyStatementVersion).toBe('01-03-2026');
    expect(readPdf(await backend.ok('consents.formPdf', { childId: child.id, blank: true }))).toContain('01-03-2026');

    await loginAsStaff(backend);
    expect(await backend.ok('consents.privacyStatement', {})).toEqual({ version: '01-03-2026', published: false });
    expect((await backend.err('settings.update', { privacyStatementVersion: '2-3-2026' })).code).toBe('FORBIDDEN');
  });
});

describe('legal disclosures', () => {
  it('GGD and Belastingdienst exports contain exactly their fields and are registered per person', async () => {
    const { backend, child, contractParent } = await withFamily();
    const ggd = await backend.ok('disclosures.export', { params: { kind: 'ggd', date: '2026-03-10' }, format: 'csv' });
    const ggdCsv = Buffer.from(ggd.base64, 'base64').toString('utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    // The location, its LRK number and the day head the list; then one line per child with the group.
    expect(ggdCsv.slice(0, 4)).toEqual(['Locatie;Kindercentrum De Vlinder', 'LRK-nummer;123456789', 'Datum;dinsdag 10 maart 2026', '']);
    expect(ggdCsv[4]).toBe('Voornaam kind;Achternaam kind;Geboortedatum kind;Groep');
    expect(ggdCsv.slice(5)).toEqual(['Zoë;de Boer;15-04-2023;Rupsjes']);
    expect(ggdCsv.join('\n')).not.toContain(BSN.child);
    // Zoë comes on Monday and Tuesday: the GGD list for Wednesday 2026-03-11 leaves her out.
    const wednesday = await backend.ok('disclosures.export', { params: { kind: 'ggd', date: '2026-03-11' }, format: 'csv' });
    expect(wednesday.subjectCount).toBe(0);

    const bd = await backend.ok('disclosures.export', { params: { kind: 'belastingdienst', month: '2026-02' }, format: 'csv' });
    const bdCsv = Buffer.from(bd.base64, 'base64').toString('utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(bdCsv[0]).toBe('Voornaam kind;Achternaam kind;BSN kind;Naam betalende ouder;BSN betalende ouder;Adres;Postcode;Woonplaats;Afgenomen uren');
    expect(bdCsv[1]).toBe(`Zoë;de Boer;${BSN.child};Sanne de Boer;${BSN.parent};Dorpsstraat 12a;1234 AB;Vianen;56,0`);

    const preview = await backend.ok('disclosures.preview', { kind: 'belastingdienst', month: '2026-02' });
    expect(JSON.stringify(preview)).not.toContain(BSN.child);

    const pdf = readPdf(await backend.ok('disclosures.export', { params: { kind: 'ggd', date: '2026-03-10' }, format: 'pdf' }));
    expect(pdf).toContain('Zoë');
    expect(pdf).not.toContain(BSN.child);

    const forChild = await backend.ok('disclosures.register', { subjectType: 'child', subjectId: child.id });
    // The GGD list of 10 March as CSV and then as PDF is one disclosure: one line (the Wednesday list held nobody).
    expect(forChild.map((d) => d.recipient)).toEqual(['belastingdienst', 'ggd']);
    expect(forChild[1]).toMatchObject({ period: '2026-03-10', format: 'csv, pdf' });
    expect(forChild[0]).toMatchObject({ recipientName: 'Belastingdienst (kinderopvangtoeslag)', subjectCount: 2, period: '2026-02', createdByName: 'Anna de Vries' });
    const forParent = await backend.ok('disclosures.register', { subjectType: 'parent', subjectId: contractParent.id });
    expect(forParent.map((d) => d.recipient)).toEqual(['belastingdienst']);
  });

  it('the municipality (VVE) export holds only the configured fields', async () => {
    const { backend, child } = await withFamily();
    await backend.ok('contracts.create', { childId: child.id, careType: 'peuteropvang', days: ['wo'], hoursPerWeek: 8, startDate: '2025-09-01', endDate: null });
    expect((await backend.err('municipalities.save', { name: 'Vianen', legalBasis: 'Verordening', fields: ['parent_bsn'] })).code).toBe('VALIDATION');
    const vianen = await backend.ok('municipalities.save', { name: 'Vianen', legalBasis: 'Verordening VVE Vianen 2025', fields: ['child_first_name', 'child_birth_date', 'hours'] });
    const preview = await backend.ok('disclosures.preview', { kind: 'gemeente_vve', municipalityId: vianen.id });
    expect(preview.columns.map((c) => c.key)).toEqual(['child_first_name', 'child_birth_date', 'hours']);
    expect(preview.rows).toEqual([['Zoë', '15-04-2023', '8,0']]);
  });

  it('a disclosure to a school is refused without valid written consent, with the reason', async () => {
    const { backend, child, contractParent, otherParent } = await withFamily();
    const none = await backend.err('disclosures.recordToRecipient', { childId: child.id, recipientName: 'Basisschool De Wegwijzer', dataDescription: 'Overdrachtsformulier', disclosedOn: '2026-03-01' });
    expect(none).toMatchObject({ code: 'FORBIDDEN' });
    expect(none.message).toContain('Er is geen schriftelijke toestemming van de contractouder voor uitwisseling met Basisschool De Wegwijzer.');
    const notWritten = await backend.err('exchange.create', { childId: child.id, parentId: contractParent.id, recipientName: 'Basisschool De Wegwijzer', recipientType: 'school', purpose: 'Overdracht', dataDescription: 'Overdrachtsformulier', validUntil: '2026-12-31', givenOn: '2026-02-01', written: false });
    expect(notWritten.details?.written).toBe('Alleen schriftelijke toestemming van de contractouder is geldig.');
    expect((await backend.err('exchange.create', { childId: child.id, parentId: otherParent.id, recipientName: 'X', recipientType: 'school', purpose: 'Y', dataDescription: 'Z', validUntil: '2026-12-31', givenOn: '2026-02-01', written: true })).details?.parentId).toBe('Kies de contractouder.');
    const consent = await backend.ok('exchange.create', { childId: child.id, parentId: contractParent.id, recipientName: 'Basisschool De Wegwijzer', recipientType: 'school', purpose: 'Overdracht naar groep 1', dataDescription: 'Overdrachtsformulier', validUntil: '2026-12-31', givenOn: '2026-02-01', written: true });
    const entry = await backend.ok('disclosures.recordToRecipient', { childId: child.id, recipientName: 'basisschool de wegwijzer', dataDescription: 'Overdrachtsformulier', disclosedOn: '2026-03-01' });
    expect(entry).toMatchObject({ recipient: 'school', subjectCount: 1 });
    await backend.ok('exchange.withdraw', { id: consent.id, withdrawnOn: '2026-03-05' });
    const withdrawn = await backend.err('disclosures.recordToRecipient', { childId: child.id, recipientName: 'Basisschool De Wegwijzer', dataDescription: 'Overdrachtsformulier', disclosedOn: '2026-03-06' });
    expect(withdrawn.message).toContain('is ingetrokken op 05-03-2026');
  });
});

describe('marketing', () => {
  it('the pseudonymised export leaves out opted-out and restricted people and is registered', async () => {
    const { backend, household } = await withFamily();
    await backend.ok('households.update', {
      id: household.id,
      street: 'Dorpsstraat',
      houseNumber: '12a',
      postcode: '1234 AB',
      city: 'Vianen',
      iban: null,
      ibanHolder: null,
      parents: household.parents.map((p) => ({ id: p.id, firstName: p.firstName, surname: p.surname, surnamePrefix: p.surnamePrefix, email: p.isContractParent ? 'sanne@example.nl' : 'joris@example.nl', phone: null, bsn: null, hasParentalAuthority: true, isContractParent: p.isContractParent })),
    });
    const all = await backend.ok('marketing.export', { recipientName: 'Google Ads' });
    const allLines = Buffer.from(all.base64, 'base64').toString('utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(allLines).toEqual(['email', ...[hashEmail('joris@example.nl'), hashEmail('sanne@example.nl')].sort()]);
    expect(hashEmail(' Sanne@Example.NL ')).toBe(hashEmail('sanne@example.nl'));
    expect(hashEmail('sanne@example.nl')).toMatch(/^[0-9a-f]{64}$/);

    await backend.ok('marketing.addOptOut', { email: 'SANNE@example.nl', requestedOn: '2026-03-01', how: 'email' });
    const joris = household.parents.find((p) => !p.isContractParent)!;
    backend.core.sqlite().prepare("INSERT INTO processing_restrictions (id, location_id, subject_type, subject_id, since, until, reason, version) VALUES ('r1', 'x', 'parent', ?, '2026-01-01', NULL, 'AVG-verzoek beperking', NULL)").run(joris.id);
    const after = await backend.ok('marketing.export', { recipientName: 'Google Ads' });
    const text = Buffer.from(after.base64, 'base64').toString('utf8');
    expect(text).not.toContain(hashEmail('sanne@example.nl'));
    expect(text).not.toContain(hashEmail('joris@example.nl'));
    expect(after.count).toBe(0);
    const register = await backend.ok('disclosures.register', {});
    expect(register.filter((r) => r.recipient === 'marketing')).toHaveLength(2);
  });
});
