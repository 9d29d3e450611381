import type { HoDb } from '../../headoffice/db/schema';
import { buildHeadOfficeServer } from '../../headoffice/service/server';
import { createLocation, issueEnrolmentCode } from '../../headoffice/service/sync.service';
import { sql } from 'kysely';
import { syncOnce, type Transport } from '../../electron/backend/sync/sync.engine';
import { makeBackend, setUpLocation, type TestBackend } from './backend';
import { freshHeadOfficeDb } from './console';

export interface RunningHeadOffice {
  url: string;
  db: HoDb;
  /** The embedded SQLite's data dir; null on PostgreSQL. */
  dataDir: string | null;
  port: number;
  newLocation(name: string): Promise<{ id: string; code: () => Promise<string> }>;
  /** Stop the HTTP service (the database stays), to simulate an outage. */
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

/** The real head-office service on 127.0.0.1, on SQLite or on the given PostgreSQL database. */
export async function startHeadOffice(databaseUrl?: string): Promise<RunningHeadOffice> {
  // Lives as long as the service (tempDir() would be removed after the first test of a suite).
  const store = await freshHeadOfficeDb(databaseUrl);
  const { db, dataDir } = store;
  let app = buildHeadOfficeServer({ db, logger: false });
  let port = 0;
  const listen = async () => {
    await app.listen({ host: '127.0.0.1', port });
    const address = app.server.address();
    if (address && typeof address === 'object') port = address.port;
  };
  await listen();
  return {
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    db,
    dataDir,
    get port() {
      return port;
    },
    async newLocation(name) {
      const location = await createLocation(db, name, new Date());
      return { id: location.id, code: async () => (await issueEnrolmentCode(db, location.id, new Date())).code };
    },
    async stop() {
      await app.close();
    },
    async start() {
      app = buildHeadOfficeServer({ db, logger: false });
      await listen();
    },
    async close() {
      await app.close().catch(() => undefined);
      await store.close();
    },
  };
}

/** A further PC of the location receives the sync key with a transfer code made on `from` (issue 15), as a manager does on the Hoofdkantoor page. */
export async function giveKey(from: TestBackend, to: TestBackend) {
  const { code } = await from.ok('sync.transferCode', {});
  await to.ok('sync.receiveKey', { code });
}

/** A location PC, set up and enrolled at head office with a koppelcode. */
export async function enrolledPc(ho: RunningHeadOffice, code: string, options: { now?: () => Date; syncTransport?: Transport; name?: string } = {}) {
  const pc = makeBackend(undefined, options);
  await setUpLocation(pc);
  await pc.ok('sync.enrol', { serverUrl: ho.url, code, deviceName: options.name ?? 'Kantoor-pc', caCertPem: null });
  return pc;
}

/** One sync round of a test PC, run directly (no other API call to wait for). */
export const syncPc = (pc: TestBackend, transport?: Transport) => syncOnce(pc.core, (work) => work(), transport);

/** Every row of every table of head office's database, as text (to look for what must not be there). */
export async function headOfficeRows(ho: RunningHeadOffice, dialect: 'sqlite' | 'postgres'): Promise<string> {
  const tables =
    dialect === 'sqlite'
      ? (await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table'`.execute(ho.db)).rows.map((r) => r.name)
      : (await sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'`.execute(ho.db)).rows.map((r) => r.name);
  const parts: string[] = [];
  for (const table of tables) parts.push(JSON.stringify((await sql`SELECT * FROM ${sql.table(table)}`.execute(ho.db)).rows));
  return parts.join('\n');
}
