import { setImmediate as tick } from 'node:timers/promises';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestJson } from '../../electron/backend/sync/http';
import { syncOnce, type Transport } from '../../electron/backend/sync/sync.engine';
import { makeBackend, MANAGER, setUpLocation, tempDir, type TestBackend } from '../helpers/backend';
import { HOUSEHOLD, groupId } from '../helpers/clients';
import { giveKey, startHeadOffice, type RunningHeadOffice } from '../helpers/headoffice';
import { enrolDevice, revokeDevice } from '../../headoffice/service/sync.service';

/**
 * Model test: random local edits on two PCs, pushes that fail, lose their answer or arrive twice,
 * pulls and restarts. Afterwards, once the network is healthy, both PCs and head office must hold
 * identical data, and every household ever created must still exist.
 *
 * Sealed (issue 15): the same with three PCs of one location that also write meldcode signals
 * (sealed under the location's sync key) and with revokes of another device of the location in
 * between, so the key rotates while answers are lost or doubled; every PC reads every signal,
 * and head office holds them only sealed. One PC also edits the child's medical data (sealed and
 * conflict-checked), several times between rounds: its own edits never conflict with each other.
 *
 * Reordered (issue 15 part 4): the three PCs sync at the same time through a network that delivers
 * their requests in a seeded random order, holds requests on the wire and delivers them (again)
 * after later ones, and answers a pull with an earlier pull's answer — while the managers keep
 * working between a round's push and its pull.
 */

// ---------------------------------------------------------------------------------------------
// One location with its PCs, and what the model did there (shared by both kinds of schedule).

interface World {
  location: { id: string; code: () => Promise<string> };
  dirs: string[];
  pcs: TestBackend[];
  sealed: boolean;
  caseId: string;
  childId: string;
  /** The medical data as last written (allergies), by the one PC that edits them. */
  allergies: string | null;
  medicalEdits: number;
  firstKeyId: string | null;
  today: string;
  /** Every household ever created: none may be lost. */
  created: Set<string>;
  /** Every signal observation written: each must arrive exactly once on every PC. */
  written: string[];
  revoked: boolean;
  /** Head office's version of the location at the last revoke: what came after rests under the new key only. */
  revokedAtVersion: number;
}

const signals = (pc: TestBackend) =>
  (pc.core.sqlite().prepare("SELECT payload FROM meldcode_entries WHERE kind = 'signal'").all() as { payload: string }[]).map((r) => (JSON.parse(r.payload) as { observation: string }).observation).sort();

const households = (pc: TestBackend) =>
  pc.core
    .sqlite()
    .prepare('SELECT id, street, house_number, postcode, city, iban, version FROM households ORDER BY id')
    .all() as { id: string; city: string; version: number | null }[];

/** In every sealed text, to look for at head office; with a space, which base64 ciphertext never holds (plain QX77 it does, once in a while). */
const CLEAR = ' QX77';

const count = (pc: TestBackend, table: 'outbox' | 'sync_conflicts') => (pc.core.sqlite().prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

let ho: RunningHeadOffice;
beforeAll(async () => {
  ho = await startHeadOffice();
});
afterAll(async () => ho?.close());

const healthy = (pc: TestBackend) => syncOnce(pc.core, (w) => w());

async function newWorld(pcCount: number, sealed: boolean): Promise<World> {
  const location = await ho.newLocation('Model');
  const dirs = Array.from({ length: pcCount }, () => tempDir());
  const pcs: TestBackend[] = [];
  for (const dir of dirs) {
    const pc = makeBackend(dir);
    await setUpLocation(pc);
    await pc.ok('sync.enrol', { serverUrl: ho.url, code: await location.code(), deviceName: 'pc', caCertPem: null });
    pcs.push(pc);
  }
  const world: World = { location, dirs, pcs, sealed, caseId: '', childId: '', allergies: null, medicalEdits: 0, firstKeyId: null, today: pcs[0]!.core.today(), created: new Set(), written: [], revoked: false, revokedAtVersion: 0 };
  // Sealed: every PC has the key, and a child with an open meldcode case is on every PC.
  if (sealed) {
    for (const pc of pcs.slice(1)) await giveKey(pcs[0]!, pc);
    const household = await pcs[0]!.ok('households.create', HOUSEHOLD);
    const child = await pcs[0]!.ok('children.create', { householdId: household.id, firstName: 'Mees', initials: 'M.', surnamePrefix: null, surname: 'Model', birthDate: '2023-02-01', groupId: await groupId(pcs[0]!, 'Rupsjes'), bsn: null });
    world.childId = child.id;
    world.caseId = (await pcs[0]!.ok('meldcode.open', { route: 'huiselijk', childId: child.id, openedOn: world.today })).id;
    world.firstKeyId = (await pcs[0]!.ok('sync.status', {})).syncKeyId;
    for (const pc of pcs) await healthy(pc);
  }
  for (const h of households(pcs[0]!)) world.created.add(h.id);
  return world;
}

/**
 * A manager's write on one PC: a new household, an edit of the slot-th household it has, a meldcode
 * signal, or (on the first PC only: the same data edited on two PCs unaware of each other is a
 * conflict by design, see sync.test.ts) the child's medical data.
 */
type LocalWrite = { kind: 'create'; city: string } | { kind: 'edit'; slot: number; city: string } | { kind: 'signal' } | { kind: 'medical' };
const MEDICAL_PC = 0;

async function write(world: World, index: number, a: LocalWrite): Promise<void> {
  const pc = world.pcs[index]!;
  if (a.kind === 'create') {
    world.created.add((await pc.ok('households.create', { ...HOUSEHOLD, city: a.city })).id);
  } else if (a.kind === 'edit') {
    const rows = households(pc);
    const target = rows[a.slot % Math.max(1, rows.length)];
    if (!target) return;
    const current = await pc.ok('households.get', { id: target.id });
    await pc.ok('households.update', {
      id: target.id,
      ...HOUSEHOLD,
      city: a.city,
      parents: current.parents.map((p) => ({ ...HOUSEHOLD.parents[0]!, id: p.id, isContractParent: p.isContractParent, bsn: null })),
    });
  } else if (a.kind === 'medical') {
    if (index !== MEDICAL_PC) return;
    world.allergies = `Allergie ${(world.medicalEdits += 1)}${CLEAR}`;
    await pc.ok('medical.update', { childId: world.childId, allergies: world.allergies, diet: null, medication: null, otherParticulars: null });
  } else {
    const observation = `Modelsignaal ${world.written.length}${CLEAR}`;
    await pc.ok('meldcode.addEntry', { caseId: world.caseId, kind: 'signal', occurredOn: world.today, payload: { observation, observedBy: 'Bert Jansen' } });
    world.written.push(observation);
  }
}

/** Another device of the location is revoked: the key rotates at the next PC that syncs. */
async function revokeOther(world: World): Promise<void> {
  const other = await enrolDevice(ho.db, await world.location.code(), 'weg', new Date());
  await revokeDevice(ho.db, other!.deviceId, new Date());
  world.revoked = true;
  world.revokedAtVersion = Number((await ho.db.selectFrom('locations').select('version').where('id', '=', world.location.id).executeTakeFirstOrThrow()).version);
}

async function restart(world: World, index: number): Promise<void> {
  await world.pcs[index]!.close();
  const again = makeBackend(world.dirs[index]);
  await again.ok('auth.login', MANAGER);
  world.pcs[index] = again;
}

/** Once the network is healthy: a few rounds until every outbox is empty, then the invariants. */
async function expectConverged(world: World): Promise<void> {
  for (let round = 0; round < 3; round++) for (const pc of world.pcs) await healthy(pc);
  const { pcs, created, written } = world;
  const [one, ...others] = pcs.map(households);
  for (const other of others) expect(other).toEqual(one);
  expect(new Set(one!.map((h) => h.id))).toEqual(created);
  const server = await ho.db.selectFrom('records').select(['entity_id', 'payload', 'version']).where('entity', '=', 'households').where('location_id', '=', world.location.id).execute();
  expect(new Set(server.map((r) => r.entity_id))).toEqual(created);
  for (const h of one!) {
    const record = server.find((r) => r.entity_id === h.id)!;
    expect(JSON.parse(record.payload!).city).toBe(h.city);
    expect(Number(record.version)).toBe(h.version);
  }
  if (world.sealed) {
    // Every signal once on every PC; at head office only sealed, all PCs on the same key.
    for (const pc of pcs) expect(signals(pc)).toEqual([...written].sort());
    const entries = await ho.db.selectFrom('records').select('payload').where('entity', '=', 'meldcode_entries').where('location_id', '=', world.location.id).execute();
    expect(entries).toHaveLength(written.length);
    for (const e of entries) expect(e.payload).not.toContain(CLEAR);
    // The last medical edit everywhere; at head office only sealed.
    for (const pc of pcs) expect((await pc.ok('medical.get', { childId: world.childId })).allergies).toBe(world.allergies);
    const medical = await ho.db.selectFrom('records').select('payload').where('entity', '=', 'child_medical').where('location_id', '=', world.location.id).execute();
    expect(medical).toHaveLength(world.allergies === null ? 0 : 1);
    for (const m of medical) expect(m.payload).not.toContain(CLEAR);
    const keyIds = await Promise.all(pcs.map(async (pc) => (await pc.ok('sync.status', {})).syncKeyId));
    expect(new Set(keyIds).size).toBe(1);
    if (world.revoked) {
      expect(keyIds[0]).not.toBe(world.firstKeyId);
      // Written after the last revoke, even when queued before a PC heard of it: only under the new key.
      const after = await ho.db.selectFrom('records').select(['payload', 'version']).where('location_id', '=', world.location.id).where('entity', 'in', ['child_medical', 'meldcode_cases', 'meldcode_entries']).where('version', '>', world.revokedAtVersion).where('deleted', '=', 0).execute();
      for (const r of after) expect(JSON.parse(r.payload!).$sealed.keyId).toBe(keyIds[0]);
    }
    for (const pc of pcs) expect((await pc.ok('sync.status', {})).sealedWaiting).toBe(0);
  }
  // Households are last-writer-wins, signals are only added and one PC edits the medical data: no conflict.
  for (const pc of pcs) expect(count(pc, 'sync_conflicts')).toBe(0);
  for (const pc of pcs) expect(count(pc, 'outbox')).toBe(0);
}

const closeAll = async (world: World) => {
  for (const pc of world.pcs) await pc.close();
};

// ---------------------------------------------------------------------------------------------
// Sequential schedules (fast-check): one round at a time, each through a faulty network.

type Network = 'ok' | 'down' | 'dropAnswer' | 'twice';
type Action = ({ pc: number } & (LocalWrite | { kind: 'sync'; network: Network } | { kind: 'restart' })) | { kind: 'revoke' };

const city = fc.constantFrom('Vianen', 'Utrecht', 'Gouda', 'Zwolle', 'Breda', 'Delft');
function actions(pcCount: number, sealed: boolean): fc.Arbitrary<Action> {
  const pc = fc.integer({ min: 0, max: pcCount - 1 });
  const plain: fc.Arbitrary<Action>[] = [
    fc.record({ kind: fc.constant('create' as const), pc, city }),
    fc.record({ kind: fc.constant('edit' as const), pc, slot: fc.nat(20), city }),
    fc.record({ kind: fc.constant('sync' as const), pc, network: fc.constantFrom<Network>('ok', 'down', 'dropAnswer', 'twice') }),
    fc.record({ kind: fc.constant('restart' as const), pc }),
  ];
  const sealedOnly: fc.Arbitrary<Action>[] = [fc.record({ kind: fc.constant('signal' as const), pc }), fc.record({ kind: fc.constant('medical' as const), pc: fc.constant(MEDICAL_PC) }), fc.constant<Action>({ kind: 'revoke' })];
  return sealed ? fc.oneof(...plain, ...sealedOnly) : fc.oneof(...plain);
}

function transportFor(network: Network): Transport {
  return async (base, options) => {
    if (network === 'down') throw new Error('offline');
    const answer = await requestJson(base, options);
    if (network === 'twice' && options.method === 'POST') return requestJson(base, options);
    if (network === 'dropAnswer' && options.method === 'POST') throw new Error('antwoord kwijt');
    return answer;
  };
}

describe('sync model', () => {
  for (const { pcCount, sealed } of [
    { pcCount: 2, sealed: false },
    { pcCount: 3, sealed: true },
  ]) {
    it(`converges on ${pcCount} PCs and head office with nothing lost${sealed ? ', with sealed meldcode signals and key rotations' : ''}`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(actions(pcCount, sealed), { minLength: 1, maxLength: 25 }), async (script) => {
          const world = await newWorld(pcCount, sealed);
          for (const a of script) {
            if (a.kind === 'revoke') await revokeOther(world);
            else if (a.kind === 'sync') await syncOnce(world.pcs[a.pc]!.core, (w) => w(), transportFor(a.network)).catch(() => undefined);
            else if (a.kind === 'restart') await restart(world, a.pc);
            else await write(world, a.pc, a);
          }
          await expectConverged(world);
          await closeAll(world);
        }),
        { numRuns: sealed ? 8 : 12 },
      );
    }, 300_000);
  }
});

// ---------------------------------------------------------------------------------------------
// Reordered schedules: the PCs' rounds run at the same time and the network picks, seeded, which
// request goes next and what happens to it. The seed is in the test's name; replay one with
// `SYNC_MODEL_SEEDS=7 npx vitest run test/integration/sync-model.test.ts`, run more with
// `SYNC_MODEL_SEEDS=1-200` (CI runs the fixed seeds below, well within 30 s).

/**
 * Each of these also reaches the rarer cases: a pull answer for an older cursor moving a PC's cursor
 * back (6, 10), signals sealed under a new key pulled before the rotation that carries it (10, 16),
 * delayed pushes arriving after later ones (4) — besides edits made while the round is under way.
 */
const CI_SEEDS = [4, 6, 10, 16];
const STEPS = 90;

/** `SYNC_MODEL_SEEDS`: seeds separated by commas, each a number or a range `from-to`. */
function modelSeeds(value: string | undefined): number[] {
  if (!value?.trim()) return CI_SEEDS;
  return value.split(',').flatMap((part) => {
    const [from, to = from] = part.trim().split('-').map(Number);
    if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || to! < from!) throw new Error(`SYNC_MODEL_SEEDS: "${part}" is no seed or range`);
    return Array.from({ length: to! - from! + 1 }, (_, i) => from! + i);
  });
}

/** mulberry32: a small seeded generator, so a seed gives the same schedule every time. */
function seeded(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const below = (n: number) => Math.floor(next() * n);
  return {
    below,
    pick: <T>(items: readonly T[]): T => items[below(items.length)]!,
    /** One of the choices, each as likely as its weight (0: never). */
    weighted<T>(choices: [T, number][]): T {
      let left = next() * choices.reduce((sum, [, weight]) => sum + weight, 0);
      for (const [choice, weight] of choices) if ((left -= weight) < 0) return choice;
      return choices.findLast(([, weight]) => weight > 0)![0];
    },
  };
}
type Random = ReturnType<typeof seeded>;

/** A request or answer the network lost, held or cut off: the engine sees it as an error. */
class NetworkFault extends Error {}

interface Request {
  base: string;
  options: Parameters<Transport>[1];
}
interface Sent extends Request {
  pc: number;
  answer(value: unknown): void;
  fail(error: Error): void;
}

/**
 * What happens to a request: delivered and answered; delivered with the answer lost; lost on
 * the way; held on the wire (the engine times out, head office gets it later, after requests sent
 * after it); delivered now and again later; or, for a GET, delivered but answered with an earlier
 * answer of the same route (a pull for an older cursor, a rotation list from before a rotation).
 */
type Fate = 'deliver' | 'dropAnswer' | 'lose' | 'hold' | 'twice' | 'replay';
const FATES: [Fate, number][] = [
  ['deliver', 5],
  ['dropAnswer', 1],
  ['lose', 1],
  ['hold', 1],
  ['twice', 1],
  ['replay', 1.5],
];

const pullAfter = (path: string) => Number(new URL(path, 'http://pc').searchParams.get('after') ?? 0);

class ReorderingNetwork {
  /** Requests of every PC, sent and not yet delivered: delivered in any order. */
  readonly sent: Sent[] = [];
  /** Copies still on the wire: they reach head office later; their answers reach no one. */
  readonly late: Request[] = [];
  /** What head office refused (nothing in these schedules should be). */
  readonly refusals: string[] = [];
  /** Each PC's earlier GET answers per route, with the cursor a pull asked after. */
  private readonly earlier = new Map<string, { after: number; answer: unknown }[]>();

  constructor(private readonly random: Random) {}

  transport(pc: number): Transport {
    return (base, options) => new Promise((answer, fail) => this.sent.push({ pc, base, options, answer, fail }));
  }

  private async toHeadOffice(request: Request): Promise<unknown> {
    try {
      return await requestJson(request.base, request.options);
    } catch (error) {
      this.refusals.push(`${request.options.method} ${request.options.path}: ${String(error)}`);
      throw error;
    }
  }

  async deliver(index: number, fate: Fate): Promise<string> {
    const [request] = this.sent.splice(index, 1);
    const { method, path } = request!.options;
    const label = `pc${request!.pc} ${method} ${path.split('&')[0]} ${fate}`;
    if (fate === 'lose') request!.fail(new NetworkFault('verzoek kwijt'));
    if (fate === 'hold') {
      this.late.push(request!);
      request!.fail(new NetworkFault('time-out'));
    }
    if (fate === 'lose' || fate === 'hold') return label;
    let answer: unknown;
    try {
      answer = await this.toHeadOffice(request!);
    } catch (error) {
      request!.fail(error instanceof Error ? error : new Error(String(error)));
      return label;
    }
    if (fate === 'twice') this.late.push(request!);
    if (fate === 'dropAnswer') {
      request!.fail(new NetworkFault('antwoord kwijt'));
      return label;
    }
    if (method === 'GET') {
      const route = `${request!.pc} ${path.split('?')[0]}`;
      const after = pullAfter(path);
      const before = this.earlier.get(route) ?? [];
      this.earlier.set(route, [...before, { after, answer }]);
      // Only an answer to the same or an older cursor: one for a newer cursor answers another question.
      const older = before.filter((b) => b.after <= after);
      if (fate === 'replay' && older.length > 0) answer = this.random.pick(older).answer;
    }
    request!.answer(answer);
    return label;
  }

  async deliverLate(index: number): Promise<string> {
    const [request] = this.late.splice(index, 1);
    await this.toHeadOffice(request!).catch(() => undefined);
    return `late ${request!.options.method} ${request!.options.path.split('&')[0]}`;
  }

  /** The PC stops: what it sent may still be on the wire; its round gets no answer. */
  cut(pc: number): void {
    for (let i = this.sent.length - 1; i >= 0; i--) {
      if (this.sent[i]!.pc !== pc) continue;
      const [request] = this.sent.splice(i, 1);
      if (this.random.below(2) === 0) this.late.push(request!);
      request!.fail(new NetworkFault('pc gestopt'));
    }
  }
}

/** Head office's state of the location: what a late copy must never change. */
const headOfficeState = async (locationId: string) => ({
  location: await ho.db.selectFrom('locations').select(['version', 'sync_key_id', 'key_rotation_due_at']).where('id', '=', locationId).executeTakeFirstOrThrow(),
  records: await ho.db.selectFrom('records').select(['entity', 'entity_id', 'version', 'payload']).where('location_id', '=', locationId).orderBy('version').execute(),
});

async function reorderedSchedule(seed: number, log: string[]): Promise<void> {
  const random = seeded(seed);
  const world = await newWorld(3, true);
  const network = new ReorderingNetwork(random);
  const rounds: (Promise<void> | null)[] = world.pcs.map(() => null);
  const unexpected: string[] = [];
  const startRound = (i: number) => {
    const round = syncOnce(world.pcs[i]!.core, (w) => w(), network.transport(i)).then(
      () => undefined,
      (error: unknown) => {
        if (!(error instanceof NetworkFault)) unexpected.push(`pc${i}: ${String(error)}`);
      },
    );
    rounds[i] = round.finally(() => {
      rounds[i] = null;
    });
  };
  // Until every running round waits on the network or has ended: no database work is half done.
  const quiet = async () => {
    for (let spin = 0; rounds.some((round, i) => round && !network.sent.some((s) => s.pc === i)); spin++) {
      if (spin > 50_000) throw new Error('a sync round neither ends nor waits on the network');
      await tick();
    }
  };
  const cities = ['Vianen', 'Utrecht', 'Gouda', 'Zwolle', 'Breda', 'Delft'] as const;

  for (let step = 0; step < STEPS; step++) {
    await quiet();
    const idle = rounds.flatMap((round, i) => (round ? [] : [i]));
    const kind = random.weighted<'sync' | 'deliver' | 'late' | LocalWrite['kind'] | 'restart' | 'revoke'>([
      ['sync', idle.length > 0 ? 3 : 0],
      ['deliver', network.sent.length > 0 ? 7 : 0],
      ['late', network.late.length > 0 ? 1 : 0],
      ['create', 1.5],
      ['edit', 1.5],
      ['signal', 1.5],
      ['medical', 1.5],
      ['restart', 0.4],
      ['revoke', 0.6],
    ]);
    const pc = kind === 'medical' ? MEDICAL_PC : random.below(world.pcs.length);
    if (kind === 'sync') {
      const i = random.pick(idle);
      startRound(i);
      log.push(`pc${i} starts a round`);
    } else if (kind === 'deliver') {
      const fate = random.weighted(FATES);
      log.push(await network.deliver(random.below(network.sent.length), fate));
    } else if (kind === 'late') {
      log.push(await network.deliverLate(random.below(network.late.length)));
    } else if (kind === 'restart') {
      network.cut(pc);
      await rounds[pc];
      await restart(world, pc);
      log.push(`pc${pc} restarts`);
    } else if (kind === 'revoke') {
      await revokeOther(world);
      log.push('another device revoked');
    } else {
      // Between a round's push and its pull, too: the manager keeps working while the PC syncs.
      const a: LocalWrite = kind === 'signal' || kind === 'medical' ? { kind } : kind === 'edit' ? { kind, slot: random.below(20), city: random.pick(cities) } : { kind, city: random.pick(cities) };
      await write(world, pc, a);
      log.push(`pc${pc} ${kind}${rounds[pc] ? ' during its round' : ''}`);
    }
  }

  // The network heals: what is sent is delivered (still in random order) until every round ended,
  // and some copies still on the wire arrive; the others arrive only after everything converged.
  const afterwards = network.late.splice(0, random.below(network.late.length + 1));
  for (;;) {
    await quiet();
    if (network.sent.length > 0) log.push(await network.deliver(random.below(network.sent.length), 'deliver'));
    else if (network.late.length > 0) log.push(await network.deliverLate(random.below(network.late.length)));
    else break;
  }
  expect(unexpected).toEqual([]);
  await expectConverged(world);

  // Late copies of long-answered requests change nothing at head office, and nothing on the PCs.
  const before = await headOfficeState(world.location.id);
  network.late.push(...afterwards);
  while (network.late.length > 0) log.push(await network.deliverLate(random.below(network.late.length)));
  expect(await headOfficeState(world.location.id)).toEqual(before);
  expect(network.refusals).toEqual([]);
  await expectConverged(world);
  await closeAll(world);
}

describe('sync model, reordered', () => {
  for (const seed of modelSeeds(process.env.SYNC_MODEL_SEEDS)) {
    it(`converges on 3 PCs with sealed signals and rotations, whatever order the network delivers in (seed ${seed})`, async () => {
      const log: string[] = [];
      try {
        await reorderedSchedule(seed, log);
      } catch (error) {
        // The seed replays this schedule exactly; the tail of the log shows how it got there.
        console.error(`sync model seed ${seed} failed; replay: SYNC_MODEL_SEEDS=${seed} npx vitest run test/integration/sync-model.test.ts\n${log.slice(-40).join('\n')}`);
        throw error;
      }
    }, 120_000);
  }
});
