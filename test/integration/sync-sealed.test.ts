import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import { promisify } from 'node:util';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestJson } from '../../electron/backend/sync/http';
import type { Transport } from '../../electron/backend/sync/sync.engine';
import type { Change } from '../../shared/sync/protocol';
import { consoleEscrowKey, listConsoleLocations } from '../../headoffice/console/console.service';
import { setEscrowKey } from '../../headoffice/service/escrow.service';
import { revokeDevice } from '../../headoffice/service/sync.service';
import { ROOT, tempDir, type TestBackend } from '../helpers/backend';
import { BSN, HOUSEHOLD, groupId } from '../helpers/clients';
import { enrolledPc, startHeadOffice, type RunningHeadOffice, headOfficeRows, syncPc } from '../helpers/headoffice';
import { startPostgres } from '../helpers/postgres';

/**
 * Sealed special categories (issue 15): medical data and meldcode files cross head office only as
 * ciphertext under the location's sync key; a second PC reads them once it has the key from a
 * transfer code; a tampered ciphertext is refused and kept aside, never applied.
 */
type Pg = Awaited<ReturnType<typeof startPostgres>>;
let pg: Pg = null;
beforeAll(async () => {
  pg = await startPostgres();
}, 120_000);
afterAll(() => pg?.stop());

const SURNAME = 'Kwakernaat';
const ALLERGY = 'Kanarie-allergie voor sesamzaad QX41';
const OBSERVATION = 'Kanarie-signaal: striemen op de rug gezien QX42';



/** A child with medical data and a meldcode case with a signal, all on `pc`. */
async function sensitiveRecords(pc: TestBackend) {
  const household = await pc.ok('households.create', HOUSEHOLD);
  const child = await pc.ok('children.create', { householdId: household.id, firstName: 'Mees', initials: 'M.', surnamePrefix: null, surname: SURNAME, birthDate: '2023-02-01', groupId: await groupId(pc, 'Rupsjes'), bsn: BSN.child });
  await pc.ok('medical.update', { childId: child.id, allergies: ALLERGY, diet: null, medication: null, otherParticulars: null });
  const file = await pc.ok('meldcode.open', { route: 'huiselijk', childId: child.id, openedOn: '2026-11-02' });
  await pc.ok('meldcode.addEntry', { caseId: file.id, kind: 'signal', occurredOn: '2026-11-02', payload: { observation: OBSERVATION, observedBy: 'Bert Jansen' } });
  return { child, caseId: file.id };
}

/** Head office's files on disk: the SQLite file and WAL, or the PostgreSQL cluster after a checkpoint. */
async function headOfficeFiles(ho: RunningHeadOffice, dialect: 'sqlite' | 'postgres'): Promise<Buffer[]> {
  const dir = dialect === 'sqlite' ? ho.dataDir! : pg!.dataDir;
  if (dialect === 'postgres') await sql`CHECKPOINT`.execute(ho.db);
  const files: Buffer[] = [];
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) files.push(fs.readFileSync(full));
    }
  };
  walk(dir);
  return files;
}

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`sealed special categories through head office on ${dialect}`, () => {
    let ho: RunningHeadOffice;
    beforeAll(async () => {
      if (dialect === 'postgres' && !pg) return;
      ho = await startHeadOffice(dialect === 'postgres' ? pg!.url : undefined);
    });
    afterAll(async () => ho?.close());
    const run = (name: string, fn: () => Promise<void>) =>
      it(
        name,
        async (ctx) => {
          if (!ho) ctx.skip();
          await fn();
        },
        120_000,
      );

    run('head office holds neither the medical text nor the meldcode signal, only the surname; a second PC reads both after its transfer code', async () => {
      const location = await ho.newLocation('KDV Verzegeld');
      const pc1 = await enrolledPc(ho, await location.code());
      const status1 = await pc1.ok('sync.status', {});
      expect(status1.syncKeyId).toMatch(/^[0-9a-f-]{36}$/);
      const { child, caseId } = await sensitiveRecords(pc1);
      const report = await syncPc(pc1);
      expect(report.pushed).toBeGreaterThanOrEqual(6);
      expect(report.rejected + report.conflicts).toBe(0);

      // What head office holds: the surname (contract data stay readable), not the sealed texts.
      const rows = await headOfficeRows(ho, dialect);
      expect(rows).toContain(SURNAME);
      for (const secret of [ALLERGY, OBSERVATION, 'sesamzaad', 'striemen']) expect(rows).not.toContain(secret);
      const files = await headOfficeFiles(ho, dialect);
      expect(files.some((f) => f.includes(SURNAME))).toBe(true);
      for (const secret of [ALLERGY, OBSERVATION]) expect(files.some((f) => f.includes(secret))).toBe(false);
      const medical = await ho.db.selectFrom('records').select('payload').where('entity', '=', 'child_medical').where('entity_id', '=', child.id).executeTakeFirstOrThrow();
      expect(JSON.parse(medical.payload!).$sealed).toMatchObject({ format: 'kop-seal-1', keyId: status1.syncKeyId });
      expect((await ho.db.selectFrom('locations').select('sync_key_id').where('id', '=', location.id).executeTakeFirstOrThrow()).sync_key_id).toBe(status1.syncKeyId);

      // A second PC without the key: everything else arrives, the sealed data wait and the status says so.
      const pc2 = await enrolledPc(ho, await location.code(), { name: 'Groepsruimte' });
      await syncPc(pc2);
      const waiting = await pc2.ok('sync.status', {});
      expect(waiting).toMatchObject({ syncKeyId: null, sealedWaiting: 3 });
      expect((await pc2.ok('children.get', { id: child.id })).surname).toBe(SURNAME);
      expect((await pc2.ok('medical.get', { childId: child.id })).allergies).toBeNull();
      expect(await pc2.ok('meldcode.list', {})).toEqual([]);

      // Its own medical edit waits in the outbox: never sent in clear.
      const own = await pc2.ok('households.create', HOUSEHOLD);
      const ownChild = await pc2.ok('children.create', { householdId: own.id, firstName: 'Lot', initials: 'L.', surnamePrefix: null, surname: 'Tweede', birthDate: '2023-05-01', groupId: await groupId(pc2, 'Rupsjes'), bsn: null });
      await pc2.ok('medical.update', { childId: ownChild.id, allergies: 'Kanarie-noten van pc 2', diet: null, medication: null, otherParticulars: null });
      await syncPc(pc2);
      expect(await ho.db.selectFrom('records').select('entity').where('entity_id', '=', ownChild.id).execute()).toEqual([{ entity: 'children' }]);
      expect((await pc2.ok('sync.status', {})).pending).toBe(1);

      // A wrong code changes nothing.
      const wrong = await pc2.err('sync.receiveKey', { code: 'ABCD-EFGH-JKMN-PQRS' });
      expect(wrong).toMatchObject({ code: 'VALIDATION', message: 'Deze overdrachtscode klopt niet of is verlopen. Er is niets veranderd; vraag op een gekoppelde computer van de locatie een nieuwe code.' });
      expect(await pc2.ok('sync.status', {})).toMatchObject({ syncKeyId: null, sealedWaiting: 3 });
      const short = await pc2.err('sync.receiveKey', { code: 'ABCD' });
      expect(short.details).toMatchObject({ code: 'Vul een overdrachtscode van 16 tekens in (bijvoorbeeld ABCD-EFGH-JKMN-PQRS) of een herstelsleutel van 32 tekens.' });

      // The transfer code from PC 1: head office stores only the wrapped key, and deletes it once used.
      const { code, expiresAt } = await pc1.ok('sync.transferCode', {});
      expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
      expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(23 * 3600_000);
      const transfers = await ho.db.selectFrom('key_transfers').selectAll().where('location_id', '=', location.id).execute();
      expect(transfers).toHaveLength(1);
      expect(JSON.stringify(transfers)).not.toContain(code.replace(/-/g, ''));
      await pc2.ok('sync.receiveKey', { code: code.toLowerCase().replace(/-/g, ' ') });
      expect(await ho.db.selectFrom('key_transfers').selectAll().where('location_id', '=', location.id).execute()).toEqual([]);
      await syncPc(pc2);
      expect(await pc2.ok('sync.status', {})).toMatchObject({ syncKeyId: status1.syncKeyId, sealedWaiting: 0 });
      expect((await pc2.ok('medical.get', { childId: child.id })).allergies).toBe(ALLERGY);
      expect(JSON.stringify(await pc2.ok('meldcode.get', { caseId }))).toContain(OBSERVATION);
      // What it queued meanwhile went out sealed, and PC 1 reads it.
      expect((await pc2.ok('sync.status', {})).pending).toBe(0);
      const ownSealed = await ho.db.selectFrom('records').select('payload').where('entity', '=', 'child_medical').where('entity_id', '=', ownChild.id).executeTakeFirstOrThrow();
      expect(ownSealed.payload).not.toContain('Kanarie-noten');
      await syncPc(pc1);
      expect((await pc1.ok('medical.get', { childId: ownChild.id })).allergies).toBe('Kanarie-noten van pc 2');

      // Used once: a third PC cannot take the same code.
      const pc3 = await enrolledPc(ho, await location.code(), { name: 'Derde' });
      expect((await pc3.err('sync.receiveKey', { code })).code).toBe('VALIDATION');
      // Making and receiving a code are audited (ids only, never the code).
      const audit = pc1.core.sqlite().prepare("SELECT action, details FROM audit_log WHERE action = 'sync.transferCode'").all() as { details: string | null }[];
      expect(audit).toHaveLength(1);
      expect(JSON.stringify(audit)).not.toContain(code);
      expect(pc2.core.sqlite().prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'sync.receiveKey'").get()).toEqual({ n: 1 });
    });

    run('escrow: the PC wraps the key to the organisation key; the CLI opens a sealed record with the private key file and says so in the audit log', async () => {
      const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 3072 });
      const fingerprint = await setEscrowKey(ho.db, publicKey.export({ type: 'spki', format: 'pem' }).toString(), new Date());
      const location = await ho.newLocation('KDV Escrow');
      const pc = await enrolledPc(ho, await location.code());
      // Key and escrow were settled at enrolment: the first round asks nothing extra.
      const firstRound: string[] = [];
      const { child } = await sensitiveRecords(pc);
      await syncPc(pc, async (base, options) => {
        firstRound.push(options.path.split('?')[0]!);
        return requestJson(base, options);
      });
      expect([...new Set(firstRound)]).toEqual(['/v1/sync/push', '/v1/sync/pull']);
      const escrow = await ho.db.selectFrom('key_escrow').selectAll().where('location_id', '=', location.id).execute();
      expect(escrow).toMatchObject([{ key_id: (await pc.ok('sync.status', {})).syncKeyId, fingerprint }]);
      // A second round does not ask again (checked once a day).
      const asked: string[] = [];
      await syncPc(pc, async (base, options) => {
        asked.push(options.path);
        return requestJson(base, options);
      });
      expect(asked.filter((p) => p.includes('escrow'))).toEqual([]);
      // Locaties en apparaten shows IT the fingerprint and that the location's key is in escrow.
      expect((await consoleEscrowKey(ho.db)).fingerprint).toBe(fingerprint);
      const sealingOf = async () => (await listConsoleLocations(ho.db)).find((l) => l.id === location.id)!.sealing;
      expect(await sealingOf()).toEqual({ keyId: (await pc.ok('sync.status', {})).syncKeyId, rotationDue: false, escrowed: true });
      // After a revoke the rotation is due; the PC's next round makes the new key and puts it in escrow too.
      const gone = await enrolledPc(ho, await location.code(), { name: 'Weg' });
      await revokeDevice(ho.db, (await gone.ok('sync.status', {})).deviceId!, new Date());
      expect(await sealingOf()).toMatchObject({ rotationDue: true });
      await syncPc(pc);
      const rotated = (await pc.ok('sync.status', {})).syncKeyId;
      expect(rotated).not.toBe(escrow[0]!.key_id);
      expect(await sealingOf()).toEqual({ keyId: rotated, rotationDue: false, escrowed: true });

      const keyFile = path.join(tempDir(), 'prive.pem');
      fs.writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }));
      const cli = (...args: string[]) =>
        promisify(execFile)(path.join(ROOT, 'node_modules/.bin/tsx'), ['headoffice/cli.ts', ...(ho.dataDir ? ['--data-dir', ho.dataDir] : []), ...args], {
          cwd: ROOT,
          env: { ...process.env, ...(ho.dataDir ? {} : { DATABASE_URL: pg!.url }) },
        });
      const opened = await cli('open-sealed', '--entity', 'child_medical', '--id', child.id, '--private-key', keyFile, '--reason', 'Vordering van de rechter-commissaris');
      expect(JSON.parse(opened.stdout)).toMatchObject({ child_id: child.id, allergies: ALLERGY });
      const audit = await ho.db.selectFrom('console_audit').select(['action', 'detail']).where('action', '=', 'escrow.openSealed').execute();
      expect(audit).toHaveLength(1);
      expect(JSON.parse(audit[0]!.detail)).toMatchObject({ locationId: location.id, entity: 'child_medical', entityId: child.id, fingerprint, reason: 'Vordering van de rechter-commissaris' });
      expect(audit[0]!.detail).not.toContain(ALLERGY);
      expect((await cli('console-audit-check')).stdout).toMatch(/intact/);
      // Another private key opens nothing.
      const other = generateKeyPairSync('rsa', { modulusLength: 3072 }).privateKey;
      fs.writeFileSync(keyFile, other.export({ type: 'pkcs8', format: 'pem' }));
      await expect(cli('open-sealed', '--entity', 'child_medical', '--id', child.id, '--private-key', keyFile, '--reason', 'Vordering')).rejects.toMatchObject({ stderr: expect.stringMatching(/geen escrow/) });
    });

    run('an expired transfer code is refused and changes nothing', async () => {
      const location = await ho.newLocation('KDV Verlopen');
      const pc1 = await enrolledPc(ho, await location.code());
      const pc2 = await enrolledPc(ho, await location.code(), { name: 'Tweede' });
      const { code } = await pc1.ok('sync.transferCode', {});
      await ho.db.updateTable('key_transfers').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('location_id', '=', location.id).execute();
      const error = await pc2.err('sync.receiveKey', { code });
      expect(error.message).toMatch(/klopt niet of is verlopen/);
      expect((await pc2.ok('sync.status', {})).syncKeyId).toBeNull();
      // Expired transfers are deleted, not kept.
      expect(await ho.db.selectFrom('key_transfers').selectAll().where('location_id', '=', location.id).execute()).toEqual([]);
    });

    run('a tampered or truncated ciphertext is refused in Dutch, kept aside as a conflict and never applied', async () => {
      const location = await ho.newLocation('KDV Geknoeid');
      const pc1 = await enrolledPc(ho, await location.code());
      const pc2 = await enrolledPc(ho, await location.code(), { name: 'Tweede' });
      const { code } = await pc1.ok('sync.transferCode', {});
      await pc2.ok('sync.receiveKey', { code });
      const { child } = await sensitiveRecords(pc1);
      await syncPc(pc1);
      await syncPc(pc2);
      expect((await pc2.ok('medical.get', { childId: child.id })).allergies).toBe(ALLERGY);

      await pc1.ok('medical.update', { childId: child.id, allergies: 'Gewijzigd door pc 1', diet: 'Glutenvrij', medication: null, otherParticulars: null });
      await syncPc(pc1);
      const spoil =
        (how: (data: Buffer) => Buffer): Transport =>
        async (base, options) => {
          const answer = await requestJson(base, options);
          if (options.path.startsWith('/v1/sync/pull')) {
            for (const change of (answer as { changes: Change[] }).changes) {
              const envelope = (change.payload as { $sealed?: { data: string } } | null)?.$sealed;
              if (change.entity === 'child_medical' && envelope) envelope.data = how(Buffer.from(envelope.data, 'base64')).toString('base64');
            }
          }
          return answer;
        };
      const flipped = await syncPc(pc2, spoil((data) => Buffer.from(data.map((b, i) => (i === 3 ? b ^ 1 : b)))));
      expect(flipped.refused).toEqual(['Versleutelde gegevens van het hoofdkantoor zijn gewijzigd of beschadigd en zijn niet toegepast.']);
      expect((await pc2.ok('medical.get', { childId: child.id })).allergies).toBe(ALLERGY);
      const kept = pc2.core.sqlite().prepare("SELECT kind, entity, entity_id, server_payload, reason FROM sync_conflicts WHERE resolved_at IS NULL").all() as { server_payload: string }[];
      expect(kept).toMatchObject([{ kind: 'rejected', entity: 'child_medical', entity_id: child.id, reason: flipped.refused[0] }]);
      expect(JSON.parse(kept[0]!.server_payload).$sealed.format).toBe('kop-seal-1');
      expect((await pc2.ok('sync.status', {})).openConflicts).toBe(1);

      // Truncated: the same, on a fresh pull of that change.
      pc2.core.sqlite().prepare("UPDATE settings SET value = '0' WHERE key = 'sync.cursor'").run();
      const truncated = await syncPc(pc2, spoil((data) => data.subarray(0, data.length - 5)));
      expect(truncated.refused).toEqual(['Versleutelde gegevens van het hoofdkantoor zijn gewijzigd of beschadigd en zijn niet toegepast.']);
      pc2.core.sqlite().prepare("UPDATE settings SET value = '0' WHERE key = 'sync.cursor'").run();
      const cut = await syncPc(pc2, spoil((data) => data.subarray(0, 8)));
      expect(cut.refused).toEqual(['Versleutelde gegevens van het hoofdkantoor zijn ingekort en zijn niet toegepast.']);
      expect((await pc2.ok('medical.get', { childId: child.id })).allergies).toBe(ALLERGY);
      expect((await pc2.ok('sync.status', {})).openConflicts).toBe(3);

      // A healthy pull applies head office's version.
      pc2.core.sqlite().prepare("UPDATE settings SET value = '0' WHERE key = 'sync.cursor'").run();
      expect((await syncPc(pc2)).refused).toEqual([]);
      expect(await pc2.ok('medical.get', { childId: child.id })).toMatchObject({ allergies: 'Gewijzigd door pc 1', diet: 'Glutenvrij' });
    });
  });
}
