/**
 * Bench: encrypted backup and verified restore of a 10,000-household database, against copying
 * the same database file with fs.copyFile in the same run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createBackend } from '../../electron/backend';
import { checkDatabaseFile } from '../../electron/backend/db/integrity';
import { backupFolder } from '../../electron/backend/modules/backup/backup.config';
import { backupNow, restoreBackup } from '../../electron/backend/modules/backup/backup.service';
import { ms, ratio, type BenchRow } from './report';
import { BENCH_MANAGER, seedHouseholds } from './seed';

const mbPerS = (bytes: number, millis: number) => `${(bytes / 1024 / 1024 / (millis / 1000)).toFixed(0)} MB/s`;

export async function backupBench(): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kop-bench-backup-'));
  const backend = createBackend({ dataDir: path.join(dir, 'data'), resourcesDir: path.join(__dirname, '../../resources'), backgroundSync: false, backgroundBackups: false }, { error: () => {} });
  try {
    await seedHouseholds(backend, 10_000);
    const { core } = backend;
    core.sqlite().pragma('wal_checkpoint(TRUNCATE)');
    const size = fs.statSync(core.dbFile).size;
    const key = Buffer.from(core.dbKey());

    let t = performance.now();
    fs.copyFileSync(core.dbFile, path.join(dir, 'kopie.db'));
    const copyMs = performance.now() - t;

    t = performance.now();
    const made = await backupNow(core, 'manual');
    const backupMs = performance.now() - t;

    await core.close();
    t = performance.now();
    const problem = checkDatabaseFile(core.dbFile, key, 'quick');
    const checkMs = performance.now() - t;
    if (problem) throw new Error(problem.detail);

    // The restore includes unwrapping the key with the manager's password (production scrypt).
    t = performance.now();
    await restoreBackup(core, { folder: backupFolder(core.options.dataDir).folder, file: made.file, credential: { kind: 'password', ...BENCH_MANAGER } });
    const restoreMs = performance.now() - t;
    key.fill(0);

    const label = `${(size / 1024 / 1024).toFixed(1)} MB database, 10,000 households`;
    return [
      { measurement: `backup: VACUUM INTO + SHA-256 + rotation (${label})`, figure: `${ms(backupMs)} (${mbPerS(size, backupMs)})`, baseline: `fs.copyFile ${ms(copyMs)} (${mbPerS(size, copyMs)})`, ratio: ratio(backupMs, copyMs) },
      { measurement: 'verified restore: scrypt unlock, extract + SHA-256, integrity_check, audit chain, swap, migrate check', figure: `${ms(restoreMs)} (${mbPerS(size, restoreMs)})`, baseline: `fs.copyFile ${ms(copyMs)}`, ratio: ratio(restoreMs, copyMs) },
      { measurement: 'corruption check at every unlock (quick_check, read-only)', figure: ms(checkMs), baseline: `fs.copyFile ${ms(copyMs)}`, ratio: ratio(checkMs, copyMs) },
    ];
  } finally {
    await backend.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
