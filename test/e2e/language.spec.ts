import { test, expect } from './fixtures';
import { field, screen, setUpLocation } from './app';

/**
 * Errors follow the UI language (issue 13): the backend answers with a catalogue key, the renderer
 * shows it in the chosen language — a wrong password from the backend and an invalid BSN from the
 * shared schema alike. Dutch stays the default.
 */
const LOCATION = { name: 'Kindercentrum De Regenboog', address: 'Schoolstraat 4, 3511 AB Utrecht', lrk: '987654321' };
const MANAGER = { name: 'Femke van Dijk', username: 'femke', password: 'Tulpenveld-Lantaarn-58' };

test('in English, a wrong password and an invalid BSN are answered in English', async ({ page, webApp }) => {
  await setUpLocation(page, webApp.url, LOCATION, MANAGER);
  await page.getByRole('button', { name: 'Vergrendelen' }).click();
  await page.getByRole('button', { name: 'EN', exact: true }).click();

  await field(page, 'Username').fill(MANAGER.username);
  await field(page, 'Password').fill('Niet-Het-Goede-Wachtwoord');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByText('Username or password is incorrect.')).toBeVisible();
  await expect(page.getByText('Gebruikersnaam of wachtwoord is onjuist.')).toHaveCount(0);
  await screen(page, 'login-fout-engels');

  await field(page, 'Password').fill(MANAGER.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Welcome, ${MANAGER.name}` })).toBeVisible();

  await page.evaluate(() => { window.location.hash = '#/gezinnen/nieuw'; });
  await expect(page.getByRole('heading', { level: 1, name: 'New household' })).toBeVisible();
  const parent = page.getByRole('group', { name: 'Parent or carer 1' });
  await field(parent, 'BSN').fill('123456789'); // fails the elfproef
  await page.getByRole('button', { name: 'Save household' }).click();
  const bsn = field(parent, 'BSN');
  await expect(bsn).toHaveAttribute('aria-invalid', 'true');
  await expect(bsn).toHaveAccessibleDescription(/This BSN is not right: the check on its digits \(elfproef\) fails/);
  await expect(page.getByText('Dit BSN klopt niet', { exact: false })).toHaveCount(0);
  // Another required field, from the same shared schema, in English too.
  await expect(field(page, 'Street')).toHaveAccessibleDescription(/required/i);
  await screen(page, 'gezin-nieuw-fout-engels');
});
