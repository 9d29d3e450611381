// `npm start [-- --data-dir DIR]`: build, then launch Electron; where the Electron runtime is
// missing (it cannot be downloaded on our build machines) say so in one line and start web mode.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const webOnly = args.includes('--web');
const passArgs = args.filter((a) => a !== '--web');

// The build takes about 20 seconds; say so instead of staying silent.
const buildStarted = Date.now();
console.log('De app wordt gebouwd (ongeveer 20 seconden)…');
const build = spawnSync(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
});
if (build.status !== 0) process.exit(build.status ?? 1);
console.log(`Gebouwd in ${Math.round((Date.now() - buildStarted) / 1000)} s.`);

/** The runtime the electron package would use, without its lazy download (which fails offline). */
function electronBinary() {
  const pkg = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, 'electron');
  const pathFile = path.join(pkg, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const binary = path.join(pkg, 'dist', fs.readFileSync(pathFile, 'utf8'));
  return fs.existsSync(binary) ? binary : null;
}

const binary = webOnly ? null : electronBinary();
let child;
if (binary) {
  child = spawn(binary, [root, ...passArgs], { stdio: 'inherit' });
} else {
  if (!webOnly) console.log('De Electron-runtime is op deze machine niet geïnstalleerd; de app start in webmodus (alleen bereikbaar op 127.0.0.1).');
  child = spawn(process.execPath, [path.join(root, 'out/main/web.js'), ...passArgs], { stdio: 'inherit' });
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
