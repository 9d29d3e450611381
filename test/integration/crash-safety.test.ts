import { spawn } from 'node:child_process';
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { openEncryptedDatabase } from '../../electron/backend/db/open';
import { SYNCED_ENTITIES } from '../../shared/sync/protocol';
import { PRIMARY_KEY } from '../../electron/backend/sync/outbox';
import { MANAGER, ROOT, makeBackend, setUpLocation, tempDir } from '../helpers/backend';

const RUNS = 200;

/**
 * The writer as one CommonJS file with its libraries inside (only the native SQLite module stays
 * outside): it starts several times faster than through tsx, which matters 200 times over.
 */
async function bundleWriter(dir: string): Promise<string> {
  const outfile = path.join(dir, 'crash-writer.cjs');
  await build({ entryPoints: [path.join(ROOT, 'test', 'helpers', 'crash-writer.ts')], outfile, bundle: true, platform: 'node', format: 'cjs', external: ['better-sqlite3-multiple-ciphers'], logLevel: 'error' });
  return outfile;
}

/**
 * Starts the writer and kills it with SIGKILL `delayMs` after it is logged in (`afterReady`) or
 * after it was started (during start-up, WAL recovery and login). Returns the acknowledged ids.
 */
function runAndKill(writer: string, dataDir: string, delayMs: number, from: 'start' | 'afterReady'): Promise<{ acked: string[]; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [writer, dataDir, MANAGER.username, MANAGER.password], { env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules') } });
    const acked: string[] = [];
    let buffered = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith('ack ')) acked.push(line.slice(4));
        if (line === 'ready' && from === 'afterReady') timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let timer = from === 'start' ? setTimeout(() => child.kill('SIGKILL'), delayMs) : undefined;
    child.on('exit', () => {
      clearTimeout(timer);
      resolve({ acked, stderr });
    });
  });
}

describe('crash safety', () => {
  it(`keeps every acknowledged commit and nothing half-written over ${RUNS} SIGKILLs`, { timeout: 1_200_000 }, async () => {
    // A cheap password hash: the writer logs in 200 times, and the KDF is not what is tested here.
    const setup = makeBackend(undefined, { kdf: { N: 2 ** 10, r: 8, p: 1 } });
    await setUpLocation(setup);
    const key = Buffer.from(setup.core.dbKey());
    await setup.close();
    const writer = await bundleWriter(tempDir('kop-crash-'));
    const acknowledged: string[] = [];
    let killedMidWrite = 0;

    const started = Date.now();
    for (let run = 0; run < RUNS; run++) {
      // Random moments: mostly in the middle of the write loop, every tenth run while starting up.
      const duringStart = run % 10 === 9;
      const { acked, stderr } = await runAndKill(writer, setup.dataDir, Math.floor(Math.random() * (duringStart ? 400 : 300)), duringStart ? 'start' : 'afterReady');
      expect(stderr, `run ${run}`).toBe('');
      acknowledged.push(...acked);
      if (acked.length > 0) killedMidWrite++;

      const sqlite = openEncryptedDatabase(setup.core.dbFile, key);
      try {
        expect(sqlite.pragma('integrity_check'), `run ${run}`).toEqual([{ integrity_check: 'ok' }]);
        const present = new Set((sqlite.prepare('SELECT id FROM households').pluck().all() as string[]));
        const missing = acknowledged.filter((id) => !present.has(id));
        expect(missing, `run ${run}: acknowledged but lost`).toEqual([]);
        // Every queued upsert refers to a row that exists: outbox row and record commit together.
        for (const entity of SYNCED_ENTITIES) {
          const orphans = sqlite
            .prepare(`SELECT count(*) FROM outbox o WHERE o.entity = ? AND o.op = 'upsert' AND NOT EXISTS (SELECT 1 FROM ${entity} t WHERE t.${PRIMARY_KEY[entity]} = o.entity_id)`)
            .pluck()
            .get(entity);
          expect(orphans, `run ${run}: ${entity}`).toBe(0);
        }
      } finally {
        sqlite.close();
      }
    }
    console.log(`crash safety: ${RUNS} kills in ${Math.round((Date.now() - started) / 1000)} s, ${killedMidWrite} during the write loop, ${acknowledged.length} acknowledged commits all present`);
    // Most kills land after at least one commit (the first one, with its page cache cold, takes longest).
    expect(killedMidWrite).toBeGreaterThan(RUNS / 4);
  });
});
