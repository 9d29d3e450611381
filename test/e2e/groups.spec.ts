import { api, field, pick, screen, setUpLocation } from './app';
import { expect, test } from './fixtures';

/**
 * Issue 17: groups as a managed list. A new location has no groups: the child form says so and
 * links to Groepen; the manager adds a group there (a typo of an existing name is refused at the
 * field), picks it in the child form, and renames it in one place — the child shows the new name.
 */
const LOCATION = { name: 'KDV De Zonnebloem', address: 'Dorpsstraat 12, 1234 AB Ergens', lrk: '123456789' };
const MANAGER = { name: 'Fatima el Amrani', username: 'fatima', password: 'Zeilboot-Kaneel-Vijver-42' };
const HOUSEHOLD = {
  street: 'Lindelaan',
  houseNumber: '5a',
  postcode: '1234 AB',
  city: 'Vianen',
  iban: null,
  ibanHolder: null,
  parents: [{ firstName: 'Sanne', initials: 'S.', surnamePrefix: 'de', surname: 'Boer', email: null, phone: '06 12345678', bsn: null, hasParentalAuthority: true, isContractParent: true }],
};

for (const size of [
  { width: 1366, height: 768 },
  { width: 1280, height: 720 },
]) {
  test(`Groepen ${size.width}×${size.height}: empty list points to Groepen, a typo makes no second group, a child picks its group, a rename shows on the child`, async ({ page, webApp }) => {
    test.setTimeout(150_000);
    await page.setViewportSize(size);
    const tag = `${size.width}x${size.height}`;
    await setUpLocation(page, webApp.url, LOCATION, MANAGER);
    const household = await api<{ id: string }>(page, 'households.create', HOUSEHOLD);

    // A new location: the child form's group field says there are no groups and links to Groepen.
    await page.evaluate((id) => { window.location.hash = `#/gezinnen/${id}`; }, household.id);
    await page.getByRole('button', { name: 'Kind toevoegen' }).click();
    const addChild = page.getByRole('dialog', { name: 'Kind toevoegen' });
    await expect(addChild.getByText('Er zijn nog geen groepen.')).toBeVisible();
    await screen(page, `groepen-${tag}-kind-zonder-groepen`);
    await addChild.getByRole('link', { name: 'Voeg ze toe op de pagina Groepen.' }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Groepen' })).toBeVisible();
    await expect(page.getByText('Nog geen groepen')).toBeVisible();
    const nav = page.getByRole('navigation');
    await expect(nav.getByRole('link', { name: 'Groepen', exact: true })).toHaveAttribute('aria-current', 'page');

    // Add "Dreumesen"; then "dreumesen " is refused at the name field.
    const addGroup = async (name: string) => {
      await page.getByRole('button', { name: 'Groep toevoegen' }).click();
      const dialog = page.getByRole('dialog', { name: 'Groep toevoegen' });
      await field(dialog, 'Naam').fill(name);
      await dialog.getByRole('radio', { name: 'Dagopvang' }).check();
      await field(dialog, 'Leeftijd vanaf (maanden)').fill('12');
      await field(dialog, 'Leeftijd tot (maanden)').fill('30');
      await field(dialog, 'Aantal plaatsen').fill('12');
      return dialog;
    };
    let dialog = await addGroup('Dreumesen');
    await screen(page, `groepen-${tag}-toevoegen`);
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await expect(dialog).toBeHidden();
    const table = page.getByRole('table', { name: 'Groepen van de locatie' });
    await expect(table.getByRole('row', { name: /Dreumesen/ })).toContainText('12 tot 30 maanden');

    dialog = await addGroup('dreumesen ');
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await expect(field(dialog, 'Naam')).toHaveAccessibleDescription('Er is al een groep “Dreumesen”. Kies die groep of een andere naam.');
    await screen(page, `groepen-${tag}-dubbele-naam`);
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    await expect(table.getByRole('row')).toHaveCount(2);

    // The child form picks the group from the list.
    await page.evaluate((id) => { window.location.hash = `#/gezinnen/${id}`; }, household.id);
    await page.getByRole('button', { name: 'Kind toevoegen' }).click();
    await field(addChild, 'Voornaam').fill('Emma');
    await field(addChild, 'Geboortedatum').fill('12-03-2025');
    await addChild.getByRole('button', { name: 'Kind toevoegen' }).click();
    await expect(addChild.getByRole('combobox', { name: 'Groep' })).toHaveAccessibleDescription(/Kies een groep\./);
    await pick(addChild, 'Groep', 'Dreumesen');
    await addChild.getByRole('button', { name: 'Kind toevoegen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Emma de Boer' })).toBeVisible();
    await expect(page.getByText(/Groep Dreumesen · geboren op/)).toBeVisible();

    // The fotolijst lists the group's children with the allergy marker (only that allergies are recorded).
    const emma = (await api<{ rows: { id: string }[] }>(page, 'children.list', {})).rows[0]!;
    await api(page, 'contracts.create', { childId: emma.id, careType: 'dagopvang', days: ['ma', 'di'], hoursPerWeek: 16, startDate: '2025-09-01', endDate: null });
    await api(page, 'medical.update', { childId: emma.id, allergies: 'Pinda', diet: null, medication: null, otherParticulars: null });
    await nav.getByRole('link', { name: 'Toestemmingen', exact: true }).click();
    await expect(page.getByRole('combobox', { name: 'Groep' })).toHaveValue(/.+/);
    const roster = page.getByRole('region', { name: 'Niet in beeld' }).or(page.locator('section', { hasText: 'Emma de Boer' }).last());
    await expect(roster.getByText('Emma de Boer')).toBeVisible();
    await expect(roster.getByText('Allergie', { exact: false }).first()).toBeVisible();
    await expect(page.getByText('Pinda')).toHaveCount(0);
    await screen(page, `groepen-${tag}-fotolijst`);

    // Rename in one place: the child shows the new name.
    await nav.getByRole('link', { name: 'Groepen', exact: true }).click();
    await expect(table.getByRole('row', { name: /Dreumesen/ })).toContainText('1 van 12');
    await page.getByRole('button', { name: 'Groep Dreumesen wijzigen' }).click();
    const edit = page.getByRole('dialog', { name: 'Groep Dreumesen wijzigen' });
    await expect(edit.getByText('Een nieuwe naam geldt meteen voor het kind in deze groep.')).toBeVisible();
    await field(edit, 'Naam').fill('Dreumesen Oost');
    await edit.getByRole('button', { name: 'Opslaan' }).click();
    await expect(table.getByRole('row', { name: /Dreumesen Oost/ })).toBeVisible();
    await screen(page, `groepen-${tag}-lijst`);
    await table.getByRole('link', { name: '1 van 12' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Kinderen' })).toBeVisible();
    await expect(page.getByRole('row', { name: /Emma de Boer/ })).toContainText('Dreumesen Oost');

    // A group with a child is archived, not deleted.
    await nav.getByRole('link', { name: 'Groepen', exact: true }).click();
    await page.getByRole('button', { name: 'Archiveren' }).click();
    const confirm = page.getByRole('dialog', { name: 'Groep Dreumesen Oost archiveren?' });
    await expect(confirm).toContainText('Er zit nog 1 kind in deze groep.');
    await confirm.getByRole('button', { name: 'Archiveren' }).click();
    await expect(table.getByRole('row', { name: /Dreumesen Oost/ })).toContainText('Gearchiveerd');
  });
}
