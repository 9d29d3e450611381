/**
 * `npm run bench`: performance figures, each next to a baseline measured in the same run.
 * Not a test: it prints a table and never fails on a number.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3-multiple-ciphers';
import { openEncryptedDatabase, type SqliteDb } from '../../electron/backend/db/open';
import { createKysely, migrateToLatest } from '../../electron/backend/db/kysely';
import { DEFAULT_SCRYPT, Keyring } from '../../electron/backend/db/keyring';
import { createBackend } from '../../electron/backend';
import { searchKey } from '../../shared/domain/names';
import { syncBench } from './sync';

const ROWS = 10_000;
const BATCH = 100;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kop-bench-'));

export interface Row {
  measurement: string;
  figure: string;
  baseline: string;
  ratio: string;
}
const rows: Row[] = [];
const ms = (n: number) => `${n.toFixed(1)} ms`;

function openPlain(file: string): SqliteDb {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('secure_delete = ON');
  db.pragma('temp_store = MEMORY');
  return db;
}

/** 10,000 inserts in transactions of 100, then 10,000 lookups by an indexed column. */
function workload(db: SqliteDb) {
  db.exec('CREATE TABLE person (id TEXT PRIMARY KEY, family_name TEXT NOT NULL, birth_date TEXT NOT NULL, postcode TEXT NOT NULL)');
  db.exec('CREATE INDEX person_postcode ON person(postcode)');
  const insert = db.prepare('INSERT INTO person VALUES (?, ?, ?, ?)');
  const insertBatch = db.transaction((start: number) => {
    for (let i = start; i < start + BATCH; i++) insert.run(`id-${i}`, `Achternaam ${i}`, '2022-05-01', `${1000 + (i % 9000)} AB`);
  });
  let t = performance.now();
  for (let start = 0; start < ROWS; start += BATCH) insertBatch(start);
  const insertMs = performance.now() - t;

  const lookup = db.prepare('SELECT * FROM person WHERE postcode = ?');
  t = performance.now();
  let found = 0;
  for (let i = 0; i < ROWS; i++) found += lookup.all(`${1000 + ((i * 7919) % 9000)} AB`).length;
  const lookupMs = performance.now() - t;
  if (found < ROWS) throw new Error('lookups found too little');
  return { insertMs, lookupMs };
}

function best<T extends Record<string, number>>(runs: number, fn: (i: number) => T): T {
  const results = Array.from({ length: runs }, (_, i) => fn(i));
  const keys = Object.keys(results[0]!) as (keyof T)[];
  return Object.fromEntries(keys.map((k) => [k, Math.min(...results.map((r) => r[k] as number))])) as T;
}

async function main() {
  const encrypted = best(3, (i) => {
    const db = openEncryptedDatabase(path.join(dir, `enc-${i}.db`), randomBytes(32));
    const r = workload(db);
    db.close();
    return r;
  });
  const plain = best(3, (i) => {
    const db = openPlain(path.join(dir, `plain-${i}.db`));
    const r = workload(db);
    db.close();
    return r;
  });
  rows.push({
    measurement: `${ROWS} inserts, transactions of ${BATCH} (encrypted vs plain SQLite)`,
    figure: ms(encrypted.insertMs),
    baseline: ms(plain.insertMs),
    ratio: `${(encrypted.insertMs / plain.insertMs).toFixed(2)}×`,
  });
  rows.push({
    measurement: `${ROWS} indexed lookups (encrypted vs plain SQLite)`,
    figure: ms(encrypted.lookupMs),
    baseline: ms(plain.lookupMs),
    ratio: `${(encrypted.lookupMs / plain.lookupMs).toFixed(2)}×`,
  });

  // Unlock = scrypt (production cost) + open with the key + migrate; baseline = open plain SQLite + migrate.
  const dbKey = randomBytes(32);
  const unlockDir = path.join(dir, 'unlock');
  fs.mkdirSync(unlockDir);
  const keyringFile = path.join(unlockDir, 'sleutels.json');
  await Keyring.create(keyringFile, { dbKey, locationName: 'Bench', user: { id: 'u', username: 'bench', password: 'Bench-Wachtzin-123' }, protector: null });
  const unlock = await (async () => {
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      const keyring = Keyring.load(keyringFile, null, DEFAULT_SCRYPT);
      const unlocked = await keyring.unlockWithPassword('bench', 'Bench-Wachtzin-123');
      const db = createKysely(openEncryptedDatabase(path.join(unlockDir, `u-${i}.db`), unlocked!.dbKey));
      await migrateToLatest(db);
      times.push(performance.now() - t);
      await db.destroy();
    }
    return Math.min(...times);
  })();
  const plainOpen = await (async () => {
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      const db = createKysely(openPlain(path.join(unlockDir, `p-${i}.db`)));
      await migrateToLatest(db);
      times.push(performance.now() - t);
      await db.destroy();
    }
    return Math.min(...times);
  })();
  rows.push({
    measurement: `unlock: scrypt N=2^${Math.log2(DEFAULT_SCRYPT.N)} + open + migrate (vs plain open + migrate)`,
    figure: ms(unlock),
    baseline: ms(plainOpen),
    ratio: `${(unlock / plainOpen).toFixed(1)}×`,
  });

  await searchBench();
  rows.push(...(await syncBench()));

  const widths = (['measurement', 'figure', 'baseline', 'ratio'] as const).map((k) => Math.max(k.length, ...rows.map((r) => r[k].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(line(['measurement', 'figure', 'baseline', 'ratio']));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of rows) console.log(line([row.measurement, row.figure, row.baseline, row.ratio]));
  console.log(`\nNode ${process.version}, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}; best of 3 runs each.`);
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Search over 10,000 children and 20,000 parents: the API method vs the same SQL as a raw statement. */
async function searchBench() {
  const backend = createBackend({ dataDir: path.join(dir, 'search'), resourcesDir: path.join(__dirname, '../../resources') }, { error: () => {} });
  const setup = await backend.call('setup.create', {
    location: { name: 'Bench', address: 'Benchstraat 1', lrkNumber: '123456789' },
    manager: { name: 'Meet Manager', username: 'meter', password: 'Snelheid-Wachtzin-123' },
  });
  if (!setup.ok) throw new Error(setup.error.message);
  const db = backend.core.db();
  const now = new Date().toISOString();
  const firstNames = ['Emma', 'Noah', 'Julia', 'Liam', 'Mila', 'Luca', 'Sophie', 'Sem', 'Tess', 'Daan', 'Zoë', 'Finn', 'Nora', 'Levi', 'Saar', 'Mees'];
  const surnames = ['Jansen', 'de Vries', 'van den Berg', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen', 'Dekker'];
  await db.transaction().execute(async (trx) => {
    const location_id = (await trx.selectFrom('location').select('id').executeTakeFirstOrThrow()).id;
    for (let h = 0; h < 10_000; h++) {
      const householdId = `h-${h}`;
      const surname = `${surnames[h % surnames.length]!}${h % 7 === 0 ? '' : h}`;
      await trx.insertInto('households').values({ id: householdId, location_id, street: 'Straat', house_number: String(h), postcode: `${1000 + (h % 9000)} AB`, city: 'Plaats', iban: null, iban_holder: null, created_at: now, updated_at: now, version: null }).execute();
      for (let p = 0; p < 2; p++) {
        const first = firstNames[(h + p * 5) % firstNames.length]!;
        await trx.insertInto('parents').values({ id: `p-${h}-${p}`, location_id, household_id: householdId, first_name: first, initials: null, surname_prefix: null, surname, search_name: searchKey({ firstName: first, surname }), email: null, phone: null, bsn: null, has_parental_authority: 1, is_contract_parent: p === 0 ? 1 : 0, created_at: now, updated_at: now, version: null }).execute();
      }
      const child = firstNames[(h * 3) % firstNames.length]!;
      await trx.insertInto('children').values({ id: `c-${h}`, location_id, household_id: householdId, first_name: child, initials: null, surname_prefix: null, surname, search_name: searchKey({ firstName: child, surname }), birth_date: '2022-01-01', group_name: 'Groep', bsn: null, created_at: now, updated_at: now, version: null }).execute();
    }
  });

  // Single words, so the raw statement is exactly the query the API runs.
  const queries = ['emma', 'jans', 'vries', 'bak', 'zoe', 'berg', '4711', 'mees', 'visser12', 'no'];
  const apiTimes: number[] = [];
  for (let round = 0; round < 20; round++) {
    for (const q of queries) {
      const t = performance.now();
      const result = await backend.call('search.query', { q, limit: 20 });
      apiTimes.push(performance.now() - t);
      if (!result.ok) throw new Error(result.error.message);
    }
  }
  const sqlite = backend.core.sqlite();
  const childStmt = sqlite.prepare(
    `SELECT children.id, children.household_id, children.first_name, children.surname_prefix, children.surname, children.birth_date, children.group_name, households.postcode
     FROM children INNER JOIN households ON households.id = children.household_id WHERE children.search_name LIKE ? ESCAPE '\\' ORDER BY children.surname, children.first_name LIMIT 20`,
  );
  const parentStmt = sqlite.prepare(
    `SELECT parents.id, parents.household_id, parents.first_name, parents.surname_prefix, parents.surname, households.postcode
     FROM parents INNER JOIN households ON households.id = parents.household_id WHERE parents.search_name LIKE ? ESCAPE '\\' ORDER BY parents.surname, parents.first_name LIMIT 20`,
  );
  const rawTimes: number[] = [];
  for (let round = 0; round < 20; round++) {
    for (const q of queries) {
      const pattern = `%${q}%`;
      const t = performance.now();
      childStmt.all(pattern);
      parentStmt.all(pattern);
      rawTimes.push(performance.now() - t);
    }
  }
  const pct = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))]!;
  for (const [label, p] of [['median', 50], ['p95', 95]] as const) {
    rows.push({
      measurement: `search 10k children + 20k parents, ${label} per query (API vs raw statement)`,
      figure: ms(pct(apiTimes, p)),
      baseline: ms(pct(rawTimes, p)),
      ratio: `${(pct(apiTimes, p) / pct(rawTimes, p)).toFixed(2)}×`,
    });
  }
  await backend.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
