import type { Page } from '@playwright/test';
import { api, familyViaApi, field, screen, setUpLocation } from './app';
import { expect, test } from './fixtures';

/**
 * Issue 17 item 5: an inzage request about a child with a meldcode file waits for the
 * aandachtsfunctionaris. The manager is told who decides; the officer finds the request on their
 * Overzicht under "Wachten op uw beslissing" and decides from the card, without opening the
 * request; then the card is empty and the manager can make the report.
 */

const LOCATION = { name: 'KDV De Zonnebloem', address: 'Dorpsstraat 12, 1234 AB Ergens', lrk: '123456789' };
const MANAGER = { name: 'Fatima el Amrani', username: 'fatima', password: 'Zeilboot-Kaneel-Vijver-42' };
const OFFICER = { name: 'Ilse Meldcode-Jansen', username: 'ilse', temporary: 'Tijdelijk-Wachtwoord-2026', own: 'Rivier-Lantaarn-Mossel-58' };

async function logIn(page: Page, username: string, password: string) {
  await page.getByRole('button', { name: 'Vergrendelen' }).click();
  await field(page, 'Gebruikersnaam').fill(username);
  await field(page, 'Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
}

test('aandachtsfunctionaris: "Wachten op uw beslissing" met een inzageverzoek, beslissen vanaf het overzicht', async ({ page, webApp }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await setUpLocation(page, webApp.url, LOCATION, MANAGER);
  const { child, contractParentId } = await familyViaApi(page, { contract: {} });
  const today = await page.evaluate(() => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(new Date()));
  await api(page, 'meldcode.open', { route: 'huiselijk', childId: child.id, openedOn: today });
  await api(page, 'users.create', { name: OFFICER.name, username: OFFICER.username, password: OFFICER.temporary, roles: ['meldcodeOfficer'] });
  const request = await api<{ id: string; deadline: string }>(page, 'requests.create', {
    kind: 'access', subjectType: 'child', subjectId: child.id, requesterParentId: contractParentId, receivedOn: today, identityMethod: 'id_shown', description: null,
  });

  // The manager cannot make the report yet, and is told who decides and where it waits.
  await page.evaluate((id) => { window.location.hash = `#/verzoeken/${id}`; }, request.id);
  await page.getByRole('button', { name: 'Inzageverslag maken (PDF)' }).click();
  await expect(page.getByText(new RegExp(`beslist de aandachtsfunctionaris: ${OFFICER.name}`)).first()).toBeVisible();
  await expect(page.getByText(/Wachten op uw beslissing/).first()).toBeVisible();

  // The aandachtsfunctionaris logs in (first with the temporary password) and sees the request on the Overzicht.
  await logIn(page, OFFICER.username, OFFICER.temporary);
  await field(page, 'Tijdelijk wachtwoord').fill(OFFICER.temporary);
  await field(page, 'Nieuw wachtwoord').fill(OFFICER.own);
  await field(page, 'Herhaal nieuw wachtwoord').fill(OFFICER.own);
  await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Welkom, ${OFFICER.name}` })).toBeVisible({ timeout: 60_000 });
  const card = page.getByRole('region', { name: /Wachten op uw beslissing/ });
  const deadline = request.deadline.split('-').reverse().join('-');
  await expect(card.getByText(`Inzage — Emma de Boer, uiterlijk ${deadline}`)).toBeVisible();
  await expect(card).toContainText('Over een kind van deze gezinnen bestaat een meldcodedossier.');
  await screen(page, 'officer-wachten-1366x768');
  await page.setViewportSize({ width: 1280, height: 720 });
  await expect(card.getByRole('button', { name: 'Beslissen over het verzoek van Emma de Boer' })).toBeVisible();
  await screen(page, 'officer-wachten-1280x720');

  // Deciding from the card: the decision dialog, validated at the field, then the card is empty.
  await card.getByRole('button', { name: 'Beslissen over het verzoek van Emma de Boer' }).click();
  const dialog = page.getByRole('dialog', { name: 'Meldcode-informatie' });
  // Opened away from the request's page, the dialog says which request it decides.
  await expect(dialog).toContainText(`Inzage — Emma de Boer, uiterlijk ${deadline}`);
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(dialog.getByText(/Motivering/).first()).toBeVisible();
  await dialog.getByRole('radio', { name: 'Niet in het antwoord' }).check();
  await dialog.getByRole('textbox', { name: 'Motivering' }).fill('Het dossier loopt nog; informatie eruit zou het kind kunnen schaden.');
  await screen(page, 'officer-beslissen-1280x720');
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(dialog).toBeHidden();
  await expect(card.getByText('Geen verzoeken die op uw beslissing wachten.')).toBeVisible();
  await screen(page, 'officer-beslist-1280x720');

  // The manager can now make the report; it does not mention the meldcode file.
  await logIn(page, MANAGER.username, MANAGER.password);
  await expect(page.getByRole('heading', { level: 1, name: `Welkom, ${MANAGER.name}` })).toBeVisible();
  const report = await api<{ base64: string }>(page, 'requests.accessReport', { id: request.id });
  expect(report.base64.length).toBeGreaterThan(1000);
});
