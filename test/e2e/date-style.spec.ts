import type { Page } from '@playwright/test';
import { offStyleDates } from '../helpers/dateStyles';
import { api, field } from './app';
import { expect, test } from './fixtures';

/**
 * Issue 17: one date style on every screen — `01-12-2026`, `1 december 2026`, and for a moment
 * `01-12-2026 14:05` or `1 december 2026 om 14:05` (renderer/src/lib/format.ts, the same functions
 * as the PDFs in shared/domain/dates.ts). The demo location (150 households, contracts, consents,
 * meldcode files) is opened as its manager and as its aandachtsfunctionaris; every menu item, a
 * child's and a household's page with each tab, "Waarom bewaren?" and a meldcode file are read,
 * and their text may hold no other style (test/helpers/dateStyles.ts).
 */

/** Every text on the page (tables and dialogs included) that looks like a date in another style. */
async function offStyle(page: Page, where: string, options: { seconds?: boolean } = {}): Promise<string[]> {
  await page.waitForLoadState('networkidle');
  await expect(page.getByText('Laden…')).toHaveCount(0);
  return offStyleDates(await page.locator('body').innerText(), options).map((found) => `${where}: ${found}`);
}

async function logIn(page: Page, username: string, password: string) {
  await field(page, 'Gebruikersnaam').fill(username);
  await field(page, 'Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
}

/** Every menu item, and for the manager a child's and a household's page with every tab. */
async function readEveryScreen(page: Page, who: string): Promise<string[]> {
  const found: string[] = [];
  const nav = page.getByRole('navigation');
  const labels = await nav.getByRole('link').allInnerTexts();
  for (const label of labels) {
    await nav.getByRole('link', { name: label, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    // Beveiliging keeps the audit log with seconds (format.ts dateTimeSeconds); no other screen does.
    found.push(...(await offStyle(page, `${who} · ${label}`, { seconds: label === 'Beveiliging' })));
  }
  return found;
}

async function readTabs(page: Page, where: string): Promise<string[]> {
  const found = await offStyle(page, where);
  const tabs = await page.getByRole('tab').allInnerTexts();
  for (const tab of tabs) {
    await page.getByRole('tab', { name: tab, exact: true }).click();
    found.push(...(await offStyle(page, `${where} · ${tab}`)));
  }
  return found;
}

/** The first entry of a list page, opened. */
async function firstOfList(page: Page, menu: string, where: string): Promise<string[]> {
  await page.getByRole('navigation').getByRole('link', { name: menu, exact: true }).click();
  const first = page.getByRole('table').first().getByRole('link').first();
  await expect(first).toBeVisible();
  await first.click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  return offStyle(page, where);
}

test('datums in één stijl op elk scherm van de demolocatie (locatiemanager en aandachtsfunctionaris)', async ({ page, webApp }) => {
  test.setTimeout(420_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await webApp.restart({ demo: true });
  await page.goto(webApp.url);
  await logIn(page, 'manager', 'Demo-Locatie-2026');
  await expect(page.getByRole('heading', { level: 1, name: /^Welkom/ })).toBeVisible({ timeout: 60_000 });
  const found = await readEveryScreen(page, 'locatiemanager');

  // A child with the most history: the first one in the Kinderen list, and its household.
  await page.getByRole('navigation').getByRole('link', { name: 'Kinderen', exact: true }).click();
  await page.getByRole('table').getByRole('link').first().click();
  await expect(page.getByRole('tab').first()).toBeVisible();
  const childUrl = page.url();
  found.push(...(await readTabs(page, 'kind')));
  await page.getByRole('button', { name: 'Waarom bewaren?' }).click();
  await expect(page.getByRole('dialog', { name: 'Waarom bewaren we dit nog?' })).toBeVisible();
  found.push(...(await offStyle(page, 'kind · Waarom bewaren?')));
  await page.keyboard.press('Escape');
  await page.getByRole('link', { name: /Gezin|gezin/ }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  found.push(...(await readTabs(page, 'gezin')));

  // A meldcode file on this child and an inzage request about it, for the request and the officer's screens.
  const childId = /#\/kinderen\/([^/?]+)/.exec(childUrl)![1]!;
  const householdId = /#\/gezinnen\/([^/?]+)/.exec(page.url())![1]!;
  const { parents } = await api<{ parents: { id: string; isContractParent: boolean }[] }>(page, 'households.get', { id: householdId });
  const today = await page.evaluate(() => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(new Date()));
  await api(page, 'meldcode.open', { route: 'huiselijk', childId, openedOn: today });
  const request = await api<{ id: string }>(page, 'requests.create', {
    kind: 'access', subjectType: 'child', subjectId: childId, requesterParentId: parents.find((p) => p.isContractParent)!.id, receivedOn: today, identityMethod: 'id_shown', description: null,
  });
  await page.evaluate((id) => { window.location.hash = `#/verzoeken/${id}`; }, request.id);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Inzage');
  found.push(...(await offStyle(page, 'verzoek')));

  await page.getByRole('button', { name: 'Vergrendelen' }).click();
  await logIn(page, 'aandachtsfunctionaris', 'Demo-Meldcode-2026');
  await expect(page.getByRole('heading', { level: 1, name: /^Welkom/ })).toBeVisible({ timeout: 60_000 });
  found.push(...(await readEveryScreen(page, 'aandachtsfunctionaris')));
  found.push(...(await firstOfList(page, 'Meldcode', 'meldcodedossier')));

  expect(found).toEqual([]);
});
