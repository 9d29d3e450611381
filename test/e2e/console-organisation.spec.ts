import { field } from './app';
import { checkScreen, expect, test } from './fixtures';
import { consoleLogin, HeadOffice, PRIVACY_OFFICER } from './headoffice';

/** Issue 18 part 7: the privacy officer sets the organisation's identity and privacy contacts in the console. */


test('privacyconsole: de Privacy Officer vult de gegevens van de organisatie in', async ({ page }) => {
  test.setTimeout(120_000);
  const ho = await HeadOffice.create();
  await ho.start();
  try {
    ho.createConsoleUser(PRIVACY_OFFICER);
    await consoleLogin(page, ho.url);
    await page.getByRole('link', { name: 'Organisatie' }).click();
    await expect(page.getByRole('heading', { name: 'Organisatie', level: 1 })).toBeVisible();
    await expect(page.getByText('Nog niet ingevuld')).toBeVisible();

    const values: [string, string][] = [
      ['Naam van de organisatie', 'Stichting Kinderopvang Zonnestraal'],
      ['Adres', 'Oudegracht 100'],
      ['Postcode en plaats', '3511 AB Utrecht'],
    ];
    for (const [label, value] of values) await field(page, label).fill(value);
    const po = page.getByText('Privacy Officer', { exact: true }).locator('..');
    await field(po, 'Naam').fill('Ingrid Jansen');
    await field(po, 'E-mailadres').fill('privacy-zonnestraal');
    await field(po, 'Telefoonnummer').fill('030 123 45 67');
    const fg = page.getByText('Functionaris Gegevensbescherming (FG)', { exact: true }).locator('..');
    await field(fg, 'Naam').fill('Mr. P. de Vries');
    await field(fg, 'E-mailadres').fill('fg@privacybureau.nl');
    await page.getByRole('button', { name: 'Opslaan en naar de locaties sturen' }).click();
    await expect(page.getByText('Dit is geen geldig e-mailadres (bijvoorbeeld privacy@organisatie.nl).')).toBeVisible();
    await field(po, 'E-mailadres').fill('privacy@zonnestraal.nl');
    await page.getByRole('button', { name: 'Opslaan en naar de locaties sturen' }).click();
    await expect(page.getByText('De gegevens van de organisatie zijn opgeslagen en naar alle locaties gestuurd.')).toBeVisible();
    await page.reload();
    await expect(field(po, 'E-mailadres')).toHaveValue('privacy@zonnestraal.nl');
    for (const size of [{ width: 1366, height: 768 }, { width: 1280, height: 720 }]) {
      await page.setViewportSize(size);
      await checkScreen(page, `console-organisation-${size.width}x${size.height}`);
    }
  } finally {
    await ho.stop();
  }
});
