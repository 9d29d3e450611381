import type { Locator, Page } from '@playwright/test';
import { checkScreen, expect } from './fixtures';

/** Steps shared by the E2E specs: fields by accessible name, screenshots, the API, first setup. */

export const field = (scope: Page | Locator, label: string) => scope.getByRole('textbox', { name: label, exact: true });

/** checkScreen from the top of the page (a full-page shot of a scrolled page repeats the fixed header). */
export async function screen(page: Page, name: string) {
  await page.evaluate(() => { window.scrollTo(0, 0); });
  await checkScreen(page, name);
}

/** Calls the web-mode API from the page, with the per-launch token (as api/client.ts does). */
export async function api<T>(page: Page, method: string, input: unknown): Promise<T> {
  const envelope = await page.evaluate(
    async ({ method, input }) => {
      const response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${sessionStorage.getItem('kop.webToken') ?? ''}` },
        body: JSON.stringify(input),
      });
      return (await response.json()) as { ok: boolean; value?: unknown; error?: unknown };
    },
    { method, input },
  );
  if (!envelope.ok) throw new Error(`${method}: ${JSON.stringify(envelope.error)}`);
  return envelope.value as T;
}

/** The setup screen filled in for the location and its first manager, up to the Overzicht. */
export async function setUpLocation(
  page: Page,
  url: string,
  location: { name: string; address: string; lrk: string },
  manager: { name: string; username: string; password: string },
) {
  await page.goto(url);
  await field(page, 'Naam van de locatie').fill(location.name);
  await field(page, 'Adres').fill(location.address);
  await field(page, 'LRK-nummer').fill(location.lrk);
  await field(page, 'Naam').fill(manager.name);
  await field(page, 'Gebruikersnaam').fill(manager.username);
  await field(page, 'Wachtwoord').fill(manager.password);
  await field(page, 'Herhaal wachtwoord').fill(manager.password);
  await page.getByRole('button', { name: 'Inrichten' }).click();
  await page.getByRole('checkbox', { name: 'Ik heb de herstelsleutel veilig opgeborgen' }).check({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Verder' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Welkom, ${manager.name}` })).toBeVisible();
}

/** A group on the Groepen list (made through the API when missing): the forms pick a child's group from that list. */
export async function addGroup(page: Page, name: string, careType: 'dagopvang' | 'bso' | 'peuteropvang' = 'dagopvang'): Promise<{ id: string; name: string }> {
  const found = (await api<{ id: string; name: string }[]>(page, 'groups.list', {})).find((g) => g.name === name);
  return found ?? api<{ id: string; name: string }>(page, 'groups.create', { name, careType, ageFromMonths: 0, ageToMonths: 48, capacity: 16 });
}

/** Picks an option of a select field (a combobox) by the option's visible name; the list opens in a portal. */
export async function pick(scope: Page | Locator, label: string, option: string) {
  await scope.getByRole('combobox', { name: label }).click();
  const page = 'goto' in scope ? scope : scope.page();
  await page.getByRole('option', { name: option, exact: true }).click();
}
