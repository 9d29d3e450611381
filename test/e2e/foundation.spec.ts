import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { checkScreen, expect, test } from './fixtures';

/**
 * The foundation flow, clicked through the real UI in web mode:
 * setup (with a field error first) → herstelsleutel (PDF download) → dashboard → Beveiliging →
 * add a staff user → lock → wrong then right temporary password → forced password change →
 * staff navigation → idle lock (fake clock) → unlock again.
 */

const SCREENS = path.resolve(__dirname, '../../test-results/screens');

const LOCATION = { name: 'KDV De Zonnebloem', address: 'Dorpsstraat 12, 1234 AB Ergens', lrk: '123456789' };
const MANAGER = { name: 'Fatima el Amrani', username: 'fatima', password: 'Zeilboot-Kaneel-Vijver-42' };
const STAFF = {
  name: 'Pieter de Vries',
  username: 'pieter',
  temporary: 'Kastanje-Lamp-Rivier-7',
  own: 'Hoge-Duinen-Wolkendek-93',
};

/** An input by its accessible name (Mantine's required asterisk is aria-hidden, so not part of it). */
const field = (scope: Page | Locator, label: string) => scope.getByRole('textbox', { name: label, exact: true });

test('inrichten, herstelsleutel, gebruikers, inloggen, wachtwoord wijzigen, rollen en automatische vergrendeling', async ({
  page,
  webApp,
}) => {
  // Fake timers before the app loads, so the idle lock can be fast-forwarded later.
  await page.clock.install();
  await page.goto(webApp.url);

  // ---- Inrichten ------------------------------------------------------------------------------
  await expect(page.getByRole('heading', { level: 1, name: 'Locatie inrichten' })).toBeVisible();
  // The web token was moved out of the address bar.
  expect(page.url()).not.toContain('token=');
  await field(page, 'Naam van de locatie').fill(LOCATION.name);
  await field(page, 'Adres').fill(LOCATION.address);
  await field(page, 'LRK-nummer').fill('12345');
  await field(page, 'Naam').fill(MANAGER.name);
  await field(page, 'Gebruikersnaam').fill(MANAGER.username);
  await field(page, 'Wachtwoord').fill(MANAGER.password);
  await field(page, 'Herhaal wachtwoord').fill(MANAGER.password);
  await page.getByRole('button', { name: 'Inrichten' }).click();

  const lrk = field(page, 'LRK-nummer');
  await expect(lrk).toHaveAttribute('aria-invalid', 'true');
  await expect(lrk).toHaveAccessibleDescription(/Het LRK-nummer bestaat uit precies 9 cijfers\./);
  await expect(lrk).toBeFocused();
  await checkScreen(page, 'setup');

  await lrk.fill(LOCATION.lrk);
  await lrk.press('Enter'); // Enter submits the form

  // ---- Herstelsleutel -----------------------------------------------------------------------
  await expect(page.getByRole('heading', { level: 1, name: 'Uw herstelsleutel' })).toBeVisible({ timeout: 30_000 });
  const shownKey = (await page.getByTestId('recovery-key').innerText()).replace(/\s+/g, '');
  expect(shownKey).toMatch(/^[0-9A-Z]{32}$/);
  await checkScreen(page, 'herstelsleutel');

  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Herstelsleutel als PDF opslaan' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('herstelsleutel.pdf');
  fs.mkdirSync(SCREENS, { recursive: true });
  const pdfPath = path.join(SCREENS, 'herstelsleutel.pdf');
  await download.saveAs(pdfPath);
  expect(fs.readFileSync(pdfPath).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const pdfText = execFileSync('pdftotext', [pdfPath, '-']).toString();
  expect(pdfText.replace(/[\s-]/g, '')).toContain(shownKey);
  await expect(page.getByText('De PDF is opgeslagen.')).toBeVisible();

  const next = page.getByRole('button', { name: 'Verder' });
  await expect(next).toBeDisabled();
  await page.getByRole('checkbox', { name: 'Ik heb de herstelsleutel veilig opgeborgen' }).check();
  await next.click();

  // ---- Overzicht -----------------------------------------------------------------------------
  await expect(page.getByRole('heading', { level: 1, name: `Welkom, ${MANAGER.name}` })).toBeVisible();
  const nav = page.getByRole('navigation');
  await expect(nav.getByRole('link', { name: 'Gebruikers' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Beveiliging' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText(LOCATION.name);
  await expect(page.getByRole('banner')).toContainText('Locatiemanager');
  await checkScreen(page, 'dashboard');

  // ---- Beveiliging ---------------------------------------------------------------------------
  await nav.getByRole('link', { name: 'Beveiliging' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Beveiliging' })).toBeVisible();
  await expect(page.getByText('sqlcipher', { exact: true })).toBeVisible();
  await expect(page.getByText('SQLCipher 4', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Auditlog nu controleren' }).click();
  await expect(page.getByText(/De auditlog is in orde: \d+ regels gecontroleerd\./)).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Ingelogd', exact: true }).first()).toBeVisible();
  await checkScreen(page, 'beveiliging');

  // ---- Gebruikers: a pedagogisch medewerker with a temporary password ---------------------------
  await nav.getByRole('link', { name: 'Gebruikers' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Gebruikers' })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: /Fatima el Amrani/ })).toBeVisible();
  await checkScreen(page, 'gebruikers');

  await page.getByRole('button', { name: 'Gebruiker toevoegen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Gebruiker toevoegen' });
  await expect(dialog).toBeVisible();
  await expect(field(dialog, 'Naam')).toBeFocused();
  await field(dialog, 'Naam').fill(STAFF.name);
  await field(dialog, 'Gebruikersnaam').fill(STAFF.username);
  await dialog.getByRole('checkbox', { name: 'Pedagogisch medewerker' }).check();
  await expect(dialog.getByRole('checkbox', { name: 'Locatiemanager' })).not.toBeChecked();
  await field(dialog, 'Tijdelijk wachtwoord').fill(STAFF.temporary);
  await field(dialog, 'Herhaal tijdelijk wachtwoord').fill(STAFF.temporary);
  await checkScreen(page, 'gebruiker-toevoegen');
  await dialog.getByRole('button', { name: 'Toevoegen' }).click();
  await expect(dialog).toBeHidden();
  const staffRow = page.getByRole('row', { name: new RegExp(STAFF.name) });
  await expect(staffRow).toContainText('Pedagogisch medewerker');
  await expect(staffRow).toContainText('Tijdelijk wachtwoord');
  await expect(page.getByText(`Gebruiker ${STAFF.name} is toegevoegd.`)).toBeVisible();
  await checkScreen(page, 'gebruikers-toegevoegd');

  // The backend's rule comes back as a Dutch message: the last manager must stay a manager.
  await page.getByRole('button', { name: `Acties voor ${MANAGER.name}` }).click();
  await page.getByRole('menuitem', { name: 'Bewerken' }).click();
  const edit = page.getByRole('dialog', { name: 'Gebruiker bewerken' });
  await edit.getByRole('checkbox', { name: 'Locatiemanager' }).uncheck();
  await edit.getByRole('checkbox', { name: 'Pedagogisch medewerker' }).check();
  await edit.getByRole('button', { name: 'Opslaan' }).click();
  await expect(edit.getByRole('alert')).toContainText('Er moet altijd minstens één actieve locatiemanager zijn.');
  await checkScreen(page, 'gebruiker-bewerken-fout');
  await edit.getByRole('button', { name: 'Annuleren' }).click();
  await expect(edit).toBeHidden();

  // Deactivating asks for confirmation and explains the consequence; cancelled here.
  await page.getByRole('button', { name: `Acties voor ${STAFF.name}` }).click();
  await expect(page.getByRole('menuitem', { name: 'Deactiveren' })).toBeEnabled();
  await checkScreen(page, 'gebruiker-acties');
  await page.getByRole('menuitem', { name: 'Deactiveren' }).click();
  const confirm = page.getByRole('dialog', { name: 'Gebruiker deactiveren' });
  await expect(confirm).toContainText('opent de versleutelde database daarna niet meer');
  await expect(confirm.getByRole('button', { name: 'Annuleren' })).toBeFocused();
  await checkScreen(page, 'gebruiker-deactiveren');
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await expect(staffRow).toContainText('Actief');

  // ---- Vergrendelen, then log in as the staff member --------------------------------------------
  await page.getByRole('button', { name: 'Vergrendelen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: LOCATION.name })).toBeVisible();
  await expect(field(page, 'Gebruikersnaam')).toHaveValue(MANAGER.username); // remembered
  await checkScreen(page, 'login');

  await page.getByRole('link', { name: 'Wachtwoord kwijt? Herstelsleutel gebruiken' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Herstellen met de herstelsleutel' })).toBeVisible();
  await expect(field(page, 'Herstelsleutel')).toBeFocused();
  await checkScreen(page, 'herstellen');
  await page.getByRole('link', { name: 'Terug naar inloggen' }).click();

  await field(page, 'Gebruikersnaam').fill(STAFF.username);
  await field(page, 'Wachtwoord').fill('Helemaal-Verkeerd-123');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Gebruikersnaam of wachtwoord is onjuist.' })).toBeVisible();
  await expect(field(page, 'Wachtwoord')).toHaveValue('');

  await field(page, 'Wachtwoord').fill(STAFF.temporary);
  await page.getByRole('button', { name: 'Inloggen' }).click();

  // ---- Forced password change -------------------------------------------------------------------
  await expect(page.getByRole('heading', { level: 1, name: 'Kies een nieuw wachtwoord' })).toBeVisible();
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await checkScreen(page, 'wachtwoord-wijzigen');
  await field(page, 'Tijdelijk wachtwoord').fill(STAFF.temporary);
  await field(page, 'Nieuw wachtwoord').fill('kort');
  await field(page, 'Herhaal nieuw wachtwoord').fill('kort');
  await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
  await expect(field(page, 'Nieuw wachtwoord')).toHaveAccessibleDescription(/minstens 12 tekens/);
  await field(page, 'Nieuw wachtwoord').fill(STAFF.own);
  await field(page, 'Herhaal nieuw wachtwoord').fill(STAFF.own);
  await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();

  // ---- The staff member's app: no user or security management --------------------------------------
  await expect(page.getByRole('heading', { level: 1, name: `Welkom, ${STAFF.name}` })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Overzicht' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Mijn account' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Gebruikers' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'Beveiliging' })).toHaveCount(0);
  await expect(page.getByRole('banner')).toContainText('Pedagogisch medewerker');
  await nav.getByRole('link', { name: 'Mijn account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn account' })).toBeVisible();
  await checkScreen(page, 'mijn-account');
  // Direct navigation to a page the role may not use ends on the overview.
  await page.evaluate(() => {
    window.location.hash = '#/gebruikers';
  });
  await expect(page.getByRole('heading', { level: 1, name: `Welkom, ${STAFF.name}` })).toBeVisible();

  // ---- Idle lock: 11 minutes without activity (default limit 10) -------------------------------------
  await page.clock.fastForward('11:00');
  await expect(page.getByText('Vergrendeld wegens inactiviteit')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: LOCATION.name })).toBeVisible();
  await expect(field(page, 'Gebruikersnaam')).toHaveValue(STAFF.username);
  await expect(field(page, 'Wachtwoord')).toBeFocused();
  await checkScreen(page, 'login-inactief');

  // ---- Unlock again with the new password --------------------------------------------------------
  await field(page, 'Wachtwoord').fill(STAFF.own);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: `Welkom, ${STAFF.name}` })).toBeVisible();
  await expect(page.getByText('Vergrendeld wegens inactiviteit')).toHaveCount(0);
});

test('taalkeuze: Engels in de kop, Nederlands blijft standaard', async ({ page, webApp }) => {
  await page.goto(webApp.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Locatie inrichten' })).toBeVisible();
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Set up this location' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('button', { name: 'NL', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Locatie inrichten' })).toBeVisible();
});

test('inlogvertraging na herhaalde mislukte pogingen: aftellen en knop uitgeschakeld', async ({ page, webApp }) => {
  await page.goto(webApp.url);
  await field(page, 'Naam van de locatie').fill(LOCATION.name);
  await field(page, 'Adres').fill(LOCATION.address);
  await field(page, 'LRK-nummer').fill(LOCATION.lrk);
  await field(page, 'Naam').fill(MANAGER.name);
  await field(page, 'Gebruikersnaam').fill(MANAGER.username);
  await field(page, 'Wachtwoord').fill(MANAGER.password);
  await field(page, 'Herhaal wachtwoord').fill(MANAGER.password);
  await page.getByRole('button', { name: 'Inrichten' }).click();
  await page.getByRole('checkbox', { name: 'Ik heb de herstelsleutel veilig opgeborgen' }).check();
  await page.getByRole('button', { name: 'Verder' }).click();
  await page.getByRole('button', { name: 'Vergrendelen' }).click();

  // The first three failures are free; then the backend imposes 1, 2, 4 … seconds.
  const submit = page.getByRole('button', { name: /^(Inloggen|Wacht \d+ s)$/ });
  for (let attempt = 1; attempt <= 5; attempt++) {
    await expect(submit).toBeEnabled({ timeout: 15_000 });
    await field(page, 'Wachtwoord').fill(`Verkeerd-wachtwoord-${attempt}`);
    await submit.click();
    await expect(page.getByRole('alert').filter({ hasText: /onjuist|Te veel mislukte pogingen/ }).first()).toBeVisible();
  }
  await expect(page.getByRole('alert').filter({ hasText: /Te veel mislukte pogingen\. U kunt het over \d+ seconden opnieuw proberen\./ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Wacht \d+ s$/ })).toBeDisabled();

  // After a reload the delay comes from app.status.
  await page.reload();
  await expect(page.getByRole('button', { name: /^Wacht \d+ s$/ })).toBeDisabled();

  // Once the delay has passed the right password opens the app.
  await expect(page.getByRole('button', { name: 'Inloggen' })).toBeEnabled({ timeout: 20_000 });
  await field(page, 'Wachtwoord').fill(MANAGER.password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Welkom, ${MANAGER.name}` })).toBeVisible();
});
