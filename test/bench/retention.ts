/**
 * Bench: a retention run over 100,000 households (each a parent, a child and a contract) of which
 * 10% are past their 7-year period, with per-category parts (see `seeded`) — the preview and the
 * destruction through the API (every row, outbox tombstones, destruction log, statistics) against a raw DELETE of the same households
 * (foreign-key cascade) in an identical database built in the same run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createBackend, type Backend } from '../../electron/backend';
import type { ScryptParams } from '../../electron/backend/db/keyring';
import { ms, ratio, type BenchRow } from './report';

const HOUSEHOLDS = 100_000;
const DUE_EVERY = 10; // 10% due
const CHUNK = 200;
const BENCH_KDF: ScryptParams = { N: 2 ** 14, r: 8, p: 1 };
const TODAY = new Date('2026-06-01T10:00:00Z');

/** What the seed puts where (every household has a contract parent with e-mail and phone). */
const MEDICAL_EVERY = 2; // a child_medical row in every 2nd household
const PICKUP_EVERY = 3; // a pickup person in every 3rd
const OTHER_PARENT_EVERY = 4; // a second parent (no contract) in every 4th
const RECENT_EVERY = 50; // 2% ended two months ago

interface Seeded {
  backend: Backend;
  dueIds: string[];
  /** What the preview must list: the due households, and the parts (medical data, pickup persons, parents' contact details, other parents) due or coming within its window. */
  expectedItems: number;
}

/**
 * 100k households. Every 10th is past its 7-year period (contract ended mid-2018; its parts went
 * under their own rules years ago, as they would have). Every 50th (offset 5) ended two months
 * ago: its per-category parts (medical data, pickup persons at the end of the contract; the
 * parents' contact details and the other parent 3 months after, inside the preview's 30 days) are
 * listed, the household itself not. The rest still run, with the same parts (which the preview
 * must pass over).
 */
async function seeded(dir: string): Promise<Seeded> {
  const backend = createBackend({ dataDir: dir, resourcesDir: path.join(__dirname, '../../resources'), kdf: BENCH_KDF, backgroundSync: false, backgroundBackups: false, now: () => TODAY }, { error: () => {} });
  const setup = await backend.call('setup.create', {
    location: { name: 'Bench', address: 'Benchstraat 1', lrkNumber: '123456789' },
    manager: { name: 'Meet Manager', username: 'meter', password: 'Snelheid-Wachtzin-123' },
  });
  if (!setup.ok) throw new Error(setup.error.message);
  const sqlite = backend.core.sqlite();
  const location = (sqlite.prepare('SELECT id FROM location').get() as { id: string }).id;
  const userId = (sqlite.prepare('SELECT id FROM users').get() as { id: string }).id;
  const now = TODAY.toISOString();
  const household = sqlite.prepare(`INSERT INTO households VALUES (?, ?, 'Straat', ?, '1234 AB', 'Plaats', NULL, NULL, ?, ?, NULL)`);
  const parent = sqlite.prepare(
    `INSERT INTO parents (id, location_id, household_id, first_name, initials, surname_prefix, surname, search_name, email, phone, bsn, has_parental_authority, is_contract_parent, created_at, updated_at, version) VALUES (?, ?, ?, ?, NULL, NULL, ?, ?, ?, ?, NULL, 1, ?, ?, ?, NULL)`,
  );
  const child = sqlite.prepare(`INSERT INTO children (id, location_id, household_id, first_name, initials, surname_prefix, surname, search_name, birth_date, bsn, created_at, updated_at, version) VALUES (?, ?, ?, 'Kind', NULL, NULL, ?, ?, '2012-01-01', NULL, ?, ?, NULL)`);
  const contract = sqlite.prepare(`INSERT INTO contracts VALUES (?, ?, ?, 'bso', '["ma"]', 8, '2014-01-06', ?, ?, ?, NULL)`);
  const medical = sqlite.prepare(`INSERT INTO child_medical (child_id, location_id, allergies, diet, medication, other_particulars, updated_at, updated_by, version) VALUES (?, ?, 'Pinda', NULL, NULL, NULL, ?, ?, NULL)`);
  const pickup = sqlite.prepare(`INSERT INTO pickup_persons (id, location_id, child_id, name, relation, phone, valid_until, revoked_at, created_at, version) VALUES (?, ?, ?, ?, 'oma', '0612345678', NULL, NULL, ?, NULL)`);
  const dueIds: string[] = [];
  let expectedItems = 0;
  sqlite.transaction(() => {
    for (let h = 0; h < HOUSEHOLDS; h++) {
      // UUID-shaped ids, as the API validates them.
      const id = (prefix: string) => `0190${prefix}000-0000-7000-8000-${h.toString(16).padStart(12, '0')}`;
      const due = h % DUE_EVERY === 0;
      const endedRecently = h % RECENT_EVERY === 5;
      const parts = due ? { contact: false, medical: false, pickup: false, otherParent: false } : { contact: true, medical: h % MEDICAL_EVERY === 1, pickup: h % PICKUP_EVERY === 2, otherParent: h % OTHER_PARENT_EVERY === 1 };
      if (due) dueIds.push(id('1'));
      if (due) expectedItems += 1;
      if (endedRecently) expectedItems += Number(parts.contact) + Number(parts.medical) + Number(parts.pickup) + Number(parts.otherParent);
      household.run(id('1'), location, String(h), now, now);
      parent.run(id('2'), location, id('1'), 'Ouder', `Achternaam${h}`, `ouder achternaam${h}`, parts.contact ? `ouder${h}@example.nl` : null, parts.contact ? '0611111111' : null, 1, now, now);
      if (parts.otherParent) parent.run(id('5'), location, id('1'), 'Andere', `Achternaam${h}`, `andere achternaam${h}`, `andere${h}@example.nl`, '0622222222', 0, now, now);
      child.run(id('3'), location, id('1'), `Achternaam${h}`, `kind achternaam${h}`, now, now);
      if (parts.medical) medical.run(id('3'), location, now, userId);
      if (parts.pickup) pickup.run(id('6'), location, id('3'), `Oma ${h}`, now);
      // Due: ended mid-2018 (7 years passed); ended recently: two months ago; the others still run.
      contract.run(id('4'), location, id('3'), due ? '2018-06-30' : endedRecently ? '2026-03-31' : null, now, now);
    }
  })();
  return { backend, dueIds, expectedItems };
}

const call = async (backend: Backend, method: string, input: unknown) => {
  const result = await backend.call(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
};

export async function retentionBench(): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kop-bench-retention-'));
  try {
    const engine = await seeded(path.join(dir, 'engine'));
    const raw = await seeded(path.join(dir, 'raw'));

    let t = performance.now();
    const preview = (await call(engine.backend, 'retention.preview', {})) as { items: unknown[] };
    const previewMs = performance.now() - t;
    if (preview.items.length !== engine.expectedItems) throw new Error(`preview found ${preview.items.length}, expected ${engine.expectedItems}`);
    // Baseline: the same "last contract end per household" as one raw statement.
    t = performance.now();
    const rawDue = raw.backend.core
      .sqlite()
      .prepare(
        `SELECT h.id FROM households h LEFT JOIN children c ON c.household_id = h.id LEFT JOIN contracts k ON k.child_id = c.id
         GROUP BY h.id HAVING count(k.id) > 0 AND sum(k.id IS NOT NULL AND k.end_date IS NULL) = 0 AND max(k.end_date) <= '2019-06-01'`,
      )
      .all();
    const rawPreviewMs = performance.now() - t;
    if (rawDue.length !== raw.dueIds.length) throw new Error('raw preview mismatch');

    t = performance.now();
    const { runId } = (await call(engine.backend, 'retention.startRun', {})) as { runId: string };
    const backupMs = performance.now() - t;
    t = performance.now();
    for (let i = 0; i < engine.dueIds.length; i += CHUNK) {
      await call(engine.backend, 'retention.destroy', { runId, items: engine.dueIds.slice(i, i + CHUNK).map((id) => ({ category: 'household', id })) });
    }
    await call(engine.backend, 'retention.finishRun', { runId });
    const runMs = performance.now() - t;

    const sqlite = raw.backend.core.sqlite();
    t = performance.now();
    sqlite.transaction(() => {
      for (let i = 0; i < raw.dueIds.length; i += CHUNK) {
        const slice = raw.dueIds.slice(i, i + CHUNK);
        sqlite.prepare(`DELETE FROM households WHERE id IN (${slice.map(() => '?').join(',')})`).run(...slice);
      }
    })();
    const rawMs = performance.now() - t;
    const left = (b: Backend) => (b.core.sqlite().prepare('SELECT count(*) AS n FROM children').get() as { n: number }).n;
    if (left(engine.backend) !== HOUSEHOLDS - engine.dueIds.length || left(raw.backend) !== HOUSEHOLDS - raw.dueIds.length) throw new Error('not every due household went');

    await engine.backend.close();
    await raw.backend.close();
    return [
      {
        measurement: `retention preview over ${HOUSEHOLDS / 1000}k households, ${engine.dueIds.length / 1000}k due, with per-category parts (contact details, medical data, pickup persons, other parents; 2% ended recently): ${preview.items.length} items (API vs raw household statement)`,
        figure: ms(previewMs),
        baseline: ms(rawPreviewMs),
        ratio: ratio(previewMs, rawPreviewMs),
      },
      {
        measurement: `retention run: destroy ${engine.dueIds.length / 1000}k of ${HOUSEHOLDS / 1000}k households, chunks of ${CHUNK} (API vs raw cascading DELETE)`,
        figure: ms(runMs),
        baseline: ms(rawMs),
        ratio: ratio(runMs, rawMs),
      },
      { measurement: 'retention run: encrypted backup before the run (VACUUM INTO, 100k households)', figure: ms(backupMs), baseline: '—', ratio: '—' },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
