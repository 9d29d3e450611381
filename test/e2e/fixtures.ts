import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export interface WebApp {
  url: string;
  dataDir: string;
  /**
   * Restart the server on the same data dir (new token, new URL). `clock` starts the app's clock
   * on that date (web mode's test-only `--clock`), to see retention periods run out. `demo` fills
   * the (empty) data dir with the demo location first (`--demo`: 150 households, demo logins).
   */
  restart(options?: { clock?: string; demo?: boolean }): Promise<void>;
}

const ROOT = path.resolve(__dirname, '../..');

async function startServer(dataDir: string, clock?: string, demo = false): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'out/main/web.js'), '--data-dir', dataDir, ...(clock ? ['--clock', clock] : []), ...(demo ? ['--demo'] : [])], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: process.env,
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`web mode did not start:\n${output}`)), demo ? 120_000 : 20_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`web mode exited with ${code}:\n${output}`)));
  });
  return { url, child };
}

/** Each test gets a fresh data dir and its own web-mode server. */
export const test = base.extend<{ webApp: WebApp }>({
  webApp: async ({}, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kop-e2e-'));
    let server = await startServer(dataDir);
    const app: WebApp = {
      get url() {
        return server.url;
      },
      dataDir,
      async restart(options = {}) {
        server.child.kill();
        server = await startServer(dataDir, options.clock, options.demo);
      },
    };
    await use(app);
    server.child.kill();
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };

/** Screenshot into test-results/screens/ for review, plus an axe check (no serious/critical). */
export async function checkScreen(page: Page, name: string) {
  fs.mkdirSync(path.join(ROOT, 'test-results/screens'), { recursive: true });
  const file = path.join(ROOT, `test-results/screens/${name}.png`);
  // CI once saw a full-page capture stall for minutes in headless Chromium after "fonts loaded";
  // the viewport shot still records the screen, and the axe check below runs either way.
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled', timeout: 30_000 }).catch(() => page.screenshot({ path: file, animations: 'disabled', timeout: 30_000 }));
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
    `accessibility on screen "${name}"`,
  ).toEqual([]);
}
