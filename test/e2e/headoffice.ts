import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { newSyncKey } from '../../electron/backend/sync/seal';
import { unwrapKey, wrapKey, type WrappedKey } from '../../electron/backend/sync/transfer';
import type { Page } from '@playwright/test';
import { field } from './app';
import { expect } from './fixtures';

/** The privacy officer of the console tests (a long name, as the screens must show it). */
export const PRIVACY_OFFICER = { username: 'privacy', name: 'Jasmijn Kortenhoeven-van der Meulen', role: 'privacy_officer' as const, password: 'Register-Bijhouden-2026' };

/** Logs in on the privacy console of the head office at `url`, as a user does. */
export async function consoleLogin(page: Page, url: string, user: { username: string; password: string } = PRIVACY_OFFICER) {
  await page.goto(`${url}/console/`);
  await field(page, 'Gebruikersnaam').fill(user.username);
  await field(page, 'Wachtwoord').fill(user.password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
}

/** The head-office service as IT runs it, for E2E tests: a real process on 127.0.0.1 with its CLI. */

const ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => { resolve(port); });
    });
  });
}

export class HeadOffice {
  private child: ChildProcess | null = null;
  private log = '';

  private constructor(
    readonly dataDir: string,
    readonly port: number,
  ) {}

  static async create(): Promise<HeadOffice> {
    return new HeadOffice(fs.mkdtempSync(path.join(os.tmpdir(), 'kop-ho-e2e-')), await freePort());
  }

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  /** `npm run headoffice -- --data-dir DIR --port PORT`; resolves once /health answers. */
  async start(): Promise<void> {
    const child = spawn(TSX, ['headoffice/main.ts', '--data-dir', this.dataDir, '--port', String(this.port)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: process.env,
    });
    this.child = child;
    child.stdout!.on('data', (chunk: Buffer) => (this.log += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (this.log += chunk.toString()));
    let exited = false;
    child.on('exit', () => { exited = true; });
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (exited) throw new Error(`head office exited:\n${this.log}`);
      try {
        const response = await fetch(`${this.url}/health`);
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`head office did not answer /health:\n${this.log}`);
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    // A graceful close waits for open connections; a test must not hang on it.
    const forced = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(forced);
  }

  /** `npm run headoffice:cli -- --data-dir DIR …` (a second process on the same SQLite file). */
  cli(...args: string[]): string {
    return execFileSync(TSX, ['headoffice/cli.ts', '--data-dir', this.dataDir, ...args], { cwd: ROOT }).toString();
  }

  /** `create-console-user`, the password typed on its standard input as IT would. */
  createConsoleUser(user: { username: string; name: string; role: 'privacy_officer' | 'fg' | 'it'; password: string }): void {
    execFileSync(TSX, ['headoffice/cli.ts', '--data-dir', this.dataDir, 'create-console-user', '--username', user.username, '--name', user.name, '--role', user.role], {
      cwd: ROOT,
      input: `${user.password}\n`,
    });
  }

  createLocation(name: string): string {
    const id = /id: (\S+)/.exec(this.cli('create-location', '--name', name))?.[1];
    if (!id) throw new Error('no location id in CLI output');
    return id;
  }

  issueCode(locationId: string): string {
    const code = /Koppelcode voor .+: (\S+)/.exec(this.cli('issue-code', '--location', locationId))?.[1];
    if (!code) throw new Error('no code in CLI output');
    return code;
  }

  /** Head office's own database, opened read-only. */
  record(entity: string, entityId: string): { version: number; deleted: number; payload: string | null } | undefined {
    const db = new Database(path.join(this.dataDir, 'hoofdkantoor.db'), { readonly: true, fileMustExist: true });
    try {
      return db.prepare('SELECT version, deleted, payload FROM records WHERE entity = ? AND entity_id = ?').get(entity, entityId) as
        | { version: number; deleted: number; payload: string | null }
        | undefined;
    } finally {
      db.close();
    }
  }

  /** The escrow fingerprints a location's key is wrapped to, and its herstelsleutel wraps (head office's own database, read-only). */
  keyRows(locationId: string): { escrow: string[]; recoveryWraps: number } {
    const db = new Database(path.join(this.dataDir, 'hoofdkantoor.db'), { readonly: true, fileMustExist: true });
    try {
      const escrow = (db.prepare('SELECT fingerprint FROM key_escrow WHERE location_id = ? ORDER BY created_at').all(locationId) as { fingerprint: string }[]).map((r) => r.fingerprint);
      const wraps = db.prepare('SELECT count(*) AS n FROM key_recovery_wraps WHERE location_id = ?').get(locationId) as { n: number };
      return { escrow, recoveryWraps: wraps.n };
    } finally {
      db.close();
    }
  }

  /** A second PC of the location, speaking the sync protocol directly. */
  async enrolDevice(code: string): Promise<{
    deviceId: string;
    push: (mutation: Record<string, unknown>) => Promise<unknown>;
    receiveKey: (transferCode: string, locationId: string) => Promise<{ keyId: string; key: Buffer }>;
    createKeyWithRecoveryWrap: (recoveryKey: string, locationId: string) => Promise<{ keyId: string; key: Buffer }>;
  }> {
    const response = await fetch(`${this.url}/v1/enrol`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, deviceName: 'Laptop groep' }),
    });
    expect(response.status).toBe(200);
    const { token, deviceId } = (await response.json()) as { token: string; deviceId: string };
    const post = async (route: string, body: unknown) => {
      const answer = await fetch(`${this.url}${route}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
      expect(answer.status).toBe(200);
      return answer.json() as Promise<unknown>;
    };
    return {
      deviceId,
      push: async (mutation) => {
        const pushed = await fetch(`${this.url}/v1/sync/push`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ mutations: [{ mutationId: randomUUID(), ...mutation }], auditHead: null }),
        });
        expect(pushed.status).toBe(200);
        return ((await pushed.json()) as { results: unknown[] }).results[0];
      },
      /** The location's sync key, from a transfer code shown on the PC (as a second PC receives it). */
      receiveKey: async (transferCode, locationId) => {
        const listed = await fetch(`${this.url}/v1/sync/transfers`, { headers: { authorization: `Bearer ${token}` } });
        const { transfers } = (await listed.json()) as { transfers: { keyId: string; wrapped: WrappedKey }[] };
        for (const t of transfers) {
          const key = await unwrapKey(transferCode, locationId, t.keyId, t.wrapped);
          if (key) return { keyId: t.keyId, key };
        }
        throw new Error('transfer code opened nothing');
      },
      /** As the location's first PC: creates the sync key, claims it, and leaves it wrapped under this PC's herstelsleutel. */
      createKeyWithRecoveryWrap: async (recoveryKey, locationId) => {
        const key = { keyId: randomUUID(), key: newSyncKey() };
        expect(await post('/v1/sync/key', { keyId: key.keyId })).toEqual({ keyId: key.keyId });
        await post('/v1/sync/recovery-wraps', { keyId: key.keyId, wrapped: await wrapKey(recoveryKey, locationId, key, 'recovery') });
        return key;
      },
    };
  }

  async dispose() {
    await this.stop();
    fs.rmSync(this.dataDir, { recursive: true, force: true });
  }
}
