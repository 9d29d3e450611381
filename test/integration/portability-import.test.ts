import { describe, expect, it } from 'vitest';
import { appToday } from '../../shared/domain/clock';
import { addDays } from '../../shared/domain/requests';
import { localize } from '../../shared/i18n/translate';
import { makeBackend, setUpLocation, type TestBackend } from '../helpers/backend';
import { createFamily } from '../helpers/clients';

const PERSONAL_TABLES = ['households', 'parents', 'children', 'contracts', 'child_medical', 'pickup_persons', 'photo_consents', 'outbox'];
const rowCounts = (backend: TestBackend) => Object.fromEntries(PERSONAL_TABLES.map((t) => [t, (backend.core.sqlite().prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]));

async function freshLocation() {
  const backend = makeBackend();
  await setUpLocation(backend);
  return backend;
}

/** An exported folder as the manager picks it: every file of the bundle, read as text. */
async function exportedFolder() {
  const source = await freshLocation();
  const { household, child } = await createFamily(source);
  const parent = household.parents.find((p) => p.isContractParent)!;
  const today = appToday();
  await source.ok('contracts.create', { childId: child.id, careType: 'dagopvang', days: ['ma', 'di'], hoursPerWeek: 18, startDate: addDays(today, -300), endDate: null });
  await source.ok('medical.update', { childId: child.id, allergies: 'Pinda', diet: null, medication: null, otherParticulars: null });
  await source.ok('pickup.addPerson', { childId: child.id, name: 'Oma Truus', relation: 'Oma', phone: null, validUntil: null });
  await source.ok('consents.record', { childId: child.id, parentId: parent.id, decidedOn: today, channel: 'signed_form', answers: [{ purpose: 'ouderportaal', given: true, recognisable: false }] });
  const r = await source.ok('requests.create', { kind: 'portability', subjectType: 'parent', subjectId: parent.id, requesterParentId: parent.id, receivedOn: today, identityMethod: 'id_shown', description: null });
  const bundle = await source.ok('requests.portabilityExport', { id: r.id });
  return bundle.files.map((f) => ({ fileName: f.fileName, text: Buffer.from(f.base64, 'base64').toString('utf8') }));
}

describe('portability import (dataportabiliteit inlezen)', () => {
  it('the picked folder is previewed without writing, then imported as a new household on a fresh location with the same data', async () => {
    const files = await exportedFolder();
    const target = await freshLocation();
    const before = rowCounts(target);

    const { files: perFile, preview } = await target.ok('requests.previewPortability', { files });
    expect(perFile.map((f) => [f.fileName, f.status])).toEqual([
      ['dataportabiliteit.json', 'read'],
      ['ouder.csv', 'copy'],
      ['kinderen.csv', 'copy'],
      ['contracten.csv', 'copy'],
      ['medisch.csv', 'copy'],
      ['ophaalpersonen.csv', 'copy'],
      ['toestemmingen.csv', 'copy'],
      ['samenvatting.pdf', 'copy'],
    ]);
    expect(preview).toMatchObject({ source: 'Kindercentrum De Vlinder', parentName: 'Sanne de Boer', address: 'Dorpsstraat 12a, 1234 AB Vianen' });
    expect(preview!.children).toEqual([{ name: 'Zoë de Boer', birthDate: '2023-04-15', contracts: 1, medical: true, pickupPersons: 1, consents: 1, photoConsentsGiven: 1 }]);
    expect(rowCounts(target), 'the preview writes nothing').toEqual(before);

    const { householdId } = await target.ok('requests.importPortability', { json: files[0]!.text });
    const household = await target.ok('households.get', { id: householdId });
    expect(household.parents.map((p) => p.displayName)).toEqual(['Sanne de Boer']);
    expect(household.children.map((c) => [c.displayName, c.birthDate, c.groupName])).toEqual([['Zoë de Boer', '2023-04-15', 'Nog in te delen']]);
    const childId = household.children[0]!.id;
    expect(await target.ok('medical.get', { childId })).toMatchObject({ allergies: 'Pinda' });
    expect((await target.ok('pickup.list', { childId })).persons.map((p) => p.name)).toEqual(['Oma Truus']);
  });

  it('a corrupt file gets its problem at that file, cannot be imported, and nothing is written', async () => {
    const files = await exportedFolder();
    const target = await freshLocation();
    const before = rowCounts(target);
    const data = JSON.parse(files[0]!.text) as { children: { birthDate: string; contracts: { hoursPerWeek: number }[] }[] };
    // Valid for the schema, but a contract of 90 hours a week: refused where the import would write the contract.
    data.children[0]!.contracts[0]!.hoursPerWeek = 90;
    const corrupt = JSON.stringify(data);

    const result = await target.ok('requests.previewPortability', { files: [{ fileName: 'dataportabiliteit.json', text: corrupt }, files[1]!] });
    expect(result.preview).toBeNull();
    expect(result.files[0]).toMatchObject({ fileName: 'dataportabiliteit.json', status: 'invalid' });
    expect(localize(result.files[0]!.problem!)).toMatch(/^Het bestand bevat ongeldige gegevens \(contract\)/);
    expect(result.files[1]).toMatchObject({ fileName: 'ouder.csv', status: 'copy', problem: null });

    const notJson = await target.ok('requests.previewPortability', { files: [{ fileName: 'dataportabiliteit.json', text: '{"format": "kinderop' }] });
    expect(localize(notJson.files[0]!.problem!)).toBe('Dit is geen geldig JSON-bestand.');
    const noJson = await target.err('requests.previewPortability', { files: [files[1]!] });
    expect(noJson.details?.files).toMatch(/geen JSON-bestand/);

    const refused = await target.err('requests.importPortability', { json: corrupt });
    expect(refused.code).toBe('VALIDATION');
    expect(refused.message).toMatch(/\(contract\)/);
    expect(rowCounts(target), 'nothing written on any error').toEqual(before);
  });
});
