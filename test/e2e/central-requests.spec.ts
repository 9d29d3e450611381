import { api, appToday, familyViaApi, field, pick, screen, setUpLocation } from './app';
import { nlDate } from '../../shared/domain/dates';
import { checkScreen, expect, test } from './fixtures';
import { consoleLogin, HeadOffice, PRIVACY_OFFICER } from './headoffice';

/**
 * Issue 18 part 3, clicked through both UIs: the privacy officer registers a request that came in
 * via privacy@ for a location in the console (field messages in Dutch); the location's manager
 * synchronises, sees it on Overzicht and on AVG-verzoeken, registers it at the person it concerns
 * with the organisation's date of receipt; the console then shows it in progress, with no name.
 */

const LOCATION = { name: 'KDV De Zonnebloem', address: 'Dorpsstraat 12, 1234 AB Ergens', lrk: '123456789' };
const MANAGER = { name: 'Fatima el Amrani-Boukhari', username: 'fatima', password: 'Zeilboot-Kaneel-Vijver-42' };
const REQUESTER = { name: 'Sanne de Boer', contact: 'sanne.deboer@example.nl' };

test('verzoek via privacy@: geregistreerd in de console, als taak bij de locatie, geregistreerd bij de persoon', async ({ page, webApp }) => {
  test.setTimeout(240_000);
  const ho = await HeadOffice.create();
  try {
    await ho.start();
    const code = ho.issueCode(ho.createLocation('KDV De Zonnebloem'));
    await page.setViewportSize({ width: 1366, height: 768 });
    await setUpLocation(page, webApp.url, LOCATION, MANAGER);
    await api(page, 'sync.enrol', { serverUrl: ho.url, code, deviceName: 'Kantoor-pc', caCertPem: null });
    await familyViaApi(page);
    const today = await appToday(page);

    // ---- The privacy officer registers the e-mail that came in at privacy@.
    ho.createConsoleUser(PRIVACY_OFFICER);
    const consolePage = await page.context().newPage();
    await consolePage.setViewportSize({ width: 1366, height: 768 });
    await consoleLogin(consolePage, ho.url);
    await consolePage.getByRole('navigation').getByRole('link', { name: 'AVG-verzoeken' }).click();
    await expect(consolePage.getByRole('heading', { level: 1, name: 'AVG-verzoeken' })).toBeVisible();
    await expect(consolePage.getByText('Nog geen verzoeken')).toBeVisible();
    await consolePage.getByRole('button', { name: 'Verzoek via privacy@ registreren' }).click();
    const dialog = consolePage.getByRole('dialog', { name: 'Verzoek via privacy@ registreren' });
    await dialog.getByRole('button', { name: 'Naar de locatie sturen' }).click();
    await expect(dialog).toContainText('Kies de locatie die de gegevens van de verzoeker heeft.');
    await expect(dialog).toContainText('Kies het soort verzoek.');
    await expect(dialog).toContainText('Vul de naam van de verzoeker in (minstens 2 tekens).');
    await pick(dialog, 'Locatie', 'KDV De Zonnebloem');
    await pick(dialog, 'Soort verzoek', 'Inzage');
    await field(dialog, 'Ontvangen op').fill(nlDate(today));
    await field(dialog, 'Naam van de verzoeker').fill(REQUESTER.name);
    await field(dialog, 'Contactgegevens van de verzoeker').fill(REQUESTER.contact);
    await field(dialog, 'Wat vraagt de verzoeker?').fill('Ik wil weten welke gegevens u van mij en mijn dochter Emma hebt.');
    await checkScreen(consolePage, 'console-verzoek-registreren');
    await dialog.getByRole('button', { name: 'Naar de locatie sturen' }).click();
    await expect(dialog).toBeHidden();
    const entry = consolePage.getByRole('row', { name: /KDV De Zonnebloem/ });
    await expect(entry).toContainText('Inzage');
    await expect(entry).toContainText('via privacy@');
    await expect(entry).toContainText('Wacht op registratie bij de locatie');
    await expect(entry).not.toContainText(REQUESTER.name);
    await checkScreen(consolePage, 'console-verzoeken-1366x768');

    // ---- At the location: after a sync it is a task on Overzicht and on AVG-verzoeken.
    await page.getByRole('banner').getByRole('button', { name: 'Nu synchroniseren' }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'Overzicht' }).click();
    const due = page.getByRole('region', { name: /AVG-verzoeken met een termijn/ });
    await expect(due).toContainText(`Via privacy@: Inzage — ${REQUESTER.name}`, { timeout: 30_000 });
    await due.getByRole('link', { name: /Via privacy@: Inzage/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'AVG-verzoeken' })).toBeVisible();
    const card = page.getByRole('region', { name: 'Via privacy@ binnengekomen (1)' });
    await expect(card).toContainText(`Verzoeker: ${REQUESTER.name} (${REQUESTER.contact})`);
    await expect(card).toContainText(`geregistreerd door ${PRIVACY_OFFICER.name}`);
    await screen(page, 'verzoeken-via-privacy-1366x768');
    await page.setViewportSize({ width: 1280, height: 720 });
    await screen(page, 'verzoeken-via-privacy-1280x720');

    await card.getByRole('button', { name: 'Registreren bij de persoon' }).click();
    const register = page.getByRole('dialog', { name: 'Verzoek via privacy@ registreren' });
    await expect(register).toContainText(`Ontvangen op ${nlDate(today)} (bij privacy@)`);
    await register.getByRole('combobox', { name: 'Over wie gaat het verzoek?' }).fill('Sanne');
    await page.getByRole('option', { name: /^Sanne de Boer/ }).click();
    await register.getByRole('radio', { name: /geregistreerde e-mailadres/ }).check();
    await screen(page, 'verzoek-via-privacy-registreren');
    await register.getByRole('button', { name: 'Registreren' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Inzage: Sanne de Boer' })).toBeVisible();
    await page.getByRole('navigation').getByRole('link', { name: 'AVG-verzoeken' }).click();
    await expect(page.getByRole('region', { name: /Via privacy@ binnengekomen/ })).toHaveCount(0);
    await page.getByRole('banner').getByRole('button', { name: 'Nu synchroniseren' }).click();

    // ---- The console sees it in progress, still without a name.
    await expect(async () => {
      await consolePage.reload();
      await expect(consolePage.getByRole('row', { name: /KDV De Zonnebloem/ })).toContainText('In behandeling', { timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    await expect(consolePage.getByRole('row', { name: /KDV De Zonnebloem/ })).not.toContainText('Sanne');
    await consolePage.setViewportSize({ width: 1280, height: 720 });
    await checkScreen(consolePage, 'console-verzoeken-in-behandeling-1280x720');
  } finally {
    await ho.dispose();
  }
});
