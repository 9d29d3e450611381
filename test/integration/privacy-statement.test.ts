import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsoleUser } from '../../headoffice/console/auth.service';
import { createConsoleLocation } from '../../headoffice/console/console.service';
import { CSRF_HEADER, SESSION_COOKIE } from '../../headoffice/console/routes';
import { isoDateIn } from '../../shared/domain/clock';
import { nlDateLong } from '../../shared/domain/dates';
import { MANAGER, ROOT } from '../helpers/backend';
import { createFamily } from '../helpers/clients';
import { addDays } from '../helpers/dates';
import { enrolledPc, startHeadOffice, type RunningHeadOffice, syncPc } from '../helpers/headoffice';
import { readPdf } from '../helpers/pdf';
import { startPostgres } from '../helpers/postgres';

/**
 * Issue 18 part 8: a privacy statement version the privacy officer publishes reaches every location
 * (and a location created later gets every version); the location shows the version in force from
 * its effective date on the app's clock, consent forms cite it, and the new version is one
 * "ouders informeren" task for the location, however many PCs pull it and mark it.
 */
type Pg = Awaited<ReturnType<typeof startPostgres>>;
let pg: Pg = null;
beforeAll(async () => {
  pg = await startPostgres();
}, 120_000);
afterAll(() => pg?.stop());

const PASSWORD = 'Console-Wachtwoord-2026';
const TEXT = 'Wie zijn wij\n\nStichting Zonnestraal verwerkt persoonsgegevens van kinderen en ouders.\n\nUw rechten\n\nU kunt uw gegevens inzien via privacy@zonnestraal.nl.';
/** Collapses pdftotext's layout whitespace, so a sentence wrapped over two lines still matches. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`privacy statement versions at the locations on ${dialect}`, () => {
    let ho: RunningHeadOffice;
    beforeAll(async () => {
      if (dialect === 'postgres' && !pg) return;
      ho = await startHeadOffice(dialect === 'postgres' ? pg!.url : undefined);
      await createConsoleUser(ho.db, { username: 'po', name: 'Privacy Officer', role: 'privacy_officer', password: PASSWORD }, new Date());
    });
    afterAll(async () => ho?.close());

    async function publish(body: { version: string; effectiveDate: string; text: string }) {
      const login = await fetch(`${ho.url}/console/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'po', password: PASSWORD }) });
      const cookie = login.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`))!.split(';')[0]!;
      const { csrfToken } = (await login.json()) as { csrfToken: string };
      const response = await fetch(`${ho.url}/console/api/statements`, { method: 'POST', headers: { cookie, [CSRF_HEADER]: csrfToken, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect(response.status, await response.clone().text()).toBe(200);
    }

    it('reaches both PCs of a location, is in force from its effective date, cited on the consent form, and is one task until the parents are informed', async (ctx) => {
      if (!ho) return ctx.skip();
      let clock = new Date();
      const now = () => clock;
      const location = await ho.newLocation('KDV De Vlinder');
      const other = await ho.newLocation('BSO De Rups');
      const pc1 = await enrolledPc(ho, await location.code(), { now });
      const pc2 = await enrolledPc(ho, await location.code(), { now, name: 'Groepsruimte' });
      const { child } = await createFamily(pc1);
      const empty = await pc1.ok('privacyStatement.list', {});
      expect(empty).toEqual({ versions: [], inForceId: null, informed: [], notice: null });

      const today = isoDateIn(clock);
      const effective = addDays(today, 10);
      await publish({ version: '2026.2', effectiveDate: effective, text: TEXT });
      await syncPc(pc1);
      await syncPc(pc2);
      // Every location has it in its stream, each under an id of its own.
      const streams = await ho.db.selectFrom('records').select(['location_id', 'entity_id']).where('entity', '=', 'privacy_statement_versions').execute();
      expect(streams.map((r) => r.location_id).sort()).toEqual([location.id, other.id].sort());
      expect(new Set(streams.map((r) => r.entity_id)).size).toBe(2);

      // Published, not yet in force: shown, not cited; the task is there on both PCs, for the same version.
      const before = await pc1.ok('privacyStatement.list', {});
      expect(before.versions).toEqual([{ id: expect.any(String), version: '2026.2', effectiveDate: effective, text: TEXT, publishedAt: expect.any(String) }]);
      expect(before.inForceId).toBeNull();
      expect(before.notice).toMatchObject({ version: '2026.2', effectiveDate: effective });
      expect((await pc2.ok('privacyStatement.list', {})).notice?.id).toBe(before.notice!.id);
      await syncPc(pc1);
      expect(flat(readPdf(await pc1.ok('consents.formPdf', { childId: child.id, blank: true })))).not.toContain('Privacyverklaring versie');

      // Bad input changes nothing: a date in the future, or before the version was published.
      const future = await pc1.err('privacyStatement.markInformed', { id: before.notice!.id, informedOn: addDays(today, 1) });
      expect(future.code).toBe('VALIDATION');
      expect(Object.keys(future.details ?? {})).toEqual(['informedOn']);
      const early = await pc1.err('privacyStatement.markInformed', { id: before.notice!.id, informedOn: addDays(today, -1) });
      expect(early.details).toMatchObject({ informedOn: expect.stringContaining('gepubliceerd') });
      expect((await pc1.ok('privacyStatement.list', {})).notice).not.toBeNull();

      // Both PCs mark it before they sync: still one note (same id), and the task is gone on both.
      await pc1.ok('privacyStatement.markInformed', { id: before.notice!.id, informedOn: today });
      await pc2.ok('privacyStatement.markInformed', { id: before.notice!.id, informedOn: today });
      for (const pc of [pc1, pc2, pc1]) await syncPc(pc);
      for (const pc of [pc1, pc2]) {
        const after = await pc.ok('privacyStatement.list', {});
        expect(after.notice).toBeNull();
        expect(after.informed).toEqual([{ id: before.notice!.id, informedOn: today }]);
      }
      const notes = await ho.db.selectFrom('records').select('entity_id').where('location_id', '=', location.id).where('entity', '=', 'privacy_statement_informed').execute();
      expect(notes.map((n) => n.entity_id)).toEqual([before.notice!.id]);
      const audited = pc1.core.sqlite().prepare("SELECT entity, entity_id FROM audit_log WHERE action = 'privacyStatement.markInformed'").all();
      expect(audited).toEqual([{ entity: 'privacyStatement', entity_id: before.notice!.id }]);

      // The app's clock reaches the effective date: in force, and cited on the consent form.
      clock = new Date(clock.getTime() + 10 * 86_400_000);
      for (const pc of [pc1, pc2]) await pc.ok('auth.login', MANAGER); // ten days idle locked the app
      const inForce = await pc2.ok('privacyStatement.list', {});
      expect(inForce.inForceId).toBe(before.notice!.id);
      const form = flat(readPdf(await pc2.ok('consents.formPdf', { childId: child.id, blank: true })));
      expect(form).toContain(`Privacyverklaring versie 2026.2 van ${nlDateLong(effective)}`);
      expect((await pc2.ok('consents.privacyStatement', {})).version).toBe(`${nlDateLong(effective)} (versie 2026.2)`);

      // A next version: one task again (for the newest only); the first stays in force until the next's date.
      await publish({ version: '2027.1', effectiveDate: addDays(isoDateIn(clock), 30), text: 'Nieuwe tekst' });
      await syncPc(pc1);
      const next = await pc1.ok('privacyStatement.list', {});
      expect(next.versions.map((v) => v.version)).toEqual(['2027.1', '2026.2']);
      expect(next.inForceId).toBe(before.notice!.id);
      expect(next.notice?.version).toBe('2027.1');

      // A location created afterwards gets every version with its first pull.
      const later = await createConsoleLocation(ho.db, 'KDV Later', 'it-user', new Date());
      const published = await ho.db.selectFrom('records').select(['entity_id', 'payload']).where('location_id', '=', later.id).where('entity', '=', 'privacy_statement_versions').orderBy('entity_id').execute();
      expect(published).toHaveLength(2);
      expect(published.map((r) => r.entity_id)).not.toContain(before.notice!.id);
      expect(published.map((r) => (JSON.parse(r.payload!) as { version_label: string }).version_label).sort()).toEqual(['2026.2', '2027.1']);

      // The same for a location IT creates with the head-office CLI.
      const created = await promisify(execFile)(path.join(ROOT, 'node_modules/.bin/tsx'), ['headoffice/cli.ts', ...(ho.dataDir ? ['--data-dir', ho.dataDir] : []), 'create-location', '--name', 'KDV Via CLI'], {
        cwd: ROOT,
        env: { ...process.env, ...(ho.dataDir ? {} : { DATABASE_URL: pg!.url }) },
      });
      const cliLocation = /id: (\S+)/.exec(created.stdout)![1]!;
      const viaCli = await ho.db.selectFrom('records').select('entity_id').where('location_id', '=', cliLocation).where('entity', '=', 'privacy_statement_versions').execute();
      expect(viaCli).toHaveLength(2);
    }, 90_000);
  });
}
