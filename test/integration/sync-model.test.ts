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
 * and head office holds them only sealed.
 */
type Network = 'ok' | 'down' | 'dropAnswer' | 'twice';
type Action =
  | { kind: 'create'; pc: number; city: string }
  | { kind: 'edit'; pc: number; slot: number; city: string }
  | { kind: 'sync'; pc: number; network: Network }
  | { kind: 'restart'; pc: number }
  | { kind: 'signal'; pc: number }
  | { kind: 'revoke' };

const city = fc.constantFrom('Vianen', 'Utrecht', 'Gouda', 'Zwolle', 'Breda', 'Delft');
function actions(pcCount: number, sealed: boolean): fc.Arbitrary<Action> {
  const pc = fc.integer({ min: 0, max: pcCount - 1 });
  const plain: fc.Arbitrary<Action>[] = [
    fc.record({ kind: fc.constant('create' as const), pc, city }),
    fc.record({ kind: fc.constant('edit' as const), pc, slot: fc.nat(20), city }),
    fc.record({ kind: fc.constant('sync' as const), pc, network: fc.constantFrom<Network>('ok', 'down', 'dropAnswer', 'twice') }),
    fc.record({ kind: fc.constant('restart' as const), pc }),
  ];
  return sealed ? fc.oneof(...plain, fc.record({ kind: fc.constant('signal' as const), pc }), fc.constant<Action>({ kind: 'revoke' })) : fc.oneof(...plain);
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

const signals = (pc: TestBackend) =>
  (pc.core.sqlite().prepare("SELECT payload FROM meldcode_entries WHERE kind = 'signal'").all() as { payload: string }[]).map((r) => (JSON.parse(r.payload) as { observation: string }).observation).sort();

const households = (pc: TestBackend) =>
  pc.core
    .sqlite()
    .prepare('SELECT id, street, house_number, postcode, city, iban, version FROM households ORDER BY id')
    .all() as { id: string; city: string; version: number | null }[];

let ho: RunningHeadOffice;
beforeAll(async () => {
  ho = await startHeadOffice();
});
afterAll(async () => ho?.close());

const healthy = (pc: TestBackend) => syncOnce(pc.core, (w) => w());

describe('sync model', () => {
  for (const { pcCount, sealed } of [
    { pcCount: 2, sealed: false },
    { pcCount: 3, sealed: true },
  ]) {
    it(`converges on ${pcCount} PCs and head office with nothing lost${sealed ? ', with sealed meldcode signals and key rotations' : ''}`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(actions(pcCount, sealed), { minLength: 1, maxLength: 25 }), async (script) => {
          const location = await ho.newLocation('Model');
          const dirs = Array.from({ length: pcCount }, () => tempDir());
          const pcs: TestBackend[] = [];
          for (const dir of dirs) {
            const pc = makeBackend(dir);
            await setUpLocation(pc);
            await pc.ok('sync.enrol', { serverUrl: ho.url, code: await location.code(), deviceName: 'pc', caCertPem: null });
            pcs.push(pc);
          }
          // Sealed: every PC has the key, and a child with an open meldcode case is on every PC.
          let caseId = '';
          let firstKeyId: string | null = null;
          const today = pcs[0]!.core.today();
          if (sealed) {
            for (const pc of pcs.slice(1)) await giveKey(pcs[0]!, pc);
            const household = await pcs[0]!.ok('households.create', HOUSEHOLD);
            const child = await pcs[0]!.ok('children.create', { householdId: household.id, firstName: 'Mees', initials: 'M.', surnamePrefix: null, surname: 'Model', birthDate: '2023-02-01', groupId: await groupId(pcs[0]!, 'Rupsjes'), bsn: null });
            caseId = (await pcs[0]!.ok('meldcode.open', { route: 'huiselijk', childId: child.id, openedOn: today })).id;
            firstKeyId = (await pcs[0]!.ok('sync.status', {})).syncKeyId;
            for (const pc of pcs) await healthy(pc);
          }
          const created = new Set<string>(households(pcs[0]!).map((h) => h.id));
          const written: string[] = [];
          for (const a of script) {
            if (a.kind === 'revoke') {
              // Another device of the location is revoked: the key rotates at the next PC that syncs.
              const other = await enrolDevice(ho.db, await location.code(), 'weg', new Date());
              await revokeDevice(ho.db, other!.deviceId, new Date());
              continue;
            }
            const pc = pcs[a.pc]!;
            if (a.kind === 'create') {
              created.add((await pc.ok('households.create', { ...HOUSEHOLD, city: a.city })).id);
            } else if (a.kind === 'edit') {
              const rows = households(pc);
              const target = rows[a.slot % Math.max(1, rows.length)];
              if (!target) continue;
              const current = await pc.ok('households.get', { id: target.id });
              await pc.ok('households.update', {
                id: target.id,
                ...HOUSEHOLD,
                city: a.city,
                parents: current.parents.map((p) => ({ ...HOUSEHOLD.parents[0]!, id: p.id, isContractParent: p.isContractParent, bsn: null })),
              });
            } else if (a.kind === 'signal') {
              const observation = `Modelsignaal ${written.length} QX77`;
              await pc.ok('meldcode.addEntry', { caseId, kind: 'signal', occurredOn: today, payload: { observation, observedBy: 'Bert Jansen' } });
              written.push(observation);
            } else if (a.kind === 'sync') {
              await syncOnce(pc.core, (w) => w(), transportFor(a.network)).catch(() => undefined);
            } else {
              await pc.close();
              const again = makeBackend(dirs[a.pc]);
              await again.ok('auth.login', MANAGER);
              pcs[a.pc] = again;
            }
          }
          // Healthy network: a few rounds until every outbox is empty.
          for (let round = 0; round < 3; round++) for (const pc of pcs) await healthy(pc);
          const [one, ...others] = pcs.map(households);
          for (const other of others) expect(other).toEqual(one);
          expect(new Set(one!.map((h) => h.id))).toEqual(created);
          const server = await ho.db.selectFrom('records').select(['entity_id', 'payload', 'version']).where('entity', '=', 'households').where('location_id', '=', location.id).execute();
          expect(new Set(server.map((r) => r.entity_id))).toEqual(created);
          for (const h of one!) {
            const record = server.find((r) => r.entity_id === h.id)!;
            expect(JSON.parse(record.payload!).city).toBe(h.city);
            expect(Number(record.version)).toBe(h.version);
          }
          if (sealed) {
            // Every signal once on every PC; at head office only sealed, all PCs on the same key.
            for (const pc of pcs) expect(signals(pc)).toEqual([...written].sort());
            const entries = await ho.db.selectFrom('records').select('payload').where('entity', '=', 'meldcode_entries').where('location_id', '=', location.id).execute();
            expect(entries).toHaveLength(written.length);
            for (const e of entries) expect(e.payload).not.toContain('QX77');
            const keyIds = await Promise.all(pcs.map(async (pc) => (await pc.ok('sync.status', {})).syncKeyId));
            expect(new Set(keyIds).size).toBe(1);
            if (script.some((a) => a.kind === 'revoke')) expect(keyIds[0]).not.toBe(firstKeyId);
            for (const pc of pcs) expect((await pc.ok('sync.status', {})).sealedWaiting).toBe(0);
          }
          for (const pc of pcs) expect((pc.core.sqlite().prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n).toBe(0);
          for (const pc of pcs) await pc.close();
        }),
        { numRuns: sealed ? 8 : 12 },
      );
    }, 300_000);
  }
});
