import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openEncryptedDatabase } from '../../electron/backend/db/open';
import { runDailyBackupIfDue } from '../../electron/backend/modules/backup/backup.service';
import { mirrorFile, readMirror } from '../../electron/backend/modules/backup/destructionMirror';
import { MANAGER, makeBackend, setUpLocation, tempDir, type TestBackend } from '../helpers/backend';
import { defaultFolder, fileContains, flipBytes } from '../helpers/backup';
import { BSN, HOUSEHOLD, groupId } from '../helpers/clients';
import { readPdf } from '../helpers/pdf';
import { containsText, decryptDatabaseFile } from '../helpers/sqlcipher';

/** A clock the test moves, as a location lives through it. */
function movableClock(start: string) {
  let now = new Date(`${start}T10:00:00Z`);
  return { now: () => now, set: (date: string) => (now = new Date(`${date}T10:00:00Z`)) };
}
type Clock = ReturnType<typeof movableClock>;

async function location(start: string) {
  const clock = movableClock(start);
  const backend = makeBackend(tempDir(), { now: clock.now });
  await setUpLocation(backend);
  return { backend, clock };
}

/** Days pass: the session idles out, the manager logs in again (the start-up retention run follows the login). */
async function moveClock(backend: TestBackend, clock: Clock, date: string) {
  clock.set(date);
  await backend.call('auth.lock', { reason: 'user' });
  await backend.ok('auth.login', { username: MANAGER.username, password: MANAGER.password });
  await backend.ok('retention.notice', {});
}

const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const managerCredential = { kind: 'password' as const, username: MANAGER.username, password: MANAGER.password };

/** Strings that occur only in the person the tests destroy or erase. */
const CANARY = { firstName: 'Kanarievogeltje', allergy: 'Kanariezaadallergie', street: 'Kanariegeelhofje', pickup: 'Oom Kanariepiet' };

/** A household whose child's contract ended in 2018: on 2026-11-25 everything may go. */
async function oldFamily(backend: TestBackend, street = 'Dorpsstraat') {
  const household = await backend.ok('households.create', { ...HOUSEHOLD, street });
  const child = await backend.ok('children.create', {
    householdId: household.id,
    firstName: CANARY.firstName,
    initials: 'K.',
    surnamePrefix: 'de',
    surname: 'Boer',
    birthDate: '2015-04-15',
    groupId: await groupId(backend, 'Rupsjes'),
    bsn: BSN.child,
  });
  await backend.ok('contracts.create', { childId: child.id, careType: 'dagopvang', days: ['ma', 'di'], hoursPerWeek: 18, startDate: '2016-01-04', endDate: '2018-12-31' });
  await backend.ok('medical.update', { childId: child.id, allergies: CANARY.allergy, diet: null, medication: null, otherParticulars: null });
  await backend.ok('pickup.addPerson', { childId: child.id, name: CANARY.pickup, relation: 'Oom', phone: null, validUntil: null });
  const contractParent = household.parents.find((p) => p.isContractParent)!;
  return { household, child, contractParent };
}

async function eraseChild(backend: TestBackend, childId: string, requesterParentId: string) {
  const r = await backend.ok('requests.create', { kind: 'erasure', subjectType: 'child', subjectId: childId, requesterParentId, receivedOn: '2026-11-20', identityMethod: 'id_shown', description: null });
  expect((await backend.ok('requests.erasurePreview', { id: r.id })).categories.every((c) => c.erasableNow)).toBe(true);
  expect(await backend.ok('requests.erase', { id: r.id })).toMatchObject({ outcome: 'granted' });
  return r;
}

/** The restored database, read directly (before anyone logs in: no start-up run can have helped). */
function readRestored(backend: TestBackend, key: Buffer) {
  const sqlite = openEncryptedDatabase(backend.core.dbFile, key, { readonly: true });
  try {
    const count = (sql: string, ...params: string[]) => (sqlite.prepare(sql).get(...params) as { n: number }).n;
    return {
      children: count('SELECT count(*) AS n FROM children WHERE first_name = ?', CANARY.firstName),
      medical: count('SELECT count(*) AS n FROM child_medical WHERE allergies = ?', CANARY.allergy),
      pickup: count('SELECT count(*) AS n FROM pickup_persons WHERE name = ?', CANARY.pickup),
      households: count('SELECT count(*) AS n FROM households WHERE street = ?', CANARY.street),
      redestroy: sqlite.prepare("SELECT details FROM audit_log WHERE action = 'backup.redestroy'").all() as { details: string }[],
    };
  } finally {
    sqlite.close();
  }
}

const canaryInBytes = (backend: TestBackend, key: Buffer) => {
  const plain = decryptDatabaseFile(backend.core.dbFile, key);
  return Object.values(CANARY).filter((c) => containsText(plain, c));
};

describe('backup rotation over months of little use', () => {
  it('after every run no backup older than 8 weeks remains, also when the PC is used once a quarter', async () => {
    const { backend, clock } = await location('2027-01-04');
    const folder = defaultFolder(backend);
    for (const day of ['2027-01-04', '2027-01-05', '2027-01-06']) {
      clock.set(day);
      expect(await runDailyBackupIfDue(backend.core)).not.toBeNull();
    }
    expect(fs.readdirSync(folder)).toHaveLength(3);
    // Three months later: the login's daily backup, and the rotation removes every January backup.
    for (const day of ['2027-04-06', '2027-07-07', '2028-01-10', '2031-06-02']) {
      await moveClock(backend, clock, day);
      const made = await runDailyBackupIfDue(backend.core);
      expect(made?.createdAt.slice(0, 10)).toBe(day);
      expect((await backend.ok('backup.status', {})).backups.map((b) => b.file)).toEqual([made!.file]);
      expect(fs.readdirSync(folder)).toEqual([made!.file]);
    }
    // The manual button rotates too, and a check on a day without a due backup still removes the old ones.
    await moveClock(backend, clock, '2031-09-01');
    const manual = await backend.ok('backup.now', {});
    expect(fs.readdirSync(folder)).toEqual([manual.file]);
    // A backup from June (made with the clock set back) next to today's: no backup is due today.
    clock.set('2031-06-01');
    await backend.ok('backup.now', {});
    clock.set('2031-09-01');
    expect(fs.readdirSync(folder)).toHaveLength(2);
    expect(await runDailyBackupIfDue(backend.core)).toBeNull();
    expect(fs.readdirSync(folder)).toEqual([manual.file]);
    const rotated = backend.core.sqlite().prepare("SELECT details FROM audit_log WHERE action = 'backup.rotate'").all();
    expect(rotated).toEqual([{ details: JSON.stringify({ removed: 1 }) }]);
  });
});

describe('the database kept aside on a restore', () => {
  it('is removed once the restored database has been in use for 30 days: there on day 29, gone on day 31', async () => {
    const { backend, clock } = await location('2027-03-01');
    const made = await backend.ok('backup.now', {});
    const { keptAside } = await backend.ok('backup.restore', { file: made.file, credential: managerCredential });
    expect(keptAside).toMatch(/voor-herstel-2027-03-01T10-00-00-000Z$/);

    await moveClock(backend, clock, addDays('2027-03-01', 29));
    await runDailyBackupIfDue(backend.core);
    expect(fs.existsSync(keptAside!)).toBe(true);
    await moveClock(backend, clock, addDays('2027-03-01', 31));
    await runDailyBackupIfDue(backend.core);
    expect(fs.existsSync(keptAside!)).toBe(false);
    const audit = backend.core.sqlite().prepare("SELECT details FROM audit_log WHERE action = 'backup.keptAsideRemoved'").all();
    expect(audit).toEqual([{ details: JSON.stringify({ count: 1 }) }]);
  });

  it('stays while the current database does not open (a restore that did not succeed is never cleaned up)', async () => {
    const { backend, clock } = await location('2027-03-01');
    const made = await backend.ok('backup.now', {});
    const { keptAside } = await backend.ok('backup.restore', { file: made.file, credential: managerCredential });
    clock.set(addDays('2027-03-01', 40));
    flipBytes(backend.core.dbFile, [100]);
    expect((await backend.err('auth.login', MANAGER)).code).toBe('DB_CORRUPT');
    expect(await runDailyBackupIfDue(backend.core)).toBeNull();
    expect(fs.existsSync(keptAside!)).toBe(true);
  });
});

describe('a restore never brings back what was destroyed', () => {
  it('a child erased on request after the backup is erased again before the restored database is used', async () => {
    const { backend } = await location('2026-11-25');
    const { child, contractParent, household } = await oldFamily(backend);
    const key = Buffer.from(backend.core.dbKey());
    const made = await backend.ok('backup.now', {});
    await eraseChild(backend, child.id, contractParent.id);

    await backend.ok('backup.restore', { file: made.file, credential: managerCredential });
    const restored = readRestored(backend, key);
    expect(restored).toMatchObject({ children: 0, medical: 0, pickup: 0 });
    const counts = JSON.parse(restored.redestroy[0]!.details) as Record<string, number>;
    expect(counts.records).toBe(0);
    expect(counts.rows).toBeGreaterThanOrEqual(4);
    expect(counts.logged).toBe(counts.rows! + counts.cleared!);
    expect(canaryInBytes(backend, key)).toEqual([]);

    await backend.ok('auth.login', MANAGER);
    expect((await backend.err('children.get', { id: child.id })).code).toBe('NOT_FOUND');
    // Only the erased child went: the parents and the household stay, as after the erasure itself.
    expect((await backend.ok('households.get', { id: household.id })).children).toEqual([]);
    // The log entries are in the restored database too (hashes only), and tombstones go to head office again.
    const db = backend.core.db();
    expect((await db.selectFrom('destruction_log').select('category').where('policy_key', '=', '').execute()).map((r) => r.category)).toContain('rows:children');
    expect(await db.selectFrom('outbox').select('op').where('entity', '=', 'children').where('entity_id', '=', child.id).execute()).toEqual([{ op: 'delete' }]);
    expect((await backend.ok('audit.verify', {})).ok).toBe(true);
  });

  it('a household destroyed by the retention run is destroyed again when its pre-destruction backup is restored', async () => {
    const { backend, clock } = await location('2026-11-20');
    const { household, child } = await oldFamily(backend, CANARY.street);
    const key = Buffer.from(backend.core.dbKey());
    // The start-up run destroys the household (7 years after 2018-12-31), after its own backup.
    await moveClock(backend, clock, '2026-11-25');
    expect((await backend.err('households.get', { id: household.id })).code).toBe('NOT_FOUND');
    const destructionBackup = (await backend.ok('backup.status', {})).backups.find((b) => b.reason === 'destruction')!;
    expect(fileContains(path.join(defaultFolder(backend), destructionBackup.file), CANARY.street)).toBe(false);

    await backend.ok('backup.restore', { file: destructionBackup.file, credential: managerCredential });
    expect(readRestored(backend, key)).toMatchObject({ households: 0, children: 0, medical: 0, pickup: 0 });
    expect(JSON.parse(readRestored(backend, key).redestroy[0]!.details)).toMatchObject({ records: 1, logged: 1 });
    expect(canaryInBytes(backend, key)).toEqual([]);

    await backend.ok('auth.login', MANAGER);
    expect((await backend.err('households.get', { id: household.id })).code).toBe('NOT_FOUND');
    expect((await backend.err('children.get', { id: child.id })).code).toBe('NOT_FOUND');
  });

  it('also when the current database is damaged: the mirror outside it says what to destroy again', async () => {
    const { backend } = await location('2026-11-25');
    const { child, contractParent } = await oldFamily(backend);
    const key = Buffer.from(backend.core.dbKey());
    const made = await backend.ok('backup.now', {});
    await eraseChild(backend, child.id, contractParent.id);
    await backend.ok('auth.lock', { reason: 'user' });
    flipBytes(backend.core.dbFile, [100]);
    expect((await backend.err('auth.login', MANAGER)).code).toBe('DB_CORRUPT');

    // The "beschadigd" path: restore without login.
    await backend.ok('recovery.restore', { file: made.file, credential: managerCredential });
    expect(readRestored(backend, key)).toMatchObject({ children: 0, medical: 0, pickup: 0 });
    expect(canaryInBytes(backend, key)).toEqual([]);
    await backend.ok('auth.login', MANAGER);
    expect((await backend.err('children.get', { id: child.id })).code).toBe('NOT_FOUND');
  });

  it('the mirror holds kinds, hashes and times only: no canary, no ids in the clear, no names', async () => {
    const { backend, clock } = await location('2026-11-20');
    const { child, contractParent, household } = await oldFamily(backend);
    const other = await oldFamily(backend, CANARY.street);
    await eraseChild(backend, child.id, contractParent.id);
    await moveClock(backend, clock, '2026-11-25'); // the run destroys both households (the first one without its child)

    const file = mirrorFile(backend.dataDir);
    const text = fs.readFileSync(file, 'utf8');
    const secrets = [...Object.values(CANARY), child.id, household.id, other.household.id, other.child.id, ...household.parents.flatMap((p) => [p.id, p.firstName, p.surname]), MANAGER.name, BSN.child, BSN.parent];
    expect(secrets.filter((s) => text.includes(s))).toEqual([]);
    for (const line of text.trim().split('\n')) expect(Object.keys(JSON.parse(line) as object)).toEqual(['category', 'hash', 'executedAt']);
    const kinds = new Set(readMirror(backend.dataDir).map((e) => e.category));
    expect(kinds).toContain('household');
    expect(kinds).toContain('rows:children');
    expect(kinds).toContain('rows:child_medical');
    // Every database log entry is mirrored.
    expect(readMirror(backend.dataDir)).toHaveLength(Number((backend.core.sqlite().prepare('SELECT count(*) AS n FROM destruction_log').get() as { n: number }).n));
  });

  it('a mirror line lost in a crash between commit and append is copied from the database log at the next unlock', async () => {
    const { backend } = await location('2026-11-25');
    const { child, contractParent } = await oldFamily(backend);
    await eraseChild(backend, child.id, contractParent.id);
    const lines = fs.readFileSync(mirrorFile(backend.dataDir), 'utf8').trim().split('\n');
    // The last entries never reached the disk, and the line before was torn.
    fs.writeFileSync(mirrorFile(backend.dataDir), `${lines.slice(0, 2).join('\n')}\n${lines[2]!.slice(0, 20)}`);
    await backend.ok('auth.lock', { reason: 'user' });
    await backend.ok('auth.login', MANAGER);
    const keys = new Set(readMirror(backend.dataDir).map((e) => `${e.category} ${e.hash}`));
    expect(keys.size).toBe(lines.length);
  });
});

describe('the letters', () => {
  it('say that erased data can live in backups for at most 8 weeks', async () => {
    const { backend } = await location('2026-11-25');
    const { child, contractParent } = await oldFamily(backend);
    const r = await eraseChild(backend, child.id, contractParent.id);
    const letter = readPdf(await backend.ok('requests.letter', { id: r.id })).replace(/\s+/g, ' ');
    expect(letter).toContain('Wat wij verwijderen, kan daarin nog ten hoogste 8 weken staan');
    expect(letter).toContain('verwijdert de app uw gegevens opnieuw voordat de database weer wordt gebruikt');
    expect(letter).toContain('Verwijderde gegevens kunnen nog ten hoogste 8 weken in onze versleutelde back-ups staan.');
  });
});
