import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Download, Locator, Page } from '@playwright/test';
import { addGroup, api, field, screen, setUpLocation } from './app';
import { expect, test } from './fixtures';

/**
 * Issue 5, clicked through the real UI in web mode: photo consent recorded for a child (by the
 * contract parent), the consent form printed (a real PDF), one purpose withdrawn, the append-only
 * history; a school disclosure refused without exchange consent; the GGD list previewed, exported
 * and found in the verstrekkingenregister (also on the child's page); the fotolijst; marketing.
 */

const ROOT = path.resolve(__dirname, '../..');
const SCREENS = path.join(ROOT, 'test-results/screens');
const LOCATION = { name: 'KDV De Zonnebloem', address: 'Dorpsstraat 12, 1234 AB Ergens', lrk: '123456789' };
const MANAGER = { name: 'Fatima el Amrani', username: 'fatima', password: 'Zeilboot-Kaneel-Vijver-42' };

const radio = (scope: Locator, group: string, option: string) => scope.getByRole('radiogroup', { name: group, exact: true }).getByRole('radio', { name: option, exact: true });




/** Closes a toast (they stay for 5 seconds) so it does not cover a screenshot. */
async function dismissToast(page: Page, text: string | RegExp) {
  await page.getByRole('alert').filter({ hasText: text }).getByRole('button', { name: 'Sluiten' }).click();
}

/** Saves a download under test-results/ and returns its path. */
async function keep(download: Download, name: string) {
  const target = path.join(ROOT, 'test-results', name);
  await download.saveAs(target);
  return target;
}

/** Sanne de Boer (contract parent, sanne@example.nl) and Joris Bakker, with Emma in Rupsjes on an active contract. */
async function createFamily(page: Page) {
  const household = await api<{ id: string }>(page, 'households.create', {
    street: 'Lindelaan',
    houseNumber: '5a',
    postcode: '1234 AB',
    city: 'Vianen',
    iban: null,
    ibanHolder: null,
    parents: [
      { firstName: 'Sanne', initials: 'S.', surnamePrefix: 'de', surname: 'Boer', email: 'sanne@example.nl', phone: '06 12345678', bsn: '111222333', hasParentalAuthority: true, isContractParent: true },
      { firstName: 'Joris', initials: 'J.', surnamePrefix: null, surname: 'Bakker', email: null, phone: null, bsn: null, hasParentalAuthority: true, isContractParent: false },
    ],
  });
  const child = await api<{ id: string }>(page, 'children.create', { householdId: household.id, firstName: 'Emma', initials: 'E.', surnamePrefix: 'de', surname: 'Boer', birthDate: '2023-03-12', groupId: (await addGroup(page, 'Rupsjes')).id, bsn: '123456782' });
  await api(page, 'contracts.create', { childId: child.id, careType: 'dagopvang', days: ['ma', 'di'], hoursPerWeek: 16, startDate: '2025-01-06', endDate: null });
  return { household, child };
}

test('toestemming vastleggen, formulier afdrukken, intrekken, geschiedenis; GGD-lijst in het verstrekkingenregister', async ({ page, webApp }) => {
  test.setTimeout(300_000); // generous: the CI machine is shared
  await setUpLocation(page, webApp.url, LOCATION, MANAGER);
  const { child } = await createFamily(page);

  // ---- Kind → Toestemmingen -----------------------------------------------------------------------
  await page.evaluate((id) => { window.location.hash = `#/kinderen/${id}`; }, child.id);
  await expect(page.getByRole('heading', { level: 1, name: 'Emma de Boer' })).toBeVisible();
  await page.getByRole('tab', { name: 'Toestemmingen' }).click();
  const current = page.getByRole('table', { name: 'Huidige toestemming foto en film van Emma' });
  await expect(current.getByRole('row', { name: /Ouderportaal/ })).toContainText('Nooit gevraagd (standaard nee)');
  await expect(page.getByText('Alleen de contractouder geeft of trekt toestemming in: Sanne de Boer.')).toBeVisible();

  await page.getByRole('button', { name: 'Toestemming vastleggen' }).click();
  let dialog = page.getByRole('dialog', { name: 'Toestemming vastleggen voor Emma' });
  await expect(dialog).toContainText('U legt de beslissing vast van de contractouder, Sanne de Boer.');
  // Nothing chosen yet: refused at the form, nothing recorded.
  await dialog.getByRole('button', { name: 'Beslissing vastleggen' }).click();
  await expect(dialog.getByText('Kies bij minstens één doel wat de ouder heeft beslist.')).toBeVisible();
  await expect(dialog.getByText('Kies hoe de toestemming is gegeven.')).toBeVisible();
  await radio(dialog, 'Hoe gegeven', 'Ondertekend formulier').check();
  await radio(dialog, 'Ouderportaal', 'Ja, herkenbaar').check();
  await radio(dialog, 'Nieuwsbrieven', 'Ja, herkenbaar').check();
  await radio(dialog, 'Interne training', 'Ja, niet herkenbaar').check();
  await radio(dialog, 'Website en social media', 'Nee').check();
  await expect(dialog.getByText('Kies bij minstens één doel wat de ouder heeft beslist.')).toBeHidden();
  await screen(page, 'toestemming-vastleggen');
  await dialog.getByRole('button', { name: 'Beslissing vastleggen' }).click();
  await expect(dialog).toBeHidden();
  await expect(current.getByRole('row', { name: /Ouderportaal/ })).toContainText('Ja, herkenbaar');
  await expect(current.getByRole('row', { name: /Interne training/ })).toContainText('Ja, niet herkenbaar');
  await expect(current.getByRole('row', { name: /Website en social media/ })).toContainText('Nee');

  // ---- Toestemmingsformulier afdrukken: a valid PDF with the answers and signature lines -----------
  await page.getByRole('button', { name: 'Toestemmingsformulier afdrukken' }).click();
  const formDownload = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Ingevuld met de huidige antwoorden' }).click();
  const download = await formDownload;
  expect(download.suggestedFilename()).toBe('toestemmingsformulier-emma.pdf');
  const pdf = await keep(download, 'toestemmingsformulier-emma.pdf');
  expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  execFileSync('qpdf', ['--check', pdf]);
  const pdfText = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  for (const text of ['Toestemming foto- en filmbeelden', 'Emma de Boer', 'Sanne de Boer', LOCATION.name, 'Ouderportaal', 'Nieuwsbrieven', 'Interne training', 'Website en social media', 'Handtekening', '20-6-2023']) {
    expect(pdfText, text).toContain(text);
  }
  fs.mkdirSync(SCREENS, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, path.join(SCREENS, 'toestemmingsformulier-pdf')]);
  expect(fs.statSync(path.join(SCREENS, 'toestemmingsformulier-pdf.png')).size).toBeGreaterThan(10_000);
  await expect(page.getByText('toestemmingsformulier-emma.pdf is opgeslagen.')).toBeVisible();

  // ---- Formulier retour ontvangen ---------------------------------------------------------------
  await page.getByRole('button', { name: 'Formulier retour ontvangen' }).click();
  dialog = page.getByRole('dialog', { name: 'Formulier retour ontvangen voor Emma' });
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/Ondertekend formulier laatst ontvangen op \d{2}-\d{2}-\d{4} \(vastgelegd door Fatima el Amrani\)/)).toBeVisible();

  // ---- Withdraw the newsletter by e-mail: only that purpose changes, history keeps everything ----
  // Withdrawing has a button of its own; the dialog offers only "geen wijziging" or "intrekken".
  await page.getByRole('button', { name: 'Toestemming intrekken' }).click();
  dialog = page.getByRole('dialog', { name: 'Toestemming intrekken voor Emma' });
  await expect(radio(dialog, 'Nieuwsbrieven', 'Geen wijziging (nu: Ja, herkenbaar)')).toBeChecked();
  await expect(dialog.getByRole('radio', { name: 'Ja, herkenbaar', exact: true })).toHaveCount(0);
  await radio(dialog, 'Hoe gegeven', 'E-mail').check();
  await radio(dialog, 'Nieuwsbrieven', 'Intrekken').check();
  await dialog.getByRole('button', { name: 'Intrekken vastleggen' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('De toestemming voor Emma is ingetrokken.')).toBeVisible();
  await expect(current.getByRole('row', { name: /Nieuwsbrieven/ })).toContainText('Nee');
  await expect(current.getByRole('row', { name: /Ouderportaal/ })).toContainText('Ja, herkenbaar');
  const history = page.getByRole('table', { name: 'Geschiedenis van de toestemming foto en film van Emma' });
  await expect(history.getByRole('row')).toHaveCount(6); // header + 4 + 1
  const newest = history.getByRole('row').nth(1);
  await expect(newest).toContainText('Nieuwsbrieven');
  await expect(newest).toContainText('Ingetrokken');
  await expect(newest).toContainText('E-mail');
  await expect(newest).toContainText('Sanne de Boer');
  await expect(history.getByRole('row').filter({ hasText: 'Nieuwsbrieven' }).filter({ hasText: 'Ondertekend formulier' })).toContainText('Ja, herkenbaar');
  await expect(history.getByRole('row').filter({ hasText: 'Website en social media' })).not.toContainText('Ingetrokken'); // a first "no" is not a withdrawal
  await dismissToast(page, 'De toestemming voor Emma is ingetrokken.');
  await screen(page, 'toestemmingen-kind');

  // ---- Sharing with a school: refused without written exchange consent, with the reason ---------
  await page.getByRole('tab', { name: 'Verstrekkingen' }).click();
  await expect(page.getByText('Er zijn geen gegevens van Emma verstrekt.')).toBeVisible();
  await page.getByRole('button', { name: 'Verstrekking aan school of zorginstelling vastleggen' }).click();
  dialog = page.getByRole('dialog', { name: 'Verstrekking vastleggen voor Emma' });
  await dialog.getByRole('combobox', { name: 'Ontvanger', exact: true }).fill('Basisschool De Regenboog');
  await dialog.getByRole('textbox', { name: 'Welke gegevens', exact: true }).fill('Overdrachtsformulier');
  await dialog.getByRole('button', { name: 'Verstrekking vastleggen' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Er is geen schriftelijke toestemming van de contractouder voor uitwisseling met Basisschool De Regenboog.');
  await dialog.getByRole('button', { name: 'Annuleren' }).click();
  await expect(page.getByText('Er zijn geen gegevens van Emma verstrekt.')).toBeVisible();

  // ---- Verstrekkingen: GGD list, preview without BSN, CSV export, register -----------------------
  await page.getByRole('navigation').getByRole('link', { name: 'Verstrekkingen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Verstrekkingen' })).toBeVisible();
  await expect(page.getByRole('radio', { name: /GGD/ })).toBeChecked();
  await page.getByRole('button', { name: 'Voorbeeld tonen' }).click();
  const preview = page.getByRole('table', { name: 'Voorbeeld van de verstrekking aan GGD (inspectie)' });
  await expect(preview.getByRole('columnheader')).toHaveText(['Voornaam kind', 'Achternaam kind', 'Geboortedatum kind']);
  await expect(preview.getByRole('row', { name: 'Emma de Boer 12-03-2023' })).toBeVisible();
  await expect(page.getByText('1 kind', { exact: true })).toBeVisible();
  // The preview comes into view by itself (it opens below the form).
  await expect(preview).toBeInViewport();
  await screen(page, 'verstrekkingen-ggd');

  const csvDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporteren als CSV' }).click();
  const csvPath = await keep(await csvDownload, 'verstrekking-ggd.csv');
  const csv = fs.readFileSync(csvPath, 'utf8').replace(/^\uFEFF/, '');
  expect(csv.split('\r\n').filter(Boolean)).toEqual(['Voornaam kind;Achternaam kind;Geboortedatum kind', 'Emma;de Boer;12-03-2023']);
  expect(csv).not.toContain('123456782');

  await dismissToast(page, /verstrekking-ggd-\d{4}-\d{2}-\d{2}\.csv is opgeslagen\./);
  await page.getByRole('tab', { name: 'Verstrekkingenregister' }).click();
  const register = page.getByRole('table', { name: 'Verstrekkingenregister' });
  await expect(register.getByRole('row')).toHaveCount(2);
  const entry = register.getByRole('row').nth(1);
  await expect(entry).toContainText('GGD (inspectie)');
  await expect(entry).toContainText('Wet kinderopvang, toezicht GGD (beroepskracht-kindratio)');
  await expect(entry).toContainText('Voornaam kind, Achternaam kind, Geboortedatum kind');
  await expect(entry).toContainText('1 persoon');
  await expect(entry).toContainText(MANAGER.name);
  await screen(page, 'verstrekkingenregister');

  // The same line in the child's own register.
  await page.evaluate((id) => { window.location.hash = `#/kinderen/${id}?tab=verstrekkingen`; }, child.id);
  await expect(page.getByRole('table', { name: 'Verstrekkingen over Emma' }).getByRole('row').nth(1)).toContainText('GGD (inspectie)');

  // ---- Toestemmingen page: the fotolijst follows the withdrawal ---------------------------------
  await page.getByRole('navigation').getByRole('link', { name: 'Toestemmingen' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Fotolijst Rupsjes — Ouderportaal' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Herkenbaar in beeld' })).toContainText('Emma de Boer');
  await page.getByRole('combobox', { name: 'Doel' }).selectOption({ label: 'Nieuwsbrieven' });
  await expect(page.getByRole('heading', { level: 2, name: 'Fotolijst Rupsjes — Nieuwsbrieven' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Niet in beeld' })).toContainText('Emma de Boer');
  await expect(page.getByRole('region', { name: 'Herkenbaar in beeld' })).not.toContainText('Emma de Boer');
  await screen(page, 'toestemmingen-fotolijst');
});

test('uitwisseling met school, gemeente (VVE) instellen, bezwaar marketing en de gepseudonimiseerde export', async ({ page, webApp }) => {
  test.setTimeout(300_000);
  await setUpLocation(page, webApp.url, LOCATION, MANAGER);
  const { household, child } = await createFamily(page);

  // ---- Written exchange consent, then the disclosure to that school is accepted -------------------
  await page.evaluate((id) => { window.location.hash = `#/kinderen/${id}?tab=toestemmingen`; }, child.id);
  await page.getByRole('button', { name: 'Toestemming uitwisseling vastleggen' }).click();
  let dialog = page.getByRole('dialog', { name: 'Toestemming uitwisseling vastleggen voor Emma' });
  await field(dialog, 'Ontvanger').fill('Basisschool De Regenboog');
  await radio(dialog, 'Soort ontvanger', 'School').check();
  await field(dialog, 'Doel').fill('Overdracht naar groep 1');
  await field(dialog, 'Welke gegevens').fill('Overdrachtsformulier en observaties');
  await field(dialog, 'Geldig tot').fill('31-12-2099');
  await dialog.getByRole('button', { name: 'Toestemming vastleggen' }).click();
  // Only written consent of the contract parent counts.
  await expect(dialog.getByText('Alleen schriftelijke toestemming van de contractouder is geldig.')).toBeVisible();
  await dialog.getByRole('checkbox', { name: 'De contractouder (Sanne de Boer) heeft schriftelijk toestemming gegeven' }).check();
  await screen(page, 'uitwisseling-vastleggen');
  await dialog.getByRole('button', { name: 'Toestemming vastleggen' }).click();
  await expect(dialog).toBeHidden();
  const exchange = page.getByRole('table', { name: 'Toestemmingen voor uitwisseling van gegevens van Emma' });
  await expect(exchange.getByRole('row').nth(1)).toContainText('Basisschool De Regenboog');
  await expect(exchange.getByRole('row').nth(1)).toContainText('Geldig');

  await page.getByRole('tab', { name: 'Verstrekkingen' }).click();
  await page.getByRole('button', { name: 'Verstrekking aan school of zorginstelling vastleggen' }).click();
  dialog = page.getByRole('dialog', { name: 'Verstrekking vastleggen voor Emma' });
  await dialog.getByRole('combobox', { name: 'Ontvanger', exact: true }).fill('Basisschool De Regenboog');
  await field(dialog, 'Welke gegevens').fill('Overdrachtsformulier');
  await dialog.getByRole('button', { name: 'Verstrekking vastleggen' }).click();
  await expect(dialog).toBeHidden();
  const childRegister = page.getByRole('table', { name: 'Verstrekkingen over Emma' });
  await expect(childRegister.getByRole('row').nth(1)).toContainText('Basisschool De Regenboog');
  await expect(childRegister.getByRole('row').nth(1)).toContainText('Schriftelijke toestemming contractouder');

  // ---- Gemeente (VVE): only the configured fields ------------------------------------------------
  await page.getByRole('navigation').getByRole('link', { name: 'Verstrekkingen' }).click();
  await page.getByRole('radio', { name: /Gemeente \(VVE\)/ }).check();
  await expect(page.getByText('Stel eerst in welke gegevens de gemeente voor VVE vraagt.')).toBeVisible();
  await page.getByRole('button', { name: 'Naar Gemeenten (VVE)' }).click();
  await page.getByRole('button', { name: 'Gemeente toevoegen' }).click();
  dialog = page.getByRole('dialog', { name: 'Gemeente toevoegen' });
  await field(dialog, 'Gemeente').fill('Vianen');
  await field(dialog, 'Gemeentelijke verordening').fill('Subsidieregeling VVE Vianen, artikel 6');
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(dialog.getByText('Kies minstens één gegeven.')).toBeVisible();
  await expect(dialog.getByRole('checkbox', { name: 'BSN betalende ouder' })).toHaveCount(0);
  for (const name of ['Voornaam kind', 'Achternaam kind', 'Geboortedatum kind', 'Postcode']) await dialog.getByRole('checkbox', { name, exact: true }).check();
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('table', { name: 'Gemeenten met hun VVE-gegevens' })).toContainText('Voornaam kind, Achternaam kind, Geboortedatum kind, Postcode');
  await dismissToast(page, 'Gemeente Vianen is opgeslagen.');
  await screen(page, 'verstrekkingen-gemeenten');

  // ---- Household page: the parents' own register lines --------------------------------------------
  await page.evaluate((id) => { window.location.hash = `#/gezinnen/${id}`; }, household.id);
  await expect(page.getByText('Er zijn geen gegevens van Sanne de Boer verstrekt.')).toBeVisible();
  await screen(page, 'gezin-verstrekkingen');

  // ---- Marketing: export, objection, export again without the address ------------------------------
  await page.getByRole('navigation').getByRole('link', { name: 'Marketing' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Marketing' })).toBeVisible();
  const exportOnce = async () => {
    const download = page.waitForEvent('download');
    await field(page, 'Advertentieplatform').fill('Meta');
    await page.getByRole('button', { name: 'Export maken' }).click();
    return fs.readFileSync(await keep(await download, 'marketing.csv'), 'utf8').replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
  };
  const sanneHash = createHash('sha256').update('sanne@example.nl').digest('hex');
  expect(await exportOnce()).toEqual(['email', sanneHash]);
  await expect(page.getByText('Het bestand bevat 1 gepseudonimiseerd e-mailadres.')).toBeVisible();

  await page.getByRole('button', { name: 'Bezwaar vastleggen' }).click();
  dialog = page.getByRole('dialog', { name: 'Bezwaar vastleggen' });
  await field(dialog, 'E-mailadres').fill(' Sanne@Example.nl ');
  await radio(dialog, 'Hoe gevraagd', 'E-mail').check();
  await dialog.getByRole('button', { name: 'Bezwaar vastleggen' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('table', { name: 'Bezwaar tegen marketing' })).toContainText('sanne@example.nl');
  expect(await exportOnce()).toEqual(['email']);
  await expect(page.getByText('Het bestand bevat 0 gepseudonimiseerde e-mailadressen.')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0); // the toasts are gone before the screenshot
  await screen(page, 'marketing');
});
