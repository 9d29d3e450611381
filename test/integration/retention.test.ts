import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANAGER, tempDir } from '../helpers/backend';
import { CANARY, endContract, familyWithEverything, moveClock, newBackend, runAll, tablesMentioning } from '../helpers/retention';
import { syncOnce } from '../../electron/backend/sync/sync.engine';
import { loginAsStaff, groupId } from '../helpers/clients';
import { startHeadOffice } from '../helpers/headoffice';
import { containsText, decryptDatabaseFile, decryptWalFile } from '../helpers/sqlcipher';

describe('retention engine', () => {
  it('destroys a household for real: rows gone from every table, bytes gone from the DB file, WAL and a backup made afterwards', async () => {
    const { backend, clock } = await newBackend();
    const { household, child, contract } = await familyWithEverything(backend);
    // A second family that must survive untouched.
    const other = await backend.ok('households.create', { street: 'Dorpsstraat', houseNumber: '1', postcode: '4131 NN', city: 'Vianen', iban: null, ibanHolder: null, parents: [{ firstName: 'Blijft', initials: null, surnamePrefix: null, surname: 'Bestaan', email: null, phone: null, bsn: null, hasParentalAuthority: true, isContractParent: true }] });
    const otherChild = await backend.ok('children.create', { householdId: other.id, firstName: 'Blijvertje', initials: null, surnamePrefix: null, surname: 'Bestaan', birthDate: '2023-01-01', groupId: await groupId(backend, 'Rupsjes'), bsn: null });
    await backend.ok('contracts.create', { childId: otherChild.id, careType: 'bso', days: ['wo'], hoursPerWeek: 8, startDate: '2025-01-06', endDate: null });
    await endContract(backend, contract, '2025-12-31');

    const key = Buffer.from(backend.core.dbKey());
    let sqlite = backend.core.sqlite();
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    // The decryption really reads the data: before destruction every canary is on disk.
    const before = decryptDatabaseFile(backend.core.dbFile, key);
    for (const canary of Object.values(CANARY)) expect(containsText(before, canary), canary).toBe(true);

    // Not due yet: refused with the rule and its end date, nothing changes.
    const refused = await backend.err('retention.destroy', { runId: (await backend.ok('retention.startRun', {})).runId, items: [{ category: 'household', id: household.id }] });
    expect(refused.code).toBe('RETENTION_HOLD');
    expect(refused.message).toBe(`Gezin ${CANARY.parent} Geelvink kan nog niet worden vernietigd: de bewaartermijn (Contractgegevens en financiële gegevens (naam, voorletters, geboortedatum en BSN van ouder en kind, contracten, IBAN): 7 jaar na einde van het laatste contract) loopt tot 31-12-2032.`);
    expect(tablesMentioning(backend, household.id)).toContain('households');

    await moveClock(backend, clock, '2032-12-31');
    sqlite = backend.core.sqlite();
    const preview = await backend.ok('retention.preview', {});
    // Issue 14: the preview also lists the parts with their own rule that come due (here the GGD disclosure register entry of 2026-01-10, 7 years).
    const households = preview.items.filter((i) => i.category === 'household');
    expect(households.map((i) => [i.category, i.id, i.status, i.dueDate])).toEqual([['household', household.id, 'due', '2032-12-31']]);
    expect(households[0]!.reason).toBe('Einde van het laatste contract: 31-12-2025; bewaartermijn 7 jaar na einde van het laatste contract.');
    const outboxBefore = (sqlite.prepare("SELECT count(*) AS n FROM outbox WHERE op = 'upsert' AND payload LIKE ?").get(`%${CANARY.parent}%`) as { n: number }).n;
    expect(outboxBefore).toBeGreaterThan(0);

    const summary = await runAll(backend, [{ category: 'household', id: household.id }]);
    expect(summary).toMatchObject({ itemCount: 1, automatic: false, executedByName: MANAGER.name, byCategory: [{ category: 'household', count: 1 }] });
    // Every run starts with an encrypted backup (issue 9), so a mistaken destruction could be undone.
    expect((await backend.ok('backup.status', {})).backups.some((b) => b.reason === 'destruction')).toBe(true);

    // Rows: the ids of the household, parent and child appear in no table but the audit chain (ids only).
    for (const id of [household.id, household.parents[0]!.id, child.id, contract.id]) {
      expect(tablesMentioning(backend, id).filter((t) => t !== 'audit_log' && t !== 'outbox'), id).toEqual([]);
    }
    // The outbox keeps only tombstones for them: no payload with their data.
    expect(sqlite.prepare("SELECT count(*) AS n FROM outbox WHERE payload LIKE ? OR payload LIKE ?").get(`%${CANARY.parent}%`, `%${CANARY.child}%`)).toEqual({ n: 0 });
    const tombstones = sqlite.prepare("SELECT entity, payload FROM outbox WHERE op = 'delete' AND entity_id IN (?, ?, ?)").all(household.id, child.id, household.parents[0]!.id) as { entity: string; payload: null }[];
    expect(tombstones.map((t) => t.entity).sort()).toEqual(['child_medical', 'children', 'households', 'parents']);
    // Anonymous statistics survive; the other family is untouched.
    expect(sqlite.prepare("SELECT metric, period, count FROM retention_statistics WHERE metric = 'contracts.dagopvang'").all()).toEqual([{ metric: 'contracts.dagopvang', period: '2024', count: 1 }]);
    expect((await backend.ok('households.get', { id: other.id })).parents[0]!.firstName).toBe('Blijft');
    // The destruction log has no personal data: a hash, the rule, dates, who.
    // Issue 14: the login runs before destroyed the parts with earlier rules (medical data, pickup list …), each with its own entry; this run has one.
    const log = sqlite.prepare('SELECT * FROM destruction_log WHERE run_id = ?').all(summary.id) as Record<string, unknown>[];
    expect(log).toHaveLength(1);
    expect(JSON.stringify(sqlite.prepare('SELECT * FROM destruction_log').all())).not.toContain(household.id);
    expect(log[0]).toMatchObject({ category: 'household', policy_key: 'contract', due_date: '2032-12-31', executed_by_name: MANAGER.name });
    expect(JSON.stringify(log)).not.toContain(household.id);

    // Bytes: checkpoint, then the DB file, the WAL and a backup made afterwards hold no canary.
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const backup = path.join(tempDir(), 'backup.db');
    sqlite.prepare('VACUUM INTO ?').run(backup);
    const after = decryptDatabaseFile(backend.core.dbFile, key);
    const wal = decryptWalFile(`${backend.core.dbFile}-wal`, key);
    const copy = decryptDatabaseFile(backup, key);
    expect(containsText(after, 'Blijvertje')).toBe(true);
    expect(containsText(copy, 'Blijvertje')).toBe(true);
    for (const canary of Object.values(CANARY)) {
      expect(containsText(after, canary), `db: ${canary}`).toBe(false);
      expect(containsText(wal, canary), `wal: ${canary}`).toBe(false);
      expect(containsText(copy, canary), `backup: ${canary}`).toBe(false);
    }
  });

  it('a hold blocks destruction, by hand and automatically; lifting it lets the next run destroy', async () => {
    const { backend, clock } = await newBackend();
    const { household, child, contract } = await familyWithEverything(backend);
    await endContract(backend, contract, '2025-12-31');
    const hold = await backend.ok('holds.place', { subjectType: 'child', subjectId: child.id, reasonKind: 'legal_claim', reason: 'Claim van de verzekeraar', reviewDate: '2033-06-30' });

    await moveClock(backend, clock, '2033-03-01');
    expect(await backend.ok('retention.notice', {})).toBeNull();
    // Issue 14: the child's parts with earlier rules are listed too, each held by the same hold.
    const preview = (await backend.ok('retention.preview', {})).items;
    expect(preview.every((i) => i.status === 'held')).toBe(true);
    const item = preview.find((i) => i.category === 'household');
    expect(item).toMatchObject({ id: household.id, status: 'held', holdReason: 'juridische claim: Claim van de verzekeraar (herbeoordelen op 30-06-2033)' });
    const refused = await backend.err('retention.destroy', { runId: (await backend.ok('retention.startRun', {})).runId, items: [{ category: 'household', id: household.id }] });
    expect(refused).toMatchObject({
      code: 'RETENTION_HOLD',
      message: `Gezin ${CANARY.parent} Geelvink kan niet worden vernietigd: er staat een blokkade op (juridische claim: Claim van de verzekeraar), te herbeoordelen op 30-06-2033. Hef de blokkade eerst op.`,
    });
    expect((await backend.ok('households.get', { id: household.id })).id).toBe(household.id);

    await backend.ok('holds.lift', { id: hold.id, reason: 'Claim ingetrokken' });
    await moveClock(backend, clock, '2033-03-02');
    const notice = await backend.ok('retention.notice', {});
    // Issue 14: the household takes its parts along (no entries of their own); the register entries about the child whose own
    // rule passed while the hold kept them go in the same run (the GGD disclosure of 2026: 7 years; the closed AVG-verzoek: 5 years).
    const runLog = backend.core.sqlite().prepare('SELECT category FROM destruction_log WHERE run_id = ? ORDER BY category').all(notice!.runId);
    expect(runLog).toEqual([{ category: 'disclosure_register' }, { category: 'household' }]);
    expect(notice).toMatchObject({ itemCount: 2 });
    expect((await backend.err('households.get', { id: household.id })).code).toBe('NOT_FOUND');
    // The hold itself went with the household (it named the child).
    expect(backend.core.sqlite().prepare('SELECT count(*) AS n FROM legal_holds').get()).toEqual({ n: 0 });
    await backend.ok('retention.dismissNotice', { runId: notice!.runId });
    expect(await backend.ok('retention.notice', {})).toBeNull();
  });

  it('applicants: 4 weeks after the procedure, 1 year with consent, hired ones kept as employees', async () => {
    const { backend, clock } = await newBackend('2026-01-10');
    const base = { surnamePrefix: null, email: null, phone: null, position: 'Pedagogisch medewerker', appliedOn: '2025-12-01', outcome: 'rejected' as const, consentOn: null };
    const plain = await backend.ok('applicants.save', { ...base, firstName: 'Afgewezen', surname: 'Zonder', procedureEndDate: '2026-01-31', consentLongerRetention: false });
    const consent = await backend.ok('applicants.save', { ...base, firstName: 'Reserve', surname: 'Met', procedureEndDate: '2026-01-31', consentLongerRetention: true, consentOn: '2026-01-31' });
    const hired = await backend.ok('applicants.save', { ...base, firstName: 'Aangenomen', surname: 'Nieuw', email: 'nieuw@example.nl', outcome: 'open', procedureEndDate: null, consentLongerRetention: false });
    expect(plain.destructionDate).toBe('2026-02-28'); // 31 Jan + 4 weeks
    expect(consent.destructionDate).toBe('2027-01-31');
    const employee = await backend.ok('applicants.hire', { id: hired.id, address: 'Lindelaan 3, 4131 AA Vianen', employmentStart: '2026-02-01' });
    expect(employee).toMatchObject({ displayName: 'Aangenomen Nieuw', email: 'nieuw@example.nl', position: 'Pedagogisch medewerker', hiredFromApplicationOn: '2025-12-01', employmentEnd: null, destructionDate: null });
    expect((await backend.ok('applicants.list', {})).map((a) => a.id).sort()).toEqual([plain.id, consent.id].sort());

    await moveClock(backend, clock, '2026-02-27');
    const early = await backend.err('retention.destroy', { runId: (await backend.ok('retention.startRun', {})).runId, items: [{ category: 'applicant', id: plain.id }] });
    expect(early.message).toBe('Afgewezen Zonder (sollicitant Pedagogisch medewerker) kan nog niet worden vernietigd: de bewaartermijn (Sollicitanten: 4 weken na einde van de sollicitatieprocedure) loopt tot 28-02-2026.');
    await moveClock(backend, clock, '2026-03-01');
    expect((await backend.ok('applicants.list', {})).map((a) => a.id)).toEqual([consent.id]);
    await moveClock(backend, clock, '2027-02-01');
    expect(await backend.ok('applicants.list', {})).toEqual([]);
    expect((await backend.ok('employees.list', {})).map((e) => e.id)).toEqual([employee.id]);
    // What is left for the console's figures: a count per year of destruction, no person.
    expect(backend.core.sqlite().prepare("SELECT metric, period, count FROM retention_statistics WHERE metric LIKE 'destroyed.%' ORDER BY period").all()).toEqual([
      { metric: 'destroyed.applicant', period: '2026', count: 1 },
      { metric: 'destroyed.applicant', period: '2027', count: 1 },
    ]);
  });

  it('employees: 2 years after employment, 10 with a labour dispute; a statutory duty keeps the file until it ends', async () => {
    const { backend, clock } = await newBackend('2026-01-10');
    const base = { surnamePrefix: null, address: 'Lindelaan 3, Vianen', email: null, phone: null, position: 'Groepsleider', employmentStart: '2015-03-01', employmentEnd: '2025-12-31' };
    const calm = await backend.ok('employees.save', { ...base, firstName: 'Rustig', surname: 'Vertrek', labourDispute: false });
    const dispute = await backend.ok('employees.save', { ...base, firstName: 'Met', surname: 'Conflict', labourDispute: true });
    const sick = await backend.ok('employees.save', { ...base, firstName: 'Ziek', surname: 'Uitdienst', labourDispute: false });
    await backend.ok('employees.addStatutoryHold', { employeeId: sick.id, description: 'Ziek uit dienst: re-integratiedossier', legalBasis: 'Wet verbetering poortwachter / art. 7:658a BW', until: '2030-06-30' });
    expect(calm.destructionDate).toBe('2027-12-31');
    expect(dispute.destructionDate).toBe('2035-12-31');
    expect((await backend.ok('employees.list', {})).find((e) => e.id === sick.id)!.destructionDate).toBe('2030-06-30');

    const why = await backend.ok('retention.why', { subjectType: 'employee', id: dispute.id });
    expect(why.items[0]).toMatchObject({ policy: 'employee_dispute', rule: '10 jaar na einde van het dienstverband', destructionDate: '2035-12-31' });

    await moveClock(backend, clock, '2028-01-02');
    expect((await backend.ok('employees.list', {})).map((e) => e.surname).sort()).toEqual(['Conflict', 'Uitdienst']);
    const refused = await backend.err('retention.destroy', { runId: (await backend.ok('retention.startRun', {})).runId, items: [{ category: 'employee', id: dispute.id }] });
    expect(refused.message).toContain('loopt tot 31-12-2035');
    await moveClock(backend, clock, '2030-07-01');
    expect((await backend.ok('employees.list', {})).map((e) => e.surname)).toEqual(['Conflict']);
    await moveClock(backend, clock, '2036-01-01');
    expect(await backend.ok('employees.list', {})).toEqual([]);
  });

  it('complaints: registered, handled, closed; kept 7 years after closing, then only a yearly count remains', async () => {
    const { backend, clock } = await newBackend('2026-01-10');
    const c = await backend.ok('complaints.save', { receivedOn: '2026-01-05', complainantName: 'Klager Kanarie', complainantContact: null, subject: 'Ophaaltijden', description: 'De deur ging te vroeg dicht.', handlingNotes: null });
    expect(c.status).toBe('open');
    const handled = await backend.ok('complaints.save', { ...c, handlingNotes: 'Gesprek gepland.' });
    expect(handled.status).toBe('in_behandeling');
    expect((await backend.err('complaints.close', { id: c.id, closedOn: '2026-01-01', outcome: 'ongegrond', resolution: 'x' })).message).toBe('De afsluitdatum ligt vóór de datum van ontvangst.');
    const closed = await backend.ok('complaints.close', { id: c.id, closedOn: '2026-01-09', outcome: 'gegrond', resolution: 'Openingstijd aangepast.' });
    expect(closed).toMatchObject({ status: 'gesloten', destructionDate: '2033-01-09' });
    expect((await backend.err('complaints.save', { ...c, handlingNotes: 'Nog iets' })).message).toBe('Deze klacht is al afgesloten en kan niet meer worden gewijzigd.');
    await moveClock(backend, clock, '2033-01-09');
    const summary = await runAll(backend, [{ category: 'complaint', id: c.id }]);
    expect(summary.itemCount).toBe(1);
    expect(await backend.ok('complaints.list', {})).toEqual([]);
    expect(backend.core.sqlite().prepare("SELECT count FROM retention_statistics WHERE metric = 'complaints.received'").get()).toEqual({ count: 1 });
  });

  it('"Waarom bewaren we dit nog?" names each category, its rule and date, and prints as a PDF; the report PDF lists the run without personal data', async () => {
    const { backend, clock } = await newBackend();
    const { child, contract } = await familyWithEverything(backend);
    let why = await backend.ok('retention.why', { subjectType: 'child', id: child.id });
    expect(why.items[0]).toMatchObject({ policy: 'contract', destructionDate: null, explanation: 'Er loopt nog een contract zonder einddatum. De gegevens van het kind worden samen met die van het gezin vernietigd.' });
    await endContract(backend, contract, '2024-02-29');
    why = await backend.ok('retention.why', { subjectType: 'child', id: child.id });
    expect(why.name).toBe(`${CANARY.child} Geelvink`);
    // Issue 14: every part of the child's data with its own rule and date (was: contract and paper dossier only).
    expect(why.items.map((i) => [i.policy, i.destructionDate, i.action])).toEqual([
      ['contract', '2031-02-28', 'vernietigen'],
      ['paper_dossier', '2024-02-29', 'bevestigen'],
      ['medical', '2024-02-29', 'vernietigen'],
      ['pickup_persons', '2024-02-29', 'vernietigen'],
      ['identification', '2024-02-29', 'vernietigen'],
      ['photo_consent', '2029-02-28', 'vernietigen'],
      ['exchange_consent', '2030-12-31', 'vernietigen'],
      ['parent_contact', '2024-05-29', 'wissen'],
    ]);

    const pdfFile = path.join(tempDir(), 'why.pdf');
    fs.writeFileSync(pdfFile, Buffer.from((await backend.ok('retention.whyPdf', { subjectType: 'child', id: child.id })).base64, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', pdfFile, '-']).toString();
    expect(text).toContain('Waarom bewaren we dit nog?');
    expect(text).toContain(`${CANARY.child} Geelvink`);
    expect(text).toContain('28-02-2031');
    expect(execFileSync('qpdf', ['--check', pdfFile]).toString()).toContain('No syntax or stream encoding errors');

    await moveClock(backend, clock, '2031-02-28');
    const { runId } = await backend.ok('retention.startRun', {});
    await backend.ok('retention.destroy', { runId, items: [{ category: 'household', id: (await backend.ok('retention.preview', {})).items[0]!.id }] });
    await backend.ok('retention.finishRun', { runId });
    const report = path.join(tempDir(), 'report.pdf');
    fs.writeFileSync(report, Buffer.from((await backend.ok('retention.reportPdf', { runId })).base64, 'base64'));
    const reportText = execFileSync('pdftotext', ['-layout', report, '-']).toString();
    expect(reportText).toContain('Vernietigingsrapport');
    expect(reportText).toContain('Gezin');
    expect(reportText).toContain('28-02-2031');
    for (const canary of Object.values(CANARY)) expect(reportText).not.toContain(canary);
    expect(execFileSync('pdffonts', [report]).toString()).toMatch(/Inter.*yes/);
    // Issue 14: the login run of that day destroyed the child's parts that were due (an automatic run of its own).
    expect((await backend.ok('retention.runs', {})).filter((r) => !r.automatic)).toHaveLength(1);
  });

  it('shows the rules with their legal basis, and refuses staff', async () => {
    const { backend } = await newBackend();
    const policies = await backend.ok('retention.policies', {});
    expect(policies.map((p) => [p.key, p.rule])).toEqual([
      ['contract', '7 jaar na einde van het laatste contract'],
      ['complaint', '7 jaar na afsluiting van de klacht'],
      ['paper_dossier', 'direct na einde van het contract'],
      ['meldcode', '2 jaar na afsluiting van het dossier'],
      ['applicant', '4 weken na einde van de sollicitatieprocedure'],
      ['applicant_consent', '1 jaar na einde van de sollicitatieprocedure'],
      ['employee', '2 jaar na einde van het dienstverband'],
      ['employee_dispute', '10 jaar na einde van het dienstverband'],
      // Issue 14: the data map's own rules join the list.
      ['medical', 'direct na einde van het laatste contract van het kind'],
      ['pickup_persons', 'direct na einde van het laatste contract van het kind'],
      ['pickup_bans', 'direct na einde van het laatste contract van het kind'],
      ['identification', 'direct na einde van het laatste contract van het kind'],
      ['parent_contact', '3 maanden na einde van het laatste contract van het gezin'],
      ['other_parent', '3 maanden na einde van het laatste contract van het gezin'],
      ['waitlist_withdrawn', '1 jaar na intrekking of afwijzing van de wachtlijstaanvraag'],
      ['waitlist_placed', 'direct na plaatsing van het kind (de gegevens staan dan in het gezinsdossier)'],
      ['photo_consent', '5 jaar na einde van het laatste contract van het kind'],
      ['exchange_consent', '5 jaar na einde van de toestemming (intrekking of einddatum)'],
      ['disclosure_register', '7 jaar na datum van de verstrekking'],
      ['request_register', '5 jaar na afsluiting van het verzoek'],
      ['destruction_log', '5 jaar na datum van de vernietiging'],
    ]);
    expect(policies.every((p) => p.legalBasis.length > 20 && !p.fromHeadOffice)).toBe(true);
    await loginAsStaff(backend);
    for (const method of ['retention.preview', 'employees.list', 'complaints.list'] as const) expect((await backend.err(method, {})).code).toBe('FORBIDDEN');
  });

  it('propagates destruction to head office as tombstones, and takes a rule changed by head office', async () => {
    const ho = await startHeadOffice();
    try {
      const location = await ho.newLocation('KDV Bewaar');
      const { backend, clock } = await newBackend();
      await backend.ok('sync.enrol', { serverUrl: ho.url, code: await location.code(), deviceName: 'Kantoor-pc', caCertPem: null });
      const sync = () => syncOnce(backend.core, (work) => work());
      const { household, child, contract } = await familyWithEverything(backend);
      await endContract(backend, contract, '2025-12-31');
      await sync();
      const stored = async (id: string) => ho.db.selectFrom('records').select(['deleted', 'payload']).where('entity_id', '=', id).executeTakeFirstOrThrow();
      expect((await stored(child.id)).payload).toContain(CANARY.child);

      await moveClock(backend, clock, '2032-12-31');
      await runAll(backend, [{ category: 'household', id: household.id }]);
      await sync();
      for (const id of [household.id, child.id, household.parents[0]!.id, contract.id]) expect(await stored(id)).toEqual({ deleted: 1, payload: null });
      // A tombstone of medical data (conflict-checked) is never answered with a conflict holding the data.
      expect(backend.core.sqlite().prepare('SELECT count(*) AS n FROM sync_conflicts').get()).toEqual({ n: 0 });
      const leftovers = await ho.db.selectFrom('records').select('payload').where('deleted', '=', 0).execute();
      for (const r of leftovers) for (const canary of [CANARY.parent, CANARY.child, CANARY.email, CANARY.allergy]) expect(r.payload ?? '').not.toContain(canary);

      // Head office changes the applicant rule for this location; the PC takes it at the next pull.
      const policyId = `${location.id}:applicant`;
      expect((await backend.ok('retention.policies', {})).find((p) => p.key === 'applicant')).toMatchObject({ rule: '4 weken na einde van de sollicitatieprocedure', fromHeadOffice: false });
      const version = Number((await ho.db.updateTable('locations').set((eb) => ({ version: eb('version', '+', 1) })).where('id', '=', location.id).returning('version').executeTakeFirstOrThrow()).version);
      const payload = { id: policyId, key: 'applicant', category: 'Sollicitanten', period_amount: 6, period_unit: 'weeks', anchor: 'einde van de sollicitatieprocedure', legal_basis: 'Besluit hoofdkantoor 2032: 6 weken (AVG art. 5 lid 1 sub e)', updated_at: '2032-12-31T10:00:00.000Z' };
      await ho.db.insertInto('records').values({ location_id: location.id, entity: 'retention_policies', entity_id: policyId, version, deleted: 0, payload: JSON.stringify(payload), updated_at: '2032-12-31T10:00:00.000Z' }).execute();
      await sync();
      expect((await backend.ok('retention.policies', {})).find((p) => p.key === 'applicant')).toMatchObject({ rule: '6 weken na einde van de sollicitatieprocedure', fromHeadOffice: true });
      const applicant = await backend.ok('applicants.save', { firstName: 'Zes', surnamePrefix: null, surname: 'Weken', email: null, phone: null, position: 'PM', appliedOn: '2032-11-01', procedureEndDate: '2032-12-01', outcome: 'rejected', consentLongerRetention: false, consentOn: null });
      expect(applicant.destructionDate).toBe('2033-01-12');
    } finally {
      await ho.close();
    }
  });

  it('meldcode files: destroyed 2 years after closing; their household waits for them and takes them along', async () => {
    const { backend, clock } = await newBackend('2026-03-01');
    const { household, child, contract } = await familyWithEverything(backend);
    const file = await backend.ok('meldcode.open', { route: 'huiselijk', childId: child.id, openedOn: '2026-01-05' });
    await endContract(backend, contract, '2025-12-31');
    // An open case file keeps the whole household, whatever the contract rule says.
    let why = await backend.ok('retention.why', { subjectType: 'household', id: household.id });
    expect(why.items[0]!.explanation).toBe('Er loopt een meldcodedossier over een kind van dit gezin.');
    expect(why.items.at(-1)).toMatchObject({ category: 'Meldcodedossier geopend op 05-01-2026', policy: 'meldcode', destructionDate: null, explanation: 'Het meldcodedossier is nog niet gesloten.' });
    // Afwegingskader vraag 1 "no suspicion" closes the file on that date.
    await backend.ok('meldcode.addEntry', { caseId: file.id, kind: 'weighing', occurredOn: '2026-02-28', payload: { q1Suspicion: false, explanation: 'Kanariegeheim: geen vermoeden meer' } });
    why = await backend.ok('retention.why', { subjectType: 'child', id: child.id });
    expect(why.items.find((i) => i.policy === 'meldcode')).toMatchObject({ destructionDate: '2028-02-28', rule: '2 jaar na afsluiting van het dossier' });

    // Forcing the case file early is refused; on its date it may go (manual), the day after it goes by itself.
    await moveClock(backend, clock, '2028-02-27');
    const refused = await backend.err('retention.destroy', { runId: (await backend.ok('retention.startRun', {})).runId, items: [{ category: 'meldcode', id: file.id }] });
    expect(refused.message).toBe('Meldcodedossier geopend op 05-01-2026 kan nog niet worden vernietigd: de bewaartermijn (Meldcodedossiers: 2 jaar na afsluiting van het dossier) loopt tot 28-02-2028.');
    await moveClock(backend, clock, '2028-02-29');
    const sqlite = backend.core.sqlite();
    expect(sqlite.prepare('SELECT count(*) AS n FROM meldcode_cases').get()).toEqual({ n: 0 });
    expect(sqlite.prepare('SELECT count(*) AS n FROM meldcode_entries').get()).toEqual({ n: 0 });
    expect(sqlite.prepare("SELECT count(*) AS n FROM outbox WHERE payload LIKE '%Kanariegeheim%'").get()).toEqual({ n: 0 });
    // Issue 14: the login runs also destroyed the child's medical data, pickup list … under their own rules; the case file has one entry.
    expect(sqlite.prepare("SELECT category, policy_key, due_date FROM destruction_log WHERE category = 'meldcode'").all()).toEqual([{ category: 'meldcode', policy_key: 'meldcode', due_date: '2028-02-28' }]);
    // The household is still kept under its own (contract) rule.
    expect((await backend.ok('households.get', { id: household.id })).id).toBe(household.id);
  });

  it('a household whose child has a closed case file closed late waits for that file, then destroys both', async () => {
    const { backend, clock } = await newBackend('2026-01-10');
    const { household, child, contract } = await familyWithEverything(backend);
    await endContract(backend, contract, '2024-01-31');
    const file = await backend.ok('meldcode.open', { route: 'huiselijk', childId: child.id, openedOn: '2026-01-05' });
    await backend.ok('meldcode.addEntry', { caseId: file.id, kind: 'weighing', occurredOn: '2026-01-06', payload: { q1Suspicion: false, explanation: 'Geen vermoeden' } });
    // Head office lengthened the meldcode rule to 10 years (policies are data).
    await backend.ok('retention.policies', {});
    backend.core.sqlite().prepare("UPDATE retention_policies SET period_amount = 10 WHERE key = 'meldcode'").run();
    // Contract rule: 31-01-2031; the case file: 06-01-2036 — the later date wins, and says why.
    await moveClock(backend, clock, '2031-02-01');
    expect((await backend.ok('retention.preview', {})).items).toEqual([]);
    await moveClock(backend, clock, '2036-01-06');
    const preview = await backend.ok('retention.preview', {});
    expect(preview.items.map((i) => [i.category, i.dueDate])).toEqual([['household', '2036-01-06'], ['meldcode', '2036-01-06']]);
    expect(preview.items[0]!.reason).toContain('Verlengd door wettelijke bewaarplicht tot 06-01-2036: meldcodedossier over een kind van dit gezin');
    await runAll(backend, [{ category: 'household', id: household.id }]);
    expect(backend.core.sqlite().prepare('SELECT count(*) AS n FROM meldcode_cases').get()).toEqual({ n: 0 });
    expect((await backend.err('children.get', { id: child.id })).code).toBe('NOT_FOUND');
  });
});
