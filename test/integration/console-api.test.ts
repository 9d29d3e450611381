import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ConsoleRole } from '../../shared/console/roles';
import { verifyAuditChain } from '../../headoffice/console/audit';
import { SESSION_IDLE_MS } from '../../headoffice/console/auth.service';
import { CONSOLE_ROUTES, CSRF_HEADER, SESSION_COOKIE } from '../../headoffice/console/routes';
import type { HoDb } from '../../headoffice/db/schema';
import { DEFAULT_CONSOLE_UI_DIR } from '../../headoffice/console/ui';
import { buildHeadOfficeServer } from '../../headoffice/service/server';
import { CONSOLE_CONTENT_SECURITY_POLICY } from '../../shared/security/csp';
import { createLocation } from '../../headoffice/service/sync.service';
import { CONSOLE_PASSWORD, CONSOLE_USERS, consoleUnderTest } from '../helpers/console';
import { startPostgres } from '../helpers/postgres';

type Pg = Awaited<ReturnType<typeof startPostgres>>;
let pg: Pg = null;
beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(() => pg?.stop());


/** A path for a route, with its parameters filled in. */
const urlOf = (route: (typeof CONSOLE_ROUTES)[number], id: string) => `/console/api${route.url.replace(':id', id)}`;

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`head-office console API on ${dialect}`, () => {
    let db: HoDb;
    let app: FastifyInstance;
    let clock = new Date('2030-03-01T09:00:00Z');
    let locationId = '';

    beforeEach(async (ctx) => {
      if (dialect === 'postgres' && !pg) return ctx.skip();
      clock = new Date(Date.UTC(2030, 2, 1, 9));
      const ho = await consoleUnderTest({ databaseUrl: dialect === 'postgres' ? pg!.url : undefined, now: () => clock });
      ({ db, app } = ho);
      locationId = (await createLocation(db, 'Locatie Zon', clock)).id;
      return ho.close;
    });

    async function signIn(role: ConsoleRole) {
      const response = await app.inject({ method: 'POST', url: '/console/api/login', payload: { username: CONSOLE_USERS[role], password: CONSOLE_PASSWORD } });
      expect(response.statusCode).toBe(200);
      const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE)!;
      const { csrfToken } = response.json<{ csrfToken: string }>();
      return { cookie: `${SESSION_COOKIE}=${cookie.value}`, csrfToken, raw: cookie };
    }

    const auditCount = async () => Number((await db.selectFrom('console_audit').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

    it('refuses every API route without a session (401), also unknown ones', async () => {
      for (const route of CONSOLE_ROUTES) {
        const response = await app.inject({ method: route.method, url: urlOf(route, locationId), payload: route.method === 'POST' ? {} : undefined });
        expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
        expect(response.json<{ error: string }>().error).toContain('niet (meer) ingelogd');
      }
      for (const url of ['/console/api/me', '/console/api/nonexistent']) expect((await app.inject({ method: 'GET', url })).statusCode).toBe(401);
      expect((await app.inject({ method: 'POST', url: '/console/api/logout' })).statusCode).toBe(401);
    });

    it('sets an httpOnly SameSite=Strict session cookie for /console and keeps no token in the database', async () => {
      const session = await signIn('privacy_officer');
      expect(session.raw.httpOnly).toBe(true);
      expect(session.raw.sameSite).toBe('Strict');
      expect(session.raw.path).toBe('/console');
      const stored = await db.selectFrom('console_sessions').selectAll().execute();
      expect(stored).toHaveLength(1);
      expect(stored[0]!.token_hash).not.toBe(session.raw.value);
      const me = await app.inject({ method: 'GET', url: '/console/api/me', headers: { cookie: session.cookie } });
      expect(me.json<{ user: { role: string } }>().user.role).toBe('privacy_officer');
    });

    it('delays logins more after each failure, even with the right password during the delay', async () => {
      const attempt = (password: string) => app.inject({ method: 'POST', url: '/console/api/login', payload: { username: CONSOLE_USERS.it, password } });
      expect((await attempt('fout-1')).statusCode).toBe(401);
      expect((await attempt('fout-2')).statusCode).toBe(401);
      expect((await attempt('fout-3')).statusCode).toBe(401); // third failure: wait 2 s
      const blocked = await attempt(CONSOLE_PASSWORD);
      expect(blocked.statusCode).toBe(429);
      expect(blocked.json<{ error: string }>().error).toMatch(/Probeer het over 2 seconden opnieuw/);
      clock = new Date(clock.getTime() + 2_500);
      expect((await attempt('fout-4')).statusCode).toBe(401); // fourth: wait 4 s
      clock = new Date(clock.getTime() + 3_000);
      expect((await attempt(CONSOLE_PASSWORD)).statusCode).toBe(429);
      clock = new Date(clock.getTime() + 1_500);
      expect((await attempt(CONSOLE_PASSWORD)).statusCode).toBe(200);
      // An unknown user gets the same answer as a wrong password.
      const unknown = await app.inject({ method: 'POST', url: '/console/api/login', payload: { username: 'niemand', password: CONSOLE_PASSWORD } });
      expect(unknown.statusCode).toBe(401);
      expect(unknown.json<{ error: string }>().error).toBe('Gebruikersnaam of wachtwoord klopt niet.');
    });

    it('ends a session after 30 minutes without use', async () => {
      const session = await signIn('fg');
      clock = new Date(clock.getTime() + SESSION_IDLE_MS - 1_000);
      expect((await app.inject({ method: 'GET', url: '/console/api/me', headers: { cookie: session.cookie } })).statusCode).toBe(200);
      clock = new Date(clock.getTime() + SESSION_IDLE_MS + 1_000);
      expect((await app.inject({ method: 'GET', url: '/console/api/me', headers: { cookie: session.cookie } })).statusCode).toBe(401);
    });

    it('removes abandoned sessions at the next login, keeping the ones still in use', async () => {
      await signIn('fg'); // a closed browser: never used again
      clock = new Date(clock.getTime() + SESSION_IDLE_MS / 2);
      const inUse = await signIn('it');
      clock = new Date(clock.getTime() + SESSION_IDLE_MS / 2 + 1_000);
      expect((await app.inject({ method: 'GET', url: '/console/api/me', headers: { cookie: inUse.cookie } })).statusCode).toBe(200);
      await signIn('privacy_officer');
      const left = await db.selectFrom('console_sessions').innerJoin('console_users', 'console_users.id', 'console_sessions.user_id').select('console_users.role').execute();
      expect(left.map((row) => row.role).sort()).toEqual(['it', 'privacy_officer']);
    });

    it('serves the console page with its strict CSP, and says so when it is not built', async () => {
      const page = await app.inject({ method: 'GET', url: '/console/' });
      if (fs.existsSync(path.join(DEFAULT_CONSOLE_UI_DIR, 'console.html'))) {
        expect(page.statusCode).toBe(200);
        expect(page.body).toContain('Privacyconsole');
      }
      expect(page.headers['content-security-policy']).toBe(CONSOLE_CONTENT_SECURITY_POLICY);
      expect(page.headers['x-frame-options']).toBe('DENY');
      const unbuilt = buildHeadOfficeServer({ db, logger: false, now: () => clock, consoleUiDir: fs.mkdtempSync(path.join(os.tmpdir(), 'kop-no-ui-')) });
      const missing = await unbuilt.inject({ method: 'GET', url: '/console/' });
      expect(missing.statusCode).toBe(503);
      expect(missing.body).toContain('nog niet gebouwd');
      // The location app's own page is not served by head office.
      expect((await app.inject({ method: 'GET', url: '/console/index.html' })).statusCode).toBe(404);
      await unbuilt.close();
    });

    it('refuses a change without the CSRF token and writes nothing', async () => {
      const session = await signIn('it');
      const before = await db.selectFrom('locations').selectAll().execute();
      const refused = await app.inject({ method: 'POST', url: '/console/api/locations', headers: { cookie: session.cookie }, payload: { name: 'Locatie Maan' } });
      expect(refused.statusCode).toBe(403);
      const wrong = await app.inject({ method: 'POST', url: '/console/api/locations', headers: { cookie: session.cookie, [CSRF_HEADER]: 'geraden' }, payload: { name: 'Locatie Maan' } });
      expect(wrong.statusCode).toBe(403);
      expect(await db.selectFrom('locations').selectAll().execute()).toEqual(before);
    });

    it('lets the FG read everything and refuses every change, writing nothing', async () => {
      const session = await signIn('fg');
      const headers = { cookie: session.cookie, [CSRF_HEADER]: session.csrfToken };
      for (const route of CONSOLE_ROUTES.filter((r) => r.method === 'GET')) {
        // /breaches/:id gets the location's id here, which is no breach: 404 shows the role check let the FG through.
        expect((await app.inject({ method: 'GET', url: urlOf(route, locationId), headers })).statusCode, route.url).toBe(route.url === '/breaches/:id' ? 404 : 200);
      }
      const writes = CONSOLE_ROUTES.filter((r) => r.method !== 'GET');
      expect(writes.length).toBeGreaterThan(0);
      const auditBefore = await auditCount();
      const locationsBefore = await db.selectFrom('locations').selectAll().execute();
      for (const route of writes) {
        const response = await app.inject({ method: route.method, url: urlOf(route, locationId), headers, payload: { name: 'Locatie Maan' } });
        expect(response.statusCode, `${route.method} ${route.url}`).toBe(403);
      }
      expect(await auditCount()).toBe(auditBefore);
      expect(await db.selectFrom('locations').selectAll().execute()).toEqual(locationsBefore);
      expect(await db.selectFrom('enrolment_codes').selectAll().execute()).toEqual([]);
    });

    it('lets IT create a location and issue a koppelcode, each in the hash-chained audit log', async () => {
      const session = await signIn('it');
      const headers = { cookie: session.cookie, [CSRF_HEADER]: session.csrfToken };
      const invalid = await app.inject({ method: 'POST', url: '/console/api/locations', headers, payload: { name: ' ' } });
      expect(invalid.statusCode).toBe(400);
      expect(invalid.json<{ error: string }>().error).toBe('Vul de naam van de locatie in (minstens 2 tekens).');
      const created = await app.inject({ method: 'POST', url: '/console/api/locations', headers, payload: { name: 'Locatie Maan' } });
      expect(created.statusCode).toBe(200);
      const { id } = created.json<{ id: string }>();
      const code = await app.inject({ method: 'POST', url: `/console/api/locations/${id}/codes`, headers });
      expect(code.json<{ code: string }>().code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      expect((await app.inject({ method: 'POST', url: '/console/api/locations/onbekend/codes', headers })).statusCode).toBe(404);
      const list = await app.inject({ method: 'GET', url: '/console/api/locations', headers });
      expect(list.json<{ name: string }[]>().map((l) => l.name)).toEqual(['Locatie Maan', 'Locatie Zon']);
      // The privacy officer reads the audit log: every action, by name, with an intact chain.
      const po = await signIn('privacy_officer');
      const audit = await app.inject({ method: 'GET', url: '/console/api/audit', headers: { cookie: po.cookie } });
      const body = audit.json<{ entries: { action: string; userName: string | null }[]; chain: { intact: boolean } }>();
      expect(body.chain.intact).toBe(true);
      expect(body.entries.filter((e) => e.userName === 'Test it').map((e) => e.action)).toEqual(['console.code.issue', 'console.location.create', 'console.login']);
      // IT may not read the audit log; the privacy officer may not manage devices.
      expect((await app.inject({ method: 'GET', url: '/console/api/audit', headers: { cookie: session.cookie } })).statusCode).toBe(403);
    });

    it('keeps the verwerkersregister: Dutch field errors write nothing, an overdue review is flagged, each change audited', async () => {
      const po = await signIn('privacy_officer');
      const headers = { cookie: po.cookie, [CSRF_HEADER]: po.csrfToken };
      const valid = {
        name: 'Loonwerk B.V.',
        service: 'Salarisadministratie',
        dataCategories: ['employee_file'],
        agreementDate: '2030-01-15',
        reviewDate: '2030-03-31',
        subProcessors: '',
        outsideEea: false,
        transferMechanism: null,
        transferCountries: '',
      };
      const auditBefore = await auditCount();
      const invalid = await app.inject({ method: 'POST', url: '/console/api/processors', headers, payload: { ...valid, name: '', dataCategories: [], reviewDate: '2029-12-31', outsideEea: true } });
      expect(invalid.statusCode).toBe(400);
      expect(invalid.json<{ fields: Record<string, string> }>().fields).toMatchObject({
        name: 'Vul de naam van de verwerker in.',
        dataCategories: 'Kies minstens één soort gegevens.',
        reviewDate: 'De herziening ligt na de datum van de overeenkomst.',
        transferMechanism: 'Kies op welke grond gegevens buiten de EER worden verwerkt.',
        transferCountries: 'Vul in naar welk land of welke landen de gegevens gaan, bijvoorbeeld Verenigde Staten.',
      });
      expect(await db.selectFrom('processors').selectAll().execute()).toEqual([]);
      expect(await auditCount()).toBe(auditBefore);

      const created = await app.inject({ method: 'POST', url: '/console/api/processors', headers, payload: valid });
      expect(created.statusCode).toBe(200);
      const { id } = created.json<{ id: string }>();
      const list = async () => (await app.inject({ method: 'GET', url: '/console/api/processors', headers })).json<{ name: string; reviewOverdue: boolean; transferMechanism: string | null }[]>();
      expect((await list())[0]).toMatchObject({ name: 'Loonwerk B.V.', reviewOverdue: false });
      clock = new Date(Date.UTC(2030, 3, 1, 9)); // 1 April: the review of 31 March has passed
      const later = await signIn('privacy_officer');
      const laterHeaders = { cookie: later.cookie, [CSRF_HEADER]: later.csrfToken };
      const overdue = (await app.inject({ method: 'GET', url: '/console/api/processors', headers: laterHeaders })).json<{ reviewOverdue: boolean }[]>();
      expect(overdue[0]!.reviewOverdue).toBe(true);
      // Outside the EEA the country is required too; only a blank one is refused.
      const noCountry = await app.inject({ method: 'POST', url: `/console/api/processors/${id}`, headers: laterHeaders, payload: { ...valid, outsideEea: true, transferMechanism: 'scc', transferCountries: '  ' } });
      expect(noCountry.statusCode).toBe(400);
      expect(noCountry.json<{ fields: Record<string, string> }>().fields).toEqual({ transferCountries: 'Vul in naar welk land of welke landen de gegevens gaan, bijvoorbeeld Verenigde Staten.' });
      const updated = await app.inject({
        method: 'POST',
        url: `/console/api/processors/${id}`,
        headers: laterHeaders,
        payload: { ...valid, reviewDate: '2031-03-31', outsideEea: true, transferMechanism: 'scc', transferCountries: ' Verenigde Staten ' },
      });
      expect(updated.statusCode).toBe(200);
      const after = (await app.inject({ method: 'GET', url: '/console/api/processors', headers: laterHeaders })).json<{ reviewOverdue: boolean; transferMechanism: string | null; transferCountries: string }[]>();
      expect(after[0]).toMatchObject({ reviewOverdue: false, transferMechanism: 'scc', transferCountries: 'Verenigde Staten' });
      // Back inside the EEA: ground and country are cleared.
      expect((await app.inject({ method: 'POST', url: `/console/api/processors/${id}`, headers: laterHeaders, payload: { ...valid, reviewDate: '2031-03-31', transferMechanism: 'scc', transferCountries: 'India' } })).statusCode).toBe(200);
      const inside = (await app.inject({ method: 'GET', url: '/console/api/processors', headers: laterHeaders })).json<{ transferMechanism: string | null; transferCountries: string }[]>();
      expect(inside[0]).toMatchObject({ transferMechanism: null, transferCountries: '' });
      expect((await app.inject({ method: 'POST', url: '/console/api/processors/onbekend', headers: laterHeaders, payload: valid })).statusCode).toBe(404);
      const actions = (await db.selectFrom('console_audit').select('action').execute()).map((row) => row.action);
      expect(actions.filter((a) => a.startsWith('console.processor'))).toEqual(['console.processor.create', 'console.processor.update', 'console.processor.update']);
      // IT keeps locations and devices; the registers are not theirs.
      const it = await signIn('it');
      expect((await app.inject({ method: 'GET', url: '/console/api/processors', headers: { cookie: it.cookie } })).statusCode).toBe(403);
    });

    it('detects an altered or removed audit row', async () => {
      await signIn('privacy_officer');
      await signIn('fg');
      expect((await verifyAuditChain(db)).intact).toBe(true);
      await db.updateTable('console_audit').set({ action: 'console.logout' }).where('seq', '=', 4).execute();
      expect(await verifyAuditChain(db)).toMatchObject({ intact: false, brokenAt: 4 });
      await db.deleteFrom('console_audit').where('seq', '=', 4).execute();
      expect(await verifyAuditChain(db)).toMatchObject({ intact: false, brokenAt: 4 });
    });
  });
}
