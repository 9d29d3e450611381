import { afterEach, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../shared/api/contract';
import { PERMISSION_MATRIX, type Permission, type Role } from '../../shared/auth/permissions';
import { MANAGER, makeBackend, setUpLocation, tempDir, type TestBackend } from '../helpers/backend';
import { createFamily, loginAsStaff } from '../helpers/clients';
import { readPdf } from '../helpers/pdf';

const NOW = new Date('2026-11-25T10:00:00Z');
const OFFICER = { name: 'Carla Meijer', username: 'carla', password: 'Vuurtoren-Lamp-58', roles: ['meldcodeOfficer' as const] };
const EMPLOYEE = { id: null, firstName: 'Ruud', surnamePrefix: null, surname: 'Smit', address: 'Lindelaan 3, 4131 AA Vianen', email: null, phone: null, position: 'Groepsleider', employmentStart: '2020-03-01', employmentEnd: null, labourDispute: false } as const;

type RecordInput = MethodInput<'disclosures.record'>;

async function location() {
  const backend = makeBackend(tempDir(), { now: () => NOW });
  await setUpLocation(backend);
  const { household, child } = await createFamily(backend);
  await backend.ok('medical.update', { childId: child.id, allergies: 'Pinda (ernstig)', diet: null, medication: 'Epipen in de groepstas', otherParticulars: null });
  const contractParent = household.parents.find((p) => p.isContractParent)!;
  return { backend, household, child, contractParent };
}

const fieldKeys = async (backend: TestBackend, subjectType: RecordInput['subjectType'], subjectId: string) => backend.ok('disclosures.subjectFields', { subjectType, subjectId });
const keyOf = async (backend: TestBackend, subjectType: RecordInput['subjectType'], subjectId: string, label: RegExp) => {
  const option = (await fieldKeys(backend, subjectType, subjectId)).find((o) => label.test(o.label));
  if (!option) throw new Error(`no field ${label} for ${subjectType}`);
  return option.key;
};
const lines = async (backend: TestBackend) => (await backend.core.db().selectFrom('disclosures').select('id').execute()).length;

async function switchUser(backend: TestBackend, user: { username: string; password: string }, newPassword?: string) {
  await backend.ok('auth.lock', { reason: 'user' });
  await backend.ok('auth.login', { username: user.username, password: user.password });
  if (newPassword) await backend.ok('auth.changePassword', { currentPassword: user.password, newPassword });
}

/** A case file decided as a report (melding) on 12 November, the parent informed the day before. */
async function reportedCase(backend: TestBackend, childId: string, outcome: 'report' | 'help' | 'both' = 'report') {
  const file = await backend.ok('meldcode.open', { route: 'huiselijk', childId, openedOn: '2026-11-02' });
  const entries: MethodInput<'meldcode.addEntry'>[] = [
    { caseId: file.id, kind: 'signal', occurredOn: '2026-11-02', payload: { observation: 'Blauwe plekken op beide bovenarmen.', observedBy: 'Bert Jansen' } },
    { caseId: file.id, kind: 'consultation', occurredOn: '2026-11-04', payload: { consultedWith: 'veilig_thuis', consultedName: null, anonymousAdvice: true, advice: 'Gesprek met de ouder voeren.' } },
    { caseId: file.id, kind: 'parent_conversation', occurredOn: '2026-11-06', payload: { withWhom: 'Sanne de Boer (moeder)', conductedBy: 'Anna de Vries', summary: 'Moeder herkent de zorgen.' } },
    { caseId: file.id, kind: 'weighing', occurredOn: '2026-11-10', payload: { q1Suspicion: true, q2Unsafe: outcome !== 'help', q3HelpPossible: true, q4Cooperation: true, q5LastingSafety: true, explanation: 'Besproken in het team.' } },
    {
      caseId: file.id,
      kind: 'decision',
      occurredOn: '2026-11-12',
      payload: { outcome, decidedBy: 'Anna de Vries en Carla Meijer', parentInformed: true, parentInformedOn: '2026-11-11', helpDescription: outcome === 'report' ? null : 'Opvoedondersteuning via het wijkteam.' },
    },
  ];
  for (const entry of entries) await backend.ok('meldcode.addEntry', entry);
  return file;
}

// A manager whose organisation withholds meldcode access (the matrix is the one place roles get it).
const originalManager = PERMISSION_MATRIX.manager;
const withoutMeldcodeForManagers = () => {
  (PERMISSION_MATRIX as Record<Role, readonly Permission[]>).manager = originalManager.filter((p) => p !== 'meldcode.access');
};
afterEach(() => {
  (PERMISSION_MATRIX as Record<Role, readonly Permission[]>).manager = originalManager;
});

describe('Verstrekking vastleggen: each recipient kind', () => {
  it('police/justice, emergency care, auditor, other recipient and Veilig Thuis are registered with what each requires, whose data, when and by whom', async () => {
    const { backend, child, contractParent } = await location();
    const employee = await backend.ok('employees.save', EMPLOYEE);
    const childName = await keyOf(backend, 'child', child.id, /^Naam/);
    const allergies = await keyOf(backend, 'child', child.id, /allergie/i);

    const police = await backend.ok('disclosures.record', {
      kind: 'politie_justitie',
      subjectType: 'child',
      subjectId: child.id,
      recipientName: 'Politie Eenheid Midden-Nederland',
      legalBasis: 'Vordering van de officier van justitie (art. 126nd Sv)',
      orderReference: 'PL0900-2026-123456',
      fields: [childName],
      disclosedOn: '2026-11-20',
    });
    expect(police).toMatchObject({ recipient: 'politie_justitie', recipientName: 'Politie Eenheid Midden-Nederland', legalBasis: 'Vordering van de officier van justitie (art. 126nd Sv)', orderReference: 'PL0900-2026-123456', disclosedOn: '2026-11-20', subjectCount: 1, createdByName: MANAGER.name, format: 'handmatig' });
    expect(police.fields).toEqual([(await fieldKeys(backend, 'child', child.id)).find((o) => o.key === childName)!.label]);

    const care = await backend.ok('disclosures.record', { kind: 'spoedeisende_zorg', subjectType: 'child', subjectId: child.id, recipientName: 'Ambulancedienst Utrecht', fields: [childName, allergies], disclosedOn: '2026-11-24' });
    expect(care.legalBasis).toMatch(/Vitaal belang.*art\. 6 lid 1 sub d.*art\. 9 lid 2 sub c/);
    expect(care.fields).toHaveLength(2);

    const employeeField = await keyOf(backend, 'employee', employee.id, /./);
    const audit = await backend.ok('disclosures.record', {
      kind: 'accountant',
      subjectType: 'employee',
      subjectId: employee.id,
      recipientName: 'Accountantskantoor Van Dijk',
      legalBasis: 'Controle van de jaarrekening (BW 2:393)',
      confidentiality: 'Geheimhoudingsplicht accountant (Wta, VGBA) en geheimhoudingsverklaring van 1 oktober 2026',
      fields: [employeeField],
      disclosedOn: '2026-11-21',
    });
    expect(audit).toMatchObject({ recipient: 'accountant', confidentiality: expect.stringContaining('Geheimhoudingsplicht'), subjectCount: 1 });

    const other = await backend.ok('disclosures.record', {
      kind: 'overig',
      subjectType: 'parent',
      subjectId: contractParent.id,
      recipientName: 'Incassobureau Noord',
      legalBasis: 'Gerechtvaardigd belang: inning van een openstaande factuur (AVG art. 6 lid 1 sub f)',
      fields: [await keyOf(backend, 'parent', contractParent.id, /Adres/)],
      disclosedOn: '2026-11-22',
    });
    expect(other.recipient).toBe('overig');

    const veiligThuis = await backend.ok('disclosures.record', { kind: 'veilig_thuis', subjectType: 'child', subjectId: child.id, fields: [childName], disclosedOn: '2026-11-23' });
    expect(veiligThuis).toMatchObject({ recipientName: 'Veilig Thuis', legalBasis: expect.stringMatching(/meldcode/) });

    // Every line names its person, is queued for head office with its person, and was audited (ids only).
    const db = backend.core.db();
    const subjects = await db.selectFrom('disclosure_subjects').select(['disclosure_id', 'subject_type', 'subject_id']).execute();
    expect(subjects).toHaveLength(5);
    expect(subjects.find((s) => s.disclosure_id === audit.id)).toMatchObject({ subject_type: 'employee', subject_id: employee.id });
    const queued = await db.selectFrom('outbox').select(['entity', 'entity_id', 'payload']).where('entity', 'in', ['disclosures', 'disclosure_subjects']).execute();
    expect(queued.filter((q) => q.entity === 'disclosures').map((q) => q.entity_id).sort()).toEqual([police.id, care.id, audit.id, other.id, veiligThuis.id].sort());
    expect(JSON.parse(queued.find((q) => q.entity_id === police.id)!.payload!)).toMatchObject({ order_reference: 'PL0900-2026-123456', disclosed_on: '2026-11-20' });
    expect(queued.filter((q) => q.entity === 'disclosure_subjects')).toHaveLength(5);
    const rows = await db.selectFrom('audit_log').select(['action', 'entity', 'entity_id', 'details']).where('action', '=', 'disclosures.record').execute();
    expect(rows.map((r) => r.entity_id).sort()).toEqual([police.id, care.id, audit.id, other.id, veiligThuis.id].sort());
    expect(JSON.stringify(rows)).not.toMatch(/Zoë|Boer|Pinda|PL0900|Politie/);

    // The register as a whole and per person.
    expect((await backend.ok('disclosures.register', {})).map((e) => e.id)).toHaveLength(5);
    expect((await backend.ok('disclosures.register', { subjectType: 'child', subjectId: child.id })).map((e) => e.recipient).sort()).toEqual(['politie_justitie', 'spoedeisende_zorg', 'veilig_thuis']);
  });

  it('bad input is refused with a Dutch field message and writes nothing', async () => {
    const { backend, child } = await location();
    const childName = await keyOf(backend, 'child', child.id, /^Naam/);
    const police = { kind: 'politie_justitie', subjectType: 'child', subjectId: child.id, recipientName: 'Politie', legalBasis: 'Vordering (art. 126nd Sv)', orderReference: 'PL-1', fields: [childName], disclosedOn: '2026-11-20' } as const;

    const unknownKind = await backend.err('disclosures.record', { ...police, kind: 'buurman' });
    expect(unknownKind).toMatchObject({ code: 'VALIDATION', details: { kind: 'Kies aan wie de gegevens zijn verstrekt.' } });

    const bare = await backend.err('disclosures.record', { ...police, legalBasis: '', orderReference: '  ' });
    expect(bare).toMatchObject({ code: 'VALIDATION', details: { legalBasis: 'Vul de wettelijke grondslag van de verstrekking in.', orderReference: 'Vul het kenmerk van de vordering of het bevel in.' } });

    const otherWithoutBasis = await backend.err('disclosures.record', { kind: 'overig', subjectType: 'child', subjectId: child.id, recipientName: '', fields: [childName], disclosedOn: '2026-11-20' });
    expect(otherWithoutBasis.details).toMatchObject({ recipientName: 'Vul de naam van de ontvanger in.', legalBasis: 'Vul de wettelijke grondslag van de verstrekking in.' });

    const auditorWithoutSecrecy = await backend.err('disclosures.record', { kind: 'accountant', subjectType: 'child', subjectId: child.id, recipientName: 'Van Dijk', legalBasis: 'Jaarrekening', fields: [childName], disclosedOn: '2026-11-20' });
    expect(auditorWithoutSecrecy.details).toMatchObject({ confidentiality: 'Vul in welke geheimhouding voor deze ontvanger geldt.' });

    expect((await backend.err('disclosures.record', { ...police, fields: [] })).details).toMatchObject({ fields: 'Kies minstens één gegeven dat is verstrekt.' });
    expect((await backend.err('disclosures.record', { ...police, fields: ['employee_file:Salaris'] })).details).toMatchObject({ fields: 'Kies alleen gegevens die over deze persoon zijn vastgelegd.' });
    expect((await backend.err('disclosures.record', { ...police, disclosedOn: '2026-11-26' })).code).toBe('VALIDATION');

    // A person of another location (a row that came with another location's id) and an unknown person.
    await backend.core.db().updateTable('children').set({ location_id: 'andere-locatie' }).where('id', '=', child.id).execute();
    const elsewhere = await backend.err('disclosures.record', police);
    expect(elsewhere).toMatchObject({ code: 'VALIDATION', message: 'Deze persoon is niet gevonden bij deze locatie.', details: { subjectId: 'Deze persoon is niet gevonden bij deze locatie.' } });
    expect((await backend.err('disclosures.subjectFields', { subjectType: 'child', subjectId: child.id })).details).toMatchObject({ subjectId: 'Deze persoon is niet gevonden bij deze locatie.' });
    expect((await backend.err('disclosures.record', { ...police, subjectId: '0190a0a0-0000-7000-8000-000000000000' })).code).toBe('VALIDATION');

    expect(await lines(backend)).toBe(0);
    expect(await backend.core.db().selectFrom('disclosure_subjects').select('id').execute()).toEqual([]);
    expect(await backend.core.db().selectFrom('outbox').select('mutation_id').where('entity', 'in', ['disclosures', 'disclosure_subjects']).execute()).toEqual([]);
  });
});

describe('Veilig Thuis: written by a meldcode report, seen only with meldcode access', () => {
  it('a decision to report writes one Veilig Thuis line about the child and the parents; help alone writes none', async () => {
    const { backend, child, household } = await location();
    const helped = await location();
    await reportedCase(helped.backend, helped.child.id, 'help');
    expect(await lines(helped.backend)).toBe(0);

    const file = await reportedCase(backend, child.id, 'report');
    const [line] = await backend.ok('disclosures.register', {});
    expect(line).toMatchObject({ recipient: 'veilig_thuis', recipientName: 'Veilig Thuis', format: 'melding', disclosedOn: '2026-11-12', subjectCount: 3, createdByName: MANAGER.name });
    expect(line!.fields.join(' ')).toMatch(/meldcodedossier/);
    const stored = await backend.core.db().selectFrom('disclosures').select(['meldcode_case_id']).executeTakeFirstOrThrow();
    expect(stored.meldcode_case_id).toBe(file.id);
    const named = await backend.core.db().selectFrom('disclosure_subjects').select(['subject_type', 'subject_id']).execute();
    expect(named.map((n) => n.subject_id).sort()).toEqual([child.id, ...household.parents.map((p) => p.id)].sort());
    // The case text never enters the register.
    expect(JSON.stringify(await backend.core.db().selectFrom('disclosures').selectAll().execute())).not.toMatch(/Blauwe plekken|Sanne/);
  });

  it('staff and a manager without meldcode access see no Veilig Thuis line, not even as a count; the aandachtsfunctionaris decides who does', async () => {
    const { backend, child } = await location();
    await reportedCase(backend, child.id);
    await backend.ok('disclosures.record', { kind: 'politie_justitie', subjectType: 'child', subjectId: child.id, recipientName: 'Politie', legalBasis: 'Vordering (art. 126nd Sv)', orderReference: 'PL-7', fields: [await keyOf(backend, 'child', child.id, /^Naam/)], disclosedOn: '2026-11-20' });
    expect((await backend.ok('disclosures.register', {})).map((e) => e.recipient).sort()).toEqual(['politie_justitie', 'veilig_thuis']);
    const meldcodeField = (await fieldKeys(backend, 'child', child.id)).find((o) => o.meldcode);
    expect(meldcodeField?.category).toMatch(/meldcode/i);
    // Data from the case file go to Veilig Thuis only; to anyone else they are refused at the field, nothing written.
    const policeWithFile = await backend.err('disclosures.record', { kind: 'politie_justitie', subjectType: 'child', subjectId: child.id, recipientName: 'Politie', legalBasis: 'Vordering', orderReference: 'PL-8', fields: [meldcodeField!.key], disclosedOn: '2026-11-20' });
    expect(policeWithFile).toMatchObject({ code: 'VALIDATION', details: { fields: expect.stringMatching(/^Gegevens uit een meldcodedossier legt u hier alleen vast voor Veilig Thuis/) } });
    expect(await lines(backend)).toBe(2);

    withoutMeldcodeForManagers();
    const register = await backend.ok('disclosures.register', {});
    expect(register.map((e) => e.recipient)).toEqual(['politie_justitie']);
    expect(await backend.ok('disclosures.register', { subjectType: 'child', subjectId: child.id })).toHaveLength(1);
    expect(JSON.stringify(register)).not.toMatch(/Veilig Thuis|veilig_thuis|melding/i);
    // Nor can such a manager record one, or pick meldcode data.
    const refused = await backend.err('disclosures.record', { kind: 'veilig_thuis', subjectType: 'child', subjectId: child.id, fields: [await keyOf(backend, 'child', child.id, /^Naam/)], disclosedOn: '2026-11-20' });
    expect(refused).toMatchObject({ code: 'FORBIDDEN', details: { kind: 'Een verstrekking aan Veilig Thuis legt alleen iemand met toegang tot de meldcode vast.' } });
    expect((await fieldKeys(backend, 'child', child.id)).some((o) => /meldcode/i.test(o.category))).toBe(false);

    await loginAsStaff(backend);
    expect((await backend.err('disclosures.register', {})).code).toBe('FORBIDDEN');
    expect((await backend.err('disclosures.register', { subjectType: 'child', subjectId: child.id })).code).toBe('FORBIDDEN');
    expect((await backend.err('disclosures.subjectFields', { subjectType: 'child', subjectId: child.id })).code).toBe('FORBIDDEN');
    expect(JSON.stringify([await backend.ok('children.get', { id: child.id }), await backend.ok('children.list', {})])).not.toMatch(/veilig/i);
  });
});

describe('access report: recipients of the person\'s data', () => {
  it('lists a police disclosure (read back with pdftotext), and Veilig Thuis only on the aandachtsfunctionaris\' decision to include', async () => {
    const { backend, child, contractParent } = await location();
    await backend.ok('disclosures.record', {
      kind: 'politie_justitie',
      subjectType: 'child',
      subjectId: child.id,
      recipientName: 'Politie Eenheid Midden-Nederland',
      legalBasis: 'Vordering van de officier van justitie (art. 126nd Sv)',
      orderReference: 'PL0900-2026-123456',
      fields: [await keyOf(backend, 'child', child.id, /^Naam/)],
      disclosedOn: '2026-11-20',
    });
    const ask = () => backend.ok('requests.create', { kind: 'access', subjectType: 'child', subjectId: child.id, requesterParentId: contractParent.id, receivedOn: '2026-11-24', identityMethod: 'id_shown', description: 'Per e-mail ontvangen' });
    const first = await ask();
    const text = readPdf(await backend.ok('requests.accessReport', { id: first.id })).replace(/\s+/g, ' ');
    expect(text).toMatch(/20-11-2026 — Politie Eenheid Midden-Nederland, over Zoë de Boer; gegevens: .*; grondslag: Vordering van de officier van justitie \(art\. 126nd Sv\)\./);
    // The authority's case number is not part of the answer.
    expect(text).not.toContain('PL0900');

    await reportedCase(backend, child.id);
    await backend.ok('users.create', OFFICER);
    const excluded = await ask();
    const included = await ask();
    await switchUser(backend, OFFICER, 'Kompas-Noorden-314');
    await backend.ok('requests.meldcodeDecision', { id: excluded.id, decision: 'exclude', reason: 'Veiligheid van het kind' });
    await backend.ok('requests.meldcodeDecision', { id: included.id, decision: 'include', reason: 'Hulp loopt; inzage schaadt het kind niet' });
    await switchUser(backend, MANAGER);
    const without = readPdf(await backend.ok('requests.accessReport', { id: excluded.id })).replace(/\s+/g, ' ');
    expect(without).toContain('Politie Eenheid Midden-Nederland');
    expect(without).not.toMatch(/Veilig Thuis|meldcode/i);
    const withReport = readPdf(await backend.ok('requests.accessReport', { id: included.id })).replace(/\s+/g, ' ');
    expect(withReport).toMatch(/12-11-2026 — Veilig Thuis, over Zoë de Boer/);
  });
});
