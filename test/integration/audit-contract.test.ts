import { describe, expect, it } from 'vitest';
import { contract, type AuditedData, type MethodDef, type MethodInput, type MethodName } from '../../shared/api/contract';
import type { Permission } from '../../shared/auth/permissions';
import { makeBackend, setUpLocation, tempDir, type TestBackend } from '../helpers/backend';
import { BSN, createFamily } from '../helpers/clients';

/**
 * Audit derived from the contract: every method that touches medical data, BSNs, meldcode files
 * or staff files (by the permission it needs) declares `audit`, and calling it through the real
 * backend writes exactly one audit row, with the method name as action and ids only.
 */

/** The data permissions and the audited data kind each one implies (AuditSpec.data). */
const SENSITIVE: Partial<Record<Permission, AuditedData>> = {
  'medical.read': 'medical',
  'medical.full': 'medical',
  'medical.write': 'medical',
  'bsn.view': 'bsn',
  'bsn.reveal': 'bsn',
  'meldcode.access': 'meldcode',
  'staffFiles.access': 'staffFiles',
};

const sensitiveMethods = (Object.entries(contract) as [MethodName, MethodDef][])
  .filter(([, def]) => def.permission !== 'public' && SENSITIVE[def.permission] !== undefined)
  .map(([name]) => name);

const NOW = new Date('2026-11-25T10:00:00Z');
const MEDICAL_TEXT = 'Pinda-allergie: EpiPen in de groepstas';

interface Fixture {
  backend: TestBackend;
  childId: string;
  contractParentId: string;
}

/** A location with one family; the manager is also aandachtsfunctionaris (requests.meldcodeDecision). */
async function fixture(): Promise<Fixture> {
  const backend = makeBackend(tempDir(), { now: () => NOW });
  const { session } = await setUpLocation(backend);
  await backend.ok('users.update', { id: session.userId, name: session.name, roles: ['manager', 'meldcodeOfficer'] });
  const { household, child } = await createFamily(backend);
  await backend.ok('contracts.create', { childId: child.id, careType: 'dagopvang', days: ['ma', 'di'], hoursPerWeek: 18, startDate: '2025-01-01', endDate: null });
  await backend.ok('medical.update', { childId: child.id, allergies: MEDICAL_TEXT, diet: null, medication: null, otherParticulars: null });
  const contractParent = household.parents.find((parent) => parent.isContractParent)!;
  return { backend, childId: child.id, contractParentId: contractParent.id };
}

const openCase = ({ backend, childId }: Fixture) => backend.ok('meldcode.open', { route: 'huiselijk', childId, openedOn: '2026-11-02' });

/** A case with its five steps done (signal, consultation, parent conversation, weighing, decision): it may be closed. */
async function decidedCase(fx: Fixture) {
  const file = await openCase(fx);
  const entries: MethodInput<'meldcode.addEntry'>[] = [
    { caseId: file.id, kind: 'signal', occurredOn: '2026-11-02', payload: { observation: 'Blauwe plekken op beide bovenarmen.', observedBy: 'Bert Jansen' } },
    { caseId: file.id, kind: 'consultation', occurredOn: '2026-11-04', payload: { consultedWith: 'veilig_thuis', consultedName: null, anonymousAdvice: true, advice: 'Gesprek met de ouder voeren.' } },
    { caseId: file.id, kind: 'parent_conversation', occurredOn: '2026-11-06', payload: { withWhom: 'Sanne de Boer (moeder)', conductedBy: 'Anna de Vries', summary: 'Moeder herkent de zorgen.' } },
    { caseId: file.id, kind: 'weighing', occurredOn: '2026-11-10', payload: { q1Suspicion: true, q2Unsafe: true, explanation: 'Weging in het team besproken.' } },
    { caseId: file.id, kind: 'decision', occurredOn: '2026-11-12', payload: { outcome: 'report', decidedBy: 'Anna de Vries', parentInformed: true, parentInformedOn: '2026-11-11' } },
  ];
  for (const entry of entries) await fx.backend.ok('meldcode.addEntry', entry);
  return file;
}

const APPLICANT = { id: null, firstName: 'Noor', surnamePrefix: null, surname: 'Jansen', email: null, phone: null, position: 'Pedagogisch medewerker', appliedOn: '2026-11-01', procedureEndDate: null, outcome: 'open', consentLongerRetention: false, consentOn: null } as const;
const EMPLOYEE = { id: null, firstName: 'Ruud', surnamePrefix: null, surname: 'Smit', address: 'Lindelaan 3, 4131 AA Vianen', email: null, phone: null, position: 'Groepsleider', employmentStart: '2020-03-01', employmentEnd: null, labourDispute: false } as const;
const HOLD = { description: 'Ziek uit dienst: re-integratiedossier', legalBasis: 'Wet verbetering poortwachter', until: '2030-06-30' };

type Sample<M extends MethodName> = (fx: Fixture) => Promise<MethodInput<M>>;

/**
 * One sample input per sensitive method; a sample may first create what the call needs. A method
 * that gains a sensitive permission without a sample here fails the test below.
 */
const SAMPLES: { [M in MethodName]?: Sample<M> } = {
  'medical.get': async ({ childId }) => ({ childId }),
  'medical.update': async ({ childId }) => ({ childId, allergies: MEDICAL_TEXT, diet: 'Geen varkensvlees', medication: null, otherParticulars: null }),
  'bsn.set': async ({ childId }) => ({ subject: 'child', id: childId, bsn: BSN.other }),
  'bsn.recordCheck': async ({ childId }) => ({ subject: 'child', id: childId, method: 'svb_letter', checkedOn: '2026-11-20' }),
  'bsn.reveal': async ({ childId }) => ({ subject: 'child', id: childId }),
  'meldcode.list': async (fx) => {
    await openCase(fx);
    return { status: null };
  },
  'meldcode.forChild': async (fx) => {
    await openCase(fx);
    return { childId: fx.childId };
  },
  'meldcode.children': async () => ({}),
  'meldcode.open': async ({ childId }) => ({ route: 'huiselijk', childId, openedOn: '2026-11-02' }),
  'meldcode.get': async (fx) => ({ caseId: (await openCase(fx)).id }),
  'meldcode.addEntry': async (fx) => ({ caseId: (await openCase(fx)).id, kind: 'signal', occurredOn: '2026-11-03', payload: { observation: 'Kind is stil en teruggetrokken.', observedBy: 'Bert Jansen' } }),
  'meldcode.close': async (fx) => ({ caseId: (await decidedCase(fx)).id, closedOn: '2026-11-20', summary: 'Melding gedaan; Veilig Thuis heeft het overgenomen.' }),
  'meldcode.printPdf': async (fx) => ({ caseId: (await openCase(fx)).id }),
  'requests.meldcodeDecisionsAwaited': async (fx) => {
    await openCase(fx);
    return {};
  },
  'requests.meldcodeDecision': async (fx) => {
    await openCase(fx);
    const request = await fx.backend.ok('requests.create', { kind: 'access', subjectType: 'child', subjectId: fx.childId, requesterParentId: fx.contractParentId, receivedOn: '2026-11-20', identityMethod: 'id_shown', description: 'Per e-mail ontvangen' });
    return { id: request.id, decision: 'exclude', reason: 'Veiligheid van het kind' };
  },
  'applicants.list': async ({ backend }) => {
    await backend.ok('applicants.save', APPLICANT);
    return {};
  },
  'applicants.save': async () => APPLICANT,
  'applicants.hire': async ({ backend }) => ({ id: (await backend.ok('applicants.save', APPLICANT)).id, address: 'Lindelaan 3, 4131 AA Vianen', employmentStart: '2026-12-01' }),
  'employees.list': async ({ backend }) => {
    await backend.ok('employees.save', EMPLOYEE);
    return {};
  },
  'employees.save': async () => EMPLOYEE,
  'employees.addStatutoryHold': async ({ backend }) => ({ employeeId: (await backend.ok('employees.save', EMPLOYEE)).id, ...HOLD }),
  'employees.removeStatutoryHold': async ({ backend }) => {
    const employee = await backend.ok('employees.save', EMPLOYEE);
    const held = await backend.ok('employees.addStatutoryHold', { employeeId: employee.id, ...HOLD });
    return { id: held.statutoryHolds[0]!.id };
  },
};

interface AuditRow {
  seq: number;
  action: string;
  entity: string | null;
  entity_id: string | null;
  details: string;
}

const lastSeq = (backend: TestBackend) => (backend.core.sqlite().prepare('SELECT coalesce(max(seq), 0) AS seq FROM audit_log').get() as { seq: number }).seq;
const rowsAfter = (backend: TestBackend, seq: number) => backend.core.sqlite().prepare('SELECT seq, action, entity, entity_id, details FROM audit_log WHERE seq > ? ORDER BY seq').all(seq) as AuditRow[];

describe('audit declared in the contract for medical data, BSN, meldcode and staff files', () => {
  it('finds the sensitive methods in the contract', () => {
    // A guard for the derivation itself: these must be among them.
    expect(sensitiveMethods).toEqual(expect.arrayContaining(['medical.get', 'medical.update', 'bsn.reveal', 'meldcode.get', 'applicants.list', 'employees.list']));
  });

  it('every sensitive method declares audit, with the data kind of its permission', () => {
    const wrong = sensitiveMethods.flatMap((name) => {
      const def: MethodDef = contract[name];
      const expected = def.permission === 'public' ? undefined : SENSITIVE[def.permission];
      if (!def.audit) return [`${name}: no audit`];
      return def.audit.data === expected ? [] : [`${name}: audits ${def.audit.data}, its permission ${def.permission} means ${expected}`];
    });
    expect(wrong).toEqual([]);
  });

  it('every sensitive method has a sample input below (the table stays complete)', () => {
    expect(sensitiveMethods.filter((name) => !SAMPLES[name])).toEqual([]);
  });

  it.for(sensitiveMethods)('%s writes exactly one audit row, with the method name as action and ids only', async (name) => {
    const sample = SAMPLES[name] as Sample<MethodName> | undefined;
    expect(sample, `no sample input for ${name}`).toBeDefined();
    const fx = await fixture();
    const input = await sample!(fx);
    const before = lastSeq(fx.backend);
    await fx.backend.ok(name, input);
    const rows = rowsAfter(fx.backend, before);
    expect(rows.map((row) => row.action)).toEqual([name]);
    const spec = (contract[name] as MethodDef).audit;
    if (spec?.entity) expect(rows[0]).toMatchObject({ entity: spec.entity, entity_id: expect.any(String) });
    const text = JSON.stringify(rows);
    for (const personal of [BSN.child, BSN.other, BSN.parent, 'Zoë', 'Boer', 'Noor', 'Ruud', MEDICAL_TEXT, 'Blauwe plekken']) expect(text).not.toContain(personal);
  });
});
