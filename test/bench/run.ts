/**
 * `npm run bench`: performance figures, each next to a baseline measured in the same run.
 * Not a test: it prints a table and never fails on a number.
 *
 * `npm run bench -- sync search` runs only the named sections; `sync-pc` is the sync section without
 * its slow PostgreSQL fleet rows.
 */
import os from 'node:os';
import { printTable, type BenchRow } from './report';
import { storageBench } from './storage';
import { searchBench } from './search';
import { syncBench } from './sync';
import { consentsBench } from './consents';
import { requestsBench } from './requests';
import { renderListBench } from './render-list';
import { backupBench } from './backup';
import { retentionBench } from './retention';

const SECTIONS: Record<string, () => Promise<BenchRow[]>> = {
  storage: storageBench,
  search: searchBench,
  sync: () => syncBench(),
  // The initial pull and the push only (not a part of `npm run bench` without arguments: `sync` has them).
  'sync-pc': () => syncBench(true),
  consents: consentsBench,
  requests: requestsBench,
  'render-list': renderListBench,
  backup: backupBench,
  retention: retentionBench,
};

async function main() {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !(name in SECTIONS));
  if (unknown.length > 0) throw new Error(`unknown bench section(s): ${unknown.join(', ')}; known: ${Object.keys(SECTIONS).join(', ')}`);
  const rows: BenchRow[] = [];
  const loadBefore = os.loadavg()[0]!;
  for (const [name, bench] of Object.entries(SECTIONS)) {
    if (wanted.length > 0 ? !wanted.includes(name) : name === 'sync-pc') continue;
    console.error(`bench: ${name}…`);
    rows.push(...(await bench()));
  }
  printTable(rows);
  // The machine may be shared: the 1-minute load average before and after says how quiet it was.
  console.log(`\nNode ${process.version}, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}; load average ${loadBefore.toFixed(2)} before, ${os.loadavg()[0]!.toFixed(2)} after.`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
