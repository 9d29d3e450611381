import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { screen, setUpLocation } from './app';
import { expect, test } from './fixtures';

/**
 * Issue 14 §6, through the real UI in web mode: the verwerkingsregister (art. 30 AVG) opened from
 * the menu, a few processings with their basis and retention, readable at 1366×768 and 1280×720
 * without sideways scrolling, and the PDF downloaded and read back with pdftotext.
 */

const LOCATION = { name: 'KDV De Linde', address: 'Lindelaan 1, 4131 AA Vianen', lrk: '123456789' };
const MANAGER = { name: 'Ilse Bakker', username: 'ilse', password: 'Zeilboot-Kaneel-Vijver-42' };

/** Saves a download and returns its text as pdftotext reads it (after qpdf --check), whitespace squashed. */
async function pdfText(download: Download): Promise<string> {
  const file = await download.path();
  execFileSync('qpdf', ['--check', file]);
  expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

/** The page fits the window's width: nothing to scroll sideways. */
async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}

test('verwerkingsregister: uit het menu, per verwerking doel, grondslag en bewaartermijn, op twee schermgroottes, en als PDF', async ({ page, webApp }) => {
  test.setTimeout(120_000);
  await setUpLocation(page, webApp.url, LOCATION, MANAGER);

  await page.getByRole('navigation').getByRole('link', { name: 'Verwerkingsregister' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Verwerkingsregister' })).toBeVisible();
  await expect(page.getByText(/register van verwerkingsactiviteiten van deze locatie \(artikel 30 AVG\)/)).toBeVisible();
  await expect(page.getByText(/gegevenskaart van de app en de bewaartermijnen die nu gelden/)).toBeVisible();
  await expect(page.getByText(new RegExp(`${LOCATION.name} · opgesteld op \\d{2}-\\d{2}-\\d{4} · \\d+ verwerkingen`))).toBeVisible();

  // Not yet linked to head office: the organisation's block says where its details will come from.
  await expect(page.getByRole('region', { name: 'Verwerkingsverantwoordelijke' })).toContainText('Het hoofdkantoor heeft de gegevens van de organisatie nog niet gedeeld.');

  const medical = page.getByRole('region', { name: /Medische gegevens en bijzonderheden/ });
  await expect(medical).toContainText('Bijzondere persoonsgegevens');
  await expect(medical).toContainText('Uitdrukkelijke toestemming van de contractouder en vitaal belang van het kind');
  await expect(medical).toContainText('Direct na einde van het laatste contract van het kind: vernietigd');
  await expect(medical).toContainText('Kinderen');

  const contact = page.getByRole('region', { name: /^2\. E-mailadres en telefoonnummer/ });
  await expect(contact).toContainText('3 maanden na einde van het laatste contract van het gezin: gewist');

  const identity = page.getByRole('region', { name: /Naam, voorletters en adres/ });
  await expect(identity).toContainText('Uitvoering van de overeenkomst');
  await expect(identity).toContainText('7 jaar na einde van het laatste contract: vernietigd');
  await expect(identity).toContainText('Belastingdienst (kinderopvangtoeslag)');
  await expect(identity).toContainText('Doorgifte buiten de EER');

  const marketing = page.getByRole('region', { name: /Gebruik van uw e-mailadres voor marketing/ });
  await expect(marketing).toContainText('standaardcontractbepalingen');

  await expect(page.getByRole('region', { name: 'Beveiligingsmaatregelen' })).toContainText('SQLCipher');

  for (const [width, height] of [[1366, 768], [1280, 720]] as const) {
    await page.setViewportSize({ width, height });
    await expectNoSidewaysScroll(page);
    await screen(page, `verwerkingsregister-${width}x${height}`);
  }

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Afdrukken (PDF)' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toMatch(/^verwerkingsregister-\d{4}-\d{2}-\d{2}\.pdf$/);
  const text = await pdfText(saved);
  expect(text).toContain('Verwerkingsregister');
  expect(text).toContain('Register van verwerkingsactiviteiten (artikel 30 AVG)');
  expect(text).toContain(LOCATION.name);
  expect(text).toContain('Medische gegevens en bijzonderheden');
  expect(text).toContain('Uitdrukkelijke toestemming van de contractouder en vitaal belang van het kind');
  expect(text).toContain('Direct na einde van het laatste contract van het kind: vernietigd');
  expect(text).toContain('3 maanden na einde van het laatste contract van het gezin: gewist');
  expect(text).toContain('7 jaar na einde van het laatste contract: vernietigd');
  expect(text).toMatch(/Pagina 1 van \d+/);
});
