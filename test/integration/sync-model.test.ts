import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestJson } from '../../electron/backend/sync/http';
import { syncOnce, type Transport } from '../../electron/backend/sync/sync.engine';
import { makeBackend, MANAGER, setUpLocation, tempDir, type TestBackend } from '../helpers/backend';
import { HOUSEHOLD } from '../helpers/clients';
import { startHeadOffice, type RunningHeadOffice } from '../helpers/headoffice';

/**
 * Model test: random local edits on two PCs, pushes that fail, lose their answer or arrive twice,
 * pulls and restarts. Afterwards, once the network is healthy, both PCs and head office must hold
 * identical data, and every household ever created must still exist.
 */
type Network = 'ok' | 'down' | 'dropAnswer' | 'twice';
type Action =
  | { kind: 'create'; pc: 0 | 1; city: string }
  | { kind: 'edit'; pc: 0 | 1; slot: number; city: string }
  | { kind: 'sync'; pc: 0 | 1; network: Network }
  | { kind: 'restart'; pc: 0 | 1 };

const pcIndex = fc.constantFrom<0 | 1>(0, 1);
const city = fc.constantFrom('Vianen', 'Utrecht', 'Gouda', 'Zwolle', 'Breda', 'Delft');
const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), pc: pcIndex, city }),
  fc.record({ kind: fc.constant('edit' as const), pc: pcIndex, slot: fc.nat(20), city }),
  fc.record({ kind: fc.constant('sync' as const), pc: pcIndex, network: fc.constantFrom<Network>('ok', 'down', 'dropAnswer', 'twice') }),
  fc.record({ kind: fc.constant('restart' as const), pc: pcIndex }),
);

function transportFor(network: Network): Transport {
  return async (base, options) => {
    if (network === 'down') throw new Error('offline');
    const answer = await requestJson(base, options);
    if (network === 'twice' && options.method === 'POST') return requestJson(base, options);
    if (network === 'dropAnswer' && options.method === 'POST') throw new Error('antwoord kwijt');
    return answer;
  };
}

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

describe('sync model', () => {
  it('converges on both PCs and head office with nothing lost', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 25 }), async (actions) => {
        const location = await ho.newLocation('Model');
        const dirs = [tempDir(), tempDir()];
        const pcs: TestBackend[] = [];
        for (const dir of dirs) {
          const pc = makeBackend(dir);
          await setUpLocation(pc);
          await pc.ok('sync.enrol', { serverUrl: ho.url, code: await location.code(), deviceName: 'pc', caCertPem: null });
          pcs.push(pc);
        }
        const created = new Set<string>();
        for (const a of actions) {
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
          } else if (a.kind === 'sync') {
            await syncOnce(pc.core, (w) => w(), transportFor(a.network)).catch(() => undefined);
          } else {
            await pc.close();
            const again = makeBackend(dirs[a.pc]);
            await again.ok('auth.login', MANAGER);
            pcs[a.pc] = again;
          }
        }
        // Healthy network: a few rounds until both outboxes are empty.
        for (let round = 0; round < 3; round++) for (const pc of pcs) await syncOnce(pc.core, (w) => w());
        const [one, two] = pcs.map(households);
        expect(one).toEqual(two);
        expect(new Set(one!.map((h) => h.id))).toEqual(created);
        const server = await ho.db.selectFrom('records').select(['entity_id', 'payload', 'version']).where('entity', '=', 'households').where('location_id', '=', location.id).execute();
        expect(new Set(server.map((r) => r.entity_id))).toEqual(created);
        for (const h of one!) {
          const record = server.find((r) => r.entity_id === h.id)!;
          expect(JSON.parse(record.payload!).city).toBe(h.city);
          expect(Number(record.version)).toBe(h.version);
        }
        for (const pc of pcs) expect((pc.core.sqlite().prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n).toBe(0);
        for (const pc of pcs) await pc.close();
      }),
      { numRuns: 12 },
    );
  }, 180_000);
});
