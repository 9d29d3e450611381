import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { afterEach, expect } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract';
import type { ApiError } from '../../shared/api/result';
import type { Transport } from '../../electron/backend/sync/sync.engine';
import type { ScryptParams } from '../../electron/backend/db/keyring';

export const ROOT = path.resolve(__dirname, '../..');
/** Cheaper scrypt for tests that log in many times; one test checks the production default. */
const TEST_KDF = { N: 2 ** 14, r: 8, p: 1 };

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

export function tempDir(prefix = 'kop-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export interface TestBackend extends Backend {
  dataDir: string;
  /** Calls a method and returns its value; fails the test on an error envelope. */
  ok<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  /** Calls a method that must fail and returns its error. */
  err<M extends MethodName>(method: M, input: unknown): Promise<ApiError>;
}

export function makeBackend(dataDir = tempDir(), options: { now?: () => Date; syncTransport?: Transport; backgroundBackups?: boolean; kdf?: ScryptParams } = {}): TestBackend {
  // Tests drive sync rounds and daily backups themselves, so no background timers.
  const backend = createBackend({ dataDir, resourcesDir: path.join(ROOT, 'resources'), kdf: TEST_KDF, backgroundSync: false, backgroundBackups: false, ...options }, { error: () => {} });
  cleanups.push(() => backend.close());
  return Object.assign(backend, {
    dataDir,
    async ok<M extends MethodName>(method: M, input: MethodInput<M>) {
      const result = await backend.call(method, input);
      if (!result.ok) expect.fail(`${method} failed: ${result.error.code} ${result.error.message} ${JSON.stringify(result.error.details ?? {})}`);
      return result.value as MethodOutput<M>;
    },
    async err(method: MethodName, input: unknown) {
      const result = await backend.call(method, input);
      if (result.ok) expect.fail(`${method} should have failed`);
      return result.error;
    },
  });
}

export const MANAGER = { name: 'Anna de Vries', username: 'anna', password: 'Zonnebloem-Tafel-42' };
export const LOCATION = { name: 'Kindercentrum De Vlinder', address: 'Sportlaan 1, 4131 NN Vianen', lrkNumber: '123456789' };

export async function setUpLocation(backend: TestBackend) {
  return backend.ok('setup.create', { location: LOCATION, manager: MANAGER });
}

export function sha256File(file: string): string {
  return fs.existsSync(file) ? createHash('sha256').update(fs.readFileSync(file)).digest('hex') : 'absent';
}

/** Hashes of every file in the data dir, to prove that an action changed nothing on disk. */
export function snapshotDir(dir: string): Record<string, string> {
  return Object.fromEntries(fs.readdirSync(dir).sort().map((name) => [name, sha256File(path.join(dir, name))]));
}
