import type { Page } from '@playwright/test';
import { addGroup, api, screen, setUpLocation } from './app';
import { expect, test } from './fixtures';

/**
 * Issue 16: the portability import reached from AVG-verzoeken — the files of an exported folder,
 * a corrupt file refused at that file with nothing written, then a good export previewed and
 * imported as a new household.
 */

const LOCATION = { name: 'KDV De Zonnebloem', address: 'Dorpsstraat 12, 1234 AB Ergens', lrk: '123456789' };
const MANAGER = { name: 'Fatima el Amrani', username: 'fatima', password: 'Zeilboot-Kaneel-Vijver-42' };

/** A family exported through the API (the export is not what this spec is about): the folder's files. */
async function exportedFolder(page: Page) {
  const household = await api<{ id: string; parents: { id: string }[] }>(page, 'households.create', {
    street: 'Lindelaan',
    houseNumber: '5a',
    postcode: '1234 AB',
    city: 'Vianen',
    iban: null,
    ibanHolder: null,
    parents: [{ firstName: 'Sanne', initials: 'S.', surnamePrefix: 'de', surname: 'Boer', email: null, phone: '06 12345678', bsn: null, hasParentalAuthority: true, isContractParent: true }],
  });
  await api(page, 'children.create', { householdId: household.id, firstName: 'Zoë', initials: 'Z.', surnamePrefix: 'de', surname: 'Boer', birthDate: '2023-04-15', groupId: (await addGroup(page, 'Rupsjes')).id, bsn: null });
  const parentId = household.parents[0]!.id;
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(new Date());
  const request = await api<{ id: string }>(page, 'requests.create', { kind: 'portability', subjectType: 'parent', subjectId: parentId, requesterParentId: parentId, receivedOn: today, identityMethod: 'id_shown', description: null });
  const bundle = await api<{ files: { fileName: string; base64: string; mime: string }[] }>(page, 'requests.portabilityExport', { id: request.id });
  return bundle.files.map((f) => ({ name: f.fileName, mimeType: f.mime, buffer: Buffer.from(f.base64, 'base64') }));
}

test('portability import: a corrupt file is refused at the file, a good export arrives as a new household', async ({ page, webApp }) => {
  test.setTimeout(180_000);
  await setUpLocation(page, webApp.url, LOCATION, MANAGER);
  const files = await exportedFolder(page);
  await page.getByRole('navigation').getByRole('link', { name: 'AVG-verzoeken' }).click();
  await page.getByRole('button', { name: 'Dataportabiliteit inlezen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Dataportabiliteit inlezen als nieuw gezin' });
  const input = dialog.locator('input[type="file"]');

  const json = JSON.parse(files[0]!.buffer.toString('utf8')) as { parent: { surname: string } };
  json.parent.surname = '';
  await input.setInputFiles([{ ...files[0]!, buffer: Buffer.from(JSON.stringify(json)) }, files[1]!]);
  await expect(dialog.getByRole('alert').filter({ hasText: 'Het bestand bevat ongeldige gegevens (gezin)' })).toBeVisible();
  await expect(dialog.getByText('Inlezen kan niet')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Inlezen', exact: true })).toBeDisabled();
  await screen(page, 'dataportabiliteit-inlezen-fout');

  await input.setInputFiles(files);
  await expect(dialog.getByText('Nieuw gezin: Sanne de Boer (contractouder), Lindelaan 5a, 1234 AB Vianen.')).toBeVisible();
  await expect(dialog.getByRole('table', { name: 'Kinderen die binnenkomen' }).getByRole('cell', { name: 'Zoë de Boer' })).toBeVisible();
  await expect(dialog.getByText('Kopie om te lezen, niet apart ingelezen')).toHaveCount(files.length - 1);
  await screen(page, 'dataportabiliteit-inlezen-voorbeeld');
  await dialog.getByRole('button', { name: 'Inlezen', exact: true }).click();
  await expect(page.getByText('Het gezin is ingelezen.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: /Sanne de Boer/ })).toBeVisible();
  await screen(page, 'dataportabiliteit-ingelezen');
});
