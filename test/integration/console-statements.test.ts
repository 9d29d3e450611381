import fs from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ConsoleRole } from '../../shared/console/roles';
import type { ConsoleStatementVersion } from '../../shared/console/statements';
import { verifyAuditChain } from '../../headoffice/console/audit';
import type { HoDb } from '../../headoffice/db/schema';
import { consoleUnderTest } from '../helpers/console';
import { startPostgres } from '../helpers/postgres';

/**
 * Issue 18 part 8 (head-office side) — privacy statement versions in the console: the privacy
 * officer publishes (validated at the field, a version label once, audited); the FG reads and is
 * refused on publish; IT sees none of it.
 */
type Pg = Awaited<ReturnType<typeof startPostgres>>;
let pg: Pg = null;
beforeAll(async () => {
  pg = await startPostgres();
});
afterAll(() => pg?.stop());

const STATEMENT = fs.readFileSync('/work/shared/seed/000_bae7ac753e38b9dd.txt', 'utf8');

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe(`privacy statement versions on ${dialect}`, () => {
    let db: HoDb;
    let app: FastifyInstance;
    let signIn: (role: ConsoleRole) => Promise<Record<string, string>>;
    const clock = new Date();

    beforeEach(async (ctx) => {
      if (dialect === 'postgres' && !pg) return ctx.skip();
      const ho = await consoleUnderTest({ databaseUrl: dialect === 'postgres' ? pg!.url : undefined, now: () => clock });
      ({ db, app, signIn } = ho);
      return ho.close;
    });

    const list = (headers: Record<string, string>) => app.inject({ method: 'GET', url: '/console/api/statements', headers });
    const publish = (headers: Record<string, string>, payload: Record<string, unknown>) => app.inject({ method: 'POST', url: '/console/api/statements', headers, payload });

    it('publishes a version, audited; a duplicate version or bad input is a field error and changes nothing', async () => {
      const po = await signIn('privacy_officer');
      const published = await publish(po, { version: '2026.2', effectiveDate: '2026-09-01', text: STATEMENT });
      expect(published.statusCode, published.body).toBe(200);

      const duplicate = await publish(po, { version: '2026.2', effectiveDate: '2026-10-01', text: 'Andere tekst' });
      expect(duplicate.statusCode).toBe(400);
      expect(duplicate.json<{ fields: Record<string, string> }>().fields.version).toBe('Versie 2026.2 is al gepubliceerd.');

      const bad = await publish(po, { version: '', effectiveDate: '2026-02-30', text: '  ' });
      expect(bad.statusCode).toBe(400);
      expect(bad.json<{ fields: Record<string, string> }>().fields).toEqual({
        version: 'Vul het versienummer in, bijvoorbeeld 2026.2.',
        effectiveDate: 'Deze ingangsdatum bestaat niet.',
        text: 'Vul de tekst van de privacyverklaring in.',
      });

      const versions = (await list(po)).json<ConsoleStatementVersion[]>();
      expect(versions).toHaveLength(1);
      expect(versions[0]).toMatchObject({ version: '2026.2', effectiveDate: '2026-09-01', text: STATEMENT.trim() });
      const actions = (await db.selectFrom('console_audit').select('action').execute()).map((r) => r.action).filter((a) => a.startsWith('console.statement'));
      expect(actions).toEqual(['console.statement.publish']);
      expect((await verifyAuditChain(db)).intact).toBe(true);
    });

    it('the FG reads the versions but publishing is refused (403); IT sees none; no session is 401', async () => {
      await publish(await signIn('privacy_officer'), { version: '2026.1', effectiveDate: '2026-01-01', text: 'Tekst' });
      const fg = await signIn('fg');
      expect((await list(fg)).json<ConsoleStatementVersion[]>().map((v) => v.version)).toEqual(['2026.1']);
      expect((await publish(fg, { version: '2026.3', effectiveDate: '2026-12-01', text: 'Tekst' })).statusCode).toBe(403);
      expect((await list(await signIn('it'))).statusCode).toBe(403);
      expect((await app.inject({ method: 'GET', url: '/console/api/statements' })).statusCode).toBe(401);
      expect(await db.selectFrom('privacy_statement_versions').select('version').execute()).toEqual([{ version: '2026.1' }]);
    });
  });
}
