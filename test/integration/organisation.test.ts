import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsoleUser } from '../../headoffice/console/auth.service';
import { createConsoleLocation } from '../../headoffice/console/console.service';
import { CSRF_HEADER, SESSION_COOKIE } from '../../headoffice/console/routes';
import type { ConsoleRole } from '../../shared/console/roles';
import type { OrganisationInput } from '../../shared/organisation/profile';
import { createFamily } from '../helpers/clients';
import { enrolledPc, startHeadOffice, type RunningHeadOffice, syncPc } from '../helpers/headoffice';
import { ORGANISATION_PROFILE as PROFILE } from '../helpers/organisation';
import { readPdf } from '../helpers/pdf';
import { startPostgres } from '../helpers/postgres';

/**
 * Issue 18 part 7: the organisation's identity and privacy contacts, set by the privacy officer in
 * the console, reach every location through sync and are printed on the location's forms and letters.
 */
type Pg = Awaited<ReturnType<typeof startPostgres>>;
let pg: Pg = null;
beforeAll(async () => {
  pg = await startPostgres();
}, 120_000);
afterAll(() => pg?.stop());

const PASSWORD = 'Console-Wachtwoord-2026';

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`organisation profile on ${dialect}`, () => {
    let ho: RunningHeadOffice;
    beforeAll(async () => {
      if (dialect === 'postgres' && !pg) return;
      ho = await startHeadOffice(dialect === 'postgres' ? pg!.url : undefined);
      for (const role of ['privacy_officer', 'fg'] as ConsoleRole[]) await createConsoleUser(ho.db, { username: role, name: `Test ${role}`, role, password: PASSWORD }, new Date());
    });
    afterAll(async () => ho?.close());

    async function signIn(role: ConsoleRole) {
      const response = await fetch(`${ho.url}/console/api/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: role, password: PASSWORD }) });
      const cookie = response.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`))!.split(';')[0]!;
      const { csrfToken } = (await response.json()) as { csrfToken: string };
      return { cookie, [CSRF_HEADER]: csrfToken, 'content-type': 'application/json' };
    }
    const put = async (role: ConsoleRole, body: unknown) => fetch(`${ho.url}/console/api/organisation`, { method: 'PUT', headers: await signIn(role), body: JSON.stringify(body) });
    const get = async () => (await (await fetch(`${ho.url}/console/api/organisation`, { headers: await signIn('fg') })).json()) as { profile: OrganisationInput | null };

    it('is refused for the FG and for a bad e-mail (field message, nothing saved); saved by the privacy officer it reaches the PC and is printed on the consent form', async (ctx) => {
      if (!ho) return ctx.skip();
      const location = await ho.newLocation('KDV De Vlinder');
      const pc = await enrolledPc(ho, await location.code());
      const { child } = await createFamily(pc);
      // Before any profile arrived: no empty labels.
      expect(readPdf(await pc.ok('consents.formPdf', { childId: child.id, blank: true }))).not.toContain('Verwerkingsverantwoordelijke');

      expect((await put('fg', PROFILE)).status).toBe(403);
      const bad = await put('privacy_officer', { ...PROFILE, privacyOfficerEmail: 'privacy-zonnestraal' });
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { fields: Record<string, string> }).fields.privacyOfficerEmail).toBe('Dit is geen geldig e-mailadres (bijvoorbeeld privacy@organisatie.nl).');
      expect((await get()).profile).toBeNull();

      const saved = await put('privacy_officer', PROFILE);
      expect(saved.status, await saved.clone().text()).toBe(200);
      expect((await get()).profile).toEqual(PROFILE);
      const audit = await ho.db.selectFrom('console_audit').select('action').where('action', '=', 'console.organisation.update').execute();
      expect(audit).toHaveLength(1);

      await syncPc(pc);
      const text = readPdf(await pc.ok('consents.formPdf', { childId: child.id, blank: true }));
      expect(text).toContain('Stichting Kinderopvang Zonnestraal');
      expect(text).toContain('privacy@zonnestraal.nl');
      expect(text).toContain('Functionaris Gegevensbescherming: Mr. P. de Vries');

      // A location created afterwards gets the profile in force with its first pull.
      const later = await createConsoleLocation(ho.db, 'KDV Later', 'it-user', new Date());
      const published = await ho.db.selectFrom('records').select(['entity_id', 'payload']).where('location_id', '=', later.id).where('entity', '=', 'organisation_profile').execute();
      expect(published.map((r) => r.entity_id)).toEqual([`${later.id}:organisation`]);
      expect(published[0]!.payload).toContain('privacy@zonnestraal.nl');
    }, 60_000);
  });
}
