/**
 * Bench: search over 10,000 children and 20,000 parents, the API method vs the raw statement.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createBackend } from '../../electron/backend';
import { searchKey } from '../../shared/domain/names';
import { ms, percentile, type BenchRow } from './report';

/** Search over 10,000 children and 20,000 parents: the API method vs the same SQL as a raw statement. */
export async function searchBench(): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kop-bench-search-'));
  const rows: BenchRow[] = [];
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
  for (const [label, p] of [['median', 50], ['p95', 95]] as const) {
    rows.push({
      measurement: `search 10k children + 20k parents, ${label} per query (API vs raw statement)`,
      figure: ms(percentile(apiTimes, p)),
      baseline: ms(percentile(rawTimes, p)),
      ratio: `${(percentile(apiTimes, p) / percentile(rawTimes, p)).toFixed(2)}×`,
    });
  }
  await backend.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return rows;
}

