import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { CONSOLE_CONTENT_SECURITY_POLICY } from '../../shared/security/csp';
import { field } from './app';
import { checkScreen, expect, test } from './fixtures';
import { consoleLogin, HeadOffice } from './headoffice';

/**
 * The head-office privacy console (/console/), clicked through in Chromium against a real
 * head-office service: IT adds a location, makes a koppelcode and revokes the PC that used it;
 * the FG sees it all and can change nothing; the privacy officer reads the audit log.
 */

const IT = { username: 'it.beheer', name: 'Maximiliaan van der Heijden-Oosterbroek', role: 'it' as const, password: 'Server-Kast-Lampje-2026' };
const FG = { username: 'fg.extern', name: 'mr. Anne-Marie Verschuren-de Wolff', role: 'fg' as const, password: 'Onafhankelijk-Toezicht-77' };
const PRIVACY_OFFICER = { username: 'privacy', name: 'Jasmijn Kortenhoeven', role: 'privacy_officer' as const, password: 'Register-Bijhouden-2026' };
const LOCATION_NAME = 'KDV De Vlinder, Utrecht';

async function logOut(page: Page) {
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await expect(page.getByRole('heading', { name: 'Inloggen op de privacyconsole' })).toBeVisible();
}

test('privacyconsole: IT beheert locaties en apparaten, de FG kijkt alleen, de Privacy Officer leest het auditlog', async ({ page }) => {
  test.setTimeout(180_000);
  const ho = await HeadOffice.create();
  await ho.start();
  try {
    for (const user of [IT, FG, PRIVACY_OFFICER]) ho.createConsoleUser(user);

    // The page comes with the console's strict CSP; without a session only the login shows.
    const response = await page.goto(`${ho.url}/console/`);
    expect(response?.headers()['content-security-policy']).toBe(CONSOLE_CONTENT_SECURITY_POLICY);
    await expect(page.getByRole('heading', { name: 'Inloggen op de privacyconsole' })).toBeVisible();
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect(page.getByText('Vul je gebruikersnaam in.')).toBeVisible();

    await consoleLogin(page, ho.url, { username: IT.username, password: 'fout-wachtwoord-123' });
    await expect(page.getByRole('alert')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Locaties en apparaten' })).toHaveCount(0);

    // IT: add a location, make a koppelcode.
    await consoleLogin(page, ho.url, IT);
    await expect(page.getByRole('heading', { name: 'Locaties en apparaten', level: 1 })).toBeVisible();
    await expect(page.getByText('Er zijn nog geen locaties.')).toBeVisible();
    await page.getByRole('button', { name: 'Locatie toevoegen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Nieuwe locatie' });
    await dialog.getByRole('button', { name: 'Locatie toevoegen' }).click();
    await expect(dialog.getByText('Vul de naam van de locatie in (minstens 2 tekens).')).toBeVisible();
    await field(dialog, 'Naam van de locatie').fill(LOCATION_NAME);
    await dialog.getByRole('button', { name: 'Locatie toevoegen' }).click();
    await expect(page.getByText(`Locatie ${LOCATION_NAME} is toegevoegd.`)).toBeVisible();
    const card = page.getByRole('region', { name: LOCATION_NAME });
    await expect(card.getByText('Nog geen kantoor-pc gekoppeld.')).toBeVisible();

    await card.getByRole('button', { name: 'Koppelcode maken' }).click();
    const codeDialog = page.getByRole('dialog', { name: `Koppelcode voor ${LOCATION_NAME}` });
    const code = (await codeDialog.getByTestId('koppelcode').innerText()).trim();
    expect(code.length).toBeGreaterThan(5);
    await codeDialog.getByRole('button', { name: 'Sluiten' }).first().click();

    // The location's PC uses the code; IT sees it and revokes it, after a confirmation.
    const pc = await ho.enrolDevice(code);
    expect(pc).toBeTruthy();
    // No escrow key yet: the page says how IT sets one; then IT sets it and the fingerprint shows.
    await page.reload();
    await expect(page.getByText(/Er is nog geen escrowsleutel ingesteld/)).toBeVisible();
    await expect(card.getByText(/Nog geen sleutel: de eerste kantoor-pc maakt die bij het koppelen/)).toBeVisible();
    const pem = path.join(ho.dataDir, 'organisatie-escrow.pem');
    fs.writeFileSync(pem, generateKeyPairSync('rsa', { modulusLength: 3072 }).publicKey.export({ type: 'spki', format: 'pem' }));
    const fingerprint = /Vingerafdruk \(SHA-256\): ([0-9a-f ]+)/.exec(ho.cli('set-escrow-key', '--file', pem))![1]!.trim();
    await page.reload();
    const deviceRow = card.getByRole('row', { name: /Laptop groep/ });
    await expect(deviceRow).toContainText('Actief');
    await expect(deviceRow).toContainText('nog niet ontvangen');
    await expect(page.getByTestId('escrow-fingerprint')).toHaveText(fingerprint);
    for (const size of [{ width: 1366, height: 768 }, { width: 1280, height: 720 }]) {
      await page.setViewportSize(size);
      await expect(page.getByTestId('console-user')).toContainText(IT.name.slice(0, 10));
      await checkScreen(page, `console-locations-${size.width}x${size.height}`);
    }
    await deviceRow.getByRole('button', { name: 'Apparaat Laptop groep intrekken' }).click();
    const confirm = page.getByRole('dialog', { name: 'Apparaat Laptop groep intrekken?' });
    await expect(confirm.getByRole('button', { name: 'Annuleren' })).toBeFocused();
    await confirm.getByRole('button', { name: 'Intrekken' }).click();
    await expect(page.getByText('Apparaat Laptop groep is ingetrokken.')).toBeVisible();
    await expect(card.getByRole('row', { name: /Laptop groep/ })).toContainText('Ingetrokken op');
    // IT does not read the audit log (that is the privacy officer's and the FG's).
    await expect(page.getByRole('link', { name: 'Auditlog' })).toHaveCount(0);
    await logOut(page);

    // The FG reads everything and is offered no change.
    await consoleLogin(page, ho.url, FG);
    await expect(page.getByTestId('console-user')).toContainText('Alleen lezen');
    await expect(page.getByRole('region', { name: LOCATION_NAME })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Locatie toevoegen' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Koppelcode maken' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /intrekken/ })).toHaveCount(0);
    await page.getByRole('link', { name: 'Verwerkersregister' }).click();
    await expect(page.getByRole('heading', { name: 'Verwerkersregister', level: 1 })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Verwerker toevoegen' })).toHaveCount(0);
    await logOut(page);

    // The privacy officer keeps the verwerkersregister: a processor whose review date has passed is flagged.
    await consoleLogin(page, ho.url, PRIVACY_OFFICER);
    await page.getByRole('link', { name: 'Verwerkersregister' }).click();
    await expect(page.getByText('Er staan nog geen verwerkers in het register.')).toBeVisible();
    await page.getByRole('button', { name: 'Verwerker toevoegen' }).click();
    const processorDialog = page.getByRole('dialog', { name: 'Verwerker toevoegen' });
    await processorDialog.getByRole('button', { name: 'Opslaan' }).click();
    await expect(processorDialog.getByText('Vul de naam van de verwerker in.')).toBeVisible();
    await expect(processorDialog.getByText('Kies minstens één soort gegevens.')).toBeVisible();
    await field(processorDialog, 'Verwerker').fill('Loonwerk Salarisdiensten B.V.');
    await field(processorDialog, 'Dienst').fill('Salarisadministratie');
    await processorDialog.getByRole('combobox', { name: 'Soorten gegevens' }).click();
    await page.getByRole('option').first().click();
    await page.keyboard.press('Escape');
    // Dates relative to head office's own clock (this machine's): signed two years ago, review due yesterday.
    const dutch = (date: Date) => date.toISOString().slice(0, 10).split('-').reverse().join('-');
    const day = 24 * 3600 * 1000;
    await field(processorDialog, 'Verwerkersovereenkomst van').fill(dutch(new Date(Date.now() - 730 * day)));
    await field(processorDialog, 'Herzien vóór').fill(dutch(new Date(Date.now() - 2 * day)));
    await processorDialog.getByRole('checkbox', { name: /buiten de Europese Economische Ruimte/ }).check();
    await processorDialog.getByRole('button', { name: 'Opslaan' }).click();
    await expect(processorDialog.getByText('Kies op welke grond gegevens buiten de EER worden verwerkt.')).toBeVisible();
    await expect(processorDialog.getByText('Vul in naar welk land of welke landen de gegevens gaan, bijvoorbeeld Verenigde Staten.')).toBeVisible();
    await field(processorDialog, 'Naar welk land of welke landen').fill('Verenigde Staten');
    await processorDialog.getByRole('combobox', { name: 'Grond voor doorgifte buiten de EER' }).click();
    await page.getByRole('option', { name: 'Ja: standaardcontractbepalingen (SCC)' }).click();
    await processorDialog.getByRole('button', { name: 'Opslaan' }).click();
    await expect(page.getByText('Loonwerk Salarisdiensten B.V. is opgeslagen in het verwerkersregister.')).toBeVisible();
    const processorRow = page.getByRole('row', { name: /Loonwerk Salarisdiensten/ });
    await expect(processorRow).toContainText('Herziening te laat');
    await expect(processorRow).toContainText('Ja (SCC)');
    await expect(processorRow).toContainText('naar Verenigde Staten');
    await expect(page.getByText('1 verwerkersovereenkomst moest al herzien zijn.')).toBeVisible();
    for (const size of [{ width: 1366, height: 768 }, { width: 1280, height: 720 }]) {
      await page.setViewportSize(size);
      await checkScreen(page, `console-processors-${size.width}x${size.height}`);
    }

    // The organisation's verwerkingsregister names the processor as a recipient of its category and under transfers with the country and its ground.
    await page.getByRole('link', { name: 'Verwerkingsregister' }).click();
    await expect(page.getByRole('heading', { name: 'Verwerkingsregister', level: 1 })).toBeVisible();
    await expect(page.getByText(`Locaties: ${LOCATION_NAME}`)).toBeVisible();
    const recipient = 'Verwerker Loonwerk Salarisdiensten B.V. (Salarisadministratie)';
    const transfer = 'Loonwerk Salarisdiensten B.V.: naar Verenigde Staten (standaardcontractbepalingen, SCC)';
    await expect(page.getByText(recipient).first()).toBeVisible();
    await expect(page.getByText(transfer).first()).toBeVisible();
    for (const size of [{ width: 1366, height: 768 }, { width: 1280, height: 720 }]) {
      await page.setViewportSize(size);
      await checkScreen(page, `console-register-${size.width}x${size.height}`);
    }
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'PDF downloaden' }).click();
    const pdf = path.resolve(__dirname, '../../test-results/console-verwerkingsregister.pdf');
    await (await download).saveAs(pdf);
    execFileSync('qpdf', ['--check', pdf]);
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const line of ['Verwerkingsregister', `Locaties: ${LOCATION_NAME}`, recipient, transfer]) expect(text, line).toContain(line);
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '2', pdf, path.resolve(__dirname, '../../test-results/console-verwerkingsregister-pdf')]);

    // The privacy officer reads the audit log: every action of IT, the chain intact.
    await page.getByRole('link', { name: 'Auditlog' }).click();
    await expect(page.getByRole('heading', { name: 'Auditlog van de console', level: 1 })).toBeVisible();
    await expect(page.getByText(/De keten is intact/)).toBeVisible();
    const table = page.getByRole('table', { name: 'Auditlog van de console' });
    // Reads are there too: the register PDF download, with who did it (issue 18).
    for (const action of ['Locatie aangemaakt', 'Koppelcode gemaakt', 'Apparaat ingetrokken', 'Mislukte inlogpoging', 'Verwerker toegevoegd', 'Verwerkingsregister (PDF) gedownload']) {
      await expect(table.getByRole('cell', { name: action, exact: true }).first()).toBeVisible();
    }
    await expect(table).toContainText(IT.name);
    await page.setViewportSize({ width: 1280, height: 720 });
    await checkScreen(page, 'console-audit-1280x720');
  } finally {
    await ho.stop();
  }
});
