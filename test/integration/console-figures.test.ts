import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { syncOnce } from '../../electron/backend/sync/sync.engine';
import { verifyAuditChain } from '../../headoffice/console/audit';
import { figures } from '../../headoffice/console/figures.service';
import type { HoDb } from '../../headoffice/db/schema';
import { publishToLocation } from '../../headoffice/service/publish.service';
import { createLocation } from '../../headoffice/service/sync.service';
import type { FiguresResponse } from '../../shared/console/figures';
import type { ConsoleRole } from '../../shared/console/roles';
import type { SyncedEntity } from '../../shared/sync/protocol';
import { startHeadOffice } from '../helpers/headoffice';
import { endContract, familyWithEverything, moveClock, newBackend, runAll } from '../helpers/retention';
import { consoleUnderTest } from '../helpers/console';
import { startPostgres } from '../helpers/postgres';

/**
 * Issue 18 part 9 — anonymised figures: after two locations' rows arrived, the console counts
 * requests per kind and the share answered on time, breaches and AP reports, disclosures per
 * recipient, consent rates per purpose (the latest decision per child), and the destruction counts
 * a location's retention run sends; numbers only, never a person's name or id.
 */
type Pg = Awaited<ReturnType<typeof startPostgres>>;
let pg: Pg = null;
beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(() => pg?.stop());

const NOW = new Date('2030-06-15T10:00:00.000Z');
const SURNAME = 'Geelvinkje';

type Row = { entity: SyncedEntity; entityId: string; payload: Record<string, unknown> };
let seq = 0;
const id = () => `0193a6f2-7c1e-7000-8000-${String(++seq).padStart(12, '0')}`;
/** A child in care from `start` to `end` (its contract; the rate counts children in care in the year). */
const child = (start = '2029-08-01', end: string | null = null): Row[] => {
  const childId = id();
  const contractId = id();
  return [
    { entity: 'children', entityId: childId, payload: { id: childId, first_name: 'Pim', surname: SURNAME, birth_date: '2027-01-01' } },
    { entity: 'contracts', entityId: contractId, payload: { id: contractId, child_id: childId, care_type: 'dagopvang', start_date: start, end_date: end } },
  ];
};
const consent = (childId: string, purpose: string, decision: 'given' | 'withdrawn', decidedOn: string): Row => {
  const rowId = id();
  return { entity: 'photo_consents', entityId: rowId, payload: { id: rowId, child_id: childId, purpose, decision, decided_on: decidedOn, recorded_at: `${decidedOn}T09:00:00.000Z`, recorded_by_name: 'Maria' } };
};
const request = (kind: string, receivedOn: string, deadline: string, closedOn: string | null): Row => {
  const rowId = id();
  return {
    entity: 'subject_requests',
    entityId: rowId,
    payload: { id: rowId, kind, subject_type: 'child', subject_id: 'c', requester_name: `Ouder ${SURNAME}`, received_on: receivedOn, deadline, status: closedOn ? 'closed' : 'open', closed_on: closedOn },
  };
};
const breach = (discoveredAt: string): Row => {
  const rowId = id();
  return { entity: 'data_breaches', entityId: rowId, payload: { id: rowId, what_happened: `Lijst met ${SURNAME}`, discovered_at: discoveredAt, persons_count: 3 } };
};
const disclosure = (recipient: string, createdAt: string): Row => {
  const rowId = id();
  return { entity: 'disclosures', entityId: rowId, payload: { id: rowId, recipient, recipient_name: recipient, subject_count: 4, created_at: createdAt, disclosed_on: null } };
};

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`anonymised figures on ${dialect}`, () => {
    let db: HoDb;
    let app: FastifyInstance;
    let signIn: (role: ConsoleRole) => Promise<Record<string, string>>;
    let reportedBreach = '';

    beforeEach(async (ctx) => {
      if (dialect === 'postgres' && !pg) return ctx.skip();
      const ho = await consoleUnderTest({ databaseUrl: dialect === 'postgres' ? pg!.url : undefined, now: () => NOW });
      ({ db, app, signIn } = ho);
      const vlinder = await createLocation(db, 'KDV De Vlinder', NOW);
      const egel = await createLocation(db, 'BSO De Egel', NOW);

      // De Vlinder: 5 children in care in 2030; ouderportaal given for 3 (one withdrew later: 2 count), nieuwsbrief for 1.
      // Not counted: a child whose last contract ended in 2029 (record kept) and one who starts in 2031, both with consent.
      const kids = Array.from({ length: 5 }, () => child());
      const [a, b, c] = kids.map((k) => k[0]!.entityId);
      const left = child('2027-01-01', '2029-12-31');
      const later = child('2031-01-06');
      const earlyBreach = breach('2030-02-01T08:00:00.000Z');
      reportedBreach = earlyBreach.entityId;
      const vlinderRows: Row[] = [
        ...kids.flat(),
        ...left,
        ...later,
        consent(left[0]!.entityId, 'ouderportaal', 'given', '2028-01-10'),
        consent(later[0]!.entityId, 'ouderportaal', 'given', '2030-12-01'),
        consent(a!, 'ouderportaal', 'given', '2029-09-01'),
        consent(b!, 'ouderportaal', 'given', '2030-01-10'),
        consent(c!, 'ouderportaal', 'given', '2030-01-10'),
        consent(c!, 'ouderportaal', 'withdrawn', '2030-03-01'),
        consent(a!, 'nieuwsbrief', 'given', '2030-01-10'),
        // Decided after the chosen year: does not count for 2030.
        consent(b!, 'nieuwsbrief', 'given', '2031-01-05'),
        request('access', '2030-01-05', '2030-02-05', '2030-02-01'),
        request('access', '2030-02-01', '2030-03-01', '2030-03-10'),
        request('erasure', '2030-04-01', '2030-05-01', null),
        request('rectification', '2030-06-01', '2030-07-01', null),
        request('access', '2029-12-01', '2030-01-01', '2029-12-20'),
        earlyBreach,
        breach('2030-05-01T08:00:00.000Z'),
        breach('2029-11-01T08:00:00.000Z'),
        disclosure('ggd', '2030-01-15T10:00:00.000Z'),
        disclosure('ggd', '2030-02-15T10:00:00.000Z'),
        disclosure('belastingdienst', '2030-03-01T10:00:00.000Z'),
      ];
      // De Egel: 1 child with consent (too few for a rate of its own), one request answered on time, one disclosure.
      const egelChild = child();
      const egelRows: Row[] = [...egelChild, consent(egelChild[0]!.entityId, 'ouderportaal', 'given', '2030-01-02'), request('objection', '2030-03-01', '2030-04-01', '2030-03-15'), disclosure('veilig_thuis', '2030-04-01T10:00:00.000Z')];
      await db.transaction().execute(async (trx) => {
        await publishToLocation(trx, vlinder.id, vlinderRows, NOW.toISOString());
        await publishToLocation(trx, egel.id, egelRows, NOW.toISOString());
      });
      await db
        .insertInto('breach_assessments')
        .values({
          breach_id: reportedBreach,
          location_id: vlinder.id,
          risk: 'high',
          likely_consequences: 'x',
          report_to_ap: 1,
          reasons: 'x',
          ap_reference: 'M-1',
          ap_reported_at: '2030-02-02T08:00:00.000Z',
          late_reason: null,
          inform_persons: 0,
          inform_reasons: 'x',
          follow_up: '',
          assessed_by: 'u',
          assessed_at: '2030-02-01T10:00:00.000Z',
          closed_at: null,
          closed_by: null,
        })
        .execute();
      return ho.close;
    });

    const get = (headers: Record<string, string>, query = '') => app.inject({ method: 'GET', url: `/console/api/figures${query}`, headers });

    it('counts per location and for the organisation, for the current year by default', async () => {
      const response = await get(await signIn('fg'));
      expect(response.statusCode).toBe(200);
      const body = response.json<FiguresResponse>();
      expect(body.year).toBe(2030);
      const vlinder = body.locations.find((l) => l.name === 'KDV De Vlinder')!.figures;
      const egel = body.locations.find((l) => l.name === 'BSO De Egel')!.figures;

      expect(vlinder.requests.find((r) => r.kind === 'access')).toEqual({ kind: 'access', received: 2, onTime: 1, late: 1, pending: 0 });
      expect(vlinder.requests.find((r) => r.kind === 'erasure')).toEqual({ kind: 'erasure', received: 1, onTime: 0, late: 1, pending: 0 });
      expect(vlinder.requests.find((r) => r.kind === 'rectification')).toEqual({ kind: 'rectification', received: 1, onTime: 0, late: 0, pending: 1 });
      // 1 on time of 3 answered or overdue.
      expect(vlinder.onTimeShare).toBe(33.3);
      expect(vlinder.breaches).toEqual({ total: 2, reportedToAp: 1 });
      expect(vlinder.disclosures).toEqual([
        { recipient: 'ggd', count: 2 },
        { recipient: 'belastingdienst', count: 1 },
      ]);
      expect(vlinder.consents.find((c) => c.purpose === 'ouderportaal')).toEqual({ purpose: 'ouderportaal', children: 5, given: 2, rate: 40 });
      expect(vlinder.consents.find((c) => c.purpose === 'nieuwsbrief')).toEqual({ purpose: 'nieuwsbrief', children: 5, given: 1, rate: 20 });
      // One child: its rate would show one family's choice.
      expect(egel.consents.find((c) => c.purpose === 'ouderportaal')).toEqual({ purpose: 'ouderportaal', children: 1, given: 1, rate: null });
      expect(egel.onTimeShare).toBe(100);

      const org = body.organisation;
      expect(org.requests.reduce((n, r) => n + r.received, 0)).toBe(5);
      expect(org.onTimeShare).toBe(50);
      expect(org.breaches).toEqual({ total: 2, reportedToAp: 1 });
      expect(org.disclosures).toEqual([
        { recipient: 'ggd', count: 2 },
        { recipient: 'belastingdienst', count: 1 },
        { recipient: 'veilig_thuis', count: 1 },
      ]);
      expect(org.consents.find((c) => c.purpose === 'ouderportaal')).toEqual({ purpose: 'ouderportaal', children: 6, given: 3, rate: 50 });

      // Numbers only: no name and no id of a person.
      expect(response.body).not.toContain(SURNAME);
      expect(response.body).not.toContain('0193a6f2');
    });

    it('another year counts that year; a bad year is refused in Dutch', async () => {
      const po = await signIn('privacy_officer');
      const last = (await get(po, '?year=2029')).json<FiguresResponse>();
      expect(last.organisation.breaches.total).toBe(1);
      expect(last.organisation.requests.find((r) => r.kind === 'access')!.received).toBe(1);
      const bad = await get(po, '?year=twintig');
      expect(bad.statusCode).toBe(400);
      expect(bad.json<{ error: string }>().error).toBe('Kies een jaar.');
    });

    it('IT is refused; no session is 401', async () => {
      expect((await get(await signIn('it'))).statusCode).toBe(403);
      expect((await get({})).statusCode).toBe(401);
    });

    it('logs opening the figures (who and which year, no figure); a refused year is not logged; the chain still verifies', async () => {
      const fg = await signIn('fg');
      expect((await get(fg)).statusCode).toBe(200);
      expect((await get(fg, '?year=2029')).statusCode).toBe(200);
      expect((await get(fg, '?year=twintig')).statusCode).toBe(400);
      const fgUser = await db.selectFrom('console_users').select('id').where('role', '=', 'fg').executeTakeFirstOrThrow();
      const logged = await db.selectFrom('console_audit').select(['user_id', 'detail']).where('action', '=', 'console.figures.read').orderBy('seq').execute();
      expect(logged).toEqual([
        { user_id: fgUser.id, detail: '{}' },
        { user_id: fgUser.id, detail: JSON.stringify({ year: 2029 }) },
      ]);
      expect((await verifyAuditChain(db)).intact).toBe(true);
    });
  });
}

describe('destruction counts', () => {
  it('arrive at head office with the sync after a retention run', async () => {
    const ho = await startHeadOffice();
    try {
      const location = await ho.newLocation('KDV Bewaar');
      const { backend, clock } = await newBackend();
      await backend.ok('sync.enrol', { serverUrl: ho.url, code: await location.code(), deviceName: 'Kantoor-pc', caCertPem: null });
      const sync = () => syncOnce(backend.core, (work) => work());
      const { household, contract } = await familyWithEverything(backend);
      await endContract(backend, contract, '2025-12-31');
      await sync();
      await moveClock(backend, clock, '2032-12-31');
      await runAll(backend, [{ category: 'household', id: household.id }]);
      await sync();
      const answer = await figures(ho.db, new Date('2032-12-31T12:00:00.000Z'));
      expect(answer.locations[0]!.figures.destructions).toContainEqual({ metric: 'destroyed.household', count: 1 });
      expect(answer.organisation.destructions).toContainEqual({ metric: 'destroyed.household', count: 1 });
    } finally {
      await ho.close();
    }
  });
});
