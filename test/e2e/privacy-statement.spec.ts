import { api, appToday, field, screen, setUpLocation } from './app';
import { nlDate } from '../../shared/domain/dates';
import { expect, test } from './fixtures';
import { consoleLogin, HeadOffice, PRIVACY_OFFICER } from './headoffice';

/**
 * Issue 18 part 8, clicked through both UIs: the privacy officer publishes a privacy statement
 * version in the console (field messages in Dutch, a confirmation since it goes to every location);
 * after a sync the location's manager sees the task to inform the parents on Overzicht and the
 * version in force with its text on Privacyverklaring, and records that the parents were informed.
 */

const LOCATION = { name: 'KDV De Zonnebloem', address: 'Dorpsstraat 12, 1234 AB Ergens', lrk: '123456789' };
const MANAGER = { name: 'Fatima el Amrani-Boukhari', username: 'fatima', password: 'Zeilboot-Kaneel-Vijver-42' };
const TEXT = [
  'Wie zijn wij? Stichting Kinderopvang Zonnestraal is verantwoordelijk voor de verwerking van persoonsgegevens van kinderen, ouders en medewerkers op al haar locaties.',
  'Welke gegevens verwerken wij? Naam, adres, geboortedatum en de gegevens die nodig zijn voor de opvang, het contract en de kinderopvangtoeslag.',
  'Uw rechten. U kunt uw gegevens inzien, laten verbeteren of laten verwijderen. Stuur een e-mail naar privacy@zonnestraal.nl.',
].join('\n\n');
const FG = { username: 'fg.extern', name: 'mr. Anne-Marie Verschuren-de Wolff', role: 'fg' as const, password: 'Onafhankelijk-Toezicht-77' };

test('privacyverklaring: gepubliceerd in de console, bij de locatie van kracht en als taak om de ouders te informeren', async ({ page, webApp }) => {
  test.setTimeout(240_000);
  const ho = await HeadOffice.create();
  try {
    await ho.start();
    const code = ho.issueCode(ho.createLocation('KDV De Zonnebloem'));
    await page.setViewportSize({ width: 1366, height: 768 });
    await setUpLocation(page, webApp.url, LOCATION, MANAGER);
    await api(page, 'sync.enrol', { serverUrl: ho.url, code, deviceName: 'Kantoor-pc', caCertPem: null });
    const today = await appToday(page);

    // Before anything is published: the location's page says so.
    await page.getByRole('navigation').getByRole('link', { name: 'Privacyverklaring' }).click();
    await expect(page.getByText('Nog geen privacyverklaring ontvangen')).toBeVisible();

    // ---- The privacy officer publishes version 2026.2.
    ho.createConsoleUser(PRIVACY_OFFICER);
    const consolePage = await page.context().newPage();
    await consolePage.setViewportSize({ width: 1366, height: 768 });
    await consoleLogin(consolePage, ho.url);
    await consolePage.getByRole('navigation').getByRole('link', { name: 'Privacyverklaring' }).click();
    await expect(consolePage.getByRole('heading', { level: 1, name: 'Privacyverklaring' })).toBeVisible();
    await expect(consolePage.getByText('Er is nog geen versie gepubliceerd.')).toBeVisible();
    const form = consolePage.getByRole('region', { name: 'Nieuwe versie publiceren' });
    await form.getByRole('button', { name: 'Publiceren' }).click();
    await expect(form).toContainText('Vul het versienummer in, bijvoorbeeld 2026.2.');
    await expect(form).toContainText('Vul de tekst van de privacyverklaring in.');
    await field(form, 'Versienummer').fill('2026.2');
    await field(form, 'Geldt vanaf').fill(nlDate(today));
    await form.getByRole('textbox', { name: 'Tekst van de privacyverklaring' }).fill(TEXT);
    await form.getByRole('button', { name: 'Publiceren' }).click();
    const confirm = consolePage.getByRole('dialog', { name: 'Versie 2026.2 publiceren?' });
    await expect(confirm).toContainText('gaat naar alle locaties');
    await screen(consolePage, 'console-privacyverklaring-bevestigen');
    await confirm.getByRole('button', { name: 'Naar alle locaties publiceren' }).click();
    await expect(confirm).toBeHidden();
    const row = consolePage.getByRole('row', { name: /2026\.2/ });
    await expect(row).toContainText('Geldt nu');
    await expect(row).toContainText(nlDate(today));
    // The same label again is a field message at the version, nothing published.
    await field(form, 'Versienummer').fill('2026.2');
    await field(form, 'Geldt vanaf').fill(nlDate(today));
    await form.getByRole('textbox', { name: 'Tekst van de privacyverklaring' }).fill('Andere tekst');
    await form.getByRole('button', { name: 'Publiceren' }).click();
    await consolePage.getByRole('dialog', { name: 'Versie 2026.2 publiceren?' }).getByRole('button', { name: 'Naar alle locaties publiceren' }).click();
    await expect(form).toContainText('Versie 2026.2 is al gepubliceerd.');
    await expect(consolePage.getByRole('row', { name: /2026\.2/ })).toHaveCount(1);
    for (const size of [{ width: 1366, height: 768 }, { width: 1280, height: 720 }]) {
      await consolePage.setViewportSize(size);
      await screen(consolePage, `console-privacyverklaring-${size.width}x${size.height}`);
    }

    // ---- At the location: after a sync, the task on Overzicht and the version in force.
    await page.getByRole('banner').getByRole('button', { name: 'Nu synchroniseren' }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'Overzicht' }).click();
    const notice = page.getByRole('region', { name: 'Nieuwe privacyverklaring: informeer de ouders' });
    await expect(notice).toContainText('versie 2026.2 gepubliceerd', { timeout: 30_000 });
    await screen(page, 'overzicht-privacyverklaring-taak-1366x768');
    await notice.getByRole('link', { name: 'Privacyverklaring bekijken' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Versie 2026.2 (geldt nu)' })).toBeVisible();
    await expect(page.getByText('Uw rechten. U kunt uw gegevens inzien')).toBeVisible();
    await expect(page.getByRole('row', { name: /2026\.2/ })).toContainText('Geldt nu');
    for (const size of [{ width: 1366, height: 768 }, { width: 1280, height: 720 }]) {
      await page.setViewportSize(size);
      await screen(page, `privacyverklaring-${size.width}x${size.height}`);
    }

    // The manager records that the parents were informed: the task is gone, the date is in the list.
    await page.getByRole('region', { name: 'Nieuwe privacyverklaring: informeer de ouders' }).getByRole('button', { name: 'Ouders geïnformeerd' }).click();
    const mark = page.getByRole('dialog', { name: 'Ouders geïnformeerd over versie 2026.2' });
    await expect(field(mark, 'Datum')).toHaveValue(nlDate(today));
    await screen(page, 'privacyverklaring-ouders-geinformeerd');
    await mark.getByRole('button', { name: 'Ouders geïnformeerd' }).click();
    await expect(mark).toBeHidden();
    await expect(page.getByRole('region', { name: 'Nieuwe privacyverklaring: informeer de ouders' })).toHaveCount(0);
    await expect(page.getByRole('row', { name: /2026\.2/ })).toContainText(nlDate(today));
    await page.getByRole('navigation').getByRole('link', { name: 'Overzicht' }).click();
    await expect(page.getByRole('heading', { level: 1, name: /Welkom/ })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Nieuwe privacyverklaring: informeer de ouders' })).toHaveCount(0);

    // The FG reads the versions and is offered no form.
    ho.createConsoleUser(FG);
    await consolePage.getByRole('button', { name: 'Uitloggen' }).click();
    await consoleLogin(consolePage, ho.url, FG);
    await consolePage.getByRole('navigation').getByRole('link', { name: 'Privacyverklaring' }).click();
    await expect(consolePage.getByRole('row', { name: /2026\.2/ })).toContainText('Geldt nu');
    await expect(consolePage.getByRole('region', { name: 'Nieuwe versie publiceren' })).toHaveCount(0);

    // Toestemmingen: new consents belong to the published version, no longer a date typed here.
    await page.getByRole('navigation').getByRole('link', { name: 'Toestemmingen' }).click();
    await expect(page.getByText(/Huidige versie: \d{1,2} \w+ \d{4} \(versie 2026\.2\)/)).toBeVisible();
    await expect(page.getByText('Het hoofdkantoor publiceert de privacyverklaring')).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Versie of datum' })).toHaveCount(0);
  } finally {
    await ho.dispose();
  }
});
