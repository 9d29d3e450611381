import { describe, expect, it } from 'vitest';
import { BSN_MESSAGE } from '../../shared/validation/bsn';
import { addPeriod } from '../../shared/domain/retention';
import { ID_COPY_MESSAGE } from '../../shared/api/clients.schemas';
import { makeBackend, MANAGER, setUpLocation } from '../helpers/backend';
import { BSN, createFamily, HOUSEHOLD, loginAsStaff, groupId } from '../helpers/clients';

async function managerBackend() {
  const backend = makeBackend();
  await setUpLocation(backend);
  return backend;
}

const count = (backend: ReturnType<typeof makeBackend>, table: string) =>
  (backend.core.sqlite().prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

const auditActions = (backend: ReturnType<typeof makeBackend>) =>
  (backend.core.sqlite().prepare('SELECT action FROM audit_log ORDER BY seq').all() as { action: string }[]).map((r) => r.action);

describe('households: bad input is refused with a Dutch message at the field, and nothing is saved', () => {
  it.each([
    // 9 digits that fail the elfproef: the message names the check, not the length.
    ['a BSN that fails the elfproef', { parents: [{ ...HOUSEHOLD.parents[0], bsn: '123456789' }] }, 'parents.0.bsn', BSN_MESSAGE],
    ['a BSN of 7 digits', { parents: [{ ...HOUSEHOLD.parents[0], bsn: '1234567' }] }, 'parents.0.bsn', 'Een BSN bestaat uit 9 cijfers (bij 8 cijfers komt er een 0 voor).'],
    ['a wrong postcode', { postcode: '1234 SS' }, 'postcode', 'Vul een geldige postcode in, bijvoorbeeld 1234 AB.'],
    ['a wrong IBAN', { iban: 'NL92ABNA0417164300' }, 'iban', 'Vul een geldig Nederlands IBAN in, bijvoorbeeld NL91 ABNA 0417 1643 00.'],
    ['no contract parent', { parents: [{ ...HOUSEHOLD.parents[0], isContractParent: false }] }, 'parents', 'Een gezin heeft precies één contractouder.'],
    [
      'a contract parent without parental authority',
      { parents: [{ ...HOUSEHOLD.parents[0], hasParentalAuthority: false }] },
      'parents.0.hasParentalAuthority',
      'De contractouder moet ouderlijk gezag hebben.',
    ],
  ])('%s', async (_label, change, field, message) => {
    const backend = await managerBackend();
    const error = await backend.err('households.create', { ...HOUSEHOLD, ...change });
    expect(error.code).toBe('VALIDATION');
    expect(error.details?.[field]).toBe(message);
    expect(count(backend, 'households')).toBe(0);
    expect(count(backend, 'parents')).toBe(0);
  });

  it('normalises postcode and IBAN and stores the household', async () => {
    const backend = await managerBackend();
    const household = await backend.ok('households.create', HOUSEHOLD);
    expect(household).toMatchObject({ postcode: '1234 AB', iban: 'NL91ABNA0417164300' });
    expect(household.parents[0]).toMatchObject({ displayName: 'Sanne de Boer', email: 'sanne@example.nl', isContractParent: true });
  });
});

describe('children and contracts: bad input', () => {
  it('refuses a birth date in the future and a contract ending before it starts', async () => {
    const backend = await managerBackend();
    const { household, child } = await createFamily(backend);
    const future = await backend.err('children.create', { householdId: household.id, firstName: 'A', surname: 'B', birthDate: '2999-01-01', groupId: await groupId(backend, 'X') });
    expect(future.details?.birthDate).toBe('Geboortedatum kan niet in de toekomst liggen.');
    const bad = await backend.err('contracts.create', { childId: child.id, careType: 'dagopvang', days: ['ma'], hoursPerWeek: 20, startDate: '2026-05-01', endDate: '2026-04-01' });
    expect(bad.details?.endDate).toBe('De einddatum ligt vóór de begindatum.');
    const noDate = await backend.err('children.create', { householdId: household.id, firstName: 'A', surname: 'B', birthDate: '2024-02-30', groupId: await groupId(backend, 'X') });
    expect(noDate.details?.birthDate).toBe('Geboortedatum: deze datum bestaat niet.');
    expect(count(backend, 'children')).toBe(1);
    expect(count(backend, 'contracts')).toBe(0);
  });
});

describe('BSN', () => {
  it('is masked for the manager; revealing it is audit-logged', async () => {
    const backend = await managerBackend();
    const { household, child } = await createFamily(backend);
    expect(household.parents[0]!.bsn).toEqual({ masked: '••••••333', check: null });
    expect(JSON.stringify(household)).not.toContain(BSN.parent);
    expect(JSON.stringify(child)).not.toContain(BSN.child);
    const revealed = await backend.ok('bsn.reveal', { subject: 'child', id: child.id });
    expect(revealed.bsn).toBe(BSN.child);
    expect(auditActions(backend).at(-1)).toBe('bsn.reveal');
    const audit = JSON.stringify(backend.core.sqlite().prepare('SELECT * FROM audit_log').all());
    expect(audit).not.toContain(BSN.child);
  });

  it('records the BSN-controle (how, by whom, when) and refuses an ID document number or copy with the reason', async () => {
    const backend = await managerBackend();
    const { child } = await createFamily(backend);
    for (const field of ['documentNumber', 'idNumber', 'documentCopy', 'scan']) {
      const error = await backend.err('bsn.recordCheck', { subject: 'child', id: child.id, method: 'svb_letter', checkedOn: '2026-01-10', [field]: 'X1234' });
      expect(error.details?.[field], field).toBe(ID_COPY_MESSAGE);
    }
    expect(count(backend, 'bsn_verifications')).toBe(0);
    await backend.ok('bsn.recordCheck', { subject: 'child', id: child.id, method: 'svb_letter', checkedOn: '2026-01-10' });
    const after = await backend.ok('children.get', { id: child.id });
    expect(after.bsn).toEqual({ masked: '••••••782', check: { method: 'svb_letter', checkedOn: '2026-01-10', checkedByName: MANAGER.name } });
  });

  it('staff never receive a digit of a BSN from the backend, only that there is one and its BSN-controle', async () => {
    const backend = await managerBackend();
    const { household, child } = await createFamily(backend);
    await loginAsStaff(backend);
    const staffHousehold = await backend.ok('households.get', { id: household.id });
    const staffChild = await backend.ok('children.get', { id: child.id });
    expect(staffHousehold.parents.map((p) => p.bsn)).toEqual([{ masked: '•••••••••', check: null }, null]);
    expect(staffChild.bsn).toEqual({ masked: '•••••••••', check: null });
    expect(staffHousehold).not.toHaveProperty('iban');
    const everything = JSON.stringify([staffHousehold, staffChild, await backend.ok('search.query', { q: 'boer', limit: 20 }), await backend.ok('children.list', {})]);
    for (const bsn of [BSN.parent, BSN.child, '333', '782']) expect(everything).not.toContain(bsn);
    expect((await backend.err('bsn.reveal', { subject: 'child', id: child.id })).code).toBe('FORBIDDEN');
  });
});

describe('medical data (medische gegevens en bijzonderheden)', () => {
  it('each read writes exactly one audit row; staff read allergies, diet and medication but not the other particulars', async () => {
    const backend = await managerBackend();
    const { child } = await createFamily(backend);
    await backend.ok('medical.update', { childId: child.id, allergies: 'Pinda (ernstig)', diet: 'Halal', medication: 'Epipen in tas', otherParticulars: 'Slaapt met knuffel' });
    const before = count(backend, 'audit_log');
    const full = await backend.ok('medical.get', { childId: child.id });
    expect(full).toMatchObject({ allergies: 'Pinda (ernstig)', medication: 'Epipen in tas' });
    expect(count(backend, 'audit_log')).toBe(before + 1);
    expect(auditActions(backend).at(-1)).toBe('medical.get');

    await loginAsStaff(backend);
    const beforeStaff = count(backend, 'audit_log');
    const care = await backend.ok('medical.get', { childId: child.id });
    expect(care).toMatchObject({ allergies: 'Pinda (ernstig)', diet: 'Halal', medication: 'Epipen in tas' });
    expect(care).not.toHaveProperty('otherParticulars');
    expect(JSON.stringify(care)).not.toContain('knuffel');
    expect(count(backend, 'audit_log')).toBe(beforeStaff + 1);
    const staffRead = backend.core.sqlite().prepare('SELECT action, entity_id, details FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { action: string; entity_id: string; details: string };
    expect(staffRead).toMatchObject({ action: 'medical.get', entity_id: child.id });
    expect(JSON.parse(staffRead.details)).toMatchObject({ scope: 'care' });
    const listed = (await backend.ok('children.list', {})).rows.find((r) => r.id === child.id);
    expect(listed?.hasAllergies).toBe(true);
    expect((await backend.ok('children.get', { id: child.id })).hasAllergies).toBe(true);
    expect(JSON.stringify(listed)).not.toContain('Pinda');
    expect((await backend.err('medical.update', { childId: child.id, allergies: 'x' })).code).toBe('FORBIDDEN');
    const audit = JSON.stringify(backend.core.sqlite().prepare('SELECT * FROM audit_log').all());
    expect(audit).not.toContain('Pinda');
  });
});

describe('contracts and the paper dossier task', () => {
  it('ending a contract creates the task; confirming records who and when', async () => {
    const backend = await managerBackend();
    const { child } = await createFamily(backend);
    const contract = await backend.ok('contracts.create', { childId: child.id, careType: 'dagopvang', days: ['di', 'ma'], hoursPerWeek: 18.5, startDate: '2025-01-01', endDate: null });
    expect(contract).toMatchObject({ status: 'actief', days: ['ma', 'di'] });
    expect(await backend.ok('tasks.list', { includeConfirmed: false })).toEqual([]);
    await backend.ok('contracts.update', { id: contract.id, careType: 'dagopvang', days: ['ma', 'di'], hoursPerWeek: 18.5, startDate: '2025-01-01', endDate: '2025-12-31' });
    const [task] = await backend.ok('tasks.list', { includeConfirmed: false });
    expect(task).toMatchObject({ kind: 'paper_dossier_destroy', childName: 'Zoë de Boer', dueDate: '2025-12-31', confirmedAt: null });
    expect((await backend.ok('dashboard.get', {})).openTasks).toHaveLength(1);
    const done = await backend.ok('tasks.confirm', { id: task!.id });
    expect(done).toMatchObject({ confirmedByName: MANAGER.name });
    expect(done.confirmedAt).toBeTruthy();
    expect((await backend.ok('dashboard.get', {})).openTasks).toHaveLength(0);
    expect(auditActions(backend)).toContain('contracts.end');
  });
});

describe('waiting list', () => {
  it('places a request as household, child and contract without retyping, and closes it', async () => {
    const backend = await managerBackend();
    // The desired start lies a month after the app's today, so the placed contract is 'gepland' whatever day the test runs.
    const startDate = addPeriod(backend.core.today(), 1, 'months');
    const entry = await backend.ok('waitlist.create', {
      parentName: 'Fatima El Amrani',
      parentEmail: 'fatima@example.nl',
      parentPhone: null,
      childFirstName: 'Noor',
      childSurname: 'El Amrani',
      childBirthDate: '2025-09-01',
      expectedDate: null,
      careType: 'dagopvang',
      desiredDays: ['wo', 'ma'],
      desiredStartDate: startDate,
      notes: null,
    });
    expect(entry).toMatchObject({ status: 'open', desiredDays: ['ma', 'wo'] });
    const missing = await backend.err('waitlist.create', { parentName: 'X', careType: 'bso', desiredDays: ['ma'], desiredStartDate: startDate, parentEmail: 'x@example.nl' });
    expect(missing.details?.childBirthDate).toBe('Vul de geboortedatum of de uitgerekende datum in.');

    const placed = await backend.ok('waitlist.place', {
      id: entry.id,
      household: {
        street: 'Lindelaan',
        houseNumber: '3',
        postcode: '3511 AB',
        city: 'Utrecht',
        iban: null,
        ibanHolder: null,
        parents: [{ firstName: 'Fatima', surname: 'El Amrani', email: 'fatima@example.nl', phone: null, bsn: null, hasParentalAuthority: true, isContractParent: true }],
      },
      child: { firstName: 'Noor', surname: 'El Amrani', birthDate: '2025-09-01', groupId: await groupId(backend, 'Baby’s'), bsn: null },
      contract: { careType: 'dagopvang', days: ['ma', 'wo'], hoursPerWeek: 20, startDate, endDate: null },
    });
    const child = await backend.ok('children.get', { id: placed.childId });
    expect(child).toMatchObject({ displayName: 'Noor El Amrani', contractStatus: 'gepland', householdId: placed.householdId });
    expect((await backend.ok('waitlist.list', { status: 'open' })).length).toBe(0);
    expect((await backend.err('waitlist.place', { id: entry.id, household: {}, child: {}, contract: {} })).code).toBe('VALIDATION');
  });
});

describe('pickup', () => {
  it('a "may not collect" entry needs its basis and shows on the child; identification never takes an ID number', async () => {
    const backend = await managerBackend();
    const { child } = await createFamily(backend);
    const noBasis = await backend.err('pickup.addBan', { childId: child.id, name: 'Kees de Boer', basisReference: '  ' });
    expect(noBasis.details?.basisReference).toBe('Grondslag (bijv. beschikking rechtbank) is verplicht.');
    await backend.ok('pickup.addBan', { childId: child.id, name: 'Kees de Boer', basisReference: 'Beschikking rechtbank Utrecht', basisDate: '2026-03-12', notes: null });
    await backend.ok('pickup.addPerson', { childId: child.id, name: 'Oma Boer', relation: 'Oma', phone: '06 11112222', validUntil: '2020-01-01' });
    expect((await backend.ok('children.get', { id: child.id })).activePickupBans).toBe(1);

    await loginAsStaff(backend);
    const overview = await backend.ok('pickup.list', { childId: child.id });
    expect(overview.bans[0]).toMatchObject({ name: 'Kees de Boer', basisReference: 'Beschikking rechtbank Utrecht' });
    expect(overview.persons[0]).toMatchObject({ name: 'Oma Boer', expired: true });
    const withNumber = await backend.err('pickup.recordIdentification', { childId: child.id, collectorName: 'Oom Piet', method: 'id_shown', idType: 'rijbewijs', idNumber: '5123456789' });
    expect(withNumber.details?.idNumber).toBe(ID_COPY_MESSAGE);
    expect((await backend.err('pickup.recordIdentification', { childId: child.id, collectorName: 'Oom Piet', method: 'id_shown' })).details?.idType).toBe(
      'Kies welk soort identiteitsbewijs is getoond.',
    );
    const id = await backend.ok('pickup.recordIdentification', { childId: child.id, collectorName: 'Oom Piet', method: 'id_shown', idType: 'rijbewijs' });
    expect(id).toMatchObject({ method: 'id_shown', idType: 'rijbewijs', recordedByName: 'Bert Jansen' });
    expect((await backend.err('pickup.addBan', { childId: child.id, name: 'X', basisReference: 'Y' })).code).toBe('FORBIDDEN');
  });
});

describe('search', () => {
  it('finds children and parents by part of a name (without diacritics), birth date or postcode', async () => {
    const backend = await managerBackend();
    await createFamily(backend);
    const names = async (q: string) => (await backend.ok('search.query', { q, limit: 20 })).map((r) => `${r.kind}:${r.displayName}`);
    expect(await names('zoe')).toEqual(['child:Zoë de Boer']);
    expect(await names('boer')).toEqual(['child:Zoë de Boer', 'parent:Sanne de Boer']);
    expect(await names('san bo')).toEqual(['parent:Sanne de Boer']);
    expect(await names('15-04-2023')).toEqual(['child:Zoë de Boer']);
    expect(await names('1234ab')).toEqual(['child:Zoë de Boer', 'parent:Joris Bakker', 'parent:Sanne de Boer']);
    expect(await names('100%')).toEqual([]);
    expect(await names('x')).toEqual([]);
  });
});

describe('audit of client records', () => {
  it('every create and update is logged with ids only', async () => {
    const backend = await managerBackend();
    const { household, child } = await createFamily(backend);
    await backend.ok('children.update', { id: child.id, firstName: 'Zoë', surname: 'Boer', surnamePrefix: 'de', birthDate: '2023-04-15', groupId: await groupId(backend, 'Vlinders') });
    await backend.ok('households.update', { id: household.id, ...HOUSEHOLD, parents: household.parents.map((p, i) => ({ ...HOUSEHOLD.parents[i]!, id: p.id })) });
    const actions = auditActions(backend);
    for (const action of ['households.create', 'parents.create', 'children.create', 'children.update', 'households.update', 'parents.update']) expect(actions).toContain(action);
    const audit = JSON.stringify(backend.core.sqlite().prepare('SELECT * FROM audit_log').all());
    for (const personal of ['Sanne', 'Boer', 'Zoë', 'Dorpsstraat', 'NL91']) expect(audit).not.toContain(personal);
  });
});
