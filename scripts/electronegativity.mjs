// Security gate for the Electron shell: runs electronegativity through its programmatic API
// (the CLI exits 0 even with findings) and fails on any finding of medium severity or worse.
import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const run = require('@doyensec/electronegativity');
const root = path.resolve(import.meta.dirname, '..');
const electronVersion = require('electron/package.json').version;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'eng-'));
const output = path.join(work, 'result.csv');

// What ships in the Electron app: the shell and backend sources, the renderer's HTML (its CSP
// meta tag) and package.json. Bundled third-party code is not ours to review here.
const input = path.join(work, 'app');
fs.cpSync(path.join(root, 'electron'), path.join(input, 'electron'), { recursive: true });
fs.cpSync(path.join(root, 'renderer', 'index.html'), path.join(input, 'renderer', 'index.html'));
fs.cpSync(path.join(root, 'package.json'), path.join(input, 'package.json'));

const SEVERITY = { INFORMATIONAL: 0, LOW: 1, MEDIUM: 2, HIGH: 3 };

const result = await run({
  input,
  output,
  isSarif: false,
  customScan: '',
  severitySet: '',
  confidenceSet: '',
  isRelative: true,
  parserPlugins: [],
  electronVersionOverride: electronVersion,
});

const issues = result.issues ?? [];
const blocking = issues.filter((issue) => (SEVERITY[String(issue.severity?.name ?? issue.severity).toUpperCase()] ?? 3) >= SEVERITY.MEDIUM);
for (const issue of issues) {
  const severity = issue.severity?.name ?? issue.severity;
  console.log(`${blocking.includes(issue) ? 'FAIL' : 'info'}  ${severity}  ${issue.id}  ${issue.file}:${issue.location?.line ?? '?'}  ${issue.description ?? ''}`);
}
console.log(`electronegativity: ${issues.length} finding(s), ${blocking.length} of medium severity or worse`);
process.exit(blocking.length > 0 ? 1 : 0);
