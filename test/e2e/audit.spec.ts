import type { Page } from '@playwright/test';
import { addGroup, api, setUpLocation } from './app';
import { expect, test } from './fixtures';

/**
 * Issue 13: an audited read happens once per user action. Opening a child's medical tab writes
 * one medical.get audit row, also after the window loses and regains focus; opening the tab again
 * is a new action with a new row; saving the medical data reads nothing again. The same for the
 * Medewerkers list (employees.list): the renderer's query layer reads the contract's declaration.
 */

const LOCATION = { name: 'KDV De Zonnebloem', address: 'Dorpsstraat 12, 1234 AB Ergens', lrk: '123456789' };
const MANAGER = { name: 'Fatima el Amrani', username: 'fatima', password: 'Zeilboot-Kaneel-Vijver-42' };

/** How many audit rows with this action the backend holds (audit.recent, newest 500). */
async function auditRows(page: Page, action: string): Promise<number> {
  const recent = await api<{ action: string }[]>(page, 'audit.recent', { limit: 500 });
  return recent.filter((entry) => entry.action === action).length;
}

/**
 * The window loses focus and gets it back: blur/focus on the window and a visibilitychange to
 * hidden and back to visible (TanStack Query's focusManager listens to visibilitychange). Then a
 * pause longer than the old 2-second staleTime, so a refetch on focus would have happened.
 */
async function loseAndRegainFocus(page: Page) {
  await page.evaluate(async () => {
    let state: DocumentVisibilityState = 'hidden';
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => state === 'hidden' });
    window.dispatchEvent(new FocusEvent('blur'));
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 500));
    state = 'visible';
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
    window.dispatchEvent(new FocusEvent('focus'));
  });
  await page.waitForTimeout(3_000);
}

/** Counts the renderer's calls of one API method from now on. */
function countCalls(page: Page, method: string) {
  const calls = { count: 0 };
  page.on('request', (request) => { if (new URL(request.url()).pathname === `/api/${method}`) calls.count += 1; });
  return calls;
}

async function createChild(page: Page) {
  const household = await api<{ id: string }>(page, 'households.create', {
    street: 'Lindelaan',
    houseNumber: '5a',
    postcode: '1234 AB',
    city: 'Vianen',
    iban: null,
    ibanHolder: null,
    parents: [{ firstName: 'Sanne', initials: 'S.', surnamePrefix: 'de', surname: 'Boer', email: 'sanne@example.nl', phone: '06 12345678', bsn: null, hasParentalAuthority: true, isContractParent: true }],
  });
  const child = await api<{ id: string }>(page, 'children.create', { householdId: household.id, firstName: 'Emma', initials: 'E.', surnamePrefix: 'de', surname: 'Boer', birthDate: '2023-03-12', groupId: (await addGroup(page, 'Rupsjes')).id, bsn: null });
  await api(page, 'medical.update', { childId: child.id, allergies: 'Pinda (EpiPen in de tas)', diet: null, medication: null, otherParticulars: null });
  return child;
}

test('medische gegevens: één auditregel per keer dat het tabblad opengaat, ook na focus kwijt en terug', async ({ page, webApp }) => {
  test.setTimeout(120_000);
  await setUpLocation(page, webApp.url, LOCATION, MANAGER);
  const child = await createChild(page);
  await page.evaluate((id) => { window.location.hash = `#/kinderen/${id}`; }, child.id);
  await expect(page.getByRole('heading', { level: 1, name: 'Emma de Boer' })).toBeVisible();
  expect(await auditRows(page, 'medical.get')).toBe(0);

  const reads = countCalls(page, 'medical.get');
  await page.getByRole('tab', { name: 'Medische gegevens en bijzonderheden' }).click();
  await expect(page.getByText('Pinda (EpiPen in de tas)')).toBeVisible();
  await expect.poll(() => auditRows(page, 'medical.get')).toBe(1);

  await loseAndRegainFocus(page);
  await loseAndRegainFocus(page);
  await expect(page.getByText('Pinda (EpiPen in de tas)')).toBeVisible();
  expect(reads.count).toBe(1);
  expect(await auditRows(page, 'medical.get')).toBe(1);

  // Closing the tab drops the data; opening it again is a new user action and a new audit row.
  await page.getByRole('tab', { name: 'Ophalen' }).click();
  await expect(page.getByText('Pinda (EpiPen in de tas)')).toBeHidden();
  await page.getByRole('tab', { name: 'Medische gegevens en bijzonderheden' }).click();
  await expect(page.getByText('Pinda (EpiPen in de tas)')).toBeVisible();
  await expect.poll(() => auditRows(page, 'medical.get')).toBe(2);
  await loseAndRegainFocus(page);
  expect(reads.count).toBe(2);
  expect(await auditRows(page, 'medical.get')).toBe(2);

  // Saving changes the medical area, but medical.update's answer is the fresh read: no second medical.get.
  await page.getByRole('button', { name: 'Wijzigen', exact: true }).click();
  await page.getByRole('textbox', { name: 'Dieet' }).fill('Geen koemelk');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByText('Geen koemelk')).toBeVisible();
  await expect.poll(() => auditRows(page, 'medical.update')).toBe(2); // the set-up call and this save
  await loseAndRegainFocus(page);
  expect(reads.count).toBe(2);
  expect(await auditRows(page, 'medical.get')).toBe(2);
});

test('medewerkers: de lijst wordt één keer gelezen, niet opnieuw bij focus', async ({ page, webApp }) => {
  test.setTimeout(120_000);
  await setUpLocation(page, webApp.url, LOCATION, MANAGER);
  await api(page, 'employees.save', { id: null, firstName: 'Ruud', surnamePrefix: null, surname: 'Smit', address: 'Lindelaan 3, 4131 AA Vianen', email: null, phone: null, position: 'Groepsleider', employmentStart: '2020-03-01', employmentEnd: null, labourDispute: false });

  const reads = countCalls(page, 'employees.list');
  await page.getByRole('navigation').getByRole('link', { name: 'Medewerkers' }).click();
  await expect(page.getByRole('row', { name: /Ruud Smit/ })).toBeVisible();
  await expect.poll(() => auditRows(page, 'employees.list')).toBe(1);

  await loseAndRegainFocus(page);
  await loseAndRegainFocus(page);
  expect(reads.count).toBe(1);
  expect(await auditRows(page, 'employees.list')).toBe(1);
});
