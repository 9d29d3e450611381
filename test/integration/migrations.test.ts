import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { openEncryptedDatabase } from '../../electron/backend/db/open';
import { createKysely, migrateTo, migrateToLatest } from '../../electron/backend/db/kysely';
import { migrations } from '../../electron/backend/db/migrations';
import { tempDir } from '../helpers/backend';

/** Opens a fresh encrypted DB, migrates it to `name`, lets the test write old-shaped rows. */
async function dbAt(name: string) {
  const sqlite = openEncryptedDatabase(path.join(tempDir(), 'm.db'), randomBytes(32));
  const db = createKysely(sqlite);
  await migrateTo(db, name);
  return { db, sqlite };
}

describe('migrations', () => {
  it('are listed in order with unique names', () => {
    const names = Object.keys(migrations);
    expect(names).toEqual([...names].sort());
    expect(names[0]).toBe('0001_users_and_location');
  });

  it('0002 adds the audit log and keeps users written under 0001', async () => {
    const { db } = await dbAt('0001_users_and_location');
    const now = '2026-01-01T00:00:00.000Z';
    await db.insertInto('users').values({ id: 'u1', name: 'Oud', username: 'oud', active: 1, must_change_password: 0, created_at: now, updated_at: now, last_login_at: null }).execute();
    await db.insertInto('user_roles').values({ user_id: 'u1', role: 'manager' }).execute();
    await expect(sql`SELECT count(*) FROM audit_log`.execute(db)).rejects.toThrow(/no such table/);
    await migrateToLatest(db);
    expect(await db.selectFrom('users').select('username').execute()).toEqual([{ username: 'oud' }]);
    expect(await db.selectFrom('audit_log').selectAll().execute()).toEqual([]);
    await db.destroy();
  });

  it('refuses an unknown role at the database level', async () => {
    const { db } = await dbAt('0001_users_and_location');
    const now = '2026-01-01T00:00:00.000Z';
    await db.insertInto('users').values({ id: 'u1', name: 'X', username: 'x', active: 1, must_change_password: 0, created_at: now, updated_at: now, last_login_at: null }).execute();
    await expect(db.insertInto('user_roles').values({ user_id: 'u1', role: 'admin' }).execute()).rejects.toThrow(/CHECK constraint/);
    await db.destroy();
  });

  it('0007 adds the retention tables and keeps contracts written under 0005', async () => {
    const { db, sqlite } = await dbAt('0005_consents_disclosures');
    const now = '2026-01-01T00:00:00.000Z';
    await db.insertInto('households').values({ id: 'h1', location_id: 'l1', street: 'S', house_number: '1', postcode: '1234 AB', city: 'C', iban: null, iban_holder: null, created_at: now, updated_at: now, version: null }).execute();
    await db.insertInto('children').values({ id: 'c1', location_id: 'l1', household_id: 'h1', first_name: 'A', initials: null, surname_prefix: null, surname: 'B', search_name: 'a b', birth_date: '2022-01-01', group_name: 'G', bsn: null, created_at: now, updated_at: now, version: null } as never).execute(); // the shape before 0021 (group_name)
    await db.insertInto('contracts').values({ id: 'k1', location_id: 'l1', child_id: 'c1', care_type: 'bso', days: '["ma"]', hours_per_week: 8, start_date: '2024-01-01', end_date: '2025-12-31', created_at: now, updated_at: now, version: null }).execute();
    await expect(sql`SELECT count(*) FROM legal_holds`.execute(db)).rejects.toThrow(/no such table/);
    await migrateToLatest(db);
    expect(await db.selectFrom('contracts').select(['id', 'end_date']).execute()).toEqual([{ id: 'k1', end_date: '2025-12-31' }]);
    for (const table of ['retention_policies', 'applicants', 'employees', 'employee_statutory_holds', 'complaints', 'legal_holds', 'destruction_runs', 'destruction_log', 'retention_statistics', 'organisation_profile', 'privacy_statement_versions', 'privacy_statement_informed']) {
      expect(sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get(), table).toEqual({ n: 0 });
    }
    await expect(db.insertInto('applicants').values({ id: 'a', location_id: 'l1', first_name: 'A', surname_prefix: null, surname: 'B', email: null, phone: null, position: 'P', applied_on: '2026-01-01', procedure_end_date: null, outcome: 'hired' as never, consent_longer_retention: 0, consent_on: null, created_at: now, updated_at: now, version: null }).execute()).rejects.toThrow(/CHECK constraint/);
    await db.destroy();
  });
});

describe('0010 destruction log for erasures', () => {
  it('keeps the log written under 0008, and takes entries without a run (erasure, carried over on a restore)', async () => {
    const { db, sqlite } = await dbAt('0008_subject_requests');
    const at = '2026-01-01T00:00:00.000Z';
    await db.insertInto('destruction_runs').values({ id: 'r1', started_at: at, finished_at: at, executed_by: 'u1', executed_by_name: 'Anna', automatic: 0, item_count: 1, notice_seen_at: null }).execute();
    const old = { run_id: 'r1', category: 'household', subject_hash: 'a'.repeat(64), policy_key: 'contract', due_date: '2025-12-31', executed_at: at, executed_by_name: 'Anna' };
    await db.insertInto('destruction_log').values(old).execute();
    await expect(db.insertInto('destruction_log').values({ ...old, run_id: null }).execute()).rejects.toThrow(/NOT NULL/);
    await migrateToLatest(db);
    expect(await db.selectFrom('destruction_log').selectAll().execute()).toEqual([{ id: 1, ...old }]);
    await db.insertInto('destruction_log').values({ ...old, run_id: null, category: 'rows:children', policy_key: 'avg_erasure', due_date: '' }).execute();
    expect(await db.selectFrom('destruction_log').select(['run_id', 'category']).orderBy('id').execute()).toEqual([
      { run_id: 'r1', category: 'household' },
      { run_id: null, category: 'rows:children' },
    ]);
    expect(sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'destruction_log' ORDER BY name").all()).toEqual([{ name: 'destruction_log_run' }, { name: 'destruction_log_subject' }]);
    await db.destroy();
  });
});

describe('0008 subject requests', () => {
  it('keeps restrictions recorded under 0005 (without a request) in force', async () => {
    const { db } = await dbAt('0005_consents_disclosures');
    await db.insertInto('processing_restrictions').values({ id: 'r1', location_id: 'l1', subject_type: 'parent', subject_id: 'p1', since: '2026-01-01', until: null, reason: 'Oud', version: null } as never).execute();
    await migrateToLatest(db);
    expect(await db.selectFrom('processing_restrictions').selectAll().execute()).toEqual([{ id: 'r1', location_id: 'l1', subject_type: 'parent', subject_id: 'p1', since: '2026-01-01', until: null, reason: 'Oud', version: null, request_id: null }]);
    expect(await db.selectFrom('subject_requests').selectAll().execute()).toEqual([]);
    await db.destroy();
  });
});

describe('0009 declined waiting-list requests', () => {
  it('keeps entries written under 0008 (placed one still linked to its child) and accepts the declined status', async () => {
    const { db, sqlite } = await dbAt('0008_subject_requests');
    const now = '2026-01-01T00:00:00.000Z';
    await db.insertInto('households').values({ id: 'h1', location_id: 'l1', street: 'S', house_number: '1', postcode: '1234 AB', city: 'C', iban: null, iban_holder: null, created_at: now, updated_at: now, version: null }).execute();
    await db.insertInto('children').values({ id: 'c1', location_id: 'l1', household_id: 'h1', first_name: 'A', initials: null, surname_prefix: null, surname: 'B', search_name: 'a b', birth_date: '2022-01-01', group_name: 'G', bsn: null, created_at: now, updated_at: now, version: null } as never).execute(); // the shape before 0021 (group_name)
    const entry = (id: string, status: 'open' | 'geplaatst' | 'ingetrokken', child: string | null) => ({
      id, location_id: 'l1', parent_name: `Ouder ${id}`, parent_email: null, parent_phone: null, child_first_name: null, child_surname: null, child_birth_date: '2025-01-01', expected_date: null,
      care_type: 'bso' as const, desired_days: '["ma"]', desired_start_date: '2026-09-01', notes: null, status, created_at: now, closed_at: status === 'open' ? null : now, placed_child_id: child, withdraw_reason: status === 'ingetrokken' ? 'Elders' : null, version: 3,
    });
    await db.insertInto('waitlist_entries').values([entry('w1', 'open', null), entry('w2', 'geplaatst', 'c1'), entry('w3', 'ingetrokken', null)]).execute();
    await expect(db.insertInto('waitlist_entries').values({ ...entry('w4', 'open', null), status: 'afgewezen' as never }).execute()).rejects.toThrow(/CHECK constraint/);
    await migrateToLatest(db);
    expect(await db.selectFrom('waitlist_entries').select(['id', 'status', 'placed_child_id', 'withdraw_reason', 'version']).orderBy('id').execute()).toEqual([
      { id: 'w1', status: 'open', placed_child_id: null, withdraw_reason: null, version: 3 },
      { id: 'w2', status: 'geplaatst', placed_child_id: 'c1', withdraw_reason: null, version: 3 },
      { id: 'w3', status: 'ingetrokken', placed_child_id: null, withdraw_reason: 'Elders', version: 3 },
    ]);
    await db.insertInto('waitlist_entries').values({ ...entry('w4', 'open', null), status: 'afgewezen' }).execute();
    await expect(db.insertInto('waitlist_entries').values({ ...entry('w5', 'open', null), status: 'weg' as never }).execute()).rejects.toThrow(/CHECK constraint/);
    // The foreign key to the child survives the rebuild: the placed entry is unlinked when the child goes.
    await db.deleteFrom('children').where('id', '=', 'c1').execute();
    expect(await db.selectFrom('waitlist_entries').select('placed_child_id').where('id', '=', 'w2').executeTakeFirst()).toEqual({ placed_child_id: null });
    expect(sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'waitlist_entries' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all()).toEqual(['waitlist_entries_closed', 'waitlist_entries_placed_child']);
    await db.destroy();
  });
});

describe('0011 requests for every data subject', () => {
  it('keeps requests written under 0010 with their corrections and tasks, and accepts an employee request without household', async () => {
    const { db, sqlite } = await dbAt('0010_destruction_log_erasure');
    const at = '2026-01-01T00:00:00.000Z';
    const old = {
      id: 'q1', location_id: 'l1', kind: 'rectification', subject_type: 'parent', subject_id: 'p1', household_id: 'h1', requester_parent_id: 'p1', requester_name: 'Sanne de Boer', received_on: '2026-01-01',
      identity_method: 'id_shown', description: null, deadline: '2026-02-01', extended_months: 0, extension_reason: null, extended_on: null, meldcode_decision: null, meldcode_decision_reason: null,
      meldcode_decided_by_name: null, meldcode_decided_at: null, status: 'open', outcome: null, decision: null, closed_on: null, created_at: at, created_by_name: 'Anna', version: null,
    } as const;
    await sql`INSERT INTO subject_requests (${sql.join(Object.keys(old).map((k) => sql.ref(k)))}) VALUES (${sql.join(Object.values(old))})`.execute(db);
    await sql`INSERT INTO data_corrections (id, location_id, request_id, subject_type, subject_id, field, old_value, new_value, statement, corrected_on, corrected_by_name) VALUES ('c1', 'l1', 'q1', 'parent', 'p1', 'phone', '06 1', '06 2', NULL, '2026-01-02', 'Anna')`.execute(db);
    await sql`INSERT INTO request_tasks (id, location_id, request_id, kind, recipient_name, due_date, created_at) VALUES ('t1', 'l1', 'q1', 'inform_recipient', 'GGD', '2026-02-01', ${at})`.execute(db);
    await migrateToLatest(db);
    expect(await db.selectFrom('subject_requests').selectAll().execute()).toEqual([{ ...old, coordination_parent_id: null, coordination_parent_name: null, coordination_on: null, coordination_how: null }]);
    expect((await db.selectFrom('data_corrections').select('id').execute()).map((r) => r.id)).toEqual(['c1']);
    expect((await db.selectFrom('request_tasks').select('id').execute()).map((r) => r.id)).toEqual(['t1']);
    // Still cascading: the references point at the rebuilt table.
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    await sql`INSERT INTO subject_requests (${sql.join(Object.keys(old).map((k) => sql.ref(k)))}) VALUES (${sql.join(Object.values({ ...old, id: 'q2', subject_type: 'employee', subject_id: 'e1', household_id: null, requester_parent_id: null }))})`.execute(db);
    await expect(sql`INSERT INTO subject_requests (${sql.join(Object.keys(old).map((k) => sql.ref(k)))}) VALUES (${sql.join(Object.values({ ...old, id: 'q3', household_id: null }))})`.execute(db)).rejects.toThrow(/CHECK/);
    await db.deleteFrom('subject_requests').where('id', '=', 'q1').execute();
    expect(await db.selectFrom('data_corrections').select('id').execute()).toEqual([]);
    await db.destroy();
  });
});

describe('0018 the disclosure register for every recipient', () => {
  it('keeps register lines and their persons written under 0017, and accepts an employee and the new columns', async () => {
    const { db, sqlite } = await dbAt('0017_retention_indexes');
    const at = '2026-01-01T00:00:00.000Z';
    const line = { id: 'd1', location_id: 'l1', recipient: 'ggd', recipient_name: 'GGD (inspectie)', legal_basis: 'Wet kinderopvang', fields: '["child_first_name"]', subject_count: 1, format: 'csv', period: '2026-01-01', exchange_consent_id: null, created_at: at, created_by: 'u1', created_by_name: 'Anna', version: 3 };
    await sql`INSERT INTO disclosures (${sql.join(Object.keys(line).map((k) => sql.ref(k)))}) VALUES (${sql.join(Object.values(line))})`.execute(db);
    await sql`INSERT INTO disclosure_subjects (id, location_id, disclosure_id, subject_type, subject_id, version) VALUES ('s1', 'l1', 'd1', 'child', 'c1', 3)`.execute(db);
    await expect(sql`INSERT INTO disclosure_subjects (id, location_id, disclosure_id, subject_type, subject_id) VALUES ('s0', 'l1', 'd1', 'employee', 'e1')`.execute(db)).rejects.toThrow(/CHECK/);
    await migrateToLatest(db);
    expect(await db.selectFrom('disclosures').selectAll().execute()).toEqual([{ ...line, order_reference: null, confidentiality: null, disclosed_on: null, meldcode_case_id: null }]);
    expect(await db.selectFrom('disclosure_subjects').selectAll().execute()).toEqual([{ id: 's1', location_id: 'l1', disclosure_id: 'd1', subject_type: 'child', subject_id: 'c1', version: 3 }]);
    await sql`INSERT INTO disclosure_subjects (id, location_id, disclosure_id, subject_type, subject_id) VALUES ('s2', 'l1', 'd1', 'employee', 'e1')`.execute(db);
    await expect(sql`INSERT INTO disclosure_subjects (id, location_id, disclosure_id, subject_type, subject_id) VALUES ('s3', 'l1', 'd1', 'buurman', 'x')`.execute(db)).rejects.toThrow(/CHECK/);
    // Still cascading from the register line to its persons.
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    await db.deleteFrom('disclosures').where('id', '=', 'd1').execute();
    expect(await db.selectFrom('disclosure_subjects').select('id').execute()).toEqual([]);
    await db.destroy();
  });
});

describe('0020 complaints with household, judgement and measures', () => {
  it('keeps complaints written under 0017 without household; a received date after the day of registration becomes that day (Amsterdam)', async () => {
    const { db } = await dbAt('0017_retention_indexes');
    const base = {
      location_id: 'l1', complainant_name: 'Klager', complainant_contact: null, subject: 'Brengtijden', description: 'D', status: 'gesloten', handling_notes: 'Gesprek',
      resolution: 'Opgelost', closed_on: '2026-02-01', updated_at: '2026-02-01T09:00:00.000Z', version: 3,
    } as const;
    // Registered at 23:30 UTC on 31 January = 00:30 on 1 February in Amsterdam: the 1st is not in the future.
    await db.insertInto('complaints').values({ ...base, id: 'k1', received_on: '2026-02-01', created_at: '2026-01-31T23:30:00.000Z' }).execute();
    await db.insertInto('complaints').values({ ...base, id: 'k2', received_on: '2026-03-15', created_at: '2026-01-20T10:00:00.000Z', status: 'open', closed_on: null, resolution: null }).execute();
    await migrateToLatest(db);
    const rows = await db.selectFrom('complaints').selectAll().orderBy('id').execute();
    expect(rows).toEqual([
      { ...base, id: 'k1', received_on: '2026-02-01', created_at: '2026-01-31T23:30:00.000Z', household_id: null, outcome: null, measures: null },
      { ...base, id: 'k2', received_on: '2026-01-20', created_at: '2026-01-20T10:00:00.000Z', status: 'open', closed_on: null, resolution: null, household_id: null, outcome: null, measures: null },
    ]);
    await expect(sql`UPDATE complaints SET outcome = 'misschien' WHERE id = 'k1'`.execute(db)).rejects.toThrow(/CHECK/);
    await db.destroy();
  });
});

describe('0019 objections and pickup persons as request subjects', () => {
  it('keeps requests, corrections, tasks and restrictions written under 0017, and then takes pickup persons, every subject on corrections and restrictions, and objections', async () => {
    const { db, sqlite } = await dbAt('0017_retention_indexes');
    const at = '2026-01-01T00:00:00.000Z';
    const old = {
      id: 'q1', location_id: 'l1', kind: 'restriction', subject_type: 'employee', subject_id: 'e1', household_id: null, requester_parent_id: null, requester_name: 'Ilse van Dijk', received_on: '2026-01-01',
      identity_method: 'id_shown', description: 'Per brief', deadline: '2026-02-01', extended_months: 0, extension_reason: null, extended_on: null, meldcode_decision: null, meldcode_decision_reason: null,
      meldcode_decided_by_name: null, meldcode_decided_at: null, status: 'open', outcome: null, decision: null, closed_on: null, created_at: at, created_by_name: 'Anna', version: 3,
      coordination_parent_id: null, coordination_parent_name: null, coordination_on: null, coordination_how: null,
    } as const;
    const insertRequest = (row: Record<string, unknown>) => sql`INSERT INTO subject_requests (${sql.join(Object.keys(row).map((k) => sql.ref(k)))}) VALUES (${sql.join(Object.values(row))})`.execute(db);
    await insertRequest(old);
    await sql`INSERT INTO data_corrections (id, location_id, request_id, subject_type, subject_id, field, old_value, new_value, statement, corrected_on, corrected_by_name, version) VALUES ('c1', 'l1', 'q1', 'household', 'h1', 'city', 'Vianen', 'Utrecht', NULL, '2026-01-02', 'Anna', 2)`.execute(db);
    await sql`INSERT INTO request_tasks (id, location_id, request_id, kind, recipient_name, due_date, created_at) VALUES ('t1', 'l1', 'q1', 'inform_recipient', 'GGD', '2026-02-01', ${at})`.execute(db);
    await sql`INSERT INTO processing_restrictions (id, location_id, subject_type, subject_id, since, until, reason, version, request_id) VALUES ('r1', 'l1', 'parent', 'p1', '2026-01-02', NULL, 'Betwist', 1, 'q1')`.execute(db);
    // Before 0019 a pickup person, an employee's correction or an employee's restriction is refused.
    await expect(insertRequest({ ...old, id: 'q0', subject_type: 'pickup_person' })).rejects.toThrow(/CHECK/);
    await expect(sql`INSERT INTO processing_restrictions (id, location_id, subject_type, subject_id, since, reason) VALUES ('r0', 'l1', 'employee', 'e1', '2026-01-02', 'x')`.execute(db)).rejects.toThrow(/CHECK/);

    await migrateToLatest(db);
    expect(await db.selectFrom('subject_requests').selectAll().execute()).toEqual([old]);
    expect(await db.selectFrom('data_corrections').select(['id', 'subject_type', 'old_value', 'version']).execute()).toEqual([{ id: 'c1', subject_type: 'household', old_value: 'Vianen', version: 2 }]);
    expect((await db.selectFrom('request_tasks').select('id').execute()).map((r) => r.id)).toEqual(['t1']);
    expect(await db.selectFrom('processing_restrictions').selectAll().execute()).toEqual([{ id: 'r1', location_id: 'l1', subject_type: 'parent', subject_id: 'p1', since: '2026-01-02', until: null, reason: 'Betwist', version: 1, request_id: 'q1' }]);
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);

    await insertRequest({ ...old, id: 'q2', kind: 'objection', subject_type: 'pickup_person', subject_id: 'pp1' });
    await sql`INSERT INTO processing_restrictions (id, location_id, subject_type, subject_id, since, reason) VALUES ('r2', 'l1', 'employee', 'e1', '2026-01-02', 'x')`.execute(db);
    await sql`INSERT INTO data_corrections (id, location_id, request_id, subject_type, subject_id, field, corrected_on, corrected_by_name) VALUES ('c2', 'l1', 'q1', 'employee', 'e1', 'address', '2026-01-02', 'Anna')`.execute(db);
    const objection = (id: string, outcome: string, reason: string | null) =>
      sql`INSERT INTO processing_objections (id, location_id, request_id, subject_type, subject_id, person_key, category, outcome, reason, decided_on, decided_by_name) VALUES (${id}, 'l1', 'q2', 'pickup_person', 'pp1', 'oma truus', 'child_identification', ${outcome}, ${reason}, '2026-01-03', 'Anna')`.execute(db);
    await objection('o1', 'upheld', null);
    // A refusal without its reasons cannot be stored.
    await expect(objection('o2', 'refused', ' ')).rejects.toThrow(/CHECK/);
    await objection('o3', 'refused', 'Veiligheid van het kind');
    // The objection goes with its request.
    await db.deleteFrom('subject_requests').where('id', '=', 'q2').execute();
    expect(await db.selectFrom('processing_objections').select('id').execute()).toEqual([]);
    await db.destroy();
  });
});

describe('0021 groups as a managed list', () => {
  it('turns the free-text groups into one list: trimmed, case-folded duplicates kept apart for the manager, children pointing to their group, all queued for head office', async () => {
    const { db, sqlite } = await dbAt('0017_retention_indexes');
    const now = '2026-01-01T00:00:00.000Z';
    const old = db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    await old.insertInto('households').values({ id: 'h1', location_id: 'l1', street: 'S', house_number: '1', postcode: '1234 AB', city: 'C', iban: null, iban_holder: null, created_at: now, updated_at: now, version: 3 }).execute();
    const child = (id: string, group: string) => ({ id, location_id: 'l1', household_id: 'h1', first_name: id, initials: null, surname_prefix: null, surname: 'B', search_name: `${id} b`, birth_date: '2022-01-01', group_name: group, bsn: null, created_at: now, updated_at: now, version: 5 });
    await old
      .insertInto('children')
      .values([child('c1', 'Dreumesen'), child('c2', 'Dreumesen '), child('c3', '  dreumesen'), child('c4', 'BSO  Zeebonken'), child('c5', ' ')])
      .execute();

    await migrateToLatest(db);

    const groups = await db.selectFrom('groups').select(['id', 'name', 'location_id', 'archived_at', 'care_type']).orderBy('name').execute();
    // Trimmed (and inner spaces made one): "Dreumesen " is "Dreumesen"; "dreumesen" differs only in case and is NOT merged silently.
    expect(groups.map((g) => g.name)).toEqual(['BSO Zeebonken', 'Dreumesen', 'dreumesen']);
    expect(groups.every((g) => g.location_id === 'l1' && g.archived_at === null && g.care_type === null)).toBe(true);
    const byName = new Map(groups.map((g) => [g.name, g.id]));
    const children = await db.selectFrom('children').select(['id', 'group_id']).orderBy('id').execute();
    expect(children).toEqual([
      { id: 'c1', group_id: byName.get('Dreumesen') },
      { id: 'c2', group_id: byName.get('Dreumesen') },
      { id: 'c3', group_id: byName.get('dreumesen') },
      { id: 'c4', group_id: byName.get('BSO Zeebonken') },
      // A blank group stays without one (the manager picks a group when editing the child).
      { id: 'c5', group_id: null },
    ]);
    // The free-text column is gone: the name lives only in `groups`.
    expect((sqlite.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('children') as string[])).not.toContain('group_name');

    // Head office gets the groups first, then the children pointing to them (with group_id, without group_name).
    const outbox = sqlite.prepare('SELECT entity, entity_id, payload FROM outbox ORDER BY seq').all() as { entity: string; entity_id: string; payload: string }[];
    expect(outbox.map((o) => o.entity)).toEqual(['groups', 'groups', 'groups', 'children', 'children', 'children', 'children']);
    const c1 = JSON.parse(outbox.find((o) => o.entity_id === 'c1')!.payload) as Record<string, unknown>;
    expect(c1).toMatchObject({ id: 'c1', group_id: byName.get('Dreumesen') });
    expect(c1).not.toHaveProperty('group_name');
    expect(c1).not.toHaveProperty('version');

    // Two PCs of one location that migrate separately make the same group ids (no doubles at head office).
    const second = await dbAt('0017_retention_indexes');
    const old2 = second.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    await old2.insertInto('households').values({ id: 'h1', location_id: 'l1', street: 'S', house_number: '1', postcode: '1234 AB', city: 'C', iban: null, iban_holder: null, created_at: now, updated_at: now, version: 3 }).execute();
    await old2.insertInto('children').values(child('c9', 'Dreumesen')).execute();
    await migrateToLatest(second.db);
    expect(await second.db.selectFrom('groups').select(['id', 'name']).execute()).toEqual([{ id: byName.get('Dreumesen'), name: 'Dreumesen' }]);
    await second.db.destroy();
    await db.destroy();
  });
});

describe('0025 data breaches', () => {
  it('adds the datalekkenregister beside the existing data, which stay as they were; a breach without persons is refused by the database', async () => {
    const { db, sqlite } = await dbAt('0024_retention_label_indexes');
    const now = '2026-01-01T00:00:00.000Z';
    await db.insertInto('complaints').values({ id: 'k1', location_id: 'l1', received_on: '2026-01-01', complainant_name: 'K', complainant_contact: null, household_id: null, subject: 'S', description: 'D', status: 'open', handling_notes: null, outcome: null, resolution: null, measures: null, closed_on: null, created_at: now, updated_at: now, version: 2 }).execute();
    await expect(sql`SELECT count(*) FROM data_breaches`.execute(db)).rejects.toThrow(/no such table/);
    await migrateToLatest(db);
    expect(await db.selectFrom('complaints').select(['id', 'version']).execute()).toEqual([{ id: 'k1', version: 2 }]);
    expect(sqlite.prepare('SELECT count(*) AS n FROM data_breaches').get()).toEqual({ n: 0 });
    const breach = { id: 'b1', location_id: 'l1', what_happened: 'Lijst kwijt', discovered_at: now, occurred_on: null, person_categories: '["children"]', persons_count: 0, data_categories: '["identity"]', measures_taken: '', reported_by: 'u1', reporter_name: 'M', reported_at: now, version: null };
    await expect(db.insertInto('data_breaches').values(breach).execute()).rejects.toThrow(/CHECK constraint/);
    await db.insertInto('data_breaches').values({ ...breach, persons_count: 1 }).execute();
    await db.destroy();
  });
});
