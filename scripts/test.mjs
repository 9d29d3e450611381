// `npm test`: typecheck, lint, build, Electron security gate, vitest (unit + integration),
// Playwright E2E in Debian's Chromium. Every step runs; the run fails if any step failed.
// Ends with one summary line "N passed, N failed" over all vitest and Playwright tests.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const only = process.argv.slice(2);

const steps = [
  ['typecheck', bin('tsc'), ['-p', 'tsconfig.node.json']],
  ['typecheck (renderer)', bin('tsc'), ['-p', 'tsconfig.web.json']],
  ['typecheck (e2e)', bin('tsc'), ['-p', 'tsconfig.e2e.json']],
  ['lint', bin('eslint'), ['.', '--max-warnings=0']],
  ['build', bin('electron-vite'), ['build']],
  ['electronegativity', process.execPath, ['scripts/electronegativity.mjs']],
  ['vitest', bin('vitest'), ['run']],
  ['playwright', bin('playwright'), ['test']],
].filter(([name]) => only.length === 0 || only.some((o) => name.startsWith(o)));

fs.rmSync(path.join(root, 'test-results', 'vitest.json'), { force: true });
fs.rmSync(path.join(root, 'test-results', 'playwright.json'), { force: true });

const failedSteps = [];
for (const [name, command, args] of steps) {
  console.log(`\n=== ${name} ===`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  if (result.status !== 0) failedSteps.push(name);
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(path.join(root, 'test-results', file), 'utf8'));
  } catch {
    return null;
  }
}
const vitest = readJson('vitest.json');
const playwright = readJson('playwright.json');
const passed = (vitest?.numPassedTests ?? 0) + (playwright?.stats?.expected ?? 0);
const failed = (vitest?.numFailedTests ?? 0) + (playwright?.stats?.unexpected ?? 0) + (playwright?.stats?.flaky ?? 0);
const skipped = (vitest?.numPendingTests ?? 0) + (vitest?.numTodoTests ?? 0) + (playwright?.stats?.skipped ?? 0);

console.log('');
if (failedSteps.length > 0) console.log(`Failed steps: ${failedSteps.join(', ')}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failedSteps.length > 0 || failed > 0 ? 1 : 0);
