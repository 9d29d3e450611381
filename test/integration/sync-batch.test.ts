import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EnrolResponse, PullResponse, PushResponse, type Change, type Mutation } from '../../shared/sync/protocol';
import { startHeadOffice, type RunningHeadOffice } from '../helpers/headoffice';
import { startPostgres } from '../helpers/postgres';

/**
 * Head office's answer to one push batch that mixes every outcome, mutation by mutation, on the
 * wire protocol (no PC engine): on SQLite and on PostgreSQL alike.
 */
type Pg = Awaited<ReturnType<typeof startPostgres>>;
let pg: Pg = null;
beforeAll(async () => {
  pg = await startPostgres();
}, 120_000);
afterAll(() => pg?.stop());

async function call(ho: RunningHeadOffice, method: 'GET' | 'POST', path: string, options: { token?: string; body?: unknown } = {}) {
  const response = await fetch(`${ho.url}${path}`, {
    method,
    headers: { ...(options.body === undefined ? {} : { 'content-type': 'application/json' }), ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  expect(response.status, `${method} ${path}`).toBe(200);
  return (await response.json()) as unknown;
}

const enrolWith = async (ho: RunningHeadOffice, code: string, deviceName: string) => EnrolResponse.parse(await call(ho, 'POST', '/v1/enrol', { body: { code, deviceName } }));

/** The first device of a new location. */
async function enrol(ho: RunningHeadOffice, name: string) {
  const location = await ho.newLocation(name);
  return enrolWith(ho, await location.code(), `${name} pc`);
}

const push = async (ho: RunningHeadOffice, token: string, mutations: Mutation[]) =>
  PushResponse.parse(await call(ho, 'POST', '/v1/sync/push', { token, body: { mutations, auditHead: null } })).results;

let seq = 0;
const mutationId = () => `m-${Date.now()}-${++seq}`;
const upsert = (entity: Mutation['entity'], entityId: string, payload: Record<string, unknown>, baseVersion: number | null = null): Mutation => ({
  mutationId: mutationId(),
  entity,
  entityId,
  op: 'upsert',
  payload,
  baseVersion,
});
/**
 * Medical data as a PC sends them: sealed (head office takes them no other way). A stand-in
 * envelope, which head office cannot open anyway; `text` keeps each edit's payload distinct.
 */
const sealedMedical = (text: string) => ({ $sealed: { format: 'kop-seal-1', keyId: 'k-test', version: 0, iv: 'AAAAAAAAAAAAAAAA', data: Buffer.from(text).toString('base64') } });
const remove = (entity: Mutation['entity'], entityId: string, baseVersion: number | null): Mutation => ({ mutationId: mutationId(), entity, entityId, op: 'delete', payload: null, baseVersion });

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`a mixed push batch on ${dialect}`, () => {
    let ho: RunningHeadOffice;
    beforeAll(async () => {
      if (dialect === 'postgres' && !pg) return;
      ho = await startHeadOffice(dialect === 'postgres' ? pg!.url : undefined);
    });
    afterAll(async () => ho?.close());

    it('answers each mutation in order: applied, duplicate, conflict, rejected, tombstone', async (ctx) => {
      if (!ho) ctx.skip();
      const a = await enrol(ho, 'KDV Mix A');
      const b = await enrol(ho, 'KDV Mix B');
      const id = (name: string) => `${dialect}-${name}`;
      const record = (entityId: string) => ho.db.selectFrom('records').selectAll().where('entity_id', '=', entityId).executeTakeFirst();
      const counter = async (locationId: string) => Number((await ho.db.selectFrom('locations').select('version').where('id', '=', locationId).executeTakeFirstOrThrow()).version);

      // B owns a household; A has a household, medical data, a pickup person and an erased household.
      const [bHousehold] = await push(ho, b.token, [upsert('households', id('hb'), { city: 'Breda' })]);
      expect(bHousehold).toMatchObject({ status: 'applied', version: 1 });
      const earlier = [
        upsert('households', id('h1'), { city: 'Vianen', location_id: 'vervalst', version: 99 }),
        upsert('child_medical', id('med'), sealedMedical('Pinda')),
        upsert('pickup_persons', id('pick'), { name: 'Kanarie Ophaalster' }),
        upsert('households', id('gone'), { city: 'Gouda' }),
      ];
      earlier.push(remove('households', id('gone'), 4));
      expect((await push(ho, a.token, earlier)).map((r) => [r.status, r.version])).toEqual([1, 2, 3, 4, 5].map((v) => ['applied', v]));
      // The location comes from the device; a version in the payload is not kept.
      expect(JSON.parse((await record(id('h1')))!.payload!)).toEqual({ city: 'Vianen', location_id: a.locationId });

      const fresh = upsert('households', id('h3'), { city: 'Houten' });
      const batch: Mutation[] = [
        fresh,
        earlier[0]!, // already applied in the earlier push
        upsert('child_medical', id('med'), sealedMedical('Noten'), 1), // stale: head office has version 2
        upsert('households', id('gone'), { city: 'Gouda' }, 4), // erased
        upsert('households', id('hb'), { city: 'Bergen' }), // another location's record
        remove('pickup_persons', id('pick'), 3),
        upsert('households', id('h3'), { city: 'Houten-Zuid' }), // last writer wins within the batch too
        fresh, // the same mutation twice in one batch
        upsert('child_medical', id('med'), sealedMedical('Pinda en noten'), 2),
        upsert('child_medical', id('med'), sealedMedical('Gluten'), 2), // stale after the one before
      ];
      const results = await push(ho, a.token, batch);
      expect(results.map((r) => r.mutationId)).toEqual(batch.map((m) => m.mutationId));
      expect(results.map(({ status, version }) => [status, version])).toEqual([
        ['applied', 6],
        ['duplicate', 1],
        ['conflict', 2],
        ['rejected', 5],
        ['rejected', null],
        ['applied', 7],
        ['applied', 8],
        ['duplicate', 6],
        ['applied', 9],
        ['conflict', 9],
      ]);
      expect(results[2]!.serverPayload).toEqual({ ...sealedMedical('Pinda'), location_id: a.locationId });
      expect(results[3]!.reason).toBe('Dit record is gewist.');
      expect(results[4]!.reason).toBe('Dit record hoort bij een andere locatie.');
      expect(results[9]!.serverPayload).toEqual({ ...sealedMedical('Pinda en noten'), location_id: a.locationId });

      expect(await counter(a.locationId)).toBe(9);
      expect(await counter(b.locationId)).toBe(1);
      expect(await record(id('pick'))).toMatchObject({ deleted: 1, payload: null, version: 7 });
      expect(JSON.parse((await record(id('h3')))!.payload!)).toMatchObject({ city: 'Houten-Zuid' });
      expect(Number((await record(id('h3')))!.version)).toBe(8);
      expect(JSON.parse((await record(id('med')))!.payload!)).toMatchObject(sealedMedical('Pinda en noten'));
      expect(JSON.parse((await record(id('hb')))!.payload!)).toEqual({ city: 'Breda', location_id: b.locationId });
      expect(Number((await record(id('hb')))!.version)).toBe(1);

      // The whole batch again (its answer was lost): what was applied is a duplicate with its first answer's version;
      // a conflict stays a conflict (with the record as it is now) and a refusal a refusal, so the PC never takes
      // head office's version for its own stale edit and the conflict is not lost.
      const retried = await push(ho, a.token, batch);
      expect(retried.map(({ status, version }) => [status, version])).toEqual([
        ['duplicate', 6],
        ['duplicate', 1],
        ['conflict', 9],
        ['rejected', 5],
        ['rejected', null],
        ['duplicate', 7],
        ['duplicate', 8],
        ['duplicate', 6],
        ['duplicate', 9],
        ['conflict', 9],
      ]);
      expect(retried[2]!.serverPayload).toEqual({ ...sealedMedical('Pinda en noten'), location_id: a.locationId });
      expect(retried[3]!.reason).toBe('Dit record is gewist.');
      expect(retried[4]!.reason).toBe('Dit record hoort bij een andere locatie.');
      expect(await counter(a.locationId)).toBe(9);

      // Pulled in pages of 2: every record of A once, at its latest version, in head office's order.
      const changes: Change[] = [];
      let cursor = 0;
      for (let page = 0; page < 10; page++) {
        const answer = PullResponse.parse(await call(ho, 'GET', `/v1/sync/pull?after=${cursor}&limit=2`, { token: a.token }));
        changes.push(...answer.changes);
        expect(answer.cursor).toBe(answer.changes.at(-1)?.version ?? cursor);
        cursor = answer.cursor;
        if (!answer.hasMore) break;
      }
      expect(changes.map((c) => [c.entity, c.entityId, c.version, c.deleted])).toEqual([
        ['households', id('h1'), 1, false],
        ['households', id('gone'), 5, true],
        ['pickup_persons', id('pick'), 7, true],
        ['households', id('h3'), 8, false],
        ['child_medical', id('med'), 9, false],
      ]);
      expect(changes.map((c) => c.payload)).toEqual([
        { city: 'Vianen', location_id: a.locationId },
        null,
        null,
        { city: 'Houten-Zuid', location_id: a.locationId },
        { ...sealedMedical('Pinda en noten'), location_id: a.locationId },
      ]);
    });

    it('never stores medical data or a meldcode file in clear, whether or not the location has a key: refused in Dutch, the same on a retry', async (ctx) => {
      if (!ho) ctx.skip();
      const pc = await enrol(ho, 'KDV Leesbaar');
      const clear = [
        upsert('child_medical', `${dialect}-clear-med`, { child_id: 'c1', allergies: 'Leesbare pinda' }),
        upsert('meldcode_entries', `${dialect}-clear-entry`, { case_id: 'x', payload: 'Leesbaar signaal' }),
        // An envelope with clear fields beside it is no sealed payload either.
        upsert('meldcode_cases', `${dialect}-clear-case`, { ...sealedMedical('x'), route: 'Leesbare route' }),
        upsert('households', `${dialect}-clear-h`, { city: 'Culemborg' }),
      ];
      const reason = 'Medische gegevens en meldcodedossiers neemt het hoofdkantoor alleen verzegeld aan.';
      const refused = ['rejected', reason];
      expect((await push(ho, pc.token, clear)).map((r) => [r.status, r.reason ?? null])).toEqual([refused, refused, refused, ['applied', null]]);
      // Sent again (the answer was lost): refused again with the same reason.
      expect((await push(ho, pc.token, clear)).map((r) => [r.status, r.reason ?? null])).toEqual([refused, refused, refused, ['duplicate', null]]);
      const stored = await ho.db.selectFrom('records').select(['entity', 'payload']).where('location_id', '=', pc.locationId).execute();
      expect(stored.map((r) => r.entity)).toEqual(['households']);
      expect(JSON.stringify(stored)).not.toContain('Leesba');
    });

    it('concurrent pushes are ordered by the location counter: a stale base loses, a batch racing its own retry applies once, a key never changes location', async (ctx) => {
      if (!ho) ctx.skip();
      const location = await ho.newLocation('KDV Race A');
      const pcOne = await enrolWith(ho, await location.code(), 'een');
      const pcTwo = await enrolWith(ho, await location.code(), 'twee');
      const other = await enrol(ho, 'KDV Race B');
      for (let round = 0; round < 8; round++) {
        const med = `${dialect}-race-med-${round}`;
        // Two PCs of one location edit the same medical data from the same base at the same moment.
        const [created] = await push(ho, pcOne.token, [upsert('child_medical', med, sealedMedical('Pinda'))]);
        const edits = await Promise.all([
          push(ho, pcOne.token, [upsert('child_medical', med, sealedMedical('Noten'), created!.version)]),
          push(ho, pcTwo.token, [upsert('child_medical', med, sealedMedical('Gluten'), created!.version)]),
        ]);
        expect(edits.map(([r]) => r!.status).sort()).toEqual(['applied', 'conflict']);

        // One device's batch and its retry at the same moment (the first answer seemed lost).
        const batch = [upsert('households', `${dialect}-race-h-${round}-1`, { city: 'Ede' }), upsert('households', `${dialect}-race-h-${round}-2`, { city: 'Epe' })];
        const twice = await Promise.all([push(ho, pcOne.token, batch), push(ho, pcOne.token, batch)]);
        expect(twice.map((results) => results.map((r) => r.status).join()).sort()).toEqual(['applied,applied', 'duplicate,duplicate']);
        expect(twice[0]!.map((r) => r.version)).toEqual(twice[1]!.map((r) => r.version));

        // Two locations create a record with the same id at the same moment: one gets it, the other is refused.
        const shared = `${dialect}-race-shared-${round}`;
        const both = await Promise.all([push(ho, pcOne.token, [upsert('households', shared, { city: 'Assen' })]), push(ho, other.token, [upsert('households', shared, { city: 'Baarn' })])]);
        expect(both.map(([r]) => r!.status).sort()).toEqual(['applied', 'rejected']);
        const winner = both[0]![0]!.status === 'applied' ? pcOne : other;
        const stored = await ho.db.selectFrom('records').selectAll().where('entity_id', '=', shared).executeTakeFirstOrThrow();
        expect(stored.location_id).toBe(winner.locationId);
        expect(JSON.parse(stored.payload!)).toMatchObject({ city: winner === pcOne ? 'Assen' : 'Baarn' });
      }
    });
  });
}
