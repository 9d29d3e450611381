import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openEncryptedDatabase } from '../../electron/backend/db/open';
import { mirrorFile, readMirror } from '../../electron/backend/modules/backup/destructionMirror';
import { destroyedHash } from '../../electron/backend/modules/retention/destructionLog';
import { MANAGER, type TestBackend } from '../helpers/backend';
import { createOtherFamily } from '../helpers/clients';
import { CANARY, endContract, familyWithEverything, moveClock, newBackend } from '../helpers/retention';

/**
 * The destruction log (vernietigingslogboek) and its mirror outside the database: an AVG erasure
 * names who executed it, as a retention run does; the mirror is pruned as the log is — past the
 * log's own rule (5 years) and older than the oldest kept backup — and a restore of that backup
 * still destroys again what was destroyed after it was made.
 */

async function eraseChild(backend: TestBackend, childId: string, requesterParentId: string, receivedOn: string) {
  const r = await backend.ok('requests.create', { kind: 'erasure', subjectType: 'child', subjectId: childId, requesterParentId, receivedOn, identityMethod: 'id_shown', description: null });
  expect((await backend.ok('requests.erase', { id: r.id })).outcome).not.toBe('refused');
}

const logRows = (backend: TestBackend) =>
  backend.core.sqlite().prepare('SELECT run_id, category, subject_hash, policy_key, executed_at, executed_by_name FROM destruction_log ORDER BY id').all() as {
    run_id: string | null;
    category: string;
    subject_hash: string;
    policy_key: string;
    executed_at: string;
    executed_by_name: string;
  }[];

describe('the destruction log of an AVG erasure', () => {
  it('names the user who executed the request on every row it wrote (rows deleted and columns cleared)', async () => {
    const { backend } = await newBackend('2026-01-10');
    await backend.ok('users.create', { name: 'Wilma Wisser', username: 'wilma', password: 'Gummetje-Potlood-42', roles: ['manager'] });
    await backend.ok('auth.lock', { reason: 'user' });
    await backend.ok('auth.login', { username: 'wilma', password: 'Gummetje-Potlood-42' });
    await backend.ok('auth.changePassword', { currentPassword: 'Gummetje-Potlood-42', newPassword: 'Gummetje-Potlood-43' });
    const { household, child, contract } = await familyWithEverything(backend);
    // Ended half a year ago: the medical data, pickup persons … may go on request; name and contract stay 7 years.
    await endContract(backend, contract, '2025-06-30');
    const before = logRows(backend).length;
    await eraseChild(backend, child.id, household.parents[0]!.id, '2026-01-09');

    const erasure = logRows(backend).slice(before);
    expect(erasure.length).toBeGreaterThanOrEqual(3);
    expect(erasure.every((r) => r.policy_key === 'avg_erasure' && r.run_id === null)).toBe(true);
    expect(new Set(erasure.map((r) => r.executed_by_name))).toEqual(new Set(['Wilma Wisser']));
    expect(erasure.map((r) => r.category)).toContain('rows:child_medical');
  });
});

describe('the mirror vernietigd.jsonl', () => {
  it('loses entries past the log rule that no kept backup needs; the oldest kept backup still restores without what was destroyed after it', async () => {
    const { backend, clock } = await newBackend('2026-01-10');
    // A: its child (contract ended in 2018) erased on request in January 2026.
    const a = await createOtherFamily(backend);
    await backend.ok('contracts.create', { childId: a.child.id, careType: 'dagopvang', days: ['ma'], hoursPerWeek: 8, startDate: '2016-01-04', endDate: '2018-12-31' });
    await eraseChild(backend, a.child.id, a.household.parents[0]!.id, '2026-01-09');
    const erasedA = destroyedHash({ kind: 'rows', entity: 'children' }, a.child.id);
    // B: its contract ends in June 2030; its medical data go at the first run after that.
    const b = await familyWithEverything(backend);
    await endContract(backend, b.contract, '2030-06-30');
    expect(readMirror(backend.dataDir).map((e) => e.hash)).toContain(erasedA);

    // 5 January 2031: the run backs up first (the oldest backup kept from then on), then destroys B's medical data …
    await moveClock(backend, clock, '2031-01-05');
    const medicalB = destroyedHash({ kind: 'record', category: 'medical' }, b.child.id);
    expect(readMirror(backend.dataDir).map((e) => e.hash)).toContain(medicalB);
    // … while A's entries (4 years 361 days old) stay, in the log and in the mirror.
    expect(readMirror(backend.dataDir).map((e) => e.hash)).toContain(erasedA);
    expect(logRows(backend).some((r) => r.subject_hash === erasedA)).toBe(true);

    // 20 January 2031: A's entries are past the 5-year rule and older than every kept backup: gone from both.
    await moveClock(backend, clock, '2031-01-20');
    const status = await backend.ok('backup.status', {});
    const oldest = [...status.backups].sort((x, y) => x.createdAt.localeCompare(y.createdAt))[0]!;
    expect(oldest.createdAt.slice(0, 10)).toBe('2031-01-05');
    const mirrored = readMirror(backend.dataDir);
    expect(mirrored.map((e) => e.hash)).not.toContain(erasedA);
    expect(mirrored.every((e) => e.executedAt >= oldest.createdAt)).toBe(true);
    expect(mirrored.map((e) => e.hash)).toContain(medicalB);
    expect(logRows(backend).filter((r) => r.executed_at < '2031-01-01')).toEqual([]);
    // Written atomically: every line whole, no temp file left beside it.
    const text = fs.readFileSync(mirrorFile(backend.dataDir), 'utf8');
    expect(text.trim().split('\n')).toHaveLength(mirrored.length);
    expect(fs.readdirSync(backend.dataDir).filter((f) => f.startsWith(path.basename(mirrorFile(backend.dataDir))) && f.endsWith('.tmp'))).toEqual([]);

    // The oldest kept backup still holds B's medical data; restored, they are destroyed again before anyone uses it.
    const key = Buffer.from(backend.core.dbKey());
    await backend.ok('backup.restore', { file: oldest.file, credential: { kind: 'password', username: MANAGER.username, password: MANAGER.password } });
    const restored = openEncryptedDatabase(backend.core.dbFile, key, { readonly: true });
    try {
      expect(restored.prepare('SELECT count(*) AS n FROM child_medical WHERE allergies = ?').get(CANARY.allergy)).toEqual({ n: 0 });
      expect(restored.prepare('SELECT count(*) AS n FROM children WHERE id = ?').get(b.child.id)).toEqual({ n: 1 });
      expect(restored.prepare('SELECT count(*) AS n FROM children WHERE id = ?').get(a.child.id)).toEqual({ n: 0 });
    } finally {
      restored.close();
    }
    await backend.ok('auth.login', MANAGER);
    expect(await backend.ok('medical.get', { childId: b.child.id })).toMatchObject({ allergies: null });
  });
});
