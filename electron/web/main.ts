import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createBackend } from '../backend';
import { startWebServer } from './server';
import { prepareDemo } from '../backend/demo/launch';

/** `npm run start:web -- --data-dir DIR [--port N]` */
async function main() {
  const { values } = parseArgs({
    options: { 'data-dir': { type: 'string' }, port: { type: 'string' }, demo: { type: 'boolean' } },
    allowPositionals: true,
    strict: false,
  });
  const appRoot = path.resolve(__dirname, '../..');
  const demo = values.demo === true;
  // Demo data never go into the real data folder unless asked for explicitly.
  const dataDir = path.resolve(String(values['data-dir'] ?? defaultDataDir() + (demo ? '-demo' : '')));
  const backend = createBackend({ dataDir, resourcesDir: path.join(appRoot, 'resources') });
  if (demo) await prepareDemo(backend, (line) => console.log(line));
  const server = await startWebServer({
    backend,
    rendererDir: path.join(appRoot, 'out', 'renderer'),
    port: values.port ? Number(values.port) : 0,
  });
  console.log(`Gegevensmap: ${dataDir}`);
  console.log(`Open de app in uw browser: ${server.url}`);
  const stop = async () => {
    await server.close();
    await backend.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
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
