import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import type { Locator, Page } from '@playwright/test';
import { DEFAULT_POLICIES, destructionDate } from '../../shared/domain/retention';
import { addGroup, api, field, screen, setUpLocation } from './app';
import { nlDate } from '../../shared/domain/dates';
import { expect, test } from './fixtures';

/**
 * Issue 6, clicked through the real UI in web mode: from a child's page the manager opens a
 * meldcode case file, walks the five steps to a report with the parent informed (after the form
 * refused a report without it), prints it, closes it and sees the destruction date; then a
 * pedagogisch medewerker logs in and finds no trace of it.
 */

const LOCATION = { name: 'KDV De Zonnebloem', address: 'Dorpsstraat 12, 1234 AB Ergens', lrk: '123456789' };
const MANAGER = { name: 'Fatima el Amrani', username: 'fatima', password: 'Zeilboot-Kaneel-Vijver-42' };
const STAFF = { name: 'Pieter de Vries', username: 'pieter', temporary: 'Kastanje-Lamp-Rivier-7', own: 'Hoge-Duinen-Wolkendek-93' };

const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(new Date());




/** The family is not what this test is about: it is created through the API. */
async function createChild(page: Page): Promise<string> {
  const household = await api<{ id: string }>(page, 'households.create', {
    street: 'Lindelaan',
    houseNumber: '5a',
    postcode: '1234 AB',
    city: 'Vianen',
    parents: [{ firstName: 'Sanne', initials: 'S.', surnamePrefix: 'de', surname: 'Boer', email: null, phone: '06 12345678', bsn: null, hasParentalAuthority: true, isContractParent: true }],
  });
  const child = await api<{ id: string }>(page, 'children.create', { householdId: household.id, firstName: 'Zoë', initials: 'Z.', surnamePrefix: 'de', surname: 'Boer', birthDate: '2023-04-15', groupId: (await addGroup(page, 'Rupsjes')).id, bsn: null });
  return child.id;
}

/** Opens the entry dialog of a step, fills it with `fill`, saves, and waits for the dialog to close. */
async function record(page: Page, step: string, button: string, fill: (dialog: Locator) => Promise<void>) {
  await page.getByRole('region', { name: step }).getByRole('button', { name: button }).click();
  const dialog = page.getByRole('dialog', { name: button });
  await fill(dialog);
  await dialog.getByRole('button', { name: button }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('region', { name: step }).getByText('Vastgelegd', { exact: true })).toBeVisible();
}

test('meldcode: five steps to a report with the parent informed, closed with its destruction date; no trace for staff', async ({ page, webApp }) => {
  // Two accounts with the production key derivation (scrypt) and a full walk through the steps.
  test.setTimeout(360_000);
  await setUpLocation(page, webApp.url, LOCATION, MANAGER);
  const childId = await createChild(page);

  // From the child's page: the Meldcode tab, a new case file for this child.
  await page.goto(`${new URL(page.url()).origin}/#/kinderen/${childId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Zoë de Boer' })).toBeVisible();
  await page.getByRole('tab', { name: 'Meldcode' }).click();
  await expect(page.getByText('Er is geen meldcodedossier over dit kind.')).toBeVisible();
  await page.getByRole('button', { name: 'Nieuw dossier' }).click();
  const openDialog = page.getByRole('dialog', { name: 'Meldcodedossier openen' });
  await expect(openDialog.getByText('Zoë de Boer')).toBeVisible();
  await expect(openDialog.getByRole('radio', { name: /Thuissituatie/ })).toBeChecked();
  await openDialog.getByRole('button', { name: 'Dossier openen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Meldcodedossier Zoë de Boer' })).toBeVisible();

  // Stap 1 — signaal.
  await record(page, 'Stap 1 — Signalen in kaart brengen', 'Signaal vastleggen', async (dialog) => {
    await field(dialog, 'Waargenomen door').fill('Pieter de Vries');
    await field(dialog, 'Signaal').fill('Blauwe plekken op beide bovenarmen bij het omkleden.');
  });
  // Stap 2 — anoniem advies van Veilig Thuis.
  await record(page, 'Stap 2 — Collegiale consultatie en advies Veilig Thuis', 'Consultatie vastleggen', async (dialog) => {
    await dialog.getByRole('radio', { name: 'Veilig Thuis (advies)' }).check();
    await dialog.getByRole('checkbox', { name: 'Anoniem advies (zonder namen te noemen)' }).check();
    await field(dialog, 'Advies').fill('Gesprek met de ouder voeren en de signalen blijven vastleggen.');
  });
  // Stap 3 — gesprek met de ouder.
  await record(page, 'Stap 3 — Gesprek met de ouder', 'Gesprek vastleggen', async (dialog) => {
    await field(dialog, 'Met wie').fill('Sanne de Boer (moeder)');
    await field(dialog, 'Gevoerd door').fill(MANAGER.name);
    await field(dialog, 'Samenvatting').fill('Moeder herkent de zorgen niet.');
  });
  // Stap 4 — afwegingskader: acute onveiligheid, dus melden is verplicht.
  await record(page, 'Stap 4 — Wegen met het afwegingskader', 'Weging vastleggen', async (dialog) => {
    await dialog.getByRole('radiogroup', { name: /^1\. Is er \(nog steeds\) een vermoeden/ }).getByRole('radio', { name: 'Ja' }).check();
    await dialog.getByRole('radiogroup', { name: /^2\. Is er sprake van acute of structurele onveiligheid/ }).getByRole('radio', { name: 'Ja' }).check();
    await expect(dialog.getByText('Bij acute of structurele onveiligheid is melden bij Veilig Thuis verplicht.')).toBeVisible();
    await field(dialog, 'Toelichting').fill('Herhaalde signalen; moeder herkent ze niet.');
  });
  await expect(page.getByText('Melden is verplicht', { exact: true })).toBeVisible();

  // Stap 5 — besluit: alleen hulp kan niet; een melding zonder geïnformeerde ouder of reden wordt geweigerd.
  const step5 = 'Stap 5 — Beslissen: hulp organiseren en/of melden';
  await page.getByRole('region', { name: step5 }).getByRole('button', { name: 'Besluit vastleggen' }).click();
  const decision = page.getByRole('dialog', { name: 'Besluit vastleggen' });
  await expect(decision.getByRole('radio', { name: 'Hulp organiseren', exact: true })).toBeDisabled();
  await expect(decision.getByRole('radio', { name: 'Melden bij Veilig Thuis' })).toBeChecked();
  await field(decision, 'Besloten door').fill(`${MANAGER.name} en aandachtsfunctionaris`);
  await decision.getByRole('radio', { name: 'Nee, dat brengt de veiligheid in gevaar' }).check();
  await decision.getByRole('button', { name: 'Besluit vastleggen' }).click();
  const reason = decision.getByRole('textbox', { name: 'Waarom brengt informeren het kind of medewerkers in gevaar?' });
  await expect(reason).toHaveAccessibleDescription(/Een melding mag alleen als de ouder vooraf is geïnformeerd/);
  await screen(page, 'meldcode-besluit-formulier');
  await decision.getByRole('radio', { name: 'Ja', exact: true }).check();
  await field(decision, 'Ouder geïnformeerd op').fill(nlDate(today()));
  await decision.getByRole('button', { name: 'Besluit vastleggen' }).click();
  await expect(decision).toBeHidden();
  const decided = page.getByRole('region', { name: step5 });
  await expect(decided.getByText('Melden bij Veilig Thuis')).toBeVisible();
  await expect(decided.getByText(`Vastgelegd door ${MANAGER.name}`)).toBeVisible();
  await screen(page, 'meldcode-dossier-besluit');

  // Afdrukken: a PDF with "Vertrouwelijk" and who printed it.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Afdrukken (PDF)' }).click();
  const pdfPath = await (await download).path();
  expect(fs.readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
  const pdfText = execFileSync('pdftotext', ['-f', '1', '-l', '1', pdfPath, '-'], { encoding: 'utf8' });
  expect(pdfText).toContain('Vertrouwelijk');
  expect(pdfText).toContain(`Afgedrukt door ${MANAGER.name}`);

  // Sluiten, with the destruction date shown before and after.
  const destruction = nlDate(destructionDate(DEFAULT_POLICIES.find((p) => p.key === 'meldcode')!, today()));
  await page.getByRole('button', { name: 'Dossier sluiten' }).click();
  const closeDialog = page.getByRole('dialog', { name: 'Dossier sluiten' });
  await expect(closeDialog.getByRole('status')).toHaveText(`Vernietigd op: ${destruction}`);
  await field(closeDialog, 'Samenvatting').fill('Melding gedaan; Veilig Thuis heeft het overgenomen.');
  await closeDialog.getByRole('button', { name: 'Dossier sluiten' }).click();
  await expect(closeDialog).toBeHidden();
  await expect(page.getByText('Dit dossier is gesloten')).toBeVisible();
  await expect(page.getByText(`Wordt vernietigd op: ${destruction}`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Signaal vastleggen' })).toHaveCount(0);
  await screen(page, 'meldcode-dossier-gesloten');

  // The Meldcode page lists it under Gesloten with the destruction date.
  await page.getByRole('navigation').getByRole('link', { name: 'Meldcode' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Meldcode' })).toBeVisible();
  await expect(page.getByText('Geen meldcodedossiers')).toBeVisible();
  await page.getByText('Gesloten', { exact: true }).click();
  const row = page.getByRole('row', { name: /Zoë de Boer/ });
  await expect(row).toContainText(destruction);
  await screen(page, 'meldcode-lijst');

  // A pedagogisch medewerker: no menu item, no tab, no page.
  await page.getByRole('navigation').getByRole('link', { name: 'Overzicht' }).click();
  await api(page, 'users.create', { name: STAFF.name, username: STAFF.username, password: STAFF.temporary, roles: ['staff'] });
  await page.getByRole('button', { name: 'Vergrendelen' }).click();
  await field(page, 'Gebruikersnaam').fill(STAFF.username);
  await field(page, 'Wachtwoord').fill(STAFF.temporary);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await field(page, 'Tijdelijk wachtwoord').fill(STAFF.temporary);
  await field(page, 'Nieuw wachtwoord').fill(STAFF.own);
  await field(page, 'Herhaal nieuw wachtwoord').fill(STAFF.own);
  await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
  // The new password re-wraps the database key with the production scrypt cost: slow on a busy machine.
  await expect(page.getByRole('heading', { level: 1, name: `Welkom, ${STAFF.name}` })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Meldcode' })).toHaveCount(0);

  const meldcodeCalls: string[] = [];
  page.on('request', (request) => { if (request.url().includes('/api/meldcode.')) meldcodeCalls.push(request.url()); });
  await page.goto(`${new URL(page.url()).origin}/#/kinderen/${childId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Zoë de Boer' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Ophalen' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Meldcode' })).toHaveCount(0);
  await expect(page.locator('body')).not.toContainText(/meldcode|dossier|Veilig Thuis/i);
  await screen(page, 'meldcode-kind-medewerker');
  // The route does not exist for this role: the app falls back to the overzicht.
  await page.goto(`${new URL(page.url()).origin}/#/meldcode`);
  await expect(page.getByRole('heading', { level: 1, name: `Welkom, ${STAFF.name}` })).toBeVisible();
  await expect(page).toHaveURL(/#\/$/);
  expect(meldcodeCalls).toEqual([]);
});
