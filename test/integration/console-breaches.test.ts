import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ConsoleBreach } from '../../shared/console/breaches';
import type { ConsoleRole } from '../../shared/console/roles';
import { verifyAuditChain } from '../../headoffice/console/audit';
import type { HoDb } from '../../headoffice/db/schema';
import { publishToLocation } from '../../headoffice/service/publish.service';
import { createLocation } from '../../headoffice/service/sync.service';
import type { BreachRecord } from '../../shared/breaches/record';
import { readPdf } from '../helpers/pdf';
import { consoleUnderTest } from '../helpers/console';
import { startPostgres } from '../helpers/postgres';

/**
 * Issue 18 part 4 — the datalekkenregister in the console: the breaches the locations reported,
 * the 72-hour clock from discovery lived through on the service's clock, the privacy officer's
 * assessment and AP report validated at the field, closing that keeps the breach on record; the FG
 * reads and changes nothing; IT sees none of it.
 */
type Pg = Awaited<ReturnType<typeof startPostgres>>;
let pg: Pg = null;
beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(() => pg?.stop());

const DISCOVERED = '2030-03-01T08:00:00.000Z';
const HOUR = 3_600_000;

const ASSESSMENT = {
  risk: 'high',
  likelyConsequences: 'Ouders kennen nu de allergieën van andere kinderen.',
  reportToAp: true,
  reasons: 'Medische gegevens van kinderen: een hoog risico.',
  informPersons: true,
  informReasons: 'De ouders kunnen zelf niets doen, maar moeten het weten.',
  followUp: '',
};

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`datalekkenregister on ${dialect}`, () => {
    let db: HoDb;
    let app: FastifyInstance;
    let signIn: (role: ConsoleRole) => Promise<Record<string, string>>;
    let clock = new Date(DISCOVERED);
    let breachId = '';

    beforeEach(async (ctx) => {
      if (dialect === 'postgres' && !pg) return ctx.skip();
      clock = new Date(DISCOVERED);
      const ho = await consoleUnderTest({ databaseUrl: dialect === 'postgres' ? pg!.url : undefined, now: () => clock });
      ({ db, app, signIn } = ho);
      const location = await createLocation(db, 'KDV De Vlinder', clock);
      // The row as a location's PC pushes it (entity data_breaches, the BreachRecord fields).
      breachId = '0193a6f2-7c1e-7000-8000-000000000001';
      const record: BreachRecord = {
        id: breachId,
        what_happened: 'Groepslijst met allergieën gemaild aan alle ouders.',
        discovered_at: DISCOVERED,
        occurred_on: '2030-02-28',
        person_categories: '["children","parents"]',
        persons_count: 14,
        data_categories: '["identity","medical"]',
        measures_taken: 'Ouders gevraagd de e-mail te verwijderen.',
        reported_by: 'u1',
        reporter_name: 'Maria van den Heuvel',
        reported_at: DISCOVERED,
      };
      await db.transaction().execute((trx) => publishToLocation(trx, location.id, [{ entity: 'data_breaches', entityId: breachId, payload: record }], DISCOVERED));
      return ho.close;
    });

    const list = async (headers: Record<string, string>) => (await app.inject({ method: 'GET', url: '/console/api/breaches', headers })).json<ConsoleBreach[]>();
    const post = (headers: Record<string, string>, action: string, payload?: Record<string, unknown>) => app.inject({ method: 'POST', url: `/console/api/breaches/${breachId}/${action}`, headers, payload });

    it('counts the 72 hours from discovery: 71 hours later one hour is left, 73 hours later it is one hour late', async () => {
      clock = new Date(Date.parse(DISCOVERED) + 71 * HOUR);
      const [breach] = await list(await signIn('privacy_officer'));
      expect(breach).toMatchObject({ id: breachId, locationName: 'KDV De Vlinder', personsCount: 14, dataCategories: ['identity', 'medical'], status: 'new', clockRunning: true, hoursLeft: 1, apDeadline: '2030-03-04T08:00:00.000Z' });
      clock = new Date(Date.parse(DISCOVERED) + 73 * HOUR);
      expect((await list(await signIn('privacy_officer')))[0]).toMatchObject({ hoursLeft: -1, clockRunning: true });
    });

    it('validates the assessment and the AP report at the field; a late report needs its reason; closing keeps the breach on record', async () => {
      const po = await signIn('privacy_officer');
      const empty = await post(po, 'assessment', { risk: 'groot', reportToAp: true, reasons: '', informPersons: false, informReasons: 'x', likelyConsequences: '', followUp: '' });
      expect(empty.statusCode).toBe(400);
      expect(empty.json<{ fields: Record<string, string> }>().fields).toMatchObject({
        risk: 'Kies het risico voor de betrokkenen.',
        reasons: 'Schrijf waarom wel of niet wordt gemeld op (minstens 5 tekens).',
        likelyConsequences: expect.stringContaining('gevolgen'),
      });
      expect((await list(po))[0]!.status).toBe('new');

      const assessed = await post(po, 'assessment', ASSESSMENT);
      expect(assessed.statusCode, assessed.body).toBe(200);
      // Decided to report: closing waits for the report; the clock still runs.
      expect((await list(po))[0]).toMatchObject({ status: 'assessed', clockRunning: true, assessment: { risk: 'high', reportToAp: true } });
      expect((await post(po, 'close')).statusCode).toBe(409);

      clock = new Date(Date.parse(DISCOVERED) + 80 * HOUR);
      Object.assign(po, await signIn('privacy_officer')); // days later: a new session
      const late = await post(po, 'ap-report', { apReference: 'M-2030-1234', reportedAt: '2030-03-04T16:00', lateReason: '' });
      expect(late.statusCode).toBe(400);
      expect(late.json<{ fields: Record<string, string> }>().fields.lateReason).toBe('De melding kwam na de 72 uur: schrijf op waarom (AVG art. 33 lid 1).');
      const future = await post(po, 'ap-report', { apReference: 'M-2030-1234', reportedAt: '2030-03-05T16:00', lateReason: 'x' });
      expect(future.json<{ fields: Record<string, string> }>().fields.reportedAt).toBe('Het moment van melden ligt in de toekomst.');
      expect((await post(po, 'ap-report', { apReference: 'M-2030-1234', reportedAt: '2030-03-04T16:00', lateReason: 'Het lek werd pas na het weekend intern doorgegeven.' })).statusCode).toBe(200);
      // 16:00 in Amsterdam (winter time) is 15:00 UTC.
      expect((await list(po))[0]).toMatchObject({ status: 'reported', clockRunning: false, assessment: { apReference: 'M-2030-1234', apReportedAt: '2030-03-04T15:00:00.000Z' } });

      expect((await post(po, 'close')).statusCode).toBe(200);
      expect((await list(po))[0]).toMatchObject({ id: breachId, status: 'closed' });
      expect((await post(po, 'assessment', ASSESSMENT)).statusCode).toBe(409);
      const actions = (await db.selectFrom('console_audit').select('action').orderBy('seq').execute()).map((r) => r.action).filter((a) => a.startsWith('console.breach'));
      expect(actions).toEqual(['console.breach.assess', 'console.breach.apReport', 'console.breach.close']);
      expect((await verifyAuditChain(db)).intact).toBe(true);
    });

    it('gives the art. 34 letter once persons are to be informed: the breach, its consequences and measures, the Privacy Officer and the FG', async () => {
      const po = await signIn('privacy_officer');
      const letterOf = async (headers: Record<string, string>) => app.inject({ method: 'GET', url: `/console/api/breaches/${breachId}/letter.pdf`, headers });
      expect((await letterOf(po)).statusCode).toBe(409); // not assessed yet
      expect((await post(po, 'assessment', { ...ASSESSMENT, followUp: 'Groepslijsten gaan voortaan alleen via het ouderportaal.' })).statusCode).toBe(200);
      const noProfile = await letterOf(po);
      expect(noProfile.statusCode).toBe(409);
      expect(noProfile.json<{ error: string }>().error).toContain('Organisatie');
      const profile = { controllerName: 'Stichting Kinderopvang Zonnestraal', address: 'Oudegracht 100', postcodeCity: '3511 AB Utrecht', kvkNumber: '', privacyOfficerName: 'Ingrid Jansen', privacyOfficerEmail: 'privacy@zonnestraal.nl', privacyOfficerPhone: '030 123 45 67', fgName: 'Mr. P. de Vries', fgEmail: 'fg@privacybureau.nl', fgOrganisation: '' };
      expect((await app.inject({ method: 'PUT', url: '/console/api/organisation', headers: po, payload: profile })).statusCode).toBe(200);
      const response = await letterOf(await signIn('fg'));
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      const text = readPdf({ fileName: 'brief.pdf', base64: response.rawPayload.toString('base64') }, { layout: false }).replace(/\s+/g, ' ');
      for (const part of ['Groepslijst met allergieën gemaild aan alle ouders.', 'Ouders kennen nu de allergieën van andere kinderen.', 'Ouders gevraagd de e-mail te verwijderen.', 'Groepslijsten gaan voortaan alleen via het ouderportaal.', 'privacy@zonnestraal.nl', 'fg@privacybureau.nl', 'Stichting Kinderopvang Zonnestraal', 'medische gegevens']) {
        expect(text).toContain(part);
      }
      expect(text).not.toContain('LRK');
      // The download is a read of the breach, logged with who and which breach (never the letter's content); refusals are not logged.
      const fgUser = await db.selectFrom('console_users').select('id').where('role', '=', 'fg').executeTakeFirstOrThrow();
      const logged = await db.selectFrom('console_audit').select(['user_id', 'action', 'detail']).where('action', '=', 'console.breach.letter').execute();
      expect(logged).toEqual([{ user_id: fgUser.id, action: 'console.breach.letter', detail: JSON.stringify({ breachId }) }]);
      expect((await verifyAuditChain(db)).intact).toBe(true);
    });

    it('logs reading a breach in full: who and which breach, never its content; an unknown breach or IT is refused and not logged', async () => {
      const fg = await signIn('fg');
      const read = (headers: Record<string, string>, id: string) => app.inject({ method: 'GET', url: `/console/api/breaches/${id}`, headers });
      const response = await read(fg, breachId);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json<ConsoleBreach>()).toMatchObject({ id: breachId, whatHappened: 'Groepslijst met allergieën gemaild aan alle ouders.', personsCount: 14 });
      expect((await read(fg, 'onbekend')).statusCode).toBe(404);
      expect((await read(await signIn('it'), breachId)).statusCode).toBe(403);
      const logged = await db.selectFrom('console_audit').select(['action', 'detail']).where('action', '=', 'console.breach.read').execute();
      expect(logged).toEqual([{ action: 'console.breach.read', detail: JSON.stringify({ breachId }) }]);
      expect(JSON.stringify(await db.selectFrom('console_audit').select('detail').execute())).not.toContain('allergieën');
      expect((await verifyAuditChain(db)).intact).toBe(true);
    });

    it('the FG reads the register and is refused every change; IT sees none of it', async () => {
      const fg = await signIn('fg');
      expect(await list(fg)).toHaveLength(1);
      for (const [action, body] of [['assessment', ASSESSMENT], ['ap-report', { apReference: 'M-1', reportedAt: '2030-03-01T09:00', lateReason: '' }], ['close', undefined]] as const) {
        expect((await post(fg, action, body)).statusCode, action).toBe(403);
      }
      expect(await db.selectFrom('breach_assessments').selectAll().execute()).toEqual([]);
      const it = await signIn('it');
      expect((await app.inject({ method: 'GET', url: '/console/api/breaches', headers: it })).statusCode).toBe(403);
    });
  });
}
