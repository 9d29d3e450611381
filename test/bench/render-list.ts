/**
 * Benchmark: the time until the first screen of the 10,000-row Kinderen list is visible in
 * Chromium (web mode, the real renderer: API call, sorting, virtualised rendering), against the
 * same 10,000 rows as a plain static HTML table loaded with page.setContent in the same browser.
 *
 * Needs a built app (`npx electron-vite build`) and Debian's Chromium. Exported for `npm run bench`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type Page } from 'playwright-core';
import { createBackend } from '../../electron/backend';
import { searchKey } from '../../shared/domain/names';
import { median, ms, ratio, type BenchRow } from './report';

const ROOT = path.resolve(__dirname, '../..');
const CHILDREN = 10_000;
const RUNS = 5;
const MANAGER = { name: 'Meet Manager', username: 'meter', password: 'Snelheid-Wachtzin-123' };
/** Same flags as playwright.config.ts (without the networking ones Chromium keeps dialling out). */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
/** The first screen: the virtualised list renders what fits in view, so a dozen rows mean "visible". */
const FIRST_SCREEN_ROWS = 12;

const FIRST_NAMES = ['Emma', 'Noah', 'Julia', 'Liam', 'Mila', 'Luca', 'Sophie', 'Sem', 'Tess', 'Daan', 'Zoë', 'Finn', 'Nora', 'Levi', 'Saar', 'Mees'];
const SURNAMES = ['Jansen', 'Vries', 'Berg', 'Bakker', 'Visser', 'Smit', 'Meijer', 'Boer', 'Mulder', 'Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'Leeuwen', 'Dekker'];
const PREFIXES = [null, 'de', 'van den', null, null, null, null, 'de', null, 'de', null, null, null, null, 'van', null];
const GROUPS = ['Rupsjes', 'Vlinders', 'Peutergroep Egeltjes', 'BSO Zeebonken'];

/**
 * A fresh data dir with a location and 10,000 children (each with a contract parent and a
 * contract), written straight into the encrypted database before the web server starts: going
 * through the API one household at a time would take minutes and measure nothing of interest here.
 */
async function seed(dataDir: string): Promise<void> {
  const backend = createBackend({ dataDir, resourcesDir: path.join(ROOT, 'resources'), backgroundSync: false }, { error: () => {} });
  const setup = await backend.call('setup.create', {
    location: { name: 'Bench', address: 'Benchstraat 1, 1234 AB Ergens', lrkNumber: '123456789' },
    manager: MANAGER,
  });
  if (!setup.ok) throw new Error(setup.error.message);
  const db = backend.core.db();
  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    const location_id = (await trx.selectFrom('location').select('id').executeTakeFirstOrThrow()).id;
    for (const [g, name] of GROUPS.entries()) {
      await trx.insertInto('groups').values({ id: `g-${g}`, location_id, name, care_type: 'dagopvang', age_from_months: 0, age_to_months: 48, capacity: 16, archived_at: null, created_at: now, updated_at: now, version: null }).execute();
    }
    for (let i = 0; i < CHILDREN; i++) {
      const householdId = `h-${i}`;
      const surname = `${SURNAMES[i % SURNAMES.length]!}${i % 5 === 0 ? '' : String(i)}`;
      const surname_prefix = PREFIXES[i % PREFIXES.length] ?? null;
      const parentFirst = FIRST_NAMES[(i + 7) % FIRST_NAMES.length]!;
      const childFirst = FIRST_NAMES[(i * 3) % FIRST_NAMES.length]!;
      const year = 2013 + (i % 12);
      const birth_date = `${year}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
      await trx
        .insertInto('households')
        .values({ id: householdId, location_id, street: 'Straat', house_number: String(i), postcode: `${1000 + (i % 9000)} AB`, city: 'Plaats', iban: null, iban_holder: null, created_at: now, updated_at: now, version: null })
        .execute();
      await trx
        .insertInto('parents')
        .values({
          id: `p-${i}`,
          location_id,
          household_id: householdId,
          first_name: parentFirst,
          initials: null,
          surname_prefix,
          surname,
          search_name: searchKey({ firstName: parentFirst, surnamePrefix: surname_prefix, surname }),
          email: null,
          phone: null,
          bsn: null,
          has_parental_authority: 1,
          is_contract_parent: 1,
          created_at: now,
          updated_at: now,
          version: null,
        })
        .execute();
      await trx
        .insertInto('children')
        .values({
          id: `c-${i}`,
          location_id,
          household_id: householdId,
          first_name: childFirst,
          initials: null,
          surname_prefix,
          surname,
          search_name: searchKey({ firstName: childFirst, surnamePrefix: surname_prefix, surname }),
          birth_date,
          group_id: `g-${i % GROUPS.length}`,
          bsn: null,
          created_at: now,
          updated_at: now,
          version: null,
        })
        .execute();
      if (i % 10 !== 0) {
        // Most children have a contract: active, ended or planned.
        const [start_date, end_date] = i % 10 === 1 ? ['2022-01-01', '2024-12-31'] : i % 10 === 2 ? ['2099-01-01', null] : ['2024-01-01', null];
        await trx
          .insertInto('contracts')
          .values({ id: `k-${i}`, location_id, child_id: `c-${i}`, care_type: 'dagopvang', days: '["ma","di"]', hours_per_week: 18, start_date, end_date, created_at: now, updated_at: now, version: null })
          .execute();
      }
    }
  });
  await backend.close();
}

async function startServer(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'out/main/web.js'), '--data-dir', dataDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => { reject(new Error(`web mode did not start:\n${output}`)); }, 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => { reject(new Error(`web mode exited with ${String(code)}:\n${output}`)); });
  });
  return { url, child };
}

/** The little of the DOM the in-page check needs (this file compiles without the DOM library). */
type InPage = typeof globalThis & { document: { querySelectorAll(selector: string): { length: number } }; location: { hash: string } };

/** Opens Kinderen the way the router does on a link click, without Playwright's actionability waits in the timing. */
const openChildren = (page: Page) => page.evaluate(() => { (globalThis as InPage).location.hash = '#/kinderen'; });

/**
 * Resolves once at least `count` rows are in the DOM, checked on every animation frame. A function,
 * not a string: the app's CSP (script-src 'self') forbids evaluating strings.
 */
const rowsVisible = (page: Page, selector: string, count: number) =>
  page.waitForFunction(({ selector: s, count: n }) => (globalThis as InPage).document.querySelectorAll(s).length >= n, { selector, count }, { polling: 'raf', timeout: 60_000 });


const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export async function renderListBench(): Promise<BenchRow[]> {
  if (!fs.existsSync(path.join(ROOT, 'out/main/web.js')) || !fs.existsSync(path.join(ROOT, 'out/renderer/index.html'))) {
    throw new Error('render-list bench: build the app first (npx electron-vite build).');
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kop-bench-list-'));
  let server: { url: string; child: ChildProcess } | null = null;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    await seed(dataDir);
    server = await startServer(dataDir);
    const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
    await page.goto(server.url);
    await page.getByRole('textbox', { name: 'Gebruikersnaam', exact: true }).fill(MANAGER.username);
    await page.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill(MANAGER.password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('heading', { level: 1, name: `Welkom, ${MANAGER.name}` }).waitFor({ timeout: 60_000 });

    const rowSelector = '[role="row"][aria-rowindex]:not([aria-rowindex="1"])';
    const cold: number[] = [];
    const warm: number[] = [];
    let rows: { displayName: string; birthDate: string; groupName: string; contractStatus: string; contractParentName: string }[] = [];
    for (let run = 0; run < RUNS; run++) {
      // Cold: a fresh page load on the Overzicht, so nothing is cached; then open Kinderen.
      // (A URL that differs only in its hash is a same-document navigation: reload to start cold.)
      await page.goto(`${new URL(server.url).origin}/#/`);
      await page.reload();
      await page.getByRole('heading', { level: 1, name: `Welkom, ${MANAGER.name}` }).waitFor({ timeout: 60_000 });
      const response = run === 0 ? page.waitForResponse((r) => r.url().endsWith('/api/children.list')) : null;
      response?.catch(() => undefined); // awaited below; never an unhandled rejection if a step fails first
      let start = performance.now();
      await openChildren(page);
      await rowsVisible(page, rowSelector, FIRST_SCREEN_ROWS);
      cold.push(performance.now() - start);
      if (response) {
        const body = (await (await response).json()) as { value: { rows: typeof rows } };
        rows = body.value.rows;
        if (rows.length !== CHILDREN) throw new Error(`expected ${CHILDREN} rows, got ${rows.length}`);
      }
      // Warm: back to the Overzicht and to Kinderen again, with the list in the query cache.
      await page.getByRole('navigation').getByRole('link', { name: 'Overzicht' }).click();
      await page.getByRole('heading', { level: 1, name: `Welkom, ${MANAGER.name}` }).waitFor();
      start = performance.now();
      await openChildren(page);
      await rowsVisible(page, rowSelector, FIRST_SCREEN_ROWS);
      warm.push(performance.now() - start);
    }
    const rendered = await page.locator(rowSelector).count();

    // Baseline: the same rows, already in hand, as one static HTML table in the same browser.
    const html = `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Kinderen</title></head><body><table><thead><tr><th>Naam</th><th>Geboortedatum</th><th>Groep</th><th>Contractstatus</th><th>Contractouder</th></tr></thead><tbody>${rows
      .map(
        (r) =>
          `<tr><td>${escapeHtml(r.displayName)}</td><td>${r.birthDate.split('-').reverse().join('-')}</td><td>${escapeHtml(r.groupName)}</td><td>${r.contractStatus}</td><td>${escapeHtml(r.contractParentName)}</td></tr>`,
      )
      .join('')}</tbody></table></body></html>`;
    const baseline: number[] = [];
    const plain = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    for (let run = 0; run < RUNS; run++) {
      await plain.setContent('<!doctype html><title>leeg</title>');
      const start = performance.now();
      await plain.setContent(html);
      await rowsVisible(plain, 'tbody tr', CHILDREN);
      baseline.push(performance.now() - start);
    }

    const base = median(baseline);
    return [
      {
        measurement: `first screen of the ${CHILDREN.toLocaleString('en')}-row Kinderen list, cold (API + sort + virtualised render; ${rendered} rows in the DOM) vs static HTML table, median of ${RUNS}`,
        figure: ms(median(cold)),
        baseline: ms(base),
        ratio: ratio(median(cold), base),
      },
      {
        measurement: `first screen of the ${CHILDREN.toLocaleString('en')}-row Kinderen list, cached data vs static HTML table, median of ${RUNS}`,
        figure: ms(median(warm)),
        baseline: ms(base),
        ratio: ratio(median(warm), base),
      },
    ];
  } finally {
    await browser.close();
    server?.child.kill();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
