import { describe, expect, it } from 'vitest';
import { SYNCED_ENTITIES } from '../../shared/sync/protocol';
import { PRIMARY_KEY } from '../../electron/backend/sync/outbox';
import { seedDemo, DEMO_ACCOUNTS } from '../../electron/backend/demo/seed';
import { makeBackend } from '../helpers/backend';
import { BSN } from '../helpers/clients';
import { appToday } from '../../shared/domain/clock';

describe('outbox', () => {
  it('holds, for every row of every synced table, an upsert equal to the row as stored (nothing forgotten)', async () => {
    const backend = makeBackend();
    await seedDemo(backend, 6);
    await backend.ok('auth.login', { username: DEMO_ACCOUNTS.manager.username, password: DEMO_ACCOUNTS.manager.password });
    const sqlite = backend.core.sqlite();
    const child = sqlite.prepare('SELECT id FROM children LIMIT 1').get() as { id: string };
    // Touch the writes the demo does not: identification, revoke, lift, withdraw, task confirm, BSN change.
    await backend.ok('pickup.recordIdentification', { childId: child.id, collectorName: 'Oom Piet', method: 'parent_called' });
    const person = await backend.ok('pickup.addPerson', { childId: child.id, name: 'Buurman', relation: 'Buurman', phone: null, validUntil: null });
    await backend.ok('pickup.revokePerson', { id: person.id });
    const ban = await backend.ok('pickup.addBan', { childId: child.id, name: 'X Y', basisReference: 'Beschikking', basisDate: null, notes: null });
    await backend.ok('pickup.liftBan', { id: ban.id, reason: 'Beschikking vervallen' });
    const [entry] = await backend.ok('waitlist.list', { status: 'open' });
    await backend.ok('waitlist.withdraw', { id: entry!.id, reason: 'Elders geplaatst' });
    const contract = sqlite.prepare('SELECT * FROM contracts WHERE end_date IS NULL LIMIT 1').get() as { id: string; care_type: 'bso'; days: string; hours_per_week: number; start_date: string };
    await backend.ok('contracts.update', { id: contract.id, careType: contract.care_type, days: JSON.parse(contract.days), hoursPerWeek: contract.hours_per_week, startDate: contract.start_date, endDate: contract.start_date });
    const [task] = await backend.ok('tasks.list', { includeConfirmed: false });
    await backend.ok('tasks.confirm', { id: task!.id });
    await backend.ok('bsn.set', { subject: 'child', id: child.id, bsn: BSN.other });
    await backend.ok('medical.update', { childId: child.id, allergies: 'Pinda', diet: null, medication: null, otherParticulars: null });
    const parent = sqlite.prepare('SELECT p.id FROM parents p JOIN children c ON c.household_id = p.household_id WHERE c.id = ? AND p.is_contract_parent = 1').get(child.id) as { id: string };
    await backend.ok('consents.record', { childId: child.id, parentId: parent.id, decidedOn: '2026-01-05', channel: 'email', answers: [{ purpose: 'nieuwsbrief', given: true, recognisable: false }] });
    await backend.ok('consents.formReturned', { childId: child.id, returnedOn: '2026-01-05' });
    await backend.ok('exchange.create', { childId: child.id, parentId: parent.id, recipientName: 'School', recipientType: 'school', purpose: 'Overdracht', dataDescription: 'Formulier', validUntil: '2026-12-31', givenOn: '2026-01-05', written: true });
    await backend.ok('disclosures.export', { params: { kind: 'ggd', date: appToday() }, format: 'csv' });
    await backend.ok('municipalities.save', { name: 'Vianen', legalBasis: 'Verordening', fields: ['child_first_name'] });
    await backend.ok('marketing.addOptOut', { email: 'x@example.nl', requestedOn: '2026-01-05', how: 'email' });
    const applicant = { firstName: 'Sol', surnamePrefix: null, surname: 'Licitant', email: null, phone: null, position: 'PM', appliedOn: '2026-01-05', procedureEndDate: null, outcome: 'open' as const, consentLongerRetention: false, consentOn: null };
    await backend.ok('applicants.save', applicant);
    const hired = await backend.ok('applicants.save', { ...applicant, firstName: 'Aan' });
    const employee = await backend.ok('applicants.hire', { id: hired.id, address: 'Laan 1, Vianen', employmentStart: '2026-02-01' });
    await backend.ok('employees.addStatutoryHold', { employeeId: employee.id, description: 'Ziek uit dienst', legalBasis: 'Wet verbetering poortwachter', until: '2030-01-01' });
    const complaint = await backend.ok('complaints.save', { receivedOn: '2026-01-05', complainantName: 'K', complainantContact: null, subject: 'S', description: 'D', handlingNotes: null });
    await backend.ok('complaints.close', { id: complaint.id, closedOn: '2026-01-06', outcome: 'gegrond', resolution: 'Opgelost' });
    await backend.ok('breaches.report', { whatHappened: 'Lijst kwijt', discoveredOn: '2026-01-05', discoveredTime: '09:00', personCategories: ['children'], personsCount: 3, dataCategories: ['identity'], measuresTaken: '' });
    const hold = await backend.ok('holds.place', { subjectType: 'employee', subjectId: employee.id, reasonKind: 'labour_dispute', reason: 'Geschil', reviewDate: '2027-01-01' });
    await backend.ok('holds.lift', { id: hold.id, reason: 'Geschikt' });
    const file = await backend.ok('meldcode.open', { route: 'huiselijk', childId: child.id, openedOn: '2026-01-05' });
    await backend.ok('meldcode.addEntry', { caseId: file.id, kind: 'parent_conversation_skipped', occurredOn: '2026-01-05', payload: { reason: 'Niet veilig' } });
    await backend.ok('meldcode.addEntry', { caseId: file.id, kind: 'weighing', occurredOn: '2026-01-06', payload: { q1Suspicion: false, explanation: 'Geen vermoeden meer' } });

    // AVG-verzoeken: a rectification (history row), a restriction and the task to inform before lifting it.
    const request = (kind: 'rectification' | 'restriction') => backend.ok('requests.create', { kind, subjectType: 'child', subjectId: child.id, requesterParentId: parent.id, receivedOn: appToday(), identityMethod: 'known_in_person' });
    await backend.ok('requests.rectify', { id: (await request('rectification')).id, changes: [{ target: 'child', targetId: child.id, field: 'initials', value: 'Q.' }], statement: 'Aanvulling' });
    const restriction = await request('restriction');
    await backend.ok('requests.restrict', { id: restriction.id, reason: 'Juistheid betwist' });
    await backend.ok('requests.requestLift', { id: restriction.id });
    // An objection (bezwaar), refused with its reasons: its decision row syncs too.
    const objection = await backend.ok('requests.create', { kind: 'objection', subjectType: 'child', subjectId: child.id, requesterParentId: parent.id, receivedOn: appToday(), identityMethod: 'known_in_person' });
    await backend.ok('requests.objection', { id: objection.id, decisions: [{ category: 'child_identification', outcome: 'refused', reason: 'Nodig voor de veiligheid van het kind bij het ophalen' }] });
    // A Belastingdienst export (the month the child's first contract began) with the restricted child decided.
    const firstContract = sqlite.prepare('SELECT start_date FROM contracts WHERE child_id = ? ORDER BY start_date LIMIT 1').get(child.id) as { start_date: string };
    await backend.ok('disclosures.export', {
      params: { kind: 'belastingdienst', month: firstContract.start_date.slice(0, 7) },
      format: 'csv',
      decisions: [{ subjectType: 'child', subjectId: child.id, include: true, reason: 'Wettelijk verplicht voor de kinderopvangtoeslag' }],
    });

    // A request via privacy@ arrives from head office (as a pulled row); declining it here queues the change back.
    const locationId = (sqlite.prepare('SELECT location_id FROM children LIMIT 1').get() as { location_id: string }).location_id;
    sqlite
      .prepare("INSERT INTO central_requests (id, location_id, kind, received_on, deadline, requester_name, requester_contact, description, registered_by_name, registered_at, status, version) VALUES ('8f1c2d3e-4b5a-4c6d-8e7f-901234567890', ?, 'access', '2026-01-05', '2026-02-05', 'A. Verzoeker', 'a@example.nl', 'Inzage', 'Privacy Officer', '2026-01-05T10:00:00.000Z', 'new', 7)")
      .run(locationId);
    await backend.ok('requests.declineCentral', { id: '8f1c2d3e-4b5a-4c6d-8e7f-901234567890' });
    // A privacy statement version arrives from head office; "ouders geïnformeerd" is queued back.
    sqlite
      .prepare("INSERT INTO privacy_statement_versions (id, location_id, version_label, effective_date, text, published_at, version) VALUES ('0b9f6a3e-2c4d-5e6f-8a7b-1c2d3e4f5a6b', ?, '2026.1', '2026-01-01', 'Tekst', '2026-01-01T08:00:00.000Z', 8)")
      .run(locationId);
    await backend.ok('privacyStatement.markInformed', { id: '0b9f6a3e-2c4d-5e6f-8a7b-1c2d3e4f5a6b', informedOn: appToday() });
    // Retention rules are the statement's defaults on every PC: seeded locally, changed only by head office.
    const neverPushed = new Set(['retention_policies', 'organisation_profile', 'privacy_statement_versions']);
    for (const entity of SYNCED_ENTITIES.filter((e) => !neverPushed.has(e))) {
      const rows = sqlite.prepare(`SELECT * FROM ${entity}`).all() as Record<string, unknown>[];
      expect(rows.length, entity).toBeGreaterThan(0);
      for (const row of rows) {
        const id = row[PRIMARY_KEY[entity]] as string;
        const queued = sqlite.prepare("SELECT payload FROM outbox WHERE entity = ? AND entity_id = ? AND op = 'upsert' ORDER BY seq DESC LIMIT 1").get(entity, id) as { payload: string } | undefined;
        expect(queued, `${entity} ${id}`).toBeDefined();
        const { version: _version, ...stored } = row;
        expect(JSON.parse(queued!.payload), `${entity} ${id}`).toEqual(stored);
      }
    }
    // The replaced BSN's old check leaves as a tombstone without personal data.
    const tombstones = sqlite.prepare("SELECT * FROM outbox WHERE op = 'delete'").all() as { entity: string; payload: string | null }[];
    expect(tombstones.length).toBeGreaterThan(0);
    for (const t of tombstones) expect(t.payload).toBeNull();
  });
});
