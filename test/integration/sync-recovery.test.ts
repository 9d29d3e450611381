import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revokeDevice } from '../../headoffice/service/sync.service';
import { makeBackend, setUpLocation, type TestBackend } from '../helpers/backend';
import { BSN, HOUSEHOLD, groupId } from '../helpers/clients';
import { startHeadOffice, type RunningHeadOffice, headOfficeRows, syncPc } from '../helpers/headoffice';
import { startPostgres } from '../helpers/postgres';

/**
 * The herstelsleutel route (issue 15): a further PC of the location receives the sync key with the
 * herstelsleutel of a PC that has it, after the manager typed it there once ("Herstelsleutel
 * gebruiken voor nieuwe pc's"). Head office keeps only the key wrapped under a slow-KDF key from it.
 */
type Pg = Awaited<ReturnType<typeof startPostgres>>;
let pg: Pg = null;
beforeAll(async () => {
  pg = await startPostgres();
}, 120_000);
afterAll(() => pg?.stop());

const ALLERGY = 'Herstel-allergie voor pinda QZ71';
const OBSERVATION = 'Herstel-signaal: blauwe plek QZ72';

const plain = (recoveryKey: string) => recoveryKey.replace(/-/g, '');

/** A location PC, set up (its herstelsleutel kept) and enrolled with a koppelcode. */
async function pcWithRecoveryKey(ho: RunningHeadOffice, code: string, name: string) {
  const pc = makeBackend();
  const { recoveryKey } = await setUpLocation(pc);
  await pc.ok('sync.enrol', { serverUrl: ho.url, code, deviceName: name, caCertPem: null });
  return { pc, recoveryKey };
}

const keysOf = (pc: TestBackend) => pc.core.sqlite().prepare('SELECT key_id, key_material, source FROM sync_keys').all() as { key_id: string; key_material: string; source: string }[];

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`sync key with the herstelsleutel on ${dialect}`, () => {
    let ho: RunningHeadOffice;
    beforeAll(async () => {
      if (dialect === 'postgres' && !pg) return;
      ho = await startHeadOffice(dialect === 'postgres' ? pg!.url : undefined);
    });
    afterAll(async () => ho?.close());

    it('PC B receives the key with PC A\'s herstelsleutel and reads A\'s sealed data; wrong ones change nothing; after a rotation a new PC still gets the current key; a new herstelsleutel withdraws the old one', async (ctx) => {
      if (!ho) ctx.skip();
      const location = await ho.newLocation('KDV Herstel');
      const { pc: a, recoveryKey: aKey } = await pcWithRecoveryKey(ho, await location.code(), 'A');
      const household = await a.ok('households.create', HOUSEHOLD);
      const child = await a.ok('children.create', { householdId: household.id, firstName: 'Noor', initials: 'N.', surnamePrefix: null, surname: 'Herstel', birthDate: '2023-03-01', groupId: await groupId(a, 'Rupsjes'), bsn: BSN.child });
      await a.ok('medical.update', { childId: child.id, allergies: ALLERGY, diet: null, medication: null, otherParticulars: null });
      const file = await a.ok('meldcode.open', { route: 'huiselijk', childId: child.id, openedOn: '2026-11-02' });
      await a.ok('meldcode.addEntry', { caseId: file.id, kind: 'signal', occurredOn: '2026-11-02', payload: { observation: OBSERVATION, observedBy: 'Bert Jansen' } });
      await syncPc(a);
      const { pc: b, recoveryKey: bKey } = await pcWithRecoveryKey(ho, await location.code(), 'B');
      const wraps = () => ho.db.selectFrom('key_recovery_wraps').selectAll().where('location_id', '=', location.id).execute();

      // On A: another PC's herstelsleutel is refused at the field and leaves nothing at head office.
      const notA = await a.err('sync.offerRecoveryKey', { recoveryKey: bKey });
      expect(notA).toMatchObject({ code: 'VALIDATION', details: { recoveryKey: expect.stringMatching(/^Dit is niet de herstelsleutel van deze computer\. Er is niets veranderd/) } });
      expect((await a.err('sync.offerRecoveryKey', { recoveryKey: 'ABCD-EFGH' })).details).toMatchObject({ recoveryKey: expect.stringMatching(/^Een herstelsleutel heeft 32 tekens/) });
      expect(await wraps()).toEqual([]);
      expect((await a.ok('sync.status', {})).recoveryWrapAt).toBeNull();
      // A's own (typed in lower case, spaces for dashes): the wrapped key goes to head office.
      const offered = await a.ok('sync.offerRecoveryKey', { recoveryKey: aKey.toLowerCase().replace(/-/g, ' ') });
      expect(offered.recoveryWrapAt).not.toBeNull();
      expect(await wraps()).toMatchObject([{ key_id: offered.syncKeyId }]);

      // B has no key: sealed data wait. A wrong herstelsleutel (B's own) opens nothing and changes nothing.
      await syncPc(b);
      expect(await b.ok('sync.status', {})).toMatchObject({ syncKeyId: null, sealedWaiting: 3 });
      const wrong = await b.err('sync.receiveKey', { code: bKey });
      expect(wrong).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/^Deze herstelsleutel opent de sleutel van de locatie niet\. Er is niets veranderd\./) });
      expect(await b.ok('sync.status', {})).toMatchObject({ syncKeyId: null, sealedWaiting: 3 });
      expect(keysOf(b)).toEqual([]);

      // A's herstelsleutel: B has the key and reads A's medical data and meldcode signal.
      await b.ok('sync.receiveKey', { code: aKey });
      await syncPc(b);
      expect(await b.ok('sync.status', {})).toMatchObject({ syncKeyId: offered.syncKeyId, sealedWaiting: 0 });
      expect(keysOf(b)).toMatchObject([{ key_id: offered.syncKeyId, source: 'recovery' }]);
      expect((await b.ok('medical.get', { childId: child.id })).allergies).toBe(ALLERGY);
      expect(JSON.stringify(await b.ok('meldcode.get', { caseId: file.id }))).toContain(OBSERVATION);
      // Audited on both PCs, never with the herstelsleutel; the wrap stays for the next PC.
      const audit = [a, b].map((pc) => pc.core.sqlite().prepare("SELECT action, details FROM audit_log WHERE action IN ('sync.offerRecoveryKey', 'sync.receiveKey')").all() as { action: string; details: string | null }[]);
      expect(audit[0]).toHaveLength(1);
      expect(audit[1]).toMatchObject([{ action: 'sync.receiveKey', details: expect.stringContaining('recoveryKey') }]);
      for (const k of [aKey, plain(aKey)]) expect(JSON.stringify(audit)).not.toContain(k);
      expect(await wraps()).toHaveLength(1);

      // B offers its own too; revoking B withdraws B's wrap and rotates the key.
      await b.ok('sync.offerRecoveryKey', { recoveryKey: bKey });
      expect(await wraps()).toHaveLength(2);
      await revokeDevice(ho.db, (await b.ok('sync.status', {})).deviceId!, new Date());
      expect(await wraps()).toMatchObject([{ created_by_device: (await a.ok('sync.status', {})).deviceId }]);
      await syncPc(a);
      const newKeyId = (await a.ok('sync.status', {})).syncKeyId!;
      expect(newKeyId).not.toBe(offered.syncKeyId);
      await a.ok('medical.update', { childId: child.id, allergies: 'Na de rotatie', diet: null, medication: null, otherParticulars: null });
      await syncPc(a);

      // A wrap made before the rotation still serves: the new PC follows the rotation to the current key at once.
      const { pc: d } = await pcWithRecoveryKey(ho, await location.code(), 'D');
      expect((await d.ok('sync.receiveKey', { code: aKey })).syncKeyId).toBe(newKeyId);
      await syncPc(d);
      expect((await d.ok('medical.get', { childId: child.id })).allergies).toBe('Na de rotatie');

      // A new herstelsleutel on A: its sync round withdraws the wrap, and the old one opens nothing any more.
      const { recoveryKey: aNewKey } = await a.ok('security.rotateRecoveryKey', { currentPassword: 'Zonnebloem-Tafel-42' });
      expect((await a.ok('sync.status', {})).recoveryWrapAt).toBeNull();
      await syncPc(a);
      expect(await wraps()).toEqual([]);
      const { pc: e } = await pcWithRecoveryKey(ho, await location.code(), 'E');
      expect((await e.err('sync.receiveKey', { code: aKey })).message).toMatch(/^Deze herstelsleutel opent de sleutel van de locatie niet/);
      expect((await e.ok('sync.status', {})).syncKeyId).toBeNull();
      // Wrong attempts on one PC meet a growing delay (three free).
      await e.err('sync.receiveKey', { code: aNewKey });
      await e.err('sync.receiveKey', { code: aNewKey });
      expect(await e.err('sync.receiveKey', { code: aNewKey })).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringMatching(/^Te veel mislukte pogingen/) });

      // Head office holds neither key nor any herstelsleutel, in any encoding.
      const rows = await headOfficeRows(ho, dialect);
      for (const secret of [aKey, aNewKey, bKey]) for (const form of [secret, plain(secret), plain(secret).toLowerCase()]) expect(rows).not.toContain(form);
      for (const k of keysOf(a)) {
        const raw = Buffer.from(k.key_material, 'base64');
        for (const form of [k.key_material, raw.toString('hex'), raw.toString('base64url')]) expect(rows).not.toContain(form);
      }
      for (const secret of [ALLERGY, OBSERVATION]) expect(rows).not.toContain(secret);
    }, 240_000);
  });
}
