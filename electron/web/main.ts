import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createBackend } from '../backend';
import { startWebServer } from './server';
import { prepareDemo } from '../backend/demo/launch';

/**
 * `npm run start:web -- --data-dir DIR [--port N] [--demo] [--clock YYYY-MM-DD]`
 *
 * `--clock` is for tests and demos of retention only: the app's clock starts at 09:00 UTC on that
 * date and runs on from there (the system time is untouched). Electron never passes it.
 */
async function main() {
  const { values } = parseArgs({
    options: { 'data-dir': { type: 'string' }, port: { type: 'string' }, demo: { type: 'boolean' }, clock: { type: 'string' } },
    allowPositionals: true,
    strict: false,
  });
  const appRoot = path.resolve(__dirname, '../..');
  const demo = values.demo === true;
  // Demo data never go into the real data folder unless asked for explicitly.
  const dataDir = path.resolve(String(values['data-dir'] ?? defaultDataDir() + (demo ? '-demo' : '')));
  const now = typeof values.clock === 'string' ? shiftedClock(values.clock) : undefined;
  const backend = createBackend({ dataDir, resourcesDir: path.join(appRoot, 'resources'), ...(now ? { now } : {}) });
  if (demo) await prepareDemo(backend, (line) => console.log(line));
  const server = await startWebServer({
    backend,
    rendererDir: path.join(appRoot, 'out', 'renderer'),
    port: values.port ? Number(values.port) : 0,
  });
  console.log(`Gegevensmap: ${dataDir}`);
  if (now) console.log(`Testklok: de app rekent met ${now().toISOString()} (niet de systeemtijd).`);
  console.log(`Open de app in uw browser: ${server.url}`);
  const stop = async () => {
    await server.close();
    await backend.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** A clock that starts at `date` 09:00 UTC and runs at normal speed. */
function shiftedClock(date: string): () => Date {
  const start = Date.parse(`${date}T09:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(start)) throw new Error(`--clock verwacht een datum als 2034-01-31, niet "${date}"`);
  const offset = start - Date.now();
  return () => new Date(Date.now() + offset);
}

/** Same folder Electron's app.getPath('userData') would use for this app. */
function defaultDataDir(): string {
  const name = 'kinderopvang-locatie';
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? os.homedir(), name);
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', name);
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), name);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
