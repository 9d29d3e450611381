import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestJson } from '../../electron/backend/sync/http';
import { revokeDevice } from '../../headoffice/service/sync.service';
import type { TestBackend } from '../helpers/backend';
import { HOUSEHOLD, groupId } from '../helpers/clients';
import { enrolledPc, giveKey, startHeadOffice, type RunningHeadOffice, headOfficeRows, syncPc } from '../helpers/headoffice';
import { startPostgres } from '../helpers/postgres';

/**
 * Key rotation (issue 15): revoking a device rotates the location's sync key for new writes. The
 * next remaining PC creates the new key and leaves it at head office wrapped under the previous
 * one; the location's other PCs take it from there; the revoked PC gets nothing on any sync route,
 * and head office holds neither key.
 */
type Pg = Awaited<ReturnType<typeof startPostgres>>;
let pg: Pg = null;
beforeAll(async () => {
  pg = await startPostgres();
}, 120_000);
afterAll(() => pg?.stop());

const keysOf = (pc: TestBackend) => pc.core.sqlite().prepare('SELECT key_id, key_material, retired_at FROM sync_keys ORDER BY created_at, key_id').all() as { key_id: string; key_material: string; retired_at: string | null }[];

/** A location with PCs A, B and C, B and C given the key A created. */
async function threePcsSharingKey(ho: RunningHeadOffice, name: string) {
  const location = await ho.newLocation(name);
  const a = await enrolledPc(ho, await location.code(), { name: 'A' });
  const b = await enrolledPc(ho, await location.code(), { name: 'B' });
  const c = await enrolledPc(ho, await location.code(), { name: 'C' });
  await giveKey(a, b);
  await giveKey(a, c);
  return { location, a, b, c };
}

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`sync key rotation after a revoke on ${dialect}`, () => {
    let ho: RunningHeadOffice;
    beforeAll(async () => {
      if (dialect === 'postgres' && !pg) return;
      ho = await startHeadOffice(dialect === 'postgres' ? pg!.url : undefined);
    });
    afterAll(async () => ho?.close());

    it('after revoking PC B, PC A seals new edits under a new key, PC C reads them, B is refused everywhere and head office holds neither key', async (ctx) => {
      if (!ho) ctx.skip();
      const { location, a, b, c } = await threePcsSharingKey(ho, 'KDV Roulatie');
      const oldKeyId = (await a.ok('sync.status', {})).syncKeyId!;
      expect((await c.ok('sync.status', {})).syncKeyId).toBe(oldKeyId);

      const household = await a.ok('households.create', HOUSEHOLD);
      const child = await a.ok('children.create', { householdId: household.id, firstName: 'Mees', initials: 'M.', surnamePrefix: null, surname: 'Roulatie', birthDate: '2023-02-01', groupId: await groupId(a, 'Rupsjes'), bsn: null });
      await a.ok('medical.update', { childId: child.id, allergies: 'Voor de intrekking', diet: null, medication: null, otherParticulars: null });
      await syncPc(a);
      await syncPc(b);
      await syncPc(c);

      // IT revokes B: head office asks the location for a new key.
      const bId = (await b.ok('sync.status', {})).deviceId!;
      expect(await revokeDevice(ho.db, bId, new Date())).toBe(true);
      expect((await ho.db.selectFrom('locations').select('key_rotation_due_at').where('id', '=', location.id).executeTakeFirstOrThrow()).key_rotation_due_at).not.toBeNull();

      // A syncs first and rotates: a new key, the old one retired but kept.
      await syncPc(a);
      const newKeyId = (await a.ok('sync.status', {})).syncKeyId!;
      expect(newKeyId).not.toBe(oldKeyId);
      expect(keysOf(a)).toMatchObject([
        { key_id: oldKeyId, retired_at: expect.any(String) },
        { key_id: newKeyId, retired_at: null },
      ]);
      expect(await ho.db.selectFrom('locations').select(['sync_key_id', 'key_rotation_due_at']).where('id', '=', location.id).executeTakeFirstOrThrow()).toEqual({ sync_key_id: newKeyId, key_rotation_due_at: null });

      // A's next medical edit is sealed under the new key id.
      await a.ok('medical.update', { childId: child.id, allergies: 'Na de intrekking', diet: null, medication: null, otherParticulars: null });
      await syncPc(a);
      const stored = await ho.db.selectFrom('records').select('payload').where('entity', '=', 'child_medical').where('entity_id', '=', child.id).executeTakeFirstOrThrow();
      expect(JSON.parse(stored.payload!).$sealed.keyId).toBe(newKeyId);

      // C takes the new key from the rotation in one round and reads the edit; it then seals with it too.
      await syncPc(c);
      expect((await c.ok('sync.status', {})).syncKeyId).toBe(newKeyId);
      expect((await c.ok('medical.get', { childId: child.id })).allergies).toBe('Na de intrekking');
      expect((await c.ok('sync.status', {})).sealedWaiting).toBe(0);
      await c.ok('medical.update', { childId: child.id, allergies: 'Van C', diet: null, medication: null, otherParticulars: null });
      await syncPc(c);
      await syncPc(a);
      expect((await a.ok('medical.get', { childId: child.id })).allergies).toBe('Van C');
      // A second round rotates nothing more.
      expect((await ho.db.selectFrom('key_rotations').selectAll().where('location_id', '=', location.id).execute()).length).toBe(1);

      // B is refused on every sync route, and keeps what it had.
      await expect(syncPc(b)).rejects.toMatchObject({ status: 401 });
      const token = b.core.sqlite().prepare("SELECT value FROM settings WHERE key = 'sync.config'").get() as { value: string } | undefined;
      const bToken = token ? (JSON.parse(token.value) as { token: string }).token : '';
      expect(bToken).not.toBe('');
      const routes: { method: 'GET' | 'POST'; path: string; body?: unknown }[] = [
        { method: 'GET', path: '/v1/sync/pull?after=0' },
        { method: 'POST', path: '/v1/sync/push', body: { mutations: [], auditHead: null } },
        { method: 'POST', path: '/v1/sync/key', body: { keyId: 'x' } },
        { method: 'GET', path: '/v1/sync/key/rotations' },
        { method: 'POST', path: '/v1/sync/key/rotate', body: { keyId: 'x', previousKeyId: newKeyId, wrapped: { iv: 'AA==', data: 'AA==' } } },
        { method: 'GET', path: '/v1/sync/transfers' },
        { method: 'POST', path: '/v1/sync/transfers', body: {} },
        { method: 'POST', path: '/v1/sync/transfers/consume', body: { id: 'x' } },
        { method: 'GET', path: '/v1/sync/escrow-key' },
        { method: 'POST', path: '/v1/sync/escrow', body: {} },
        { method: 'GET', path: '/v1/sync/recovery-wraps' },
        { method: 'POST', path: '/v1/sync/recovery-wraps', body: {} },
        { method: 'POST', path: '/v1/sync/recovery-wraps/withdraw', body: {} },
      ];
      for (const route of routes) await expect(requestJson(ho.url, { ...route, token: bToken }), route.path).rejects.toMatchObject({ status: 401 });
      expect((await b.ok('medical.get', { childId: child.id })).allergies).toBe('Voor de intrekking');

      // Head office's tables hold neither key, in any encoding a PC uses.
      const rows = await headOfficeRows(ho, dialect);
      for (const k of keysOf(a)) {
        const raw = Buffer.from(k.key_material, 'base64');
        for (const form of [k.key_material, raw.toString('hex'), raw.toString('base64url')]) expect(rows).not.toContain(form);
      }
    }, 180_000);

    it('edits queued before a PC heard of the rotation rest at head office only under the new key, and none is lost', async (ctx) => {
      if (!ho) ctx.skip();
      const { location, a, b, c } = await threePcsSharingKey(ho, 'KDV Wachtrij');
      const oldKeyId = (await a.ok('sync.status', {})).syncKeyId!;
      const household = await a.ok('households.create', HOUSEHOLD);
      const rupsjes = await groupId(a, 'Rupsjes');
      const newChild = async (firstName: string) => a.ok('children.create', { householdId: household.id, firstName, initials: `${firstName[0]}.`, surnamePrefix: null, surname: 'Wachtrij', birthDate: '2023-02-01', groupId: rupsjes, bsn: null });
      const [fenna, joep] = [await newChild('Fenna'), await newChild('Joep')];
      await syncPc(a);
      await syncPc(c);

      // IT revokes B. A and C each edit medical data before they sync again: sealed under the old key.
      expect(await revokeDevice(ho.db, (await b.ok('sync.status', {})).deviceId!, new Date())).toBe(true);
      await a.ok('medical.update', { childId: fenna.id, allergies: 'Geschreven door A na de intrekking', diet: null, medication: null, otherParticulars: null });
      await c.ok('medical.update', { childId: joep.id, allergies: 'Geschreven door C na de intrekking', diet: null, medication: null, otherParticulars: null });
      const queuedKeyId = (pc: TestBackend) => (pc.core.sqlite().prepare("SELECT payload ->> '$.\"$sealed\".keyId' AS keyId FROM outbox WHERE entity = 'child_medical'").get() as { keyId: string }).keyId;
      expect(queuedKeyId(a)).toBe(oldKeyId);
      expect(queuedKeyId(c)).toBe(oldKeyId);

      // A's push is sent back while the rotation is due; A rotates, seals its edit again and sends it in the same round.
      await syncPc(a);
      const newKeyId = (await a.ok('sync.status', {})).syncKeyId!;
      expect(newKeyId).not.toBe(oldKeyId);
      expect((await a.ok('sync.status', {})).pending).toBe(0);
      // C's push under the old key is sent back too; C takes the new key from the rotation and sends it again.
      await syncPc(c);
      expect((await c.ok('sync.status', {})).syncKeyId).toBe(newKeyId);
      expect((await c.ok('sync.status', {})).pending).toBe(0);

      const sealed = await ho.db.selectFrom('records').select(['entity_id', 'payload']).where('location_id', '=', location.id).where('entity', '=', 'child_medical').execute();
      expect(sealed.map((r) => [r.entity_id, JSON.parse(r.payload!).$sealed.keyId]).sort()).toEqual([[fenna.id, newKeyId], [joep.id, newKeyId]].sort());
      // Nothing was lost or doubled: each PC reads both edits, and head office answered each edit once.
      await syncPc(a);
      for (const pc of [a, c]) {
        expect((await pc.ok('medical.get', { childId: fenna.id })).allergies).toBe('Geschreven door A na de intrekking');
        expect((await pc.ok('medical.get', { childId: joep.id })).allergies).toBe('Geschreven door C na de intrekking');
      }
      expect((await a.ok('sync.status', {})).openConflicts).toBe(0);
    }, 180_000);

    it('of two PCs racing to rotate, one wins and the other takes its key', async (ctx) => {
      if (!ho) ctx.skip();
      const { location, a, b, c } = await threePcsSharingKey(ho, 'KDV Wedloop');
      await revokeDevice(ho.db, (await c.ok('sync.status', {})).deviceId!, new Date());
      await Promise.all([syncPc(a), syncPc(b)]);
      await syncPc(a);
      await syncPc(b);
      const [ka, kb] = [(await a.ok('sync.status', {})).syncKeyId, (await b.ok('sync.status', {})).syncKeyId];
      expect(ka).toBe(kb);
      expect((await ho.db.selectFrom('locations').select('sync_key_id').where('id', '=', location.id).executeTakeFirstOrThrow()).sync_key_id).toBe(ka);
      expect(await ho.db.selectFrom('key_rotations').selectAll().where('location_id', '=', location.id).execute()).toHaveLength(1);
    }, 180_000);
  });
}
