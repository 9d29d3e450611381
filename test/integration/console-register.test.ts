import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PdfFile } from '../../shared/api/schemas';
import type { OrganisationRegister } from '../../shared/console/register';
import type { ConsoleRole } from '../../shared/console/roles';
import type { OrganisationInput } from '../../shared/organisation/profile';
import { verifyAuditChain } from '../../headoffice/console/audit';
import type { HoDb } from '../../headoffice/db/schema';
import { createLocation } from '../../headoffice/service/sync.service';
import { readPdf } from '../helpers/pdf';
import { consoleUnderTest } from '../helpers/console';
import { startPostgres } from '../helpers/postgres';

/**
 * Issue 18 part 6 — the organisation's verwerkingsregister (art. 30) in the console: the data map's
 * processings with every processor of the verwerkersregister as a recipient of its categories and,
 * outside the EEA, under transfers with its ground; as JSON for the page and as a PDF. The privacy
 * officer and the FG read it; IT is refused.
 */
type Pg = Awaited<ReturnType<typeof startPostgres>>;
let pg: Pg = null;
beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(() => pg?.stop());


const PAYROLL = { name: 'Loonwerk BV', service: 'Salarisadministratie', dataCategories: ['employee_file'], agreementDate: '2026-01-01', reviewDate: '2027-01-01', subProcessors: '', outsideEea: false, transferMechanism: null, transferCountries: '' };
const MAIL = { name: 'Mailwolk Inc', service: 'E-mail aan ouders', dataCategories: ['parent_contact'], agreementDate: '2026-01-01', reviewDate: '2027-01-01', subProcessors: '', outsideEea: true, transferMechanism: 'scc', transferCountries: 'Verenigde Staten' };
const PROFILE: OrganisationInput = {
  controllerName: 'Stichting Kinderopvang Zonnestraal',
  address: 'Oudegracht 100',
  postcodeCity: '3511 AB Utrecht',
  kvkNumber: '',
  privacyOfficerName: 'Ingrid Jansen',
  privacyOfficerEmail: 'privacy@zonnestraal.nl',
  privacyOfficerPhone: '030 123 45 67',
  fgName: 'Mr. P. de Vries',
  fgEmail: 'fg@privacybureau.nl',
  fgOrganisation: '',
};
const TRANSFER = 'Mailwolk Inc: naar Verenigde Staten (standaardcontractbepalingen, SCC)';

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`verwerkingsregister of the organisation on ${dialect}`, () => {
    let db: HoDb;
    let app: FastifyInstance;
    let signIn: (role: ConsoleRole) => Promise<Record<string, string>>;
    const clock = new Date();

    beforeEach(async (ctx) => {
      if (dialect === 'postgres' && !pg) return ctx.skip();
      const ho = await consoleUnderTest({ databaseUrl: dialect === 'postgres' ? pg!.url : undefined, now: () => clock });
      ({ db, app, signIn } = ho);
      await createLocation(db, 'KDV De Vlinder', clock);
      return ho.close;
    });


    it('names each processor as a recipient of its category, a processor outside the EEA under transfers with its country and ground, in the JSON and the PDF', async () => {
      const po = await signIn('privacy_officer');
      for (const processor of [PAYROLL, MAIL]) expect((await app.inject({ method: 'POST', url: '/console/api/processors', headers: po, payload: processor })).statusCode).toBe(200);

      const register = (await app.inject({ method: 'GET', url: '/console/api/register', headers: await signIn('fg') })).json<OrganisationRegister>();
      expect(register.controller.locations).toEqual(['KDV De Vlinder']);
      const row = (category: string) => register.rows.find((r) => r.category === category)!;
      expect(row('employee_file').recipients).toContain('Verwerker Loonwerk BV (Salarisadministratie)');
      expect(row('employee_file').transfersOutsideEea).toBe('Geen');
      expect(row('parent_contact').recipients).toContain('Verwerker Mailwolk Inc (E-mail aan ouders)');
      expect(row('parent_contact').transfersOutsideEea).toBe(TRANSFER);
      expect(row('child_medical').recipients.join()).not.toContain('Verwerker');
      expect(register.commonSecurity.length).toBeGreaterThan(0);

      const pdf = await app.inject({ method: 'GET', url: '/console/api/register/pdf', headers: po });
      expect(pdf.statusCode).toBe(200);
      const text = readPdf(pdf.json<PdfFile>(), { layout: false }).replace(/\s+/g, ' ');
      expect(text).toContain('Verwerkingsregister');
      expect(text).toContain('Locaties: KDV De Vlinder');
      expect(text).toContain('Verwerker Loonwerk BV (Salarisadministratie)');
      expect(text).toContain('Verwerker Mailwolk Inc (E-mail aan ouders)');
      expect(text).toContain(TRANSFER);
      // The download is logged (who, no content); reading the page is not a download. The chain still verifies.
      const poUser = await db.selectFrom('console_users').select('id').where('role', '=', 'privacy_officer').executeTakeFirstOrThrow();
      expect(await db.selectFrom('console_audit').select(['user_id', 'action', 'detail']).where('action', 'like', 'console.register%').execute()).toEqual([
        { user_id: poUser.id, action: 'console.register.pdf', detail: '{}' },
      ]);
      expect((await verifyAuditChain(db)).intact).toBe(true);
      // No organisation profile yet: the organisation by its role.
      expect(register.controller).toMatchObject({ name: 'De organisatie voor kinderopvang (houder van de locaties)', address: null });
    });

    it('names the controller with the organisation profile’s name and address, and the Privacy Officer and FG, once set', async () => {
      const po = await signIn('privacy_officer');
      expect((await app.inject({ method: 'PUT', url: '/console/api/organisation', headers: po, payload: PROFILE })).statusCode).toBe(200);
      const register = (await app.inject({ method: 'GET', url: '/console/api/register', headers: await signIn('fg') })).json<OrganisationRegister>();
      expect(register.controller).toEqual({ name: 'Stichting Kinderopvang Zonnestraal', address: 'Oudegracht 100, 3511 AB Utrecht', locations: ['KDV De Vlinder'] });
      const text = readPdf((await app.inject({ method: 'GET', url: '/console/api/register/pdf', headers: po })).json<PdfFile>(), { layout: false }).replace(/\s+/g, ' ');
      expect(text).toContain('Stichting Kinderopvang Zonnestraal Oudegracht 100, 3511 AB Utrecht Locaties: KDV De Vlinder');
      expect(text).toContain('Privacy Officer: Ingrid Jansen (privacy@zonnestraal.nl, 030 123 45 67)');
      expect(text).toContain('Functionaris Gegevensbescherming: Mr. P. de Vries (fg@privacybureau.nl)');
      expect(text).not.toContain('houder van de locaties');
    });

    it('a processor entered before the country was asked (migration 0015) says so under transfers until it is completed', async () => {
      // A row as it stood before 0015: no transfer_countries given, the column's default applies.
      const at = clock.toISOString();
      await sql`INSERT INTO processors (id, name, service, data_categories, agreement_date, review_date, sub_processors, outside_eea, transfer_mechanism, created_at, updated_at)
        VALUES ('oud', 'Oude Wolk Ltd', 'Back-up', ${JSON.stringify(['parent_contact'])}, '2025-01-01', '2027-01-01', '', 1, 'adequacy', ${at}, ${at})`.execute(db);
      const register = (await app.inject({ method: 'GET', url: '/console/api/register', headers: await signIn('fg') })).json<OrganisationRegister>();
      expect(register.rows.find((r) => r.category === 'parent_contact')!.transfersOutsideEea).toBe('Oude Wolk Ltd: buiten de EER, land nog niet vastgelegd (adequaatheidsbesluit)');
    });

    it('refuses IT (403) and a request without a session (401)', async () => {
      for (const url of ['/console/api/register', '/console/api/register/pdf']) {
        expect((await app.inject({ method: 'GET', url, headers: await signIn('it') })).statusCode).toBe(403);
        expect((await app.inject({ method: 'GET', url })).statusCode).toBe(401);
      }
    });
  });
}
