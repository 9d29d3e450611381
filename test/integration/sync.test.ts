import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueDelete } from '../../electron/backend/sync/outbox';
import { requestJson } from '../../electron/backend/sync/http';
import type { Transport } from '../../electron/backend/sync/sync.engine';
import { listConsoleLocations } from '../../headoffice/console/console.service';
import { pull, revokeDevice } from '../../headoffice/service/sync.service';
import { makeBackend, setUpLocation, type TestBackend } from '../helpers/backend';
import { createFamily, groupId, HOUSEHOLD } from '../helpers/clients';
import { enrolledPc, giveKey, startHeadOffice, type RunningHeadOffice, syncPc } from '../helpers/headoffice';
import { startPostgres } from '../helpers/postgres';

type Pg = Awaited<ReturnType<typeof startPostgres>>;
let pg: Pg = null;
beforeAll(async () => {
  pg = await startPostgres();
}, 120_000);
afterAll(() => pg?.stop());

const count = (pc: TestBackend, table: string) => (pc.core.sqlite().prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const rows = (pc: TestBackend, table: string) => pc.core.sqlite().prepare(`SELECT * FROM ${table} ORDER BY 1`).all();
const serverRecords = async (ho: RunningHeadOffice) => (await ho.db.selectFrom('records').select(['entity', 'entity_id', 'version']).orderBy('version').execute()).map((r) => ({ ...r, version: Number(r.version) }));

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`sync with head office on ${dialect}`, () => {
    let ho: RunningHeadOffice;
    beforeAll(async () => {
      if (dialect === 'postgres' && !pg) return;
      ho = await startHeadOffice(dialect === 'postgres' ? pg!.url : undefined);
    });
    afterAll(async () => ho?.close());
    // Without PostgreSQL installed the postgres half is skipped (CI sets REQUIRE_POSTGRES=1, which
    // makes a missing server an error in beforeAll instead).
    const run = (name: string, fn: () => Promise<void>) =>
      it(
        name,
        async (ctx) => {
          if (!ho) ctx.skip();
          await fn();
        },
        60_000,
      );

    run('a second PC of the same location sees the first PC’s records after a sync', async () => {
      const location = await ho.newLocation('KDV Zon');
      const pc1 = await enrolledPc(ho, await location.code());
      const pc2 = await enrolledPc(ho, await location.code(), { name: 'Groepsruimte' });
      await giveKey(pc1, pc2);
      const { child } = await createFamily(pc1);
      await pc1.ok('medical.update', { childId: child.id, allergies: 'Pinda', diet: null, medication: null, otherParticulars: null });
      const pushed = await syncPc(pc1);
      expect(pushed.pushed).toBe(6); // the group (Groepen list), household, 2 parents, child, medical data
      expect(count(pc1, 'outbox')).toBe(0);
      await syncPc(pc2);
      const found = await pc2.ok('search.query', { q: 'zoe', limit: 5 });
      expect(found.map((r) => r.displayName)).toEqual(['Zoë de Boer']);
      expect(found[0]!.groupName).toBe('Rupsjes');
      expect((await pc2.ok('medical.get', { childId: child.id })).allergies).toBe('Pinda');
      expect(rows(pc2, 'children')).toEqual(rows(pc1, 'children'));
      // The audit chain head arrived as an anchor.
      const anchors = await ho.db.selectFrom('audit_anchors').selectAll().execute();
      expect(anchors.length).toBeGreaterThan(0);
    });

    run('service down mid-push: nothing is lost, the outbox goes out when it returns', async () => {
      const location = await ho.newLocation('KDV Storing');
      const pc = await enrolledPc(ho, await location.code());
      await createFamily(pc);
      const queued = count(pc, 'outbox');
      await ho.stop();
      await expect(syncPc(pc)).rejects.toThrow(/niet bereikbaar/);
      expect(count(pc, 'outbox')).toBe(queued);
      expect((await pc.ok('sync.status', {})).online).toBe(false);
      await ho.start();
      await pc.ok('sync.enrol', { serverUrl: ho.url, code: 'X', deviceName: 'x', caCertPem: null }).catch(() => undefined);
      // The port changed on restart: point the PC at it (as IT would after moving the service).
      pc.core.sqlite().prepare("UPDATE settings SET value = json_set(value, '$.serverUrl', ?) WHERE key = 'sync.config'").run(ho.url);
      await syncPc(pc);
      expect(count(pc, 'outbox')).toBe(0);
      const status = await pc.ok('sync.status', {});
      expect(status).toMatchObject({ online: true, pending: 0, lastError: null });
    });

    run('a response lost after head office committed: the retry applies each mutation exactly once', async () => {
      const location = await ho.newLocation('KDV Verlies');
      let dropNext = true;
      const lossy: Transport = async (base, options) => {
        const answer = await requestJson(base, options);
        if (options.path.includes('push') && dropNext) {
          dropNext = false;
          throw new Error('verbinding verbroken');
        }
        return answer;
      };
      const pc = await enrolledPc(ho, await location.code());
      await createFamily(pc);
      const queued = count(pc, 'outbox');
      await expect(syncPc(pc, lossy)).rejects.toThrow('verbinding verbroken');
      expect(count(pc, 'outbox')).toBe(queued);
      const afterFirst = await serverRecords(ho);
      await syncPc(pc, lossy);
      expect(count(pc, 'outbox')).toBe(0);
      expect(await serverRecords(ho)).toEqual(afterFirst); // nothing applied twice
      const applied = await ho.db.selectFrom('applied_mutations').select('status').execute();
      expect(applied.length).toBeGreaterThanOrEqual(queued);
    });

    run('the same batch pushed twice is answered "duplicate" and changes nothing', async () => {
      const location = await ho.newLocation('KDV Dubbel');
      const pc = await enrolledPc(ho, await location.code());
      await pc.ok('households.create', HOUSEHOLD);
      const token = (JSON.parse((pc.core.sqlite().prepare("SELECT value FROM settings WHERE key = 'sync.config'").get() as { value: string }).value) as { token: string }).token;
      const mutations = (pc.core.sqlite().prepare('SELECT * FROM outbox ORDER BY seq').all() as { mutation_id: string; entity: string; entity_id: string; op: string; payload: string }[]).map((r) => ({
        mutationId: r.mutation_id,
        entity: r.entity,
        entityId: r.entity_id,
        op: r.op,
        payload: JSON.parse(r.payload),
        baseVersion: null,
      }));
      const first = (await requestJson(ho.url, { method: 'POST', path: '/v1/sync/push', token, body: { mutations, auditHead: null } })) as { results: { status: string }[] };
      const before = await serverRecords(ho);
      const second = (await requestJson(ho.url, { method: 'POST', path: '/v1/sync/push', token, body: { mutations, auditHead: null } })) as { results: { status: string }[] };
      expect(first.results.map((r) => r.status)).toEqual(mutations.map(() => 'applied'));
      expect(second.results.map((r) => r.status)).toEqual(mutations.map(() => 'duplicate'));
      expect(await serverRecords(ho)).toEqual(before);
    });

    run('a device of location A asking for location B’s data gets 403 and nothing; a revoked device gets 401', async () => {
      const a = await ho.newLocation('KDV A');
      const b = await ho.newLocation('KDV B');
      const pcB = await enrolledPc(ho, await b.code());
      await createFamily(pcB);
      await syncPc(pcB);
      const pcA = await enrolledPc(ho, await a.code());
      const config = JSON.parse((pcA.core.sqlite().prepare("SELECT value FROM settings WHERE key = 'sync.config'").get() as { value: string }).value) as { token: string; deviceId: string };
      await expect(requestJson(ho.url, { method: 'GET', path: `/v1/sync/pull?after=0&locationId=${b.id}`, token: config.token })).rejects.toMatchObject({ status: 403 });
      // Without the parameter, A's pull returns A's data only: none of B's.
      await syncPc(pcA);
      expect(count(pcA, 'children')).toBe(0);
      await revokeDevice(ho.db, config.deviceId, new Date());
      await expect(requestJson(ho.url, { method: 'GET', path: '/v1/sync/pull?after=0', token: config.token })).rejects.toMatchObject({ status: 401 });
      await expect(syncPc(pcA)).rejects.toThrow('Dit apparaat is ingetrokken.');
    });

    run('a device clock a year off does not change the order of changes', async () => {
      const location = await ho.newLocation('KDV Klok');
      const yearAhead = () => new Date(Date.now() + 365 * 86_400_000);
      const fast = await enrolledPc(ho, await location.code(), { now: yearAhead });
      const normal = await enrolledPc(ho, await location.code());
      const { household, child } = await createFamily(fast);
      await syncPc(fast);
      await syncPc(normal);
      // The PC with the right clock edits after the fast one: its edit must win (server order).
      // The group comes from the Groepen list; made on the fast PC, it reaches the normal one by sync.
      await groupId(fast, 'Vlinders');
      await syncPc(fast);
      await syncPc(normal);
      await normal.ok('children.update', { id: child.id, firstName: 'Zoë', surname: 'Boer', surnamePrefix: 'de', birthDate: '2023-04-15', groupId: await groupId(normal, 'Vlinders') });
      await syncPc(normal);
      await syncPc(fast);
      expect((await fast.ok('children.get', { id: child.id })).groupName).toBe('Vlinders');
      expect(household.id).toBeTruthy();
    });

    /** Two PCs of a new location edit the same medical data; PC 1's edit reached head office first, PC 2's is stale and not pushed yet. */
    async function staleMedicalEdit(name: string) {
      const location = await ho.newLocation(name);
      const pc1 = await enrolledPc(ho, await location.code());
      const pc2 = await enrolledPc(ho, await location.code());
      await giveKey(pc1, pc2);
      const { child } = await createFamily(pc1);
      await pc1.ok('medical.update', { childId: child.id, allergies: 'Pinda', diet: null, medication: null, otherParticulars: null });
      await syncPc(pc1);
      await syncPc(pc2);
      await pc1.ok('medical.update', { childId: child.id, allergies: 'Pinda en noten', diet: null, medication: null, otherParticulars: null });
      await pc2.ok('medical.update', { childId: child.id, allergies: 'Pinda', diet: 'Lactosevrij', medication: null, otherParticulars: null });
      await syncPc(pc1);
      return { locationId: location.id, pc1, pc2, child };
    }

    run('a conflict whose answer was lost is still a conflict on the retry: the stale edit is kept side by side, not taken as pushed', async () => {
      const { pc2 } = await staleMedicalEdit('KDV Verloren conflict');
      let dropNext = true;
      const lossy: Transport = async (base, options) => {
        const answer = await requestJson(base, options);
        if (options.path.includes('push') && dropNext) {
          dropNext = false;
          throw new Error('verbinding verbroken');
        }
        return answer;
      };
      await expect(syncPc(pc2, lossy)).rejects.toThrow('verbinding verbroken');
      const report = await syncPc(pc2, lossy);
      expect(report.conflicts).toBe(1);
      const [conflict] = await pc2.ok('sync.conflicts', {});
      expect(conflict).toMatchObject({ kind: 'conflict', entity: 'child_medical' });
      expect(conflict!.localPayload).toMatchObject({ allergies: 'Pinda', diet: 'Lactosevrij' });
      expect(conflict!.serverPayload).toMatchObject({ allergies: 'Pinda en noten', diet: null });
    });

    run('conflicting medical edits are kept side by side and resolved by the manager', async () => {
      const { locationId, pc1, pc2, child } = await staleMedicalEdit('KDV Conflict');
      const report = await syncPc(pc2);
      expect(report.conflicts).toBe(1);
      const [conflict] = await pc2.ok('sync.conflicts', {});
      expect(conflict).toMatchObject({ kind: 'conflict', entity: 'child_medical', label: 'Zoë de Boer' });
      expect(conflict!.localPayload).toMatchObject({ allergies: 'Pinda', diet: 'Lactosevrij' });
      expect(conflict!.serverPayload).toMatchObject({ allergies: 'Pinda en noten', diet: null });
      expect((await pc2.ok('sync.status', {})).openConflicts).toBe(1);
      // Locaties en apparaten at head office: the PC's count of waiting conflicts, as it reported with its pull.
      const conflictsAtHeadOffice = async () => {
        const [shown] = (await listConsoleLocations(ho.db)).filter((l) => l.id === locationId);
        return Object.fromEntries(shown!.devices.map((d) => [d.id, d.openConflicts]));
      };
      const [pc1Id, pc2Id] = [(await pc1.ok('sync.status', {})).deviceId!, (await pc2.ok('sync.status', {})).deviceId!];
      expect(await conflictsAtHeadOffice()).toEqual({ [pc1Id]: 0, [pc2Id]: 1 });
      await pc2.ok('sync.resolveConflict', { id: conflict!.id, resolution: 'merged', merged: { allergies: 'Pinda en noten', diet: 'Lactosevrij', medication: null, other_particulars: null } });
      await syncPc(pc2);
      await syncPc(pc1);
      for (const pc of [pc1, pc2]) expect(await pc.ok('medical.get', { childId: child.id })).toMatchObject({ allergies: 'Pinda en noten', diet: 'Lactosevrij' });
      expect((await pc2.ok('sync.status', {})).openConflicts).toBe(0);
      expect(await conflictsAtHeadOffice()).toEqual({ [pc1Id]: 0, [pc2Id]: 0 });
      // A pull request of pc2 held up on the way arrives last, with its older cursor and its older count: the newer count stays.
      const device = await ho.db.selectFrom('devices').selectAll().where('id', '=', pc2Id).executeTakeFirstOrThrow();
      await pull(ho.db, device, 0, 5000, new Date(), 1);
      expect(await conflictsAtHeadOffice()).toEqual({ [pc1Id]: 0, [pc2Id]: 0 });
    });

    run('a deletion reaches head office as a tombstone without personal data, and the bytes are gone', async () => {
      const location = await ho.newLocation('KDV Wissen');
      const pc = await enrolledPc(ho, await location.code());
      const { child } = await createFamily(pc);
      const canary = 'Kanarie Ophaalster QX7';
      const person = await pc.ok('pickup.addPerson', { childId: child.id, name: canary, relation: 'Oppas', phone: '06 11223344', validUntil: null });
      await syncPc(pc);
      const stored = await ho.db.selectFrom('records').select('payload').where('entity_id', '=', person.id).executeTakeFirstOrThrow();
      expect(stored.payload).toContain(canary);
      // What the retention engine and erasure do: the row goes, a tombstone goes out in the same transaction.
      await pc.core.db().transaction().execute(async (trx) => {
        await trx.deleteFrom('pickup_persons').where('id', '=', person.id).execute();
        await queueDelete(trx, 'pickup_persons', person.id, new Date());
      });
      await syncPc(pc);
      const tombstone = await ho.db.selectFrom('records').selectAll().where('entity_id', '=', person.id).executeTakeFirstOrThrow();
      expect(tombstone).toMatchObject({ deleted: 1, payload: null });
      if (ho.dataDir) {
        await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(ho.db);
        for (const file of fs.readdirSync(ho.dataDir)) expect(fs.readFileSync(path.join(ho.dataDir, file)).includes(canary), file).toBe(false);
      }
    });

    run('enrolment codes are one-time', async () => {
      const location = await ho.newLocation('KDV Code');
      const code = await location.code();
      await enrolledPc(ho, code);
      const pc = makeBackend();
      await setUpLocation(pc);
      const error = await pc.err('sync.enrol', { serverUrl: ho.url, code, deviceName: 'Tweede', caCertPem: null });
      expect(error.message).toBe('Deze code is onbekend, al gebruikt of verlopen.');
    });

    run('a mistyped koppelcode is refused at the field; a code typed loosely still works', async () => {
      const location = await ho.newLocation('KDV Typen');
      const code = await location.code();
      const pc = makeBackend();
      await setUpLocation(pc);
      const short = await pc.err('sync.enrol', { serverUrl: ho.url, code: code.slice(0, 9), deviceName: 'Kantoor', caCertPem: null });
      expect(short).toMatchObject({ code: 'VALIDATION', details: { code: 'Een koppelcode heeft 12 tekens, bijvoorbeeld ABCD-EFGH-JKMN.' } });
      expect((await pc.ok('sync.status', {})).enrolled).toBe(false);
      // Lower case, spaces instead of dashes, and O for 0 / l for 1 are what people type from a phone call.
      const typed = code.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l');
      await pc.ok('sync.enrol', { serverUrl: ho.url, code: typed, deviceName: 'Kantoor', caCertPem: null });
      expect((await pc.ok('sync.status', {})).enrolled).toBe(true);
    });
  });
}
