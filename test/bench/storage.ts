/**
 * Bench: the encrypted database against plain SQLite with the same pragmas, same run.
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
import { ms, type BenchRow } from './report';

const ROWS = 10_000;
const BATCH = 100;


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

/** Encrypted vs plain SQLite: inserts, lookups, and the unlock (scrypt + open + migrate). */
export async function storageBench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kop-bench-'));
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

  fs.rmSync(dir, { recursive: true, force: true });
  return rows;
}
