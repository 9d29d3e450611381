// `npm test`: typecheck, lint (eslint, knip, catalogue keys), build, Electron security gate,
// vitest (unit + integration), Playwright E2E in Debian's Chromium. Every step runs; the run fails
// if any step failed.
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
  ['lint (knip)', bin('knip'), []],
  ['lint (i18n)', bin('tsx'), ['scripts/check-i18n.ts']],
  ['build', bin('electron-vite'), ['build']],
  ['electronegativity', process.execPath, ['scripts/electronegativity.mjs']],
  ['vitest', bin('vitest'), ['run']],
  // No test may depend on the day it runs: the same suites again with the wall clock moved more than
  // a year ahead (Debian's faketime; the app's own clock options are what tests should use).
  ['vitest (wall clock +400 days)', 'faketime', ['-f', '+400d', bin('vitest'), 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest-later.json'], { FAKETIME_DONT_FAKE_MONOTONIC: '1' }],
  ['playwright', bin('playwright'), ['test']],
].filter(([name]) => only.length === 0 || only.some((o) => name.startsWith(o)));

fs.rmSync(path.join(root, 'test-results', 'vitest.json'), { force: true });
fs.rmSync(path.join(root, 'test-results', 'vitest-later.json'), { force: true });
fs.rmSync(path.join(root, 'test-results', 'playwright.json'), { force: true });

const failedSteps = [];
for (const [name, command, args, env = {}] of steps) {
  console.log(`\n=== ${name} ===`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0', ...env } });
  if (result.error) console.log(`${name}: ${command} could not be started (${result.error.message})`);
  if (result.status !== 0) failedSteps.push(name);
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(path.join(root, 'test-results', file), 'utf8'));
  } catch {
    return null;
  }
}
const vitestRuns = [readJson('vitest.json'), readJson('vitest-later.json')];
const playwright = readJson('playwright.json');
const sum = (pick) => vitestRuns.reduce((n, run) => n + (run ? pick(run) : 0), 0);
const passed = sum((run) => run.numPassedTests) + (playwright?.stats?.expected ?? 0);
const failed = sum((run) => run.numFailedTests) + (playwright?.stats?.unexpected ?? 0) + (playwright?.stats?.flaky ?? 0);
const skipped = sum((run) => run.numPendingTests + run.numTodoTests) + (playwright?.stats?.skipped ?? 0);

console.log('');
if (failedSteps.length > 0) console.log(`Failed steps: ${failedSteps.join(', ')}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failedSteps.length > 0 || failed > 0 ? 1 : 0);
