import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { checkScreen, expect, test } from './fixtures';

/**
 * Back-ups, clicked through in web mode: "Nu back-up maken" and see it listed, restore it with the
 * own password (field errors first), then a damaged database: the corruption screen, and the
 * backup restored from there.
 */

const MANAGER = { name: 'Fatima el Amrani', username: 'fatima', password: 'Zeilboot-Kaneel-Vijver-42' };
const field = (scope: Page | Locator, label: string) => scope.getByRole('textbox', { name: label, exact: true });

/** Sets up the location and returns the herstelsleutel shown once. */
async function setUp(page: Page): Promise<string> {
  await field(page, 'Naam van de locatie').fill('KDV De Zonnebloem');
  await field(page, 'Adres').fill('Dorpsstraat 12, 1234 AB Ergens');
  await field(page, 'LRK-nummer').fill('123456789');
  await field(page, 'Naam').fill(MANAGER.name);
  await field(page, 'Gebruikersnaam').fill(MANAGER.username);
  await field(page, 'Wachtwoord').fill(MANAGER.password);
  await field(page, 'Herhaal wachtwoord').fill(MANAGER.password);
  await page.getByRole('button', { name: 'Inrichten' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Uw herstelsleutel' })).toBeVisible({ timeout: 30_000 });
  const recoveryKey = await page.getByTestId('recovery-key').innerText();
  await page.getByRole('checkbox', { name: 'Ik heb de herstelsleutel veilig opgeborgen' }).check();
  await page.getByRole('button', { name: 'Verder' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Welkom, ${MANAGER.name}` })).toBeVisible();
  return recoveryKey;
}

async function logIn(page: Page) {
  await field(page, 'Gebruikersnaam').fill(MANAGER.username);
  await field(page, 'Wachtwoord').fill(MANAGER.password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
}

test('nu back-up maken, terugzetten, en een beschadigde database herstellen', async ({ page, webApp }) => {
  await page.goto(webApp.url);
  await setUp(page);

  // ---- Back-ups page -------------------------------------------------------------------------
  await page.getByRole('navigation').getByRole('link', { name: 'Back-ups' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Back-ups' })).toBeVisible();
  await expect(page.getByText('Er staan nog geen back-ups in deze map.')).toBeVisible();
  await expect(page.getByText(/De back-ups staan nu op dezelfde schijf als de database/)).toBeVisible();
  await checkScreen(page, 'back-ups-leeg');

  await page.getByRole('button', { name: 'Nu back-up maken' }).click();
  await expect(page.getByText('Back-up gemaakt')).toBeVisible();
  const row = page.getByRole('row', { name: /Handmatig/ });
  await expect(row).toBeVisible();
  await expect(page.getByText(/Laatste back-up:.*Handmatig/)).toBeVisible();
  const files = fs.readdirSync(path.join(webApp.dataDir, 'back-ups'));
  expect(files.filter((f) => f.endsWith('.kopbackup'))).toHaveLength(1);
  await checkScreen(page, 'back-ups');

  // A folder that cannot be used: the error at the field.
  await field(page, 'Map voor back-ups').fill('relatief/pad');
  await page.getByRole('button', { name: 'Map opslaan' }).click();
  await expect(field(page, 'Map voor back-ups')).toHaveAccessibleDescription(/Vul een volledig pad in\./);

  // ---- Restore with the own password -----------------------------------------------------------
  await row.getByRole('button', { name: /Back-up van .* terugzetten/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Back-up terugzetten' });
  await expect(dialog.getByText(/De huidige database wordt apart gezet/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Back-up terugzetten' }).click();
  await expect(dialog.getByText('Vul het wachtwoord in.')).toBeVisible();
  await expect(dialog.getByText('Bevestig dat u de back-up wilt terugzetten.')).toBeVisible();
  await checkScreen(page, 'back-up-terugzetten');
  await field(dialog, 'Wachtwoord').fill('Helemaal-Verkeerd-1');
  await dialog.getByRole('checkbox', { name: /Ik begrijp dat de huidige gegevens/ }).check();
  await dialog.getByRole('button', { name: 'Back-up terugzetten' }).click();
  await expect(dialog.getByText('Met dit wachtwoord of deze herstelsleutel kan deze back-up niet worden geopend.')).toBeVisible();
  await field(dialog, 'Wachtwoord').fill(MANAGER.password);
  await dialog.getByRole('button', { name: 'Back-up terugzetten' }).click();
  await expect(page.getByText('Back-up teruggezet. Log opnieuw in.')).toBeVisible({ timeout: 30_000 });
  expect(fs.readdirSync(webApp.dataDir).some((f) => f.startsWith('voor-herstel-'))).toBe(true);

  // ---- A damaged database ----------------------------------------------------------------------
  const dbFile = path.join(webApp.dataDir, 'locatie.db');
  const bytes = fs.readFileSync(dbFile);
  bytes[100] = bytes[100]! ^ 0xff;
  fs.writeFileSync(dbFile, bytes);
  const damaged = fs.readFileSync(dbFile);

  await logIn(page);
  await expect(page.getByRole('heading', { level: 1, name: 'De database is beschadigd' })).toBeVisible();
  await expect(page.getByText('Het databasebestand kan niet worden gelezen.')).toBeVisible();
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await expect(page.getByRole('radio', { name: /Handmatig/ })).toBeChecked();
  await checkScreen(page, 'database-beschadigd');
  expect(fs.readFileSync(dbFile).equals(damaged)).toBe(true);

  await field(page, 'Gebruikersnaam').fill(MANAGER.username);
  await field(page, 'Wachtwoord').fill(MANAGER.password);
  await page.getByRole('checkbox', { name: /Ik begrijp dat de huidige gegevens/ }).check();
  await page.getByRole('button', { name: 'Back-up terugzetten' }).click();
  await expect(page.getByText('Back-up teruggezet. Log opnieuw in.')).toBeVisible({ timeout: 30_000 });
  await logIn(page);
  // Back on the page where the restore started, with the backup in its list.
  await expect(page.getByRole('heading', { level: 1, name: 'Back-ups' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Handmatig/ })).toBeVisible();
  await expect(page.getByText(/De back-ups staan nu op dezelfde schijf als de database/)).toBeVisible();
});

test('een vervangende computer: de gegevens terugzetten van een back-up met de herstelsleutel', async ({ page, webApp }) => {
  await page.goto(webApp.url);
  const recoveryKey = await setUp(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Back-ups' }).click();
  await page.getByRole('button', { name: 'Nu back-up maken' }).click();
  await expect(page.getByText('Back-up gemaakt')).toBeVisible();

  // The backup travels on the network share; the old PC is gone (an empty data folder).
  const share = fs.mkdtempSync(path.join(os.tmpdir(), 'kop-share-'));
  for (const file of fs.readdirSync(path.join(webApp.dataDir, 'back-ups'))) fs.copyFileSync(path.join(webApp.dataDir, 'back-ups', file), path.join(share, file));
  await page.getByRole('button', { name: 'Vergrendelen' }).click();
  await expect(field(page, 'Gebruikersnaam')).toBeVisible();
  for (const entry of fs.readdirSync(webApp.dataDir)) fs.rmSync(path.join(webApp.dataDir, entry), { recursive: true, force: true });
  await webApp.restart();

  await page.goto(webApp.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Locatie inrichten' })).toBeVisible();
  await page.getByRole('button', { name: /Vervangt deze computer een andere\?/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Gegevens terugzetten op deze computer' })).toBeVisible();
  await field(page, 'Map met back-ups').fill(share);
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await expect(page.getByRole('radio', { name: /Handmatig/ })).toBeChecked();
  await page.getByText('Met herstelsleutel', { exact: true }).click();
  await field(page, 'Herstelsleutel').fill(recoveryKey);
  await page.getByRole('checkbox', { name: /Ik begrijp dat de huidige gegevens/ }).check();
  await checkScreen(page, 'nieuwe-computer-terugzetten');
  await page.getByRole('button', { name: 'Back-up terugzetten' }).click();
  await expect(page.getByText('Back-up teruggezet. Log opnieuw in.')).toBeVisible({ timeout: 30_000 });

  // The location and its manager are back: log in as on the old PC.
  await expect(page.getByRole('heading', { level: 1, name: 'KDV De Zonnebloem' })).toBeVisible();
  await logIn(page);
  await expect(page.getByRole('heading', { level: 1, name: `Welkom, ${MANAGER.name}` })).toBeVisible({ timeout: 30_000 });
  fs.rmSync(share, { recursive: true, force: true });
});
