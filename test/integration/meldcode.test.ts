import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract, type MethodInput } from '../../shared/api/contract';
import { createKysely, migrateTo, migrateToLatest } from '../../electron/backend/db/kysely';
import { openEncryptedDatabase } from '../../electron/backend/db/open';
import { destroyCase } from '../../electron/backend/modules/meldcode/meldcode.service';
import { syncOnce } from '../../electron/backend/sync/sync.engine';
import { MANAGER, makeBackend, setUpLocation, tempDir, type TestBackend } from '../helpers/backend';
import { createFamily, loginAsStaff } from '../helpers/clients';
import { giveKey, startHeadOffice } from '../helpers/headoffice';

const NOW = new Date('2026-11-25T10:00:00Z');
const OFFICER = { name: 'Carla Meijer', username: 'carla', password: 'Vuurtoren-Lamp-58', roles: ['meldcodeOfficer' as const] };

async function withChild() {
  const backend = makeBackend(tempDir(), { now: () => NOW });
  await setUpLocation(backend);
  const { child } = await createFamily(backend);
  return { backend, child };
}

async function switchUser(backend: TestBackend, user: { username: string; password: string }, newPassword?: string) {
  await backend.ok('auth.lock', { reason: 'user' });
  await backend.ok('auth.login', { username: user.username, password: user.password });
  if (newPassword) await backend.ok('auth.changePassword', { currentPassword: user.password, newPassword });
}

type Entry = MethodInput<'meldcode.addEntry'>;
const signal = (caseId: string, occurredOn = '2026-11-02', observation = 'Blauwe plekken op beide bovenarmen bij het omkleden.'): Entry => ({ caseId, kind: 'signal', occurredOn, payload: { observation, observedBy: 'Bert Jansen' } });
const consultation = (caseId: string): Entry => ({ caseId, kind: 'consultation', occurredOn: '2026-11-04', payload: { consultedWith: 'veilig_thuis', consultedName: null, anonymousAdvice: true, advice: 'Gesprek met de ouder voeren en de signalen blijven vastleggen.' } });
const parentTalk = (caseId: string): Entry => ({ caseId, kind: 'parent_conversation', occurredOn: '2026-11-06', payload: { withWhom: 'Sanne de Boer (moeder)', conductedBy: 'Anna de Vries', summary: 'Moeder herkent de zorgen en wil hulp.' } });
const weighing = (caseId: string, answers: Partial<{ q1Suspicion: boolean; q2Unsafe: boolean; q3HelpPossible: boolean; q4Cooperation: boolean; q5LastingSafety: boolean | null }>): Entry => ({
  caseId,
  kind: 'weighing',
  occurredOn: '2026-11-10',
  payload: { q1Suspicion: true, explanation: 'Weging in het team besproken.', ...answers },
});
const decision = (caseId: string, payload: Partial<Extract<Entry, { kind: 'decision' }>['payload']>): Entry => ({
  caseId,
  kind: 'decision',
  occurredOn: '2026-11-12',
  payload: { outcome: 'report', decidedBy: 'Anna de Vries en Carla Meijer', parentInformed: true, parentInformedOn: '2026-11-11', ...payload },
});

async function openHome(backend: TestBackend, childId: string) {
  return backend.ok('meldcode.open', { route: 'huiselijk', childId, openedOn: '2026-11-02' });
}

/** A case that has reached step 4: signal, consultation, parent conversation. */
async function caseAtWeighing(backend: TestBackend, childId: string) {
  const file = await openHome(backend, childId);
  for (const entry of [signal(file.id), consultation(file.id), parentTalk(file.id)]) await backend.ok('meldcode.addEntry', entry);
  return file;
}

function writePdf(file: { fileName: string; base64: string }) {
  const target = path.join(tempDir(), file.fileName);
  fs.writeFileSync(target, Buffer.from(file.base64, 'base64'));
  return target;
}

describe('meldcode case file workflow', () => {
  it('walks the five steps to a report with the parent informed, closes, and shows the destruction date', async () => {
    const { backend, child } = await withChild();
    const file = await caseAtWeighing(backend, child.id);
    await backend.ok('meldcode.addEntry', weighing(file.id, { q2Unsafe: true }));
    const decided = await backend.ok('meldcode.addEntry', decision(file.id, {}));
    expect(decided.progress).toEqual({ stepsDone: { 1: true, 2: true, 3: true, 4: true, 5: true }, step3Done: true, hasWeighing: true, reportRequired: 'q2_unsafe' });
    expect(decided.entries.map((e) => [e.kind, e.authorName])).toEqual([
      ['signal', 'Anna de Vries'],
      ['consultation', 'Anna de Vries'],
      ['parent_conversation', 'Anna de Vries'],
      ['weighing', 'Anna de Vries'],
      ['decision', 'Anna de Vries'],
    ]);
    const closed = await backend.ok('meldcode.close', { caseId: file.id, closedOn: '2026-11-20', summary: 'Melding gedaan; Veilig Thuis heeft het overgenomen.' });
    expect(closed).toMatchObject({ status: 'closed', closedOn: '2026-11-20', closedByName: MANAGER.name, destructionDate: '2028-11-20' });
    expect((await backend.ok('meldcode.list', { status: 'closed' })).map((c) => [c.id, c.childName, c.destructionDate, c.entryCount])).toEqual([[file.id, 'Zoë de Boer', '2028-11-20', 5]]);
    // The retention policy in force decides (head office may change it): 3 years instead of 2.
    const location = backend.core.sqlite().prepare('SELECT id FROM location').get() as { id: string };
    backend.core
      .sqlite()
      .prepare("INSERT INTO retention_policies (id, location_id, key, category, period_amount, period_unit, anchor, legal_basis, updated_at) VALUES (?, ?, 'meldcode', 'Meldcodedossiers', 3, 'years', 'afsluiting', 'test', ?) ON CONFLICT (id) DO UPDATE SET period_amount = 3")
      .run(`${location.id}:meldcode`, location.id, NOW.toISOString());
    expect(await backend.ok('meldcode.get', { caseId: file.id })).toMatchObject({ destructionDate: '2029-11-20', retentionPeriod: { periodAmount: 3, periodUnit: 'years' } });
  });

  it('Q1 "no suspicion" closes the case; a closed case refuses new entries', async () => {
    const { backend, child } = await withChild();
    const file = await caseAtWeighing(backend, child.id);
    const after = await backend.ok('meldcode.addEntry', weighing(file.id, { q1Suspicion: false, q2Unsafe: true }));
    expect(after).toMatchObject({ status: 'closed', closedOn: '2026-11-10', destructionDate: '2028-11-10' });
    expect(after.closingSummary).toMatch(/^Geen vermoeden meer \(afwegingskader, vraag 1\)\./);
    // Answers after Q1 "no" mean nothing and are not stored.
    expect(after.entries.at(-1)!.payload).toMatchObject({ q1Suspicion: false, q2Unsafe: null });
    const refused = await backend.err('meldcode.addEntry', decision(file.id, {}));
    expect(refused).toMatchObject({ code: 'CONFLICT', message: 'Dit dossier is gesloten op 10-11-2026; er kunnen geen aantekeningen meer bij. Is er een nieuw vermoeden, open dan een nieuw dossier.' });
    expect((await backend.err('meldcode.addEntry', signal(file.id))).code).toBe('CONFLICT');
    expect((await backend.err('meldcode.close', { caseId: file.id, closedOn: '2026-11-20', summary: 'Nogmaals' })).message).toBe('Dit dossier is al gesloten op 10-11-2026.');
    expect((await backend.ok('meldcode.get', { caseId: file.id })).entries).toHaveLength(4);
  });

  it('Q2 acute or structural unsafety makes reporting mandatory (help alone is refused)', async () => {
    const { backend, child } = await withChild();
    const file = await caseAtWeighing(backend, child.id);
    await backend.ok('meldcode.addEntry', weighing(file.id, { q2Unsafe: true }));
    const refused = await backend.err('meldcode.addEntry', decision(file.id, { outcome: 'help', helpDescription: 'Opvoedondersteuning via het wijkteam.' }));
    expect(refused.message).toBe('Er is sprake van acute of structurele onveiligheid (afwegingskader, vraag 2): melden bij Veilig Thuis is verplicht. Kies "melden" of "hulp en melden".');
    expect(refused.details).toEqual({ 'payload.outcome': refused.message });
    await backend.ok('meldcode.addEntry', decision(file.id, { outcome: 'both', helpDescription: 'Opvoedondersteuning via het wijkteam.' }));
  });

  it('the later afwegingskader questions also make reporting mandatory: no help possible, no cooperation', async () => {
    const { backend, child } = await withChild();
    const file = await caseAtWeighing(backend, child.id);
    const help = { outcome: 'help' as const, helpDescription: 'Opvoedondersteuning.' };
    await backend.ok('meldcode.addEntry', weighing(file.id, { q2Unsafe: false, q3HelpPossible: true, q4Cooperation: false }));
    expect((await backend.err('meldcode.addEntry', decision(file.id, help))).message).toMatch(/^De betrokkenen aanvaarden de hulp niet \(afwegingskader, vraag 4\): melden bij Veilig Thuis is verplicht\./);
    // A new weighing replaces the earlier one.
    await backend.ok('meldcode.addEntry', weighing(file.id, { q2Unsafe: false, q3HelpPossible: false, q4Cooperation: true }));
    expect((await backend.err('meldcode.addEntry', decision(file.id, help))).message).toMatch(/^Wij kunnen geen passende hulp bieden of organiseren \(afwegingskader, vraag 3\)/);
    const weighed = await backend.ok('meldcode.addEntry', weighing(file.id, { q2Unsafe: false, q3HelpPossible: true, q4Cooperation: true, q5LastingSafety: null }));
    expect(weighed.progress.reportRequired).toBeNull();
    const decided = await backend.ok('meldcode.addEntry', decision(file.id, help));
    expect(decided.entries.at(-1)!.payload).toMatchObject({ outcome: 'help', parentInformedOn: null, anonymous: false });
    // Q2 must be answered when Q1 is yes; Q3 and Q4 when Q2 is no.
    const incomplete = await backend.err('meldcode.addEntry', weighing(file.id, { q2Unsafe: false }));
    expect(incomplete.details).toMatchObject({ 'payload.q3HelpPossible': 'Beantwoord vraag 3: kunnen wij hulp bieden of organiseren?', 'payload.q4Cooperation': 'Beantwoord vraag 4: aanvaarden de betrokkenen de hulp?' });
  });

  it('a report requires the parent informed beforehand or a recorded reason; an anonymous report requires a safety reason', async () => {
    const { backend, child } = await withChild();
    const file = await caseAtWeighing(backend, child.id);
    await backend.ok('meldcode.addEntry', weighing(file.id, { q2Unsafe: true }));

    const notInformed = await backend.err('meldcode.addEntry', decision(file.id, { parentInformed: false, parentInformedOn: null }));
    expect(notInformed.code).toBe('VALIDATION');
    expect(notInformed.details!['payload.notInformedReason']).toBe(
      'Een melding mag alleen als de ouder vooraf is geïnformeerd, of als is vastgelegd waarom informeren de veiligheid van het kind of van medewerkers in gevaar brengt.',
    );
    const informedAfter = await backend.err('meldcode.addEntry', decision(file.id, { parentInformedOn: '2026-11-13' }));
    expect(informedAfter.details).toEqual({ 'payload.parentInformedOn': 'De ouder wordt vóór de melding geïnformeerd: deze datum ligt na de datum van het besluit.' });
    const anonymous = await backend.err('meldcode.addEntry', decision(file.id, { anonymous: true }));
    expect(anonymous.details!['payload.anonymousReason']).toBe('Anoniem melden mag alleen als de veiligheid van kinderen of medewerkers op het spel staat: leg vast waarom.');
    expect((await backend.ok('meldcode.get', { caseId: file.id })).entries.filter((e) => e.kind === 'decision')).toEqual([]);

    const decided = await backend.ok(
      'meldcode.addEntry',
      decision(file.id, { parentInformed: false, parentInformedOn: null, notInformedReason: 'Vader heeft eerder gedreigd; informeren brengt het kind in gevaar.', anonymous: true, anonymousReason: 'Dreiging richting de pedagogisch medewerkers.' }),
    );
    expect(decided.entries.at(-1)!.payload).toMatchObject({ parentInformed: false, notInformedReason: 'Vader heeft eerder gedreigd; informeren brengt het kind in gevaar.', anonymous: true });
  });

  it('a decision requires step 3 and a weighing', async () => {
    const { backend, child } = await withChild();
    const file = await openHome(backend, child.id);
    await backend.ok('meldcode.addEntry', signal(file.id));
    expect((await backend.err('meldcode.addEntry', decision(file.id, {}))).message).toBe('Leg eerst het gesprek met de ouder vast, of de reden waarom het niet is gevoerd (stap 3).');
    await backend.ok('meldcode.addEntry', { caseId: file.id, kind: 'parent_conversation_skipped', occurredOn: '2026-11-05', payload: { reason: 'Het gesprek zou het kind in gevaar brengen.' } });
    expect((await backend.err('meldcode.addEntry', decision(file.id, {}))).message).toBe('Een besluit vraagt eerst een weging met het afwegingskader (stap 4).');
    expect((await backend.err('meldcode.close', { caseId: file.id, closedOn: '2026-11-20', summary: 'Klaar' })).message).toBe(
      'Sluit een dossier na het besluit (stap 5), of leg met het afwegingskader vast dat er geen vermoeden meer is (vraag 1).',
    );
  });

  it('employee route: the vertrouwensinspecteur consultation replaces the parent conversation', async () => {
    const { backend, child } = await withChild();
    const missing = await backend.err('meldcode.open', { route: 'medewerker', childId: child.id, openedOn: '2026-11-02' });
    expect(missing.details).toEqual({ suspectEmployeeName: 'Vul de naam van de medewerker in.' });
    const file = await backend.ok('meldcode.open', { route: 'medewerker', childId: child.id, suspectEmployeeName: 'Piet Post', openedOn: '2026-11-02' });
    expect(file).toMatchObject({ route: 'medewerker', suspectEmployeeName: 'Piet Post', childName: 'Zoë de Boer' });
    await backend.ok('meldcode.addEntry', signal(file.id));
    const refused = await backend.err('meldcode.addEntry', parentTalk(file.id));
    expect(refused.message).toBe('Is een medewerker de vermoedelijke pleger, dan vervangt het overleg met de vertrouwensinspecteur het gesprek met de ouder. Leg dat overleg vast.');
    await backend.ok('meldcode.addEntry', weighing(file.id, { q2Unsafe: true }));
    expect((await backend.err('meldcode.addEntry', decision(file.id, {}))).message).toBe('Leg eerst het overleg met de vertrouwensinspecteur vast (stap 3).');
    const consulted = await backend.ok('meldcode.addEntry', { caseId: file.id, kind: 'vertrouwensinspecteur', occurredOn: '2026-11-05', payload: { inspectorName: null, advice: 'Aangifte doen; ouders informeren na overleg.' } });
    expect(consulted.progress.step3Done).toBe(true);
    await backend.ok('meldcode.addEntry', decision(file.id, {}));

    // And the other way round: the home route has no vertrouwensinspecteur step.
    const home = await openHome(backend, child.id);
    expect((await backend.err('meldcode.addEntry', { caseId: home.id, kind: 'vertrouwensinspecteur', occurredOn: '2026-11-05', payload: { advice: 'x' } })).message).toMatch(
      /^Het overleg met de vertrouwensinspecteur hoort bij de route waarin een medewerker de vermoedelijke pleger is\./,
    );
  });

  it('checks dates: no future dates, no closing before opening', async () => {
    const { backend, child } = await withChild();
    expect((await backend.err('meldcode.open', { route: 'huiselijk', childId: child.id, openedOn: '2026-11-26' })).details).toEqual({ openedOn: 'De datum kan niet in de toekomst liggen.' });
    const file = await caseAtWeighing(backend, child.id);
    expect((await backend.err('meldcode.addEntry', signal(file.id, '2026-12-01'))).details).toEqual({ occurredOn: 'De datum kan niet in de toekomst liggen.' });
    await backend.ok('meldcode.addEntry', weighing(file.id, { q2Unsafe: true }));
    await backend.ok('meldcode.addEntry', decision(file.id, {}));
    expect((await backend.err('meldcode.close', { caseId: file.id, closedOn: '2026-11-01', summary: 'x' })).details).toEqual({ closedOn: 'De sluitingsdatum ligt vóór de opening van het dossier (02-11-2026).' });
  });
});

describe('meldcode entries are append-only', () => {
  it('has no edit or delete API; a correction is a new entry that refers to the one it corrects; the database refuses changes', async () => {
    const { backend, child } = await withChild();
    expect(Object.keys(contract).filter((m) => m.startsWith('meldcode.')).sort()).toEqual([
      'meldcode.addEntry',
      'meldcode.children',
      'meldcode.close',
      'meldcode.forChild',
      'meldcode.get',
      'meldcode.list',
      'meldcode.open',
      'meldcode.printPdf',
    ]);
    const file = await openHome(backend, child.id);
    const first = (await backend.ok('meldcode.addEntry', signal(file.id))).entries[0]!;
    const corrected = await backend.ok('meldcode.addEntry', { caseId: file.id, kind: 'correction', occurredOn: '2026-11-03', correctsEntryId: first.id, payload: { text: 'Het ging om de linkerarm, niet beide armen.' } });
    expect(corrected.entries).toHaveLength(2);
    expect(corrected.entries[0]).toEqual(first);
    expect(corrected.entries[1]).toMatchObject({ kind: 'correction', correctsEntryId: first.id });

    const other = await openHome(backend, child.id);
    const foreign = await backend.err('meldcode.addEntry', { caseId: other.id, kind: 'correction', occurredOn: '2026-11-03', correctsEntryId: first.id, payload: { text: 'x' } });
    expect(foreign.message).toBe('De aantekening die u wilt corrigeren hoort niet bij dit dossier.');

    const sqlite = backend.core.sqlite();
    expect(() => sqlite.exec(`UPDATE meldcode_entries SET payload = '{}' WHERE id = '${first.id}'`)).toThrow(/append-only/);
    expect(() => sqlite.exec(`DELETE FROM meldcode_entries WHERE id = '${first.id}'`)).toThrow(/append-only/);
    // A pulled copy may still take its head-office version.
    sqlite.exec(`UPDATE meldcode_entries SET version = 7 WHERE id = '${first.id}'`);
  });

  it('destroying a case removes the case, its entries and their queued copies, and queues the case tombstone first', async () => {
    const { backend, child } = await withChild();
    const file = await caseAtWeighing(backend, child.id);
    const entryIds = (await backend.ok('meldcode.get', { caseId: file.id })).entries.map((e) => e.id);
    const db = backend.core.db();
    const outboxMark = (await db.selectFrom('outbox').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirstOrThrow()).seq ?? 0;
    await backend.core.transaction((trx) => destroyCase(trx, file.id, NOW));
    expect(await db.selectFrom('meldcode_cases').selectAll().execute()).toEqual([]);
    expect(await db.selectFrom('meldcode_entries').selectAll().execute()).toEqual([]);
    const queued = await db.selectFrom('outbox').select(['entity', 'entity_id', 'op', 'payload', 'seq']).where('entity', 'in', ['meldcode_cases', 'meldcode_entries']).orderBy('seq').execute();
    expect(queued.every((q) => q.op === 'delete' && q.payload === null && q.seq > outboxMark)).toBe(true);
    expect(queued.map((q) => q.entity_id)).toEqual([file.id, ...entryIds]);
    const raw = backend.core.sqlite().prepare('SELECT count(*) AS n FROM outbox WHERE payload LIKE ?').get('%Blauwe plekken%') as { n: number };
    expect(raw.n).toBe(0);
  });
});

describe('meldcode access and audit', () => {
  it('staff: every meldcode method is refused, and the child payload carries no case data', async () => {
    const { backend, child } = await withChild();
    const file = await caseAtWeighing(backend, child.id);
    const entryId = (await backend.ok('meldcode.get', { caseId: file.id })).entries[0]!.id;
    const childPayloads = async () => JSON.stringify([await backend.ok('children.get', { id: child.id }), await backend.ok('children.list', {}), await backend.ok('search.query', { q: 'Zoë' })]);
    const traces = [file.id, 'meldcode', 'Blauwe plekken', 'dossier'];
    // Not even the manager's child page payload carries it: the case list is a separate, audited call.
    for (const trace of traces) expect((await childPayloads()).toLowerCase()).not.toContain(trace.toLowerCase());
    await loginAsStaff(backend);
    const calls: { [M in keyof typeof contract & `meldcode.${string}`]: MethodInput<M> } = {
      'meldcode.list': {},
      'meldcode.forChild': { childId: child.id },
      'meldcode.children': {},
      'meldcode.open': { route: 'huiselijk', childId: child.id, openedOn: '2026-11-02' },
      'meldcode.get': { caseId: file.id },
      'meldcode.addEntry': { caseId: file.id, kind: 'correction', occurredOn: '2026-11-03', correctsEntryId: entryId, payload: { text: 'x' } },
      'meldcode.close': { caseId: file.id, closedOn: '2026-11-20', summary: 'x' },
      'meldcode.printPdf': { caseId: file.id },
    };
    for (const [method, input] of Object.entries(calls)) {
      expect(await backend.err(method as keyof typeof calls, input), method).toEqual({ code: 'FORBIDDEN', message: 'U heeft geen toegang tot deze functie.', ref: { key: 'common.forbidden' } });
    }
    const payloads = await childPayloads();
    expect(payloads).toContain('Zoë');
    for (const trace of traces) expect(payloads.toLowerCase()).not.toContain(trace.toLowerCase());
    // Nothing was written by the refused calls.
    expect(await backend.core.db().selectFrom('meldcode_entries').select('id').execute()).toHaveLength(3);
  });

  it('the aandachtsfunctionaris works on case files without access to client files', async () => {
    const { backend, child } = await withChild();
    await backend.ok('users.create', OFFICER);
    await switchUser(backend, OFFICER, 'Kompas-Noorden-314');
    expect(await backend.ok('meldcode.children', {})).toEqual([{ id: child.id, name: 'Zoë de Boer', birthDate: '2023-04-15', groupName: 'Rupsjes' }]);
    const file = await openHome(backend, child.id);
    expect(file.openedByName).toBe(OFFICER.name);
    expect((await backend.ok('meldcode.forChild', { childId: child.id })).map((c) => c.id)).toEqual([file.id]);
    expect((await backend.err('children.get', { id: child.id })).code).toBe('FORBIDDEN');
  });

  it('every list, open, read and print writes an audit row with ids only; printing twice gives two rows', async () => {
    const { backend, child } = await withChild();
    const file = await caseAtWeighing(backend, child.id);
    const auditMark = (await backend.ok('audit.recent', { limit: 1 }))[0]!.seq;
    await backend.ok('meldcode.list', {});
    await backend.ok('meldcode.forChild', { childId: child.id });
    await backend.ok('meldcode.get', { caseId: file.id });
    await backend.ok('meldcode.printPdf', { caseId: file.id });
    await backend.ok('meldcode.printPdf', { caseId: file.id });
    const rows = await backend.core.db().selectFrom('audit_log').selectAll().where('seq', '>', auditMark).orderBy('seq').execute();
    expect(rows.map((r) => [r.action, r.entity, r.entity_id])).toEqual([
      ['meldcode.list', null, null],
      ['meldcode.forChild', 'child', child.id],
      ['meldcode.get', 'meldcode_case', file.id],
      ['meldcode.printPdf', 'meldcode_case', file.id],
      ['meldcode.printPdf', 'meldcode_case', file.id],
    ]);
    const all = await backend.core.db().selectFrom('audit_log').selectAll().where('action', 'like', 'meldcode.%').execute();
    expect(all.filter((r) => r.action === 'meldcode.open').map((r) => r.entity_id)).toEqual([file.id]);
    expect(all.filter((r) => r.action === 'meldcode.addEntry')).toHaveLength(3);
    const text = JSON.stringify(all);
    for (const personal of ['Zoë', 'Boer', 'Blauwe', 'Sanne', 'Veilig Thuis']) expect(text).not.toContain(personal);
    expect((await backend.ok('audit.verify', {})).ok).toBe(true);
  });

  it('prints the case file with "Vertrouwelijk" and the printer\'s name and time on every page', async () => {
    const { backend, child } = await withChild();
    const file = await caseAtWeighing(backend, child.id);
    // Enough text for several pages.
    for (let i = 0; i < 14; i++) {
      await backend.ok('meldcode.addEntry', signal(file.id, '2026-11-02', `Waarneming ${i + 1}: ${'Het kind trekt zich terug in de kring en schrikt van harde geluiden. '.repeat(8)}`));
    }
    await backend.ok('meldcode.addEntry', weighing(file.id, { q2Unsafe: true }));
    await backend.ok('meldcode.addEntry', decision(file.id, {}));
    await backend.ok('meldcode.close', { caseId: file.id, closedOn: '2026-11-20', summary: 'Melding gedaan.' });
    await backend.ok('users.create', OFFICER);
    await switchUser(backend, OFFICER, 'Kompas-Noorden-314');
    const target = writePdf(await backend.ok('meldcode.printPdf', { caseId: file.id }));
    execFileSync('qpdf', ['--check', target]);
    const fonts = execFileSync('pdffonts', [target], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line, 'font embedded').toMatch(/\byes\s+yes\s+(yes|no)\s+\d+\s+\d+\s*$/);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [target], { encoding: 'utf8' }))![1]);
    expect(pages).toBeGreaterThanOrEqual(3);
    for (let page = 1; page <= pages; page++) {
      const text = execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', target, '-'], { encoding: 'utf8' });
      expect(text, `page ${page}`).toContain('Vertrouwelijk');
      expect(text, `page ${page}`).toContain(`Afgedrukt door ${OFFICER.name} op 25 november 2026 om 11:00`); // Amsterdam time: NOW is 10:00 UTC
      expect(text, `page ${page}`).toContain(`Pagina ${page} van ${pages}`);
    }
    const all = execFileSync('pdftotext', ['-layout', target, '-'], { encoding: 'utf8' });
    for (const expected of ['Zoë de Boer', 'Stap 1', 'Waarneming 14', 'Advies Veilig Thuis (anoniem advies)', 'Gesprek met de ouder', 'Acute of structurele onveiligheid?', 'Melden bij Veilig Thuis', 'Ouder geïnformeerd op', '11-11-2026', 'Wordt vernietigd op', '20-11-2028']) {
      expect(all).toContain(expected);
    }
  });
});

describe('meldcode sync', () => {
  it('entries from two PCs never conflict; closing on both is a conflict; destruction reaches the other PC', async () => {
    const ho = await startHeadOffice();
    try {
      const location = await ho.newLocation('KDV Zon');
      const pcs: TestBackend[] = [];
      for (const deviceName of ['Kantoor', 'Groepsruimte']) {
        const pc = makeBackend(tempDir(), { now: () => NOW });
        await setUpLocation(pc);
        await pc.ok('sync.enrol', { serverUrl: ho.url, code: await location.code(), deviceName, caCertPem: null });
        pcs.push(pc);
      }
      const [pc1, pc2] = pcs as [TestBackend, TestBackend];
      // Meldcode files are sealed: the second PC reads them once it has the location's sync key.
      await giveKey(pc1, pc2);
      const sync = (pc: TestBackend) => syncOnce(pc.core, (work) => work());
      const { child } = await createFamily(pc1);
      const file = await caseAtWeighing(pc1, child.id);
      await pc1.ok('meldcode.addEntry', weighing(file.id, { q2Unsafe: true }));
      await pc1.ok('meldcode.addEntry', decision(file.id, {}));
      await sync(pc1);
      await sync(pc2);
      expect((await pc2.ok('meldcode.get', { caseId: file.id })).entries).toHaveLength(5);

      // Both PCs add an entry and close the case while offline from each other.
      await pc1.ok('meldcode.addEntry', signal(file.id, '2026-11-14', 'Signaal van pc 1'));
      await pc2.ok('meldcode.addEntry', signal(file.id, '2026-11-15', 'Signaal van pc 2'));
      await pc1.ok('meldcode.close', { caseId: file.id, closedOn: '2026-11-20', summary: 'Gesloten op pc 1' });
      await pc2.ok('meldcode.close', { caseId: file.id, closedOn: '2026-11-21', summary: 'Gesloten op pc 2' });
      expect(await sync(pc1)).toMatchObject({ conflicts: 0, rejected: 0 });
      const second = await sync(pc2);
      expect(second).toMatchObject({ conflicts: 1, rejected: 0 });
      const conflicts = await pc2.core.db().selectFrom('sync_conflicts').select(['entity', 'entity_id']).execute();
      expect(conflicts).toEqual([{ entity: 'meldcode_cases', entity_id: file.id }]);
      await sync(pc1);
      for (const pc of [pc1, pc2]) {
        const observations = (await pc.ok('meldcode.get', { caseId: file.id })).entries.flatMap((e) => (e.kind === 'signal' ? [e.payload.observation] : []));
        expect(observations.slice(1).sort()).toEqual(['Signaal van pc 1', 'Signaal van pc 2']);
      }

      await pc1.core.transaction((trx) => destroyCase(trx, file.id, NOW));
      await sync(pc1);
      await sync(pc2);
      expect(await pc2.core.db().selectFrom('meldcode_cases').select('id').execute()).toEqual([]);
      expect(await pc2.core.db().selectFrom('meldcode_entries').select('id').execute()).toEqual([]);
      const server = await ho.db.selectFrom('records').select(['entity', 'deleted', 'payload']).where('entity', 'in', ['meldcode_cases', 'meldcode_entries']).execute();
      expect(server.length).toBe(8);
      expect(server.every((r) => r.deleted === 1 && r.payload === null)).toBe(true);
    } finally {
      await ho.close();
    }
  }, 60_000);
});

describe('migration 0006', () => {
  it('adds the case tables to a database written under 0005; a child with a case file cannot be deleted', async () => {
    const sqlite = openEncryptedDatabase(path.join(tempDir(), 'm.db'), randomBytes(32));
    const db = createKysely(sqlite);
    await migrateTo(db, '0005_consents_disclosures');
    const at = '2026-01-01T00:00:00.000Z';
    sqlite.prepare("INSERT INTO households (id, location_id, street, house_number, postcode, city, created_at, updated_at) VALUES ('h1', 'l1', 'Dorpsstraat', '1', '1234 AB', 'Vianen', ?, ?)").run(at, at);
    sqlite
      .prepare("INSERT INTO children (id, location_id, household_id, first_name, surname, search_name, birth_date, group_name, created_at, updated_at) VALUES ('c1', 'l1', 'h1', 'Zoë', 'Boer', 'zoe boer', '2023-04-15', 'Rupsjes', ?, ?)")
      .run(at, at);
    expect(() => sqlite.prepare('SELECT count(*) FROM meldcode_cases').get()).toThrow(/no such table/);
    await migrateToLatest(db);
    expect(await db.selectFrom('children').select(['id', 'first_name']).execute()).toEqual([{ id: 'c1', first_name: 'Zoë' }]);
    const insertCase = sqlite.prepare(
      "INSERT INTO meldcode_cases (id, location_id, child_id, route, suspect_employee_name, status, opened_on, opened_by, opened_by_name, closed_on, created_at, updated_at) VALUES (?, 'l1', ?, ?, ?, ?, '2026-01-02', 'u1', 'Anna', ?, ?, ?)",
    );
    expect(() => insertCase.run('m0', null, 'huiselijk', null, 'open', null, at, at)).toThrow(/CHECK constraint/);
    expect(() => insertCase.run('m0', 'c1', 'huiselijk', null, 'closed', null, at, at)).toThrow(/CHECK constraint/);
    insertCase.run('m1', 'c1', 'huiselijk', null, 'open', null, at, at);
    expect(() => sqlite.exec("DELETE FROM children WHERE id = 'c1'")).toThrow(/FOREIGN KEY/);
    await db.destroy();
  });
});
