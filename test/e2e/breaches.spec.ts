import type { Page } from '@playwright/test';
import { BreachRecord } from '../../shared/breaches/record';
import { api, appToday, field, screen, setUpLocation } from './app';
import { nlDate } from '../../shared/domain/dates';
import { checkScreen, expect, test } from './fixtures';
import { consoleLogin, HeadOffice, PRIVACY_OFFICER } from './headoffice';

/**
 * Issue 18 part 4, clicked through the real UI: a pedagogisch medewerker who is also the
 * aandachtsfunctionaris (two roles, a long name) reports a data breach while head office is
 * unreachable; the form validates at the field in Dutch; the report waits for the connection and
 * reaches head office once it is back; the manager sees every report of the location.
 */

const LOCATION = { name: 'KDV De Zonnebloem', address: 'Dorpsstraat 12, 1234 AB Ergens', lrk: '123456789' };
const MANAGER = { name: 'Fatima el Amrani', username: 'fatima', password: 'Zeilboot-Kaneel-Vijver-42' };
const REPORTER = { name: 'Maria-Christina van den Heuvel-Oosterhuis', username: 'maria', temporary: 'Tijdelijk-Wachtwoord-2026', own: 'Rivier-Lantaarn-Mossel-58' };
const WHAT = 'De groepslijst met allergieën is per ongeluk gemaild aan alle ouders van de Rupsjes in plaats van aan het team.';

async function logIn(page: Page, username: string, password: string) {
  await page.getByRole('button', { name: 'Vergrendelen' }).click();
  await field(page, 'Gebruikersnaam').fill(username);
  await field(page, 'Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
}

test('datalek melden: ook zonder verbinding, veldmeldingen in het Nederlands, aankomst op het hoofdkantoor', async ({ page, webApp }) => {
  test.setTimeout(240_000);
  const ho = await HeadOffice.create();
  try {
    await ho.start();
    const code = ho.issueCode(ho.createLocation('KDV Datalek'));
    await page.setViewportSize({ width: 1366, height: 768 });
    await setUpLocation(page, webApp.url, LOCATION, MANAGER);
    await api(page, 'sync.enrol', { serverUrl: ho.url, code, deviceName: 'Kantoor-pc', caCertPem: null });
    await api(page, 'users.create', { name: REPORTER.name, username: REPORTER.username, password: REPORTER.temporary, roles: ['staff', 'meldcodeOfficer'] });

    // Head office is down: the breach is reported anyway.
    await ho.stop();
    await logIn(page, REPORTER.username, REPORTER.temporary);
    await field(page, 'Tijdelijk wachtwoord').fill(REPORTER.temporary);
    await field(page, 'Nieuw wachtwoord').fill(REPORTER.own);
    await field(page, 'Herhaal nieuw wachtwoord').fill(REPORTER.own);
    await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Welkom, ${REPORTER.name}` })).toBeVisible({ timeout: 60_000 });
    await page.getByRole('navigation').getByRole('link', { name: 'Datalekken' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Datalekken' })).toBeVisible();
    await expect(page.getByText('Er zijn op deze locatie (nog) geen datalekken gemeld.')).toBeVisible();
    await screen(page, 'datalekken-leeg');

    await page.getByRole('button', { name: 'Datalek melden' }).click();
    const dialog = page.getByRole('dialog', { name: 'Datalek melden' });
    await expect(dialog).toContainText('binnen 72 uur na ontdekking');
    await dialog.getByRole('button', { name: 'Melden' }).click();
    await expect(dialog).toContainText('Wat is er gebeurd is verplicht.');
    await expect(dialog).toContainText('Kies van wie gegevens zijn gelekt (minstens één groep).');
    await expect(dialog).toContainText('Kies welke soorten gegevens zijn gelekt (minstens één).');
    const today = await appToday(page);
    const tomorrow = new Date(`${today}T12:00:00Z`);
    tomorrow.setUTCDate(tomorrow.getUTCDate() + 1);
    await field(dialog, 'Ontdekt op').fill(nlDate(tomorrow.toISOString().slice(0, 10)));
    await field(dialog, 'Wat is er gebeurd').fill(WHAT);
    await dialog.getByRole('checkbox', { name: 'Kinderen' }).check();
    await dialog.getByRole('checkbox', { name: 'Ouders' }).check();
    await dialog.getByRole('textbox', { name: 'Aantal betrokkenen' }).fill('14');
    await dialog.getByRole('checkbox', { name: 'Medische gegevens' }).check();
    await dialog.getByRole('checkbox', { name: 'Naam, adres, geboortedatum' }).check();
    await field(dialog, 'Genomen maatregelen').fill('De ouders gevraagd de e-mail te verwijderen.');
    await dialog.getByRole('button', { name: 'Melden' }).click();
    await expect(dialog).toContainText('Het moment van ontdekken ligt in de toekomst.');
    await field(dialog, 'Ontdekt op').fill(nlDate(today));
    // Midnight of today: never in the future, whenever the test runs.
    await dialog.getByLabel('Tijdstip').fill('00:00');
    await screen(page, 'datalek-melden');
    await dialog.getByRole('button', { name: 'Melden' }).click();
    await expect(dialog).toBeHidden();

    const row = page.getByRole('row', { name: /groepslijst met allergieën/ });
    await expect(row).toContainText('Wacht op verbinding');
    await expect(row).toContainText(`${nlDate(today)} 00:00`);
    await expect(row).toContainText('14');
    await expect(row).toContainText('Kinderen, Ouders');
    await expect(row).toContainText(`Gemeld door ${REPORTER.name}`);
    await screen(page, 'datalekken-wacht-1366x768');
    await page.setViewportSize({ width: 1280, height: 720 });
    await screen(page, 'datalekken-wacht-1280x720');

    // Head office is back: the manager synchronises and sees the report arrived.
    await ho.start();
    await logIn(page, MANAGER.username, MANAGER.password);
    // Back on the page where the lock came: the manager sees every report of the location.
    await expect(page.getByRole('banner')).toContainText(MANAGER.name);
    await expect(row).toBeVisible();
    await page.getByRole('banner').getByRole('button', { name: 'Nu synchroniseren' }).click();
    await expect(row).toContainText('Ontvangen door hoofdkantoor', { timeout: 30_000 });
    await screen(page, 'datalekken-ontvangen-1280x720');

    const [breach] = await api<{ id: string }[]>(page, 'breaches.list', {});
    const stored = BreachRecord.parse(JSON.parse(ho.record('data_breaches', breach!.id)!.payload!));
    expect(stored).toMatchObject({ what_happened: WHAT, persons_count: 14, reporter_name: REPORTER.name, measures_taken: 'De ouders gevraagd de e-mail te verwijderen.' });
    expect(JSON.parse(stored.data_categories)).toEqual(['medical', 'identity']);

    // ---- The privacy officer at head office: the 72-hour clock, the assessment, the AP report, closing.
    ho.createConsoleUser(PRIVACY_OFFICER);
    const consolePage = await page.context().newPage();
    await consolePage.setViewportSize({ width: 1366, height: 768 });
    await consoleLogin(consolePage, ho.url);
    await consolePage.getByRole('navigation').getByRole('link', { name: 'Datalekken' }).click();
    await expect(consolePage.getByRole('heading', { level: 1, name: 'Datalekkenregister' })).toBeVisible();
    const entry = consolePage.getByRole('row', { name: /groepslijst met allergieën/ });
    await expect(entry).toContainText('KDV Datalek');
    await expect(entry).toContainText('Nieuw');
    // Discovered at 00:00 today: between 48 and 72 hours are left.
    await expect(entry.getByText(/Nog (4[89]|[56]\d|7[01]) uur voor de melding/)).toBeVisible();
    await checkScreen(consolePage, 'console-datalekken-1366x768');

    await entry.getByRole('button', { name: 'Beoordelen' }).click();
    const assess = consolePage.getByRole('dialog', { name: /Datalek van KDV Datalek beoordelen/ });
    await assess.getByRole('button', { name: 'Opslaan' }).click();
    await expect(assess).toContainText('Kies het risico voor de betrokkenen.');
    await assess.getByRole('radio', { name: 'Hoog risico' }).check();
    await field(assess, 'Waarschijnlijke gevolgen voor de betrokkenen').fill('Ouders kennen nu de allergieën van andere kinderen.');
    await assess.getByRole('checkbox', { name: 'Melden bij de Autoriteit Persoonsgegevens' }).check();
    await field(assess, 'Waarom wel of niet melden').fill('Medische gegevens van kinderen: hoog risico.');
    await assess.getByRole('checkbox', { name: 'De betrokkenen inlichten (AVG art. 34)' }).check();
    await field(assess, 'Waarom wel of niet inlichten').fill('De ouders moeten weten dat hun gegevens zijn gedeeld.');
    await checkScreen(consolePage, 'console-datalek-beoordelen');
    await assess.getByRole('button', { name: 'Opslaan' }).click();
    await expect(assess).toBeHidden();
    await expect(entry).toContainText('Hoog risico · melden bij de AP');
    // The breach in full, with the assessment: a read the console logs.
    await entry.getByRole('button', { name: 'Details van het datalek van KDV Datalek' }).click();
    const details = consolePage.getByRole('dialog', { name: 'Datalek in detail' });
    await expect(details).toContainText('Ouders kennen nu de allergieën van andere kinderen.');
    await expect(details).toContainText(`${REPORTER.name} op`);
    await checkScreen(consolePage, 'console-datalek-details');
    await consolePage.keyboard.press('Escape');
    await expect(details).toBeHidden();

    await entry.getByRole('button', { name: 'Melding bij AP vastleggen' }).click();
    const report = consolePage.getByRole('dialog', { name: 'Melding bij de Autoriteit Persoonsgegevens' });
    await field(report, 'Meldnummer van de AP').fill('M-2026-4711');
    await report.getByLabel('Gemeld op (datum en tijd)').fill(`${today}T00:00`); // at the discovery itself: never in the future, whenever the test runs
    await report.getByRole('button', { name: 'Opslaan' }).click();
    await expect(report).toBeHidden();
    await expect(entry).toContainText('Gemeld bij AP');
    await expect(entry).toContainText('AP-meldnummer M-2026-4711');

    await entry.getByRole('button', { name: 'Afsluiten' }).click();
    await consolePage.getByRole('dialog', { name: 'Datalek afsluiten' }).getByRole('button', { name: 'Afsluiten' }).click();
    await expect(entry).toContainText('Afgesloten');
    await consolePage.setViewportSize({ width: 1280, height: 720 });
    await checkScreen(consolePage, 'console-datalekken-afgesloten-1280x720');
    // The console's audit log holds the read, with which breach, and the chain is intact.
    await consolePage.getByRole('navigation').getByRole('link', { name: 'Auditlog' }).click();
    await expect(consolePage.getByText(/De keten is intact/)).toBeVisible();
    const read = consolePage.getByRole('row', { name: /Datalek ingezien/ });
    await expect(read).toContainText(/Datalek [0-9a-f]{8}/);
    await expect(consolePage.getByRole('row', { name: /Datalek beoordeeld/ })).toBeVisible();
    await checkScreen(consolePage, 'console-audit-reads-1280x720');
  } finally {
    await ho.dispose();
  }
});
