/**
 * Head-office sync figures for `npm run bench`, each next to a loopback baseline measured in the
 * same run: the initial pull of a big location, pushing a full outbox, and the service on
 * PostgreSQL under a fleet of simulated devices (sync-fleet.ts). Everything it starts (temp dirs, servers, the
 * PostgreSQL cluster, backends) is stopped again, also when a step throws.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3-multiple-ciphers';
import { v7 as uuidv7 } from 'uuid';
import { createBackend, type Backend } from '../../electron/backend';
import type { ScryptParams } from '../../electron/backend/db/keyring';
import type { HouseholdsTable } from '../../electron/backend/db/schema';
import { requestJson } from '../../electron/backend/sync/http';
import { queueUpsert } from '../../electron/backend/sync/outbox';
import { syncOnce, type Transport } from '../../electron/backend/sync/sync.engine';
import { readCursor } from '../../electron/backend/sync/sync.state';
import { connectHeadOffice, migrateHeadOffice } from '../../headoffice/db/connect';
import type { HoDb } from '../../headoffice/db/schema';
import { buildHeadOfficeServer } from '../../headoffice/service/server';
import { createLocation, issueEnrolmentCode } from '../../headoffice/service/sync.service';
import { startPostgres } from '../helpers/postgres';
import { ms, ratio, type BenchRow } from './report';
import { fleetBench } from './sync-fleet';

const PULL_ROWS = 20_000;
const PUSH_ROWS = 1_000;
const RUNS = 3;
/** A push round is short (tens of ms), so one descheduling moves it a lot: best of more runs, on both sides. */
const PUSH_RUNS = 7;

/** Cheaper scrypt than production: unlock cost is measured elsewhere, not here. */
const BENCH_KDF: ScryptParams = { N: 2 ** 14, r: 8, p: 1 };
const RESOURCES = path.join(__dirname, '../../resources');

const exclusive = <T>(work: () => Promise<T>) => work();

/** What was started, stopped in reverse order; a failing stop does not skip the others. */
class Scope {
  private readonly stops: (() => unknown)[] = [];
  defer(stop: () => unknown) {
    this.stops.push(stop);
  }
  tempDir(prefix: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    this.defer(() => fs.rmSync(dir, { recursive: true, force: true }));
    return dir;
  }
  async close() {
    for (const stop of this.stops.splice(0).reverse()) {
      try {
        await stop();
      } catch (error) {
        console.error('sync bench: cleanup failed:', error);
      }
    }
  }
}

/** The real head-office service on 127.0.0.1: embedded SQLite in a temp dir, or the given PostgreSQL. */
async function startService(scope: Scope, databaseUrl?: string): Promise<{ url: string; db: HoDb; dataDir: string | undefined }> {
  const dataDir = databaseUrl ? undefined : scope.tempDir('kop-bench-ho-');
  const { db } = connectHeadOffice({ databaseUrl, dataDir });
  scope.defer(() => db.destroy());
  await migrateHeadOffice(db);
  const app = buildHeadOfficeServer({ db, logger: false });
  scope.defer(() => app.close());
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address !== 'object') throw new Error('head office has no port');
  return { url: `http://127.0.0.1:${address.port}`, db, dataDir };
}

/** A baseline server: reads the body, parses it, answers JSON. Nothing else. */
async function tinyServer(scope: Scope, answer: (body: unknown) => unknown): Promise<string> {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const out = Buffer.from(JSON.stringify(answer(text ? JSON.parse(text) : null)));
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(out.length) });
      res.end(out);
    });
  });
  scope.defer(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (!address || typeof address !== 'object') throw new Error('baseline server has no port');
  return `http://127.0.0.1:${address.port}`;
}

/** A location PC: set up through the API and enrolled at head office with a one-time code. */
async function enrolledPc(scope: Scope, serverUrl: string, code: string, deviceName: string): Promise<Backend> {
  const backend = createBackend({ dataDir: scope.tempDir('kop-bench-pc-'), resourcesDir: RESOURCES, kdf: BENCH_KDF, backgroundSync: false }, { error: () => {} });
  scope.defer(() => backend.close());
  const setup = await backend.call('setup.create', {
    location: { name: 'Bench', address: 'Benchstraat 1', lrkNumber: '123456789' },
    manager: { name: 'Meet Manager', username: 'meter', password: 'Snelheid-Wachtzin-123' },
  });
  if (!setup.ok) throw new Error(setup.error.message);
  const enrolled = await backend.call('sync.enrol', { serverUrl, code, deviceName, caCertPem: null });
  if (!enrolled.ok) throw new Error(enrolled.error.message);
  return backend;
}

interface Phases {
  push: number;
  pull: number;
  pushes: number;
  pulls: number;
}

/** The engine's own transport, with the time spent waiting on push and on pull requests added up (and counted). */
function timedTransport(): { transport: Transport; phases: Phases } {
  const phases: Phases = { push: 0, pull: 0, pushes: 0, pulls: 0 };
  const transport: Transport = async (base, options) => {
    const t = performance.now();
    try {
      return await requestJson(base, options);
    } finally {
      const push = options.path.startsWith('/v1/sync/push');
      phases[push ? 'push' : 'pull'] += performance.now() - t;
      phases[push ? 'pushes' : 'pulls']++;
    }
  };
  return { transport, phases };
}

const count = (pc: Backend, table: string) => (pc.core.sqlite().prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

const STREETS = ['Sportlaan', 'Kerkstraat', 'Dorpsstraat', 'Molenweg', 'Schoolstraat', 'Julianalaan', 'Beatrixstraat', 'Stationsweg'];
const CITIES = ['Vianen', 'Utrecht', 'Houten', 'Nieuwegein', 'IJsselstein', 'Culemborg'];
const HOLDERS = ['J. de Vries', 'M. Jansen', 'A. van den Berg', 'S. Bakker', 'L. Visser', 'E. Smit'];

/** A households row as the PC queues it (every column but `version`). */
function household(id: string, locationId: string, i: number, now: string): Omit<HouseholdsTable, 'version'> {
  return {
    id,
    location_id: locationId,
    street: STREETS[i % STREETS.length]!,
    house_number: String(1 + (i % 250)) + (i % 9 === 0 ? 'a' : ''),
    postcode: `${1000 + (i % 9000)} ${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + ((i * 7) % 26))}`,
    city: CITIES[i % CITIES.length]!,
    iban: i % 4 === 0 ? null : `NL${String(10 + (i % 89))}ABNA0${String(417164300 + i).slice(0, 9)}`,
    iban_holder: i % 4 === 0 ? null : HOLDERS[i % HOLDERS.length]!,
    created_at: now,
    updated_at: now,
  };
}

/** 1. A freshly enrolled PC pulls a location of 20,000 rows; baseline: one SELECT sent as one JSON response, stored in plain SQLite. */
async function initialPull(scope: Scope, ho: { url: string; db: HoDb; dataDir: string | undefined }): Promise<BenchRow> {
  const location = await createLocation(ho.db, 'KDV Groot', new Date());
  const now = new Date().toISOString();
  // As the service would have left it: one version per applied mutation, the counter at the last.
  await ho.db.transaction().execute(async (trx) => {
    for (let start = 0; start < PULL_ROWS; start += 500) {
      const values = [];
      for (let i = start; i < Math.min(PULL_ROWS, start + 500); i++) {
        const id = uuidv7();
        values.push({ location_id: location.id, entity: 'households', entity_id: id, version: i + 1, deleted: 0, payload: JSON.stringify(household(id, location.id, i, now)), updated_at: now });
      }
      await trx.insertInto('records').values(values).execute();
    }
    await trx.updateTable('locations').set({ version: PULL_ROWS }).where('id', '=', location.id).execute();
  });

  const pullTimes: number[] = [];
  const split: Phases[] = [];
  for (let run = 0; run < RUNS; run++) {
    const pc = await enrolledPc(scope, ho.url, (await issueEnrolmentCode(ho.db, location.id, new Date())).code, `Pull-pc ${run}`);
    const { transport, phases } = timedTransport();
    const t = performance.now();
    const report = await syncOnce(pc.core, exclusive, transport);
    pullTimes.push(performance.now() - t);
    split.push(phases);
    if (report.pulled !== PULL_ROWS || count(pc, 'households') !== PULL_ROWS) throw new Error(`initial pull: ${report.pulled} pulled, ${count(pc, 'households')} households`);
    await pc.close(); // keeps at most one PC open; the scope's close is then a no-op
  }

  const hoSqlite = new Database(path.join(ho.dataDir!, 'hoofdkantoor.db'), { readonly: true });
  scope.defer(() => hoSqlite.close());
  const select = hoSqlite.prepare('SELECT entity, entity_id, version, deleted, payload FROM records WHERE location_id = ? ORDER BY version');
  const url = await tinyServer(scope, () => select.all(location.id));
  // The pull must also store the 20k rows on the PC: the baseline stores them as they came, one
  // prepared INSERT per row in one transaction, into plain SQLite (a new file per run, its defaults).
  const plainDir = scope.tempDir('kop-bench-plain-');
  const rawTimes: number[] = [];
  const fetchOnlyTimes: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const plain = new Database(path.join(plainDir, `pull-${run}.db`));
    scope.defer(() => plain.close());
    plain.exec('CREATE TABLE records (entity TEXT NOT NULL, entity_id TEXT PRIMARY KEY, version INTEGER NOT NULL, deleted INTEGER NOT NULL, payload TEXT)');
    const insert = plain.prepare('INSERT INTO records (entity, entity_id, version, deleted, payload) VALUES (@entity, @entity_id, @version, @deleted, @payload)');
    const store = plain.transaction((rows: unknown[]) => {
      for (const row of rows) insert.run(row as Record<string, unknown>);
    });
    const t = performance.now();
    const rows = (await requestJson(url, { method: 'GET', path: '/all' })) as unknown[];
    fetchOnlyTimes.push(performance.now() - t);
    store(rows);
    rawTimes.push(performance.now() - t);
    if (rows.length !== PULL_ROWS) throw new Error(`baseline pull: ${rows.length} rows`);
    plain.close();
  }
  const best = pullTimes.indexOf(Math.min(...pullTimes));
  const figure = pullTimes[best]!;
  const baseline = Math.min(...rawTimes);
  const fetchOnly = Math.min(...fetchOnlyTimes);
  console.log(`sync bench: of the best initial pull (${ms(figure)}), ${ms(split[best]!.pull)} waiting on ${split[best]!.pulls} GET /v1/sync/pull pages (head office and the JSON parse), the rest local.`);
  console.log(`sync bench: the pull baseline without storing the rows (the baseline before 2026-12-03): ${ms(fetchOnly)}, ${ratio(figure, fetchOnly)}.`);
  return {
    measurement: `initial pull of a 20k-row location by a fresh PC (syncOnce vs 1 SELECT as 1 JSON response, stored by 1 prepared INSERT a row in plain SQLite)`,
    figure: ms(figure),
    baseline: ms(baseline),
    ratio: ratio(figure, baseline),
  };
}

/** 2. A PC pushes 1,000 queued mutations; baseline: the same rows, one SELECT, POSTed as one JSON body and stored in plain SQLite. */
async function pushOutbox(scope: Scope, ho: { url: string; db: HoDb }): Promise<BenchRow> {
  const syncTimes: number[] = [];
  const rawTimes: number[] = [];
  const split: Phases[] = [];
  // Head office must also store the 1,000 rows: the baseline server stores them as they came, one
  // prepared INSERT per row in one transaction, into plain SQLite (a new file per run, its defaults).
  const plainDir = scope.tempDir('kop-bench-plain-');
  let store: ((rows: Record<string, unknown>[]) => void) | null = null;
  const url = await tinyServer(scope, (body) => {
    const rows = Array.isArray(body) ? (body as Record<string, unknown>[]) : [];
    store?.(rows);
    return { received: rows.length };
  });
  const fetchOnlyUrl = await tinyServer(scope, (body) => ({ received: Array.isArray(body) ? body.length : 0 }));
  const fetchOnlyTimes: number[] = [];
  const checkpointTimes: number[] = [];
  for (let run = 0; run < PUSH_RUNS; run++) {
    // A location per run, so a PC pulls back only its own 1,000 (as a real PC would).
    const location = await createLocation(ho.db, `KDV Push ${run}`, new Date());
    const pc = await enrolledPc(scope, ho.url, (await issueEnrolmentCode(ho.db, location.id, new Date())).code, `Push-pc ${run}`);
    const started = new Date();
    await pc.core.transaction(async (trx) => {
      const locationId = (await trx.selectFrom('location').select('id').executeTakeFirstOrThrow()).id;
      const now = started.toISOString();
      for (let i = 0; i < PUSH_ROWS; i++) {
        const id = uuidv7();
        await trx
          .insertInto('households')
          .values({ ...household(id, locationId, i, now), version: null })
          .execute();
        await queueUpsert(trx, 'households', id, started);
      }
    });
    if (count(pc, 'outbox') !== PUSH_ROWS) throw new Error(`push: ${count(pc, 'outbox')} queued`);
    // The 1,000 edits were made over days, and SQLite checkpointed their WAL pages along the way:
    // the round does not pay for the seeding's pages. It does pay for its own: the checkpoint of
    // the pages it wrote (outbox rows gone, versions set) is part of the figure, run as SQLite's
    // automatic checkpoint runs (PASSIVE).
    pc.core.sqlite().pragma('wal_checkpoint(TRUNCATE)');

    const { transport, phases } = timedTransport();
    const t = performance.now();
    const report = await syncOnce(pc.core, exclusive, transport);
    const tc = performance.now();
    pc.core.sqlite().pragma('wal_checkpoint(PASSIVE)');
    checkpointTimes.push(performance.now() - tc);
    syncTimes.push(performance.now() - t);
    split.push(phases);
    if (report.pushed !== PUSH_ROWS || count(pc, 'outbox') !== 0) throw new Error(`push: ${report.pushed} pushed, ${count(pc, 'outbox')} left in the outbox`);
    // Its own rows are not fetched back: the answers took the cursor past them.
    const version = (await ho.db.selectFrom('locations').select('version').where('id', '=', location.id).executeTakeFirstOrThrow()).version;
    if (report.pulled !== 0 || (await readCursor(pc.core.db())) !== Number(version)) throw new Error(`push: ${report.pulled} pulled back, cursor not at ${version}`);

    const sqlite = pc.core.sqlite();
    const plain = new Database(path.join(plainDir, `push-${run}.db`));
    scope.defer(() => plain.close());
    const columns = Object.keys(sqlite.prepare('SELECT * FROM households LIMIT 1').get() as Record<string, unknown>);
    plain.exec(`CREATE TABLE households (${columns.map((c) => `"${c}"${c === 'id' ? ' TEXT PRIMARY KEY' : ''}`).join(', ')})`);
    const insert = plain.prepare(`INSERT INTO households (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`);
    store = plain.transaction((rows: Record<string, unknown>[]) => {
      for (const row of rows) insert.run(row);
    });
    const t2 = performance.now();
    const rows = sqlite.prepare('SELECT * FROM households').all();
    const answer = (await requestJson(url, { method: 'POST', path: '/push', body: rows })) as { received: number };
    rawTimes.push(performance.now() - t2);
    if (answer.received !== PUSH_ROWS || (plain.prepare('SELECT count(*) AS n FROM households').get() as { n: number }).n !== PUSH_ROWS) throw new Error(`baseline push: ${answer.received} received`);
    store = null;
    plain.close();
    const t3 = performance.now();
    await requestJson(fetchOnlyUrl, { method: 'POST', path: '/push', body: sqlite.prepare('SELECT * FROM households').all() });
    fetchOnlyTimes.push(performance.now() - t3);
    await pc.close();
  }
  const best = syncTimes.indexOf(Math.min(...syncTimes));
  const figure = syncTimes[best]!;
  const baseline = Math.min(...rawTimes);
  const fetchOnly = Math.min(...fetchOnlyTimes);
  console.log(
    `sync bench: of the best push round (${ms(figure)}), ${ms(split[best]!.push)} waiting on ${split[best]!.pushes} POST /v1/sync/push, ${ms(split[best]!.pull)} on ${split[best]!.pulls} GET /v1/sync/pull (its own ${PUSH_ROWS} rows are not fetched back), ${ms(checkpointTimes[best]!)} checkpointing the WAL pages the round wrote, the rest local.`,
  );
  console.log(`sync bench: the push baseline without head office storing the rows (the baseline before 2026-12-03): ${ms(fetchOnly)}, ${ratio(figure, fetchOnly)}.`);
  return {
    measurement: `push 1000 queued mutations (syncOnce and its WAL checkpoint vs 1 SELECT POSTed as 1 JSON body, stored by 1 prepared INSERT a row in plain SQLite)`,
    figure: ms(figure),
    baseline: ms(baseline),
    ratio: ratio(figure, baseline),
  };
}

/** 3. Head office on PostgreSQL under a fleet of simulated devices (see sync-fleet.ts). */
async function fleet(scope: Scope): Promise<BenchRow[]> {
  const pg = await startPostgres();
  if (!pg) {
    console.log('sync bench: PostgreSQL is not installed; skipped the head-office fleet rows.');
    return [];
  }
  scope.defer(() => pg.stop());
  const now = new Date().toISOString();
  return fleetBench(scope, pg.url, (id, locationId, i) => ({ ...household(id, locationId, i, now) }));
}

/** All three rows; `pcOnly` (section `sync-pc`) skips the slow fleet rows, for iterating on the PC's pull and push. */
export async function syncBench(pcOnly = false): Promise<BenchRow[]> {
  const scope = new Scope();
  try {
    const rows: BenchRow[] = [];
    const ho = await startService(scope);
    rows.push(await initialPull(scope, ho));
    rows.push(await pushOutbox(scope, ho));
    if (!pcOnly) rows.push(...(await fleet(scope)));
    return rows;
  } finally {
    await scope.close();
  }
}
