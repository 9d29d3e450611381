import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncOnce } from '../../electron/backend/sync/sync.engine';
import { BreachRecord } from '../../shared/breaches/record';
import { instantIn } from '../../shared/domain/clock';
import { MANAGER, makeBackend, setUpLocation, type TestBackend } from '../helpers/backend';
import { loginAsStaff } from '../helpers/clients';
import { enrolledPc, startHeadOffice, type RunningHeadOffice } from '../helpers/headoffice';
import { startPostgres } from '../helpers/postgres';

/**
 * Issue 18 part 4 — datalekken at the location: anyone who works there reports a breach, also
 * offline; bad input is refused in Dutch at the field and stores nothing; the report reaches head
 * office as a `data_breaches` record the console parses with BreachRecord, and the 72 hours of
 * art. 33 AVG run from the moment of discovery in the location's calendar.
 */
const NOW = new Date('2027-03-10T10:00:00Z'); // 11:00 in Amsterdam (winter time)
const now = () => NOW;
const exclusive = <T>(work: () => Promise<T>) => work();

const REPORT = {
  whatHappened: 'De groepslijst met allergieën is per ongeluk gemaild aan alle ouders van de Rupsjes in plaats van aan het team.',
  discoveredOn: '2027-03-10',
  discoveredTime: '09:15',
  occurredOn: '2027-03-09',
  personCategories: ['children', 'parents'] as ('children' | 'parents' | 'pickup_persons')[],
  personsCount: 14,
  dataCategories: ['identity', 'medical'] as ('identity' | 'medical' | 'contact')[],
  measuresTaken: 'De ouders gevraagd de e-mail te verwijderen.',
};

async function location(): Promise<TestBackend> {
  const backend = makeBackend(undefined, { now });
  await setUpLocation(backend);
  return backend;
}

describe('reporting a data breach', () => {
  it('refuses bad input at the field, in Dutch, and stores nothing', async () => {
    const backend = await location();
    const future = await backend.err('breaches.report', { ...REPORT, discoveredTime: '11:30' });
    expect(future.code).toBe('VALIDATION');
    expect(future.details?.discoveredTime).toBe('Het moment van ontdekken ligt in de toekomst.');
    const wrong = await backend.err('breaches.report', { ...REPORT, whatHappened: ' ', discoveredTime: '25:00', occurredOn: '2027-03-11', personCategories: [], personsCount: 0, dataCategories: [] });
    expect(wrong.details).toMatchObject({
      whatHappened: expect.stringContaining('Wat is er gebeurd'),
      discoveredTime: 'Vul in wanneer het datalek is ontdekt (datum en tijd).',
      personCategories: 'Kies van wie gegevens zijn gelekt (minstens één groep).',
      personsCount: 'Vul het (geschatte) aantal betrokkenen in: een heel getal van 1 of meer.',
      dataCategories: 'Kies welke soorten gegevens zijn gelekt (minstens één).',
    });
    const late = await backend.err('breaches.report', { ...REPORT, occurredOn: '2027-03-11' });
    expect(late.details?.occurredOn).toBe('Het datalek kan niet later gebeurd zijn dan het is ontdekt.');
    expect(await backend.ok('breaches.list', {})).toEqual([]);
    expect(backend.core.sqlite().prepare("SELECT count(*) AS n FROM outbox WHERE entity = 'data_breaches'").get()).toEqual({ n: 0 });
  });

  it('takes the discovery time in the location calendar; the 72 hours run from it; the report is audited without its text and queued for head office', async () => {
    const backend = await location();
    const breach = await backend.ok('breaches.report', REPORT);
    expect(breach).toMatchObject({
      discoveredAt: '2027-03-10T08:15:00.000Z',
      apDeadline: '2027-03-13T08:15:00.000Z',
      personsCount: 14,
      personCategories: ['children', 'parents'],
      dataCategories: ['identity', 'medical'],
      reporterName: MANAGER.name,
      waitingToSync: true,
    });
    // Summer time: 09:15 in July is 07:15 UTC.
    expect(instantIn('2027-07-01', '09:15')).toBe('2027-07-01T07:15:00.000Z');
    const audit = backend.core.sqlite().prepare("SELECT entity_id, details FROM audit_log WHERE action = 'breaches.report'").all() as { entity_id: string; details: string }[];
    expect(audit).toEqual([{ entity_id: breach.id, details: expect.stringContaining('"persons":14') }]);
    expect(audit[0]!.details).not.toContain('groepslijst');
    expect(backend.core.sqlite().prepare("SELECT count(*) AS n FROM outbox WHERE entity = 'data_breaches' AND entity_id = ?").get(breach.id)).toEqual({ n: 1 });
  });

  it('a staff member reports and sees their own reports; the manager sees every report', async () => {
    const backend = await location();
    await backend.ok('breaches.report', { ...REPORT, whatHappened: 'Laptop van de locatie gestolen uit de auto.' });
    await loginAsStaff(backend);
    expect(await backend.ok('breaches.list', {})).toEqual([]);
    const own = await backend.ok('breaches.report', { ...REPORT, whatHappened: 'Lijst met ophaalpersonen in de bus laten liggen.', personCategories: ['pickup_persons'], dataCategories: ['contact'] });
    expect((await backend.ok('breaches.list', {})).map((b) => b.id)).toEqual([own.id]);
    await backend.ok('auth.lock', { reason: 'user' });
    await backend.ok('auth.login', { username: MANAGER.username, password: MANAGER.password });
    expect(await backend.ok('breaches.list', {})).toHaveLength(2);
  });
});

type Pg = Awaited<ReturnType<typeof startPostgres>>;
let pg: Pg = null;
beforeAll(async () => {
  pg = await startPostgres();
}, 120_000);
afterAll(() => pg?.stop());

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`a breach report reaches head office on ${dialect}`, () => {
    let ho: RunningHeadOffice;
    beforeAll(async () => {
      if (dialect === 'postgres' && !pg) return;
      ho = await startHeadOffice(dialect === 'postgres' ? pg!.url : undefined);
    }, 120_000);
    afterAll(async () => ho?.close());

    it('reported while head office is down, it waits in the outbox and arrives with every field once head office is back', { timeout: 120_000 }, async (ctx) => {
      if (!ho) ctx.skip();
      const location = await ho.newLocation(`KDV Datalek ${dialect}`);
      const pc = await enrolledPc(ho, await location.code(), { now });
      await ho.stop();
      const breach = await pc.ok('breaches.report', REPORT);
      await expect(syncOnce(pc.core, exclusive)).rejects.toThrow();
      expect((await pc.ok('breaches.list', {}))[0]).toMatchObject({ id: breach.id, waitingToSync: true });

      await ho.start();
      const report = await syncOnce(pc.core, exclusive);
      expect(report.rejected).toBe(0);
      expect((await pc.ok('breaches.list', {}))[0]).toMatchObject({ id: breach.id, waitingToSync: false });

      const record = await ho.db.selectFrom('records').select(['location_id', 'payload']).where('entity', '=', 'data_breaches').where('entity_id', '=', breach.id).executeTakeFirstOrThrow();
      expect(record.location_id).toBe(location.id);
      const row = BreachRecord.parse(JSON.parse(record.payload!));
      expect(row).toMatchObject({
        id: breach.id,
        what_happened: REPORT.whatHappened,
        discovered_at: '2027-03-10T08:15:00.000Z',
        occurred_on: '2027-03-09',
        persons_count: 14,
        measures_taken: REPORT.measuresTaken,
        reporter_name: MANAGER.name,
      });
      expect(JSON.parse(row.person_categories)).toEqual(['children', 'parents']);
      expect(JSON.parse(row.data_categories)).toEqual(['identity', 'medical']);
    });
  });
}
