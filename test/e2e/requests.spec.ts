import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { weekdayOnOrBefore } from '../helpers/dates';
import { addGroup, api, appToday, field, screen, setUpLocation } from './app';
import { expect, test } from './fixtures';

/**
 * Issue 8, clicked through the real UI in web mode: register an access request (the other parent
 * needs the afstemming with the contract parent), make the inzageverslag and open the PDF; an
 * erasure request with its preview per category, the confirmation and the decision letter.
 * Issue 16: an employee's request from registration to the decision letter.
 */

const LOCATION = { name: 'KDV De Zonnebloem', address: 'Dorpsstraat 12, 1234 AB Ergens', lrk: '123456789' };
const MANAGER = { name: 'Fatima el Amrani', username: 'fatima', password: 'Zeilboot-Kaneel-Vijver-42' };

/** The family is not what this spec is about: it goes in through the same API the UI uses. */
async function createFamily(page: Page) {
  const household = await api<{ id: string; parents: { id: string; isContractParent: boolean }[] }>(page, 'households.create', {
    street: 'Lindelaan',
    houseNumber: '5a',
    postcode: '1234 AB',
    city: 'Vianen',
    iban: 'NL91ABNA0417164300',
    ibanHolder: 'S. de Boer',
    parents: [
      { firstName: 'Sanne', initials: 'S.', surnamePrefix: 'de', surname: 'Boer', email: 'sanne@example.nl', phone: '06 12345678', bsn: '111222333', hasParentalAuthority: true, isContractParent: true },
      { firstName: 'Joris', initials: 'J.', surnamePrefix: null, surname: 'Bakker', email: null, phone: '06 87654321', bsn: null, hasParentalAuthority: true, isContractParent: false },
    ],
  });
  const child = await api<{ id: string }>(page, 'children.create', { householdId: household.id, firstName: 'Zoë', initials: 'Z.', surnamePrefix: 'de', surname: 'Boer', birthDate: '2023-04-15', groupId: (await addGroup(page, 'Rupsjes')).id, bsn: '123456782' });
  await api(page, 'contracts.create', { childId: child.id, careType: 'dagopvang', days: ['ma', 'di'], hoursPerWeek: 18, startDate: '2025-01-06', endDate: '2027-07-31' });
  // The GGD list of the last Monday on the app's clock: a day Zoë's contract (ma, di) covers.
  const ggd = await api<{ subjectCount: number }>(page, 'disclosures.export', { params: { kind: 'ggd', date: weekdayOnOrBefore(await appToday(page), 'ma') }, format: 'csv' });
  expect(ggd.subjectCount).toBe(1);
}

/** Saves a download and returns its text as pdftotext reads it (after qpdf --check). */
async function pdfText(download: Download): Promise<string> {
  const file = await download.path();
  execFileSync('qpdf', ['--check', file]);
  expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

async function registerRequest(page: Page, kind: string, person: string, requester?: string) {
  await page.getByRole('button', { name: 'Verzoek registreren' }).click();
  const dialog = page.getByRole('dialog', { name: 'Verzoek registreren' });
  await dialog.getByRole('combobox', { name: 'Soort verzoek' }).click();
  await page.getByRole('option', { name: kind, exact: true }).click();
  await dialog.getByRole('combobox', { name: 'Over wie gaat het verzoek?' }).fill(person.split(' ')[0]!);
  await page.getByRole('option', { name: new RegExp(`^${person}`) }).click();
  if (requester) {
    await dialog.getByRole('combobox', { name: 'Verzoeker' }).click();
    await page.getByRole('option', { name: requester }).click();
  }
  await dialog.getByRole('radio', { name: /Identiteitsbewijs getoond/ }).check();
  return dialog;
}

test('access request: the other parent needs the afstemming, inzageverslag as PDF', async ({ page, webApp }) => {
  test.setTimeout(240_000);
  await setUpLocation(page, webApp.url, LOCATION, MANAGER);
  await createFamily(page);
  await page.getByRole('navigation').getByRole('link', { name: 'AVG-verzoeken' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'AVG-verzoeken' })).toBeVisible();
  await expect(page.getByText('Geen verzoeken')).toBeVisible();
  await screen(page, 'verzoeken-leeg');

  // The other parent asks about the child: the afstemming with the contract parent is required, at its fields.
  let dialog = await registerRequest(page, 'Inzage', 'Zoë de Boer', 'Joris Bakker');
  await expect(dialog.getByRole('group', { name: 'Afstemming met de contractouder' })).toBeVisible();
  await field(dialog, 'Omschrijving').fill('Vraagt per e-mail om inzage in alle gegevens van Zoë.');
  await dialog.getByRole('button', { name: 'Registreren' }).click();
  await expect(dialog.getByText('Kies de contractouder met wie het verzoek is afgestemd.')).toBeVisible();
  await expect(dialog.getByText('Datum van de afstemming is verplicht.')).toBeVisible();
  await expect(dialog.getByText('Kies hoe het verzoek met de contractouder is afgestemd.')).toBeVisible();
  await screen(page, 'verzoek-registreren-andere-ouder');
  await dialog.getByRole('button', { name: 'Annuleren' }).click();

  // The contract parent asks about herself (and so about her child).
  dialog = await registerRequest(page, 'Inzage', 'Sanne de Boer');
  await dialog.getByRole('button', { name: 'Registreren' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Inzage: Sanne de Boer' })).toBeVisible();
  await expect(page.getByTestId('request-deadline')).not.toBeEmpty();
  await screen(page, 'verzoek-inzage');

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Inzageverslag maken (PDF)' }).click();
  const report = await downloading;
  expect(report.suggestedFilename()).toMatch(/^inzage-avg-[0-9a-f]{8}\.pdf$/);
  const text = await pdfText(report);
  for (const heading of ['Uw persoonsgegevens', 'Ontvangers', 'Bewaartermijnen per categorie', 'Uw rechten', 'Klacht bij de Autoriteit Persoonsgegevens', 'Herkomst van de gegevens']) expect(text).toContain(heading);
  expect(text).toContain('GGD (inspectie), over Zoë de Boer');
  expect(text).not.toContain('Joris');

  await page.getByRole('button', { name: 'Afhandelen' }).click();
  const closing = page.getByRole('dialog', { name: 'Verzoek afhandelen' });
  await closing.getByRole('button', { name: 'Afhandelen' }).click();
  await expect(closing).toBeHidden();
  await expect(page.getByText('Toegewezen', { exact: true })).toBeVisible();
  const letter = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Besluitbrief (PDF)' }).click();
  expect(await pdfText(await letter)).toContain('Wij hebben uw verzoek toegewezen.');
});

test('erasure request: preview per category, confirmation, letter with the 7-year rule', async ({ page, webApp }) => {
  test.setTimeout(240_000);
  await setUpLocation(page, webApp.url, LOCATION, MANAGER);
  await createFamily(page);
  await page.getByRole('navigation').getByRole('link', { name: 'AVG-verzoeken' }).click();
  const dialog = await registerRequest(page, 'Verwijdering', 'Sanne de Boer');
  await dialog.getByRole('button', { name: 'Registreren' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Verwijdering: Sanne de Boer' })).toBeVisible();

  await page.getByRole('button', { name: 'Verwijdering voorbereiden' }).click();
  const preview = page.getByRole('dialog', { name: 'Verwijdering: Sanne de Boer' });
  const rows = preview.getByRole('row');
  await expect(rows.filter({ hasText: 'Naam, voorletters en adres' })).toContainText('tot 31-07-2034');
  await expect(rows.filter({ hasText: 'Naam, voorletters en adres' })).toContainText('7 jaar na einde van het laatste contract');
  await expect(rows.filter({ hasText: 'E-mailadres en telefoonnummer' })).toContainText('tot 31-10-2027');
  await expect(rows.filter({ hasText: 'Gebruik van uw e-mailadres voor marketing' })).toContainText('Wordt verwijderd');
  await screen(page, 'verzoek-verwijdering-voorbeeld');

  await preview.getByRole('button', { name: 'Verwijdering uitvoeren' }).click();
  await expect(preview.getByRole('alert')).toContainText('1 categorie wordt definitief verwijderd');
  await preview.getByRole('button', { name: 'Ja, definitief verwijderen' }).click();
  await expect(preview).toBeHidden();
  await expect(page.getByText('Deels toegewezen')).toBeVisible();
  await expect(page.getByText('GGD (inspectie) informeren')).toHaveCount(0);
  await screen(page, 'verzoek-verwijdering-afgehandeld');

  const letter = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Besluitbrief (PDF)' }).click();
  const text = await pdfText(await letter);
  expect(text).toContain('Wat wij nog bewaren, waarom en tot wanneer');
  expect(text).toContain('7 jaar na einde van het laatste contract; bewaard tot 31-07-2034');
  expect(text).toContain('Autoriteit Persoonsgegevens');

  await page.getByRole('link', { name: '← Alle verzoeken' }).click();
  await page.getByText('Afgehandeld', { exact: true }).click(); // SegmentedControl: the label is what one clicks
  await expect(page.getByRole('link', { name: 'Verwijdering' })).toBeVisible();
  await screen(page, 'verzoeken-afgehandeld');
});

test('an employee asks for access: registration, inzageverslag and decision letter', async ({ page, webApp }) => {
  test.setTimeout(240_000);
  await setUpLocation(page, webApp.url, LOCATION, MANAGER);
  await api(page, 'employees.save', {
    firstName: 'Ilse', surnamePrefix: 'van', surname: 'Dijk', address: 'Lindelaan 3, Vianen', email: 'ilse@voorbeeld.nl', phone: null,
    position: 'Pedagogisch medewerker', employmentStart: '2019-03-01', employmentEnd: null, labourDispute: false,
  });
  await page.getByRole('navigation').getByRole('link', { name: 'AVG-verzoeken' }).click();
  await page.getByRole('button', { name: 'Verzoek registreren' }).click();
  const dialog = page.getByRole('dialog', { name: 'Verzoek registreren' });
  await dialog.getByRole('combobox', { name: 'Soort verzoek' }).click();
  await page.getByRole('option', { name: 'Inzage', exact: true }).click();
  await dialog.getByRole('combobox', { name: 'Soort betrokkene' }).click();
  await page.getByRole('option', { name: 'Medewerker', exact: true }).click();
  await dialog.getByRole('combobox', { name: 'Over wie gaat het verzoek?' }).fill('Ilse');
  await page.getByRole('option', { name: 'Ilse van Dijk (Pedagogisch medewerker)' }).click();
  // An employee asks for themself: no requester to choose.
  await expect(dialog.getByRole('combobox', { name: 'Verzoeker' })).toHaveCount(0);
  await dialog.getByRole('radio', { name: /Persoonlijk bekend/ }).check();
  await screen(page, 'verzoek-registreren-medewerker');
  await dialog.getByRole('button', { name: 'Registreren' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Inzage: Ilse van Dijk' })).toBeVisible();
  await expect(page.getByText('Ilse van Dijk (medewerker)')).toBeVisible();
  await screen(page, 'verzoek-inzage-medewerker');

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Inzageverslag maken (PDF)' }).click();
  const text = await pdfText(await downloading);
  expect(text).toContain('Ilse van Dijk');
  expect(text).toContain('Pedagogisch medewerker');
  expect(text).toContain('Uw rechten');

  await page.getByRole('button', { name: 'Afhandelen' }).click();
  const closing = page.getByRole('dialog', { name: 'Verzoek afhandelen' });
  await closing.getByRole('button', { name: 'Afhandelen' }).click();
  await expect(closing).toBeHidden();
  await expect(page.getByText('Toegewezen', { exact: true })).toBeVisible();
  const letter = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Besluitbrief (PDF)' }).click();
  const letterText = await pdfText(await letter);
  expect(letterText).toContain('Ilse van Dijk');
  expect(letterText).toContain('Wij hebben uw verzoek toegewezen.');
});

test('an objection (bezwaar, art. 21): the processings on legitimate interest, a refusal needs reasons at the field, the reasons in the letter', async ({ page, webApp }) => {
  test.setTimeout(240_000);
  await setUpLocation(page, webApp.url, LOCATION, MANAGER);
  const ilse = await api<{ id: string }>(page, 'employees.save', {
    firstName: 'Ilse', surnamePrefix: 'van', surname: 'Dijk', address: 'Lindelaan 3, Vianen', email: 'ilse@voorbeeld.nl', phone: null,
    position: 'Pedagogisch medewerker', employmentStart: '2019-03-01', employmentEnd: '2024-06-30', labourDispute: true,
  });
  await api(page, 'holds.place', { subjectType: 'employee', subjectId: ilse.id, reasonKind: 'legal_claim', reason: 'Procedure bij de kantonrechter', reviewDate: '2030-06-01' });
  await page.getByRole('navigation').getByRole('link', { name: 'AVG-verzoeken' }).click();
  await page.getByRole('button', { name: 'Verzoek registreren' }).click();
  const register = page.getByRole('dialog', { name: 'Verzoek registreren' });
  await register.getByRole('combobox', { name: 'Soort verzoek' }).click();
  await page.getByRole('option', { name: 'Bezwaar (AVG art. 21)', exact: true }).click();
  await register.getByRole('combobox', { name: 'Soort betrokkene' }).click();
  await page.getByRole('option', { name: 'Medewerker', exact: true }).click();
  await register.getByRole('combobox', { name: 'Over wie gaat het verzoek?' }).fill('Ilse');
  await page.getByRole('option', { name: 'Ilse van Dijk (Pedagogisch medewerker)' }).click();
  await register.getByRole('radio', { name: /Identiteitsbewijs getoond/ }).check();
  await register.getByRole('button', { name: 'Registreren' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bezwaar (AVG art. 21): Ilse van Dijk' })).toBeVisible();

  await page.getByRole('button', { name: 'Bezwaar beoordelen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Bezwaar beoordelen' });
  // The processing comes from the data map: the blokkade rests on legitimate interest.
  const hold = dialog.getByRole('group', { name: /Blokkades op vernietiging/ });
  await expect(hold).toBeVisible();
  await expect(hold.getByText(/Bij honoreren: De blokkades op de vernietiging van uw gegevens zijn opgeheven/)).toBeVisible();
  await hold.getByRole('radio', { name: 'Afgewezen' }).check();
  await dialog.getByRole('button', { name: 'Besluit vastleggen' }).click();
  await expect(dialog.getByText('Vermeld waarom het bezwaar is afgewezen (de dwingende gerechtvaardigde gronden); dit komt in de brief.')).toBeVisible();
  await screen(page, 'verzoek-bezwaar-afwijzen');
  await field(dialog, 'Redenen van de afwijzing').fill('De gegevens zijn nodig voor de lopende procedure bij de kantonrechter (rechtsvordering, AVG artikel 21 lid 1).');
  await dialog.getByRole('button', { name: 'Besluit vastleggen' }).click();
  await expect(dialog).toBeHidden();

  const decided = page.getByRole('table', { name: 'Besluit per verwerking waartegen bezwaar is gemaakt' });
  await expect(decided).toContainText('Afgewezen');
  await expect(decided).toContainText('lopende procedure bij de kantonrechter');
  await screen(page, 'verzoek-bezwaar-afgehandeld');

  const letter = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Besluitbrief (PDF)' }).click();
  const text = await pdfText(await letter);
  expect(text).toContain('Wij hebben uw verzoek afgewezen.');
  expect(text).toContain('bezwaar afgewezen. Onze redenen: De gegevens zijn nodig voor de lopende procedure bij de kantonrechter');
  expect(text).toContain('Autoriteit Persoonsgegevens');
});
