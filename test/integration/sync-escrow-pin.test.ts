import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setEscrowKey } from '../../headoffice/service/escrow.service';
import { revokeDevice } from '../../headoffice/service/sync.service';
import { formatFingerprint } from '../../shared/sync/protocol';
import { MANAGER, ROOT } from '../helpers/backend';
import { enrolledPc, startHeadOffice, type RunningHeadOffice, syncPc } from '../helpers/headoffice';
import { startPostgres } from '../helpers/postgres';

/**
 * Escrow key pinning (issue 15): the PC remembers the fingerprint of the first escrow key it wraps
 * the location's key to; when head office swaps the escrow key, the PC wraps nothing to the new one
 * until the manager confirms the fingerprint shown, which the CLI shows the same way.
 */
type Pg = Awaited<ReturnType<typeof startPostgres>>;
let pg: Pg = null;
beforeAll(async () => {
  pg = await startPostgres();
}, 120_000);
afterAll(() => pg?.stop());

const DAY = 24 * 60 * 60 * 1000;
const pem = (key: ReturnType<typeof generateKeyPairSync>['publicKey']) => key.export({ type: 'spki', format: 'pem' }).toString();

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`escrow key pinning on ${dialect}`, () => {
    let ho: RunningHeadOffice;
    beforeAll(async () => {
      if (dialect === 'postgres' && !pg) return;
      ho = await startHeadOffice(dialect === 'postgres' ? pg!.url : undefined);
    });
    afterAll(async () => ho?.close());

    it('head office swaps the escrow key: the PC does not wrap to it until the manager confirms the new fingerprint', async (ctx) => {
      if (!ho) ctx.skip();
      let clock = Date.now();
      const first = generateKeyPairSync('rsa', { modulusLength: 3072 });
      const pinned = await setEscrowKey(ho.db, pem(first.publicKey), new Date(clock - 1000));
      const location = await ho.newLocation('KDV Vingerafdruk');
      const pc = await enrolledPc(ho, await location.code(), { now: () => new Date(clock) });
      const other = await enrolledPc(ho, await location.code(), { name: 'Tweede' });
      const escrowed = () => ho.db.selectFrom('key_escrow').select(['key_id', 'fingerprint']).where('location_id', '=', location.id).orderBy('created_at').execute();
      const keyId = (await pc.ok('sync.status', {})).syncKeyId!;
      // A day later (the PC checks the escrow key daily); the idle session locked meanwhile.
      const nextDay = async () => {
        clock += DAY + 60_000;
        await pc.call('session.touch', {});
        await pc.ok('auth.login', { username: MANAGER.username, password: MANAGER.password });
      };
      // The first escrow key is pinned at enrolment and wrapped to.
      expect(await escrowed()).toEqual([{ key_id: keyId, fingerprint: pinned }]);
      expect((await pc.ok('sync.status', {})).escrowKeyChange).toBeNull();

      // Someone swaps the escrow key at head office. At the next daily check the PC wraps nothing to it.
      const second = generateKeyPairSync('rsa', { modulusLength: 3072 });
      const offered = await setEscrowKey(ho.db, pem(second.publicKey), new Date());
      await nextDay();
      await syncPc(pc);
      expect(await escrowed()).toEqual([{ key_id: keyId, fingerprint: pinned }]);
      expect((await pc.ok('sync.status', {})).escrowKeyChange).toEqual({ pinned, offered });
      // Further rounds change nothing either.
      await nextDay();
      await syncPc(pc);
      expect(await escrowed()).toHaveLength(1);
      // A new sync key meanwhile (a revoke rotates it) is wrapped to the pinned key only: escrow goes on.
      await revokeDevice(ho.db, (await other.ok('sync.status', {})).deviceId!, new Date());
      await syncPc(pc);
      const rotatedKeyId = (await pc.ok('sync.status', {})).syncKeyId!;
      expect(rotatedKeyId).not.toBe(keyId);
      expect(await escrowed()).toEqual([{ key_id: keyId, fingerprint: pinned }, { key_id: rotatedKeyId, fingerprint: pinned }]);
      expect((await pc.ok('sync.status', {})).escrowKeyChange).toEqual({ pinned, offered });

      // A fingerprint other than the one offered is not accepted; a malformed one fails at the field.
      expect(await pc.err('sync.confirmEscrowKey', { fingerprint: pinned })).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/^De escrowsleutel die het hoofdkantoor aanbiedt, is intussen veranderd\. Er is niets bevestigd/) });
      expect((await pc.err('sync.confirmEscrowKey', { fingerprint: 'abc' })).details).toMatchObject({ fingerprint: 'Een vingerafdruk bestaat uit 64 tekens 0-9 en a-f.' });
      expect((await pc.ok('sync.status', {})).escrowKeyChange).toEqual({ pinned, offered });

      // The CLI shows the same fingerprint as the PC (in groups of 4).
      const cli = await promisify(execFile)(path.join(ROOT, 'node_modules/.bin/tsx'), ['headoffice/cli.ts', ...(ho.dataDir ? ['--data-dir', ho.dataDir] : []), 'escrow-key'], {
        cwd: ROOT,
        env: { ...process.env, ...(ho.dataDir ? {} : { DATABASE_URL: pg!.url }) },
      });
      expect(cli.stdout).toContain(formatFingerprint(offered));

      // The manager confirms: the next round wraps the key to the new escrow key, and it is pinned.
      const confirmed = await pc.ok('sync.confirmEscrowKey', { fingerprint: offered });
      expect(confirmed.escrowKeyChange).toBeNull();
      await syncPc(pc);
      expect(await escrowed()).toEqual(expect.arrayContaining([{ key_id: rotatedKeyId, fingerprint: pinned }, { key_id: rotatedKeyId, fingerprint: offered }]));
      expect(await escrowed()).toHaveLength(3);
      expect(pc.core.sqlite().prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'sync.confirmEscrowKey'").get()).toEqual({ n: 1 });

      // Head office going back to the first key is a change again: it waits for the manager too.
      await ho.db.deleteFrom('escrow_keys').where('fingerprint', '=', offered).execute();
      await nextDay();
      await syncPc(pc);
      expect((await pc.ok('sync.status', {})).escrowKeyChange).toEqual({ pinned: offered, offered: pinned });
    }, 180_000);
  });
}
