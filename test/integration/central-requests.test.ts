import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../headoffice/console/audit';
import { buildHeadOfficeServer } from '../../headoffice/service/server';
import { syncOnce } from '../../electron/backend/sync/sync.engine';
import type { ConsoleRequest } from '../../shared/console/requests';
import type { ConsoleRole } from '../../shared/console/roles';
import { addDays, firstDeadline } from '../../shared/domain/requests';
import { isoDateIn } from '../../shared/domain/clock';
import { createFamily } from '../helpers/clients';
import { withConsoleUsers } from '../helpers/console';
import { enrolledPc, startHeadOffice, type RunningHeadOffice } from '../helpers/headoffice';
import { startPostgres } from '../helpers/postgres';

/**
 * Issue 18 part 3 — requests that arrive via privacy@: the privacy officer registers one in the
 * console for a location; every PC of that location pulls it as a task with the organisation's
 * deadline; the manager registers it at the person (an AVG-verzoek with head office's date of
 * receipt) or says the person is not known there. The console's overview shows per location the
 * kind, dates, deadline and status — never the requester or what they asked.
 */
const NOW = new Date('2027-05-12T09:00:00Z');
const now = () => NOW;
const TODAY = isoDateIn(NOW);
const exclusive = <T>(work: () => Promise<T>) => work();

const REQUEST = {
  kind: 'access',
  receivedOn: addDays(TODAY, -3),
  requesterName: 'Annemarie Vermeulen-Bakker',
  requesterContact: 'a.vermeulen@example.nl',
  description: 'Ik wil graag weten welke gegevens u van mij en mijn dochter hebt.',
};

type Pg = Awaited<ReturnType<typeof startPostgres>>;
let pg: Pg = null;
beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(() => pg?.stop());

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`requests via privacy@ on ${dialect}`, () => {
    let ho: RunningHeadOffice;
    let app: FastifyInstance;
    let signIn: (role: ConsoleRole) => Promise<Record<string, string>>;
    beforeAll(async () => {
      if (dialect === 'postgres' && !pg) return;
      ho = await startHeadOffice(dialect === 'postgres' ? pg!.url : undefined);
      app = buildHeadOfficeServer({ db: ho.db, logger: false, now });
      signIn = await withConsoleUsers(ho.db, app, NOW);
    }, 120_000);
    afterAll(async () => {
      await app?.close();
      await ho?.close();
    });

    const overview = async (headers: Record<string, string>) => (await app.inject({ method: 'GET', url: '/console/api/requests', headers })).json<ConsoleRequest[]>();
    const register = (headers: Record<string, string>, payload: Record<string, unknown>) => app.inject({ method: 'POST', url: '/console/api/requests', headers, payload });

    it('reaches both PCs of the location as a task, is registered at the person with the organisation’s deadline, and the console sees only kind, dates and status', { timeout: 120_000 }, async (ctx) => {
      if (!ho) ctx.skip();
      const location = await ho.newLocation(`KDV Privacy ${dialect}`);
      const other = await ho.newLocation(`KDV Elders ${dialect}`);
      const pc = await enrolledPc(ho, await location.code(), { now });
      const second = await enrolledPc(ho, await location.code(), { now, name: 'Tweede pc' });
      const elsewhere = await enrolledPc(ho, await other.code(), { now });
      const { household, child } = await createFamily(pc);
      await syncOnce(pc.core, exclusive);

      const officer = await signIn('privacy_officer');
      const created = await register(officer, { ...REQUEST, locationId: location.id });
      expect(created.statusCode, created.body).toBe(200);
      const { id, deadline } = created.json<{ id: string; deadline: string }>();
      expect(deadline).toBe(firstDeadline(REQUEST.receivedOn));

      for (const machine of [pc, second, elsewhere]) await syncOnce(machine.core, exclusive);
      // Both PCs of the location have the task; the other location has nothing.
      for (const machine of [pc, second]) {
        const due = await machine.ok('requests.due', {});
        expect(due.central).toEqual([
          { id, kind: 'access', receivedOn: REQUEST.receivedOn, deadline, deadlineState: 'ok', requesterName: REQUEST.requesterName, requesterContact: REQUEST.requesterContact, description: REQUEST.description, registeredByName: 'Test privacy_officer' },
        ]);
      }
      expect((await elsewhere.ok('requests.due', {})).central).toEqual([]);
      const waiting = await overview(officer);
      expect(waiting.filter((r) => r.locationId === location.id)).toEqual([
        { id, locationId: location.id, locationName: `KDV Privacy ${dialect}`, kind: 'access', viaPrivacyOffice: true, receivedOn: REQUEST.receivedOn, deadline, extendedMonths: 0, status: 'waiting', handledOn: null, overdue: false },
      ]);

      // The manager registers it at the contract parent; kind and date come from head office, whatever the form says.
      const parent = household.parents.find((p) => p.isContractParent)!;
      const request = await pc.ok('requests.create', { kind: 'erasure', subjectType: 'child', subjectId: child.id, requesterParentId: parent.id, receivedOn: TODAY, identityMethod: 'registered_contact', centralRequestId: id });
      expect(request).toMatchObject({ kind: 'access', receivedOn: REQUEST.receivedOn, deadline, description: REQUEST.description });
      expect((await pc.ok('requests.due', {})).central).toEqual([]);
      // Registered once: a second registration (also from the other PC once it has pulled) is refused and writes nothing.
      const again = await pc.err('requests.create', { kind: 'access', subjectType: 'child', subjectId: child.id, requesterParentId: parent.id, receivedOn: TODAY, identityMethod: 'registered_contact', centralRequestId: id });
      expect(again.message).toBe('Dit verzoek via privacy@ is al afgehandeld (op deze of een andere pc).');
      expect(await pc.ok('requests.list', {})).toHaveLength(1);
      // The requester's details are cleared from the task row: the AVG-verzoek holds them now.
      expect(pc.core.sqlite().prepare('SELECT requester_name, requester_contact, description, status, request_id FROM central_requests').all()).toEqual([
        { requester_name: null, requester_contact: null, description: null, status: 'registered', request_id: request.id },
      ]);

      await syncOnce(pc.core, exclusive);
      await syncOnce(second.core, exclusive);
      expect((await second.ok('requests.due', {})).central).toEqual([]);
      const handled = (await overview(officer)).filter((r) => r.locationId === location.id);
      expect(handled).toEqual([{ id: request.id, locationId: location.id, locationName: `KDV Privacy ${dialect}`, kind: 'access', viaPrivacyOffice: true, receivedOn: REQUEST.receivedOn, deadline, extendedMonths: 0, status: 'open', handledOn: null, overdue: false }]);

      // The FG reads the same overview; nothing in it names the requester, the child or what was asked.
      const fgView = await overview(await signIn('fg'));
      const text = JSON.stringify(fgView);
      for (const secret of [REQUEST.requesterName, REQUEST.requesterContact, 'dochter', 'Boer', 'Zoë', child.id, parent.id]) expect(text).not.toContain(secret);
      // Head office's audit names the kind and the location, not the person.
      const audit = await ho.db.selectFrom('console_audit').select(['action', 'detail']).where('action', '=', 'console.request.register').execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]!.detail).not.toContain('Vermeulen');
      // Every opening of the overview is logged (who, no content); the chain still verifies.
      const reads = await ho.db.selectFrom('console_audit').select(['user_id', 'detail']).where('action', '=', 'console.requests.list').execute();
      expect(reads.length).toBeGreaterThanOrEqual(2);
      expect(reads.every((r) => r.detail === '{}')).toBe(true);
      expect((await verifyAuditChain(ho.db)).intact).toBe(true);
    });

    it('a location that does not know the person says so; head office sees it and the requester’s details are gone from that PC', { timeout: 120_000 }, async (ctx) => {
      if (!ho) ctx.skip();
      const location = await ho.newLocation(`KDV Onbekend ${dialect}`);
      const pc = await enrolledPc(ho, await location.code(), { now });
      const officer = await signIn('privacy_officer');
      const { id } = (await register(officer, { ...REQUEST, kind: 'erasure', locationId: location.id })).json<{ id: string }>();
      await syncOnce(pc.core, exclusive);
      await pc.ok('requests.declineCentral', { id });
      expect((await pc.ok('requests.due', {})).central).toEqual([]);
      expect(pc.core.sqlite().prepare('SELECT requester_name, requester_contact, description, status FROM central_requests WHERE id = ?').get(id)).toEqual({ requester_name: null, requester_contact: null, description: null, status: 'not_here' });
      expect((await pc.err('requests.declineCentral', { id })).message).toBe('Dit verzoek via privacy@ is al afgehandeld (op deze of een andere pc).');
      await syncOnce(pc.core, exclusive);
      expect((await overview(officer)).find((r) => r.id === id)).toMatchObject({ status: 'not_here', handledOn: TODAY, viaPrivacyOffice: true });
      const record = await ho.db.selectFrom('records').select('payload').where('entity_id', '=', id).executeTakeFirstOrThrow();
      expect(record.payload).not.toContain('Vermeulen');
    });

    it('refuses bad input at the field in Dutch and writes nothing; the FG and IT cannot register; without a session nothing is shown', async (ctx) => {
      if (!ho) ctx.skip();
      const location = await ho.newLocation(`KDV Fout ${dialect}`);
      const officer = await signIn('privacy_officer');
      const before = await ho.db.selectFrom('records').select(ho.db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const bad = await register(officer, { locationId: location.id, kind: 'wish', receivedOn: '12-05-2027', requesterName: 'A', requesterContact: '', description: '' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json<{ fields: Record<string, string> }>().fields).toEqual({
        kind: 'Kies het soort verzoek.',
        receivedOn: 'Vul in op welke dag het verzoek bij privacy@ binnenkwam.',
        requesterName: 'Vul de naam van de verzoeker in (minstens 2 tekens).',
        requesterContact: 'Vul in hoe de verzoeker te bereiken is (e-mailadres of telefoonnummer).',
      });
      const future = await register(officer, { ...REQUEST, receivedOn: addDays(TODAY, 1), locationId: location.id });
      expect(future.json()).toMatchObject({ fields: { receivedOn: 'De datum van ontvangst ligt in de toekomst.' } });
      const nowhere = await register(officer, { ...REQUEST, locationId: 'bestaat-niet' });
      expect(nowhere.json()).toMatchObject({ fields: { locationId: 'Deze locatie bestaat niet.' } });
      expect((await register(await signIn('fg'), { ...REQUEST, locationId: location.id })).statusCode).toBe(403);
      expect((await register(await signIn('it'), { ...REQUEST, locationId: location.id })).statusCode).toBe(403);
      expect((await app.inject({ method: 'GET', url: '/console/api/requests', headers: await signIn('it') })).statusCode).toBe(403);
      expect((await app.inject({ method: 'GET', url: '/console/api/requests' })).statusCode).toBe(401);
      const after = await ho.db.selectFrom('records').select(ho.db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
    });
  });
}
