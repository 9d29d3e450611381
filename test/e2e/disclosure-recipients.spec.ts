import { addGroup, api, field, screen, setUpLocation } from './app';
import { expect, test } from './fixtures';

/**
 * Issue 16 part 4, clicked through the real UI in web mode: a disclosure to the police on an order
 * (vordering), recorded by hand in the verstrekkingenregister with its legal basis and the order's
 * reference; without them the form says at the field what is missing and nothing is written.
 */

const LOCATION = { name: 'KDV De Zonnebloem', address: 'Dorpsstraat 12, 1234 AB Ergens', lrk: '123456789' };
const MANAGER = { name: 'Fatima el Amrani', username: 'fatima', password: 'Zeilboot-Kaneel-Vijver-42' };

test('a police disclosure: legal basis and order reference required, then in the register', async ({ page, webApp }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await setUpLocation(page, webApp.url, LOCATION, MANAGER);
  const household = await api<{ id: string }>(page, 'households.create', {
    street: 'Lindelaan',
    houseNumber: '5a',
    postcode: '1234 AB',
    city: 'Vianen',
    iban: null,
    ibanHolder: null,
    parents: [{ firstName: 'Sanne', initials: 'S.', surnamePrefix: 'de', surname: 'Boer', email: 'sanne@example.nl', phone: '06 12345678', bsn: null, hasParentalAuthority: true, isContractParent: true }],
  });
  await api(page, 'children.create', { householdId: household.id, firstName: 'Zoë', initials: 'Z.', surnamePrefix: 'de', surname: 'Boer', birthDate: '2023-04-15', groupId: (await addGroup(page, 'Rupsjes')).id, bsn: null });

  await page.getByRole('navigation').getByRole('link', { name: 'Verstrekkingen' }).click();
  await page.getByRole('tab', { name: 'Verstrekkingenregister' }).click();
  await page.getByRole('button', { name: 'Verstrekking vastleggen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Verstrekking vastleggen' });
  await expect(dialog.getByRole('combobox', { name: 'Ontvanger' })).toHaveValue('Politie of justitie');
  // The manager has meldcode access, so Veilig Thuis is offered too.
  await dialog.getByRole('combobox', { name: 'Ontvanger' }).click();
  await expect(page.getByRole('option', { name: 'Veilig Thuis', exact: true })).toBeVisible();
  await page.getByRole('option', { name: 'Politie of justitie', exact: true }).click();

  await field(dialog, 'Naam van de ontvanger').fill('Politie Eenheid Midden-Nederland');
  await dialog.getByRole('combobox', { name: 'Persoon' }).fill('Zoë');
  await page.getByRole('option', { name: /^Zoë de Boer \(kind/ }).click();
  const nameField = dialog.getByRole('checkbox', { name: /^Naam/ }).first();
  await nameField.check();
  // Without the legal basis and the order's reference: refused at those fields.
  await dialog.getByRole('button', { name: 'Vastleggen in het register' }).click();
  await expect(dialog.getByText('Vul de wettelijke grondslag van de verstrekking in.')).toBeVisible();
  await expect(dialog.getByText('Vul het kenmerk van de vordering of het bevel in.')).toBeVisible();
  expect(await api<unknown[]>(page, 'disclosures.register', {})).toEqual([]);

  await field(dialog, 'Wettelijke grondslag').fill('Vordering van de officier van justitie (art. 126nd Sv)');
  await field(dialog, 'Kenmerk van de vordering').fill('PL0900-2026-123456');
  await screen(page, 'verstrekking-vastleggen-politie-1366');
  await dialog.getByRole('button', { name: 'Vastleggen in het register' }).click();
  await expect(dialog).toHaveCount(0);

  const register = page.getByRole('table', { name: 'Verstrekkingenregister' });
  const row = register.getByRole('row').nth(1);
  await expect(row).toContainText('Politie Eenheid Midden-Nederland');
  await expect(row).toContainText('Politie of justitie');
  await expect(row).toContainText('Vordering van de officier van justitie (art. 126nd Sv)');
  await expect(row).toContainText('Kenmerk: PL0900-2026-123456');
  await expect(row).toContainText(MANAGER.name);
  await page.setViewportSize({ width: 1280, height: 720 });
  await screen(page, 'verstrekkingenregister-politie-1280');
});
