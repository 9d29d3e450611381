/**
 * The head-office service on PostgreSQL under a fleet of simulated location PCs. The devices are
 * lightweight HTTP clients speaking the sync protocol (enrol with a koppelcode, push batches with
 * an audit head), not full PC backends. The service runs as its own process, started the way IT
 * starts it (`headoffice/main.ts` with DATABASE_URL), so its peak memory can be read; the baseline
 * is a trivial server in its own process. Everything is on 127.0.0.1 and every loop is bounded.
 *
 * SYNC_BENCH_DEVICES sets the fleet size (default 1000, two per location).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { v7 as uuidv7 } from 'uuid';
import { connectHeadOffice } from '../../headoffice/db/connect';
import { createLocation, issueEnrolmentCode } from '../../headoffice/service/sync.service';
import { EnrolResponse, PushResponse, type Mutation } from '../../shared/sync/protocol';
import { freePort } from '../helpers/postgres';
import { ms, percentile, ratio, type BenchRow } from './report';
import { BASELINE_SERVER_FILE } from './sync-fleet-baseline';

const ROOT = path.join(__dirname, '../..');
const DEVICES = Number(process.env.SYNC_BENCH_DEVICES ?? 1000);
const PER_LOCATION = 2; // the PCs of one location share its version counter
const LOCATIONS = Math.ceil(DEVICES / PER_LOCATION);
const BATCH = 20;
/** Paced phase: each device pushes this often, spread evenly, so the fleet offers OFFERED_PER_S. */
const OFFERED_PER_S = 2000;
const INTERVAL_MS = (DEVICES * BATCH * 1000) / OFFERED_PER_S;
const PACED_ROUNDS = 3;
/** Burst phase: every device pushes this many batches back-to-back, all at once. */
const BURST_PUSHES = 3;
const REQUEST_TIMEOUT_MS = 300_000;

export interface Deferrer {
  defer(stop: () => unknown): void;
}

/** A row payload for the simulated devices to push: (entity id, location id, sequence number). */
export type PayloadFn = (id: string, locationId: string, i: number) => Record<string, unknown>;

/** HTTP/1.1 with keep-alive, as a PC keeps its connection between syncs. */
class Client {
  private readonly agent = new http.Agent({ keepAlive: true });

  request(baseUrl: string, method: 'GET' | 'POST', pathname: string, options: { token?: string; body?: unknown } = {}): Promise<{ status: number; json: unknown }> {
    const body = options.body === undefined ? undefined : Buffer.from(JSON.stringify(options.body));
    return new Promise((resolve, reject) => {
      const req = http.request(
        new URL(pathname, baseUrl),
        {
          method,
          agent: this.agent,
          timeout: REQUEST_TIMEOUT_MS,
          headers: {
            accept: 'application/json',
            ...(body ? { 'content-type': 'application/json', 'content-length': String(body.length) } : {}),
            ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            try {
              resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
            } catch (error) {
              reject(error instanceof Error ? error : new Error(String(error)));
            }
          });
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`${method} ${pathname}: time-out`)));
      req.on('error', reject);
      req.end(body);
    });
  }

  close() {
    this.agent.destroy();
  }
}

/** kB from /proc/PID/status: VmRSS now, VmHWM the peak so far. */
function memoryKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`no ${field} for process ${pid}`);
  return Number(match[1]);
}
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;

/** A node process on a free loopback port, ready once GET /health answers 200; stopped by the scope (or earlier by stop()). */
async function startProcess(scope: Deferrer, client: Client, name: string, args: (port: number) => string[], env: Record<string, string>) {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', ...args(port)], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const killed = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
    if (!killed) {
      child.kill('SIGKILL');
      await exited;
    }
  };
  scope.defer(stop);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode}`);
    const health = await client.request(url, 'GET', '/health').catch(() => null);
    if (health?.status === 200) break;
    if (Date.now() > deadline) throw new Error(`${name} did not answer /health within 60 s`);
    await sleep(100);
  }
  if (child.pid === undefined) throw new Error(`${name} has no pid`);
  return { url, pid: child.pid, stop };
}

interface SimDevice {
  token: string;
  locationId: string;
  pushes: number;
}

/** One push of BATCH new rows; resolves to the time from sending to the parsed answer. */
async function push(client: Client, url: string, device: SimDevice, payload: PayloadFn): Promise<number> {
  const b = device.pushes++;
  const mutations = Array.from({ length: BATCH }, (_, m): Mutation => {
    const id = uuidv7();
    return { mutationId: uuidv7(), entity: 'households', entityId: id, op: 'upsert', payload: payload(id, device.locationId, b * BATCH + m), baseVersion: null };
  });
  const body = { mutations, auditHead: { seq: b + 1, hash: randomBytes(32).toString('hex') } };
  const t = performance.now();
  const answer = await client.request(url, 'POST', '/v1/sync/push', { token: device.token, body });
  const elapsed = performance.now() - t;
  if (answer.status !== 200) throw new Error(`push answered HTTP ${answer.status}`);
  const applied = PushResponse.parse(answer.json).results.filter((r) => r.status === 'applied').length;
  if (applied !== BATCH) throw new Error(`push: ${applied} of ${BATCH} applied`);
  return elapsed;
}

/** Warm-up (one push each, not counted), then the paced phase, then the burst phase. */
async function drive(client: Client, url: string, devices: SimDevice[], payload: PayloadFn) {
  await Promise.all(devices.map((d) => push(client, url, d, payload)));

  const latencies: number[] = [];
  const pacedStart = performance.now();
  await Promise.all(
    devices.map(async (device, i) => {
      for (let round = 0; round < PACED_ROUNDS; round++) {
        // A device whose previous push is still out sends late, as a PC would.
        const wait = pacedStart + (round + i / devices.length) * INTERVAL_MS - performance.now();
        if (wait > 0) await sleep(wait);
        latencies.push(await push(client, url, device, payload));
      }
    }),
  );
  const pacedMs = performance.now() - pacedStart;

  const burstStart = performance.now();
  await Promise.all(
    devices.map(async (device) => {
      for (let k = 0; k < BURST_PUSHES; k++) await push(client, url, device, payload);
    }),
  );
  const burstMs = performance.now() - burstStart;
  const perSecond = (pushes: number, elapsedMs: number) => (devices.length * pushes * BATCH) / (elapsedMs / 1000);
  return { p95: percentile(latencies, 95), pacedRate: perSecond(PACED_ROUNDS, pacedMs), burstRate: perSecond(BURST_PUSHES, burstMs) };
}

/** Runs `work` over `items`, at most `width` at a time. */
async function inParallel<T>(items: T[], width: number, work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

export async function fleetBench(scope: Deferrer, databaseUrl: string, payload: PayloadFn): Promise<BenchRow[]> {
  const client = new Client();
  scope.defer(() => client.close());
  const service = await startProcess(scope, client, 'head-office service', (port) => [path.join(ROOT, 'headoffice/main.ts'), '--port', String(port)], { DATABASE_URL: databaseUrl });
  const idleKb = memoryKb(service.pid, 'VmRSS');
  // Set-up as head-office IT does it (locations, koppelcodes) on a connection of its own.
  const { db } = connectHeadOffice({ databaseUrl });
  scope.defer(() => db.destroy());

  const devices: SimDevice[] = [];
  const slots = Array.from({ length: DEVICES }, (_, i) => i);
  const locations: string[] = [];
  for (let l = 0; l < LOCATIONS; l++) locations.push((await createLocation(db, `KDV ${l}`, new Date())).id);
  await inParallel(slots, 16, async (i) => {
    const locationId = locations[Math.floor(i / PER_LOCATION)]!;
    const { code } = await issueEnrolmentCode(db, locationId, new Date());
    const answer = await client.request(service.url, 'POST', '/v1/enrol', { body: { code, deviceName: `Pc ${i}` } });
    if (answer.status !== 200) throw new Error(`enrol answered HTTP ${answer.status}`);
    const enrolled = EnrolResponse.parse(answer.json);
    devices.push({ token: enrolled.token, locationId: enrolled.locationId, pushes: 0 });
  });

  const baselineServer = await startProcess(scope, client, 'baseline server', (port) => [BASELINE_SERVER_FILE, String(port)], {});
  const trivial = await drive(client, baselineServer.url, devices, payload);
  const trivialPeakKb = memoryKb(baselineServer.pid, 'VmHWM');
  await baselineServer.stop();

  const pushedBefore = devices.reduce((n, d) => n + d.pushes, 0);
  const real = await drive(client, service.url, devices, payload);
  const peakKb = memoryKb(service.pid, 'VmHWM');
  await service.stop();

  const expected = (devices.reduce((n, d) => n + d.pushes, 0) - pushedBefore) * BATCH;
  const stored = Number((await db.selectFrom('records').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const versions = Number((await db.selectFrom('locations').select((eb) => eb.fn.sum('version').as('v')).executeTakeFirstOrThrow()).v);
  if (stored !== expected || versions !== expected) throw new Error(`PostgreSQL holds ${stored} records and ${versions} versions; ${expected} were pushed`);

  console.log(
    `sync bench: fleet paced phase achieved ${real.pacedRate.toFixed(0)} mutations/s (trivial server ${trivial.pacedRate.toFixed(0)}) of ${OFFERED_PER_S} offered; trivial server peak RSS ${mb(trivialPeakKb)}.`,
  );
  const label = `PostgreSQL head office, ${DEVICES} simulated devices (protocol HTTP clients, not PC backends) in ${LOCATIONS} locations`;
  return [
    {
      measurement: `${label}: mutations/s, all pushing ${BURST_PUSHES}×${BATCH} back-to-back (service vs trivial server)`,
      figure: `${real.burstRate.toFixed(0)} /s`,
      baseline: `${trivial.burstRate.toFixed(0)} /s`,
      ratio: ratio(real.burstRate, trivial.burstRate),
    },
    {
      measurement: `${label}: p95 per push of ${BATCH} at ${OFFERED_PER_S}/s offered, each every ${(INTERVAL_MS / 1000).toFixed(0)} s (service vs trivial server)`,
      figure: ms(real.p95),
      baseline: ms(trivial.p95),
      ratio: ratio(real.p95, trivial.p95),
    },
    {
      measurement: `${label}: service peak RSS (vs the same process idle after start)`,
      figure: mb(peakKb),
      baseline: mb(idleKb),
      ratio: ratio(peakKb, idleKb),
    },
  ];
}
