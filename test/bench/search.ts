/**
 * Bench: search over 10,000 children and 20,000 parents, the API method vs the raw statement.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createBackend } from '../../electron/backend';
import { ms, percentile, type BenchRow } from './report';
import { seedHouseholds } from './seed';

/** Search over 10,000 children and 20,000 parents: the API method vs the same SQL as a raw statement. */
export async function searchBench(): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kop-bench-search-'));
  const rows: BenchRow[] = [];
  const backend = createBackend({ dataDir: path.join(dir, 'search'), resourcesDir: path.join(__dirname, '../../resources') }, { error: () => {} });
  await seedHouseholds(backend, 10_000);

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
    `SELECT children.id, children.household_id, children.first_name, children.surname_prefix, children.surname, children.birth_date, groups.name AS group_name, households.postcode
     FROM children INNER JOIN households ON households.id = children.household_id LEFT JOIN groups ON groups.id = children.group_id WHERE children.search_name LIKE ? ESCAPE '\\' ORDER BY children.surname, children.first_name LIMIT 20`,
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

