import type { Page } from '@playwright/test';
import { addGroup, field, pick, screen, setUpLocation } from './app';
import { nlDate } from '../../shared/domain/dates';
import { expect, test } from './fixtures';

/**
 * Issue 3, clicked through the real UI in web mode:
 * gezin with a wrong BSN (error at the field) → fixed → BSN-controle → kind with allergies →
 * contract started and ended (confirm, dossier task) → "mag niet ophalen" warning → overzicht:
 * confirm the paper dossier destroyed → Kinderen list → header search by partial name;
 * wachtlijst: register a request and place it (pre-filled form); a pedagogisch medewerker's view.
 */

const LOCATION = { name: 'KDV De Zonnebloem', address: 'Dorpsstraat 12, 1234 AB Ergens', lrk: '123456789' };
const MANAGER = { name: 'Fatima el Amrani', username: 'fatima', password: 'Zeilboot-Kaneel-Vijver-42' };
const STAFF = { name: 'Pieter de Vries', username: 'pieter', temporary: 'Kastanje-Lamp-Rivier-7', own: 'Hoge-Duinen-Wolkendek-93' };

/** A text input by its accessible name (Mantine's required asterisk is aria-hidden). */

/** Today and other days in the location's calendar (YYYY-MM-DD); the UI shows and takes them as dd-mm-jjjj. */
function isoDay(offsetDays = 0): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(new Date(Date.now() + offsetDays * 86_400_000));
}



/** A household with one contract parent (after a wrong BSN first), then its first child. */
async function createFamily(page: Page, { checkScreens }: { checkScreens: boolean }) {
  // The child's group is picked from the Groepen list (groups.spec clicks that page itself).
  await addGroup(page, 'Rupsjes');
  await addGroup(page, 'Vlinders');
  const nav = page.getByRole('navigation');
  await nav.getByRole('link', { name: 'Kinderen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kinderen' })).toBeVisible();
  await expect(page.getByText('Nog geen kinderen')).toBeVisible();
  await page.getByRole('link', { name: 'Nieuw gezin' }).first().click();

  await expect(page.getByRole('heading', { level: 1, name: 'Nieuw gezin' })).toBeVisible();
  await field(page, 'Straat').fill('Lindelaan');
  await field(page, 'Huisnummer').fill('5a');
  await field(page, 'Postcode').fill('1234ab');
  await field(page, 'Plaats').fill('Vianen');
  await field(page, 'IBAN').fill('nl91 abna 0417 1643 00');
  await field(page, 'Tenaamstelling').fill('S. de Boer');
  const parent = page.getByRole('group', { name: 'Ouder of verzorger 1' });
  await field(parent, 'Voornaam').fill('Sanne');
  await field(parent, 'Voorletters').fill('S.');
  await field(parent, 'Tussenvoegsel').fill('de');
  await field(parent, 'Achternaam').fill('Boer');
  await field(parent, 'E-mailadres').fill('sanne@example.nl');
  await field(parent, 'Telefoon').fill('06 12345678');
  await field(parent, 'BSN').fill('123456789'); // fails the elfproef
  await expect(parent.getByRole('checkbox', { name: /Ouderlijk gezag/ })).toBeChecked();
  await expect(parent.getByRole('radio', { name: /Contractouder/ })).toBeChecked();
  await page.getByRole('button', { name: 'Gezin opslaan' }).click();

  const bsn = field(parent, 'BSN');
  await expect(bsn).toHaveAttribute('aria-invalid', 'true');
  await expect(bsn).toHaveAccessibleDescription(/Dit BSN klopt niet: de controle op de cijfers \(elfproef\) mislukt/);
  await expect(bsn).toBeFocused();
  if (checkScreens) await screen(page, 'gezin-nieuw-fout');

  await bsn.fill('111222333');
  await page.getByRole('button', { name: 'Gezin opslaan' }).click();

  // ---- Gezin ------------------------------------------------------------------------------------
  await expect(page.getByRole('heading', { level: 1, name: 'Gezin Sanne de Boer' })).toBeVisible();
  await expect(page.getByText('Lindelaan 5a, 1234 AB Vianen')).toBeVisible(); // postcode normalised by the backend
  await expect(page.getByText('NL91 ABNA 0417 1643 00')).toBeVisible();
  const sanne = page.getByRole('article', { name: 'Sanne de Boer' });
  await expect(sanne.getByText('••••••333')).toBeVisible();
  await expect(sanne.getByText('BSN-controle ontbreekt')).toBeVisible();
  await expect(sanne.getByText('111222333')).toHaveCount(0);

  await sanne.getByRole('button', { name: 'BSN-controle vastleggen voor Sanne de Boer' }).click();
  const check = page.getByRole('dialog', { name: 'BSN-controle vastleggen voor Sanne de Boer' });
  await expect(check).toContainText('We slaan nooit een documentnummer of kopie op');
  await check.getByRole('radio', { name: 'ID-bewijs van de ouder' }).check();
  await check.getByRole('button', { name: 'BSN-controle vastleggen' }).click();
  await expect(check).toBeHidden();
  await expect(sanne.getByText(`op ${nlDate(isoDay())} met ID-bewijs van de ouder, door ${MANAGER.name}`)).toBeVisible();

  // "Tonen" shows the full BSN (audited) and masks it again after 30 seconds.
  await sanne.getByRole('button', { name: 'BSN van Sanne de Boer tonen' }).click();
  await expect(sanne.getByText('111222333')).toBeVisible();
  await expect(sanne.getByText(/Wordt over \d+ seconden weer verborgen/)).toBeVisible();
  await sanne.getByRole('button', { name: 'Verbergen' }).click();
  await expect(sanne.getByText('111222333')).toHaveCount(0);
  if (checkScreens) await screen(page, 'gezin');

  // ---- Kind toevoegen ----------------------------------------------------------------------------
  await page.getByRole('button', { name: 'Kind toevoegen' }).click();
  const addChild = page.getByRole('dialog', { name: 'Kind toevoegen' });
  await field(addChild, 'Voornaam').fill('Emma');
  await expect(field(addChild, 'Achternaam')).toHaveValue('Boer');
  await expect(field(addChild, 'Tussenvoegsel')).toHaveValue('de');
  await field(addChild, 'Geboortedatum').fill('12-03-2023');
  await pick(addChild, 'Groep', 'Rupsjes');
  await addChild.getByRole('button', { name: 'Kind toevoegen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Emma de Boer' })).toBeVisible();
  await expect(page.getByText('Groep Rupsjes · geboren op 12-03-2023')).toBeVisible();
}

test('gezin, kind, medische gegevens, contract en dossiertaak, mag niet ophalen, zoeken', async ({ page, webApp }) => {
  test.setTimeout(180_000);
  await setUpLocation(page, webApp.url, LOCATION, MANAGER);
  await createFamily(page, { checkScreens: true });

  // ---- Medische gegevens en bijzonderheden: read only when the tab opens ------------------------------
  await page.getByRole('tab', { name: 'Medische gegevens en bijzonderheden' }).click();
  await expect(page.getByText(/^Inzien wordt vastgelegd/)).toBeVisible();
  await page.getByRole('button', { name: 'Wijzigen', exact: true }).click();
  await page.getByRole('textbox', { name: 'Allergieën' }).fill("Pinda's (EpiPen in de tas)");
  await page.getByRole('textbox', { name: 'Dieet' }).fill('Geen koemelk');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByText("Pinda's (EpiPen in de tas)")).toBeVisible();
  await expect(page.getByText('Geen koemelk')).toBeVisible();

  // ---- Contract: start, then end it (confirm; the dossier task) -------------------------------------
  await page.getByRole('tab', { name: 'Contracten' }).click();
  await expect(page.getByText('Dit kind heeft nog geen contract.')).toBeVisible();
  await page.getByRole('button', { name: 'Contract toevoegen' }).click();
  const add = page.getByRole('dialog', { name: 'Contract toevoegen' });
  await add.getByRole('radio', { name: 'Dagopvang' }).check();
  for (const day of ['Maandag', 'Dinsdag', 'Donderdag']) await add.getByRole('checkbox', { name: day }).check();
  await field(add, 'Uren per week').fill('27');
  await field(add, 'Begindatum').fill(nlDate(isoDay(-60)));
  await add.getByRole('button', { name: 'Contract toevoegen' }).click();
  await expect(add).toBeHidden();
  const row = page.getByRole('row', { name: /Dagopvang/ });
  await expect(row).toContainText('ma, di, do');
  await expect(row).toContainText('27 uur');
  await expect(row).toContainText('Actief');

  const endDate = isoDay(14);
  await row.getByRole('button', { name: /beëindigen$/ }).click();
  const end = page.getByRole('dialog', { name: 'Contract van Emma beëindigen' });
  await expect(end).toContainText('Papieren kinddossier vernietigen');
  await field(end, 'Einddatum').fill(nlDate(endDate));
  await end.getByRole('button', { name: 'Contract beëindigen' }).click();
  await expect(end).toBeHidden();
  await expect(row).toContainText(nlDate(endDate));
  await expect(page.getByText('De taak "Papieren kinddossier vernietigen" staat op het overzicht.')).toBeVisible();

  // ---- Ophalen: an ophaalpersoon, "mag niet ophalen" with its basis, an identification -----------------
  await page.getByRole('tab', { name: 'Ophalen' }).click();
  await page.getByRole('button', { name: 'Ophaalpersoon toevoegen' }).click();
  const person = page.getByRole('dialog', { name: 'Ophaalpersoon toevoegen' });
  await field(person, 'Naam').fill('Riet de Boer');
  await field(person, 'Relatie tot het kind').fill('Oma');
  await field(person, 'Telefoon').fill('06 11223344');
  await person.getByRole('button', { name: 'Toevoegen' }).click();
  await expect(page.getByRole('row', { name: /Riet de Boer/ })).toContainText('Oma');

  await page.getByRole('button', { name: 'Mag niet ophalen: persoon toevoegen' }).click();
  const ban = page.getByRole('dialog', { name: 'Persoon die Emma niet mag ophalen' });
  await field(ban, 'Naam').fill('Kees Jansen');
  await ban.getByRole('button', { name: 'Vastleggen' }).click();
  await expect(field(ban, 'Grondslag')).toHaveAccessibleDescription(/is verplicht/); // a basis is required
  await field(ban, 'Grondslag').fill('Beschikking rechtbank Utrecht, zaaknummer C/16/123456');
  await field(ban, 'Datum grondslag').fill('12-03-2026');
  await ban.getByRole('button', { name: 'Vastleggen' }).click();
  await expect(ban).toBeHidden();

  await page.getByRole('button', { name: 'Identificatie vastleggen' }).click();
  const identify = page.getByRole('dialog', { name: 'Identificatie vastleggen bij het ophalen van Emma' });
  await expect(identify).toContainText('Noteer nooit het documentnummer');
  await field(identify, 'Naam ophaler').fill('Riet de Boer');
  await identify.getByRole('radio', { name: /^ID getoond/ }).check();
  await identify.getByRole('radio', { name: 'Rijbewijs' }).check();
  await identify.getByRole('button', { name: 'Vastleggen' }).click();
  await expect(identify).toBeHidden();
  await expect(page.getByRole('row', { name: /Riet de Boer.*ID getoond \(Rijbewijs\)/ })).toBeVisible();

  // The warning sits at the top of the child's page, above the name.
  const warning = page.getByRole('alert').filter({ hasText: 'Let op: Emma mag niet worden opgehaald door' });
  await expect(warning).toContainText('Kees Jansen');
  await expect(warning).toContainText('Beschikking rechtbank Utrecht');
  const warningBox = await warning.boundingBox();
  const titleBox = await page.getByRole('heading', { level: 1, name: 'Emma de Boer' }).boundingBox();
  expect(warningBox!.y).toBeLessThan(titleBox!.y);
  await screen(page, 'kind');

  // ---- Overzicht: the paper dossier task, confirmed ----------------------------------------------------
  await page.getByRole('navigation').getByRole('link', { name: 'Overzicht' }).click();
  const dossiers = page.getByRole('region', { name: /Papieren kinddossier vernietigen/ });
  await expect(dossiers.getByRole('link', { name: 'Emma de Boer' })).toBeVisible();
  await expect(dossiers).toContainText(new RegExp(`Te vernietigen (sinds|vanaf) ${nlDate(endDate)}`));
  await expect(page.getByRole('region', { name: 'Contracten die binnen 30 dagen eindigen' })).toContainText('Emma de Boer');
  await expect(page.getByRole('region', { name: /BSN-controles/ })).toContainText('Emma de Boer');
  await expect(page.getByRole('region', { name: 'Per groep' }).getByRole('row', { name: /Rupsjes/ })).toContainText('1');
  await screen(page, 'overzicht-taken');

  await dossiers.getByRole('button', { name: 'Papieren kinddossier van Emma de Boer vernietigd — bevestigen' }).click();
  const confirm = page.getByRole('dialog', { name: 'Vernietiging bevestigen' });
  await expect(confirm).toContainText('Uw naam en het tijdstip worden vastgelegd');
  await confirm.getByRole('button', { name: 'Ja, vernietigd' }).click();
  await expect(confirm).toBeHidden();
  await expect(dossiers).toContainText('Er zijn geen papieren dossiers te vernietigen.');

  // ---- Kinderen ---------------------------------------------------------------------------------------
  await page.getByRole('navigation').getByRole('link', { name: 'Kinderen' }).click();
  const list = page.getByRole('table', { name: 'Kinderen van deze locatie' });
  const emma = list.getByRole('row', { name: /Emma de Boer/ });
  await expect(emma).toContainText('12-03-2023');
  await expect(emma).toContainText('Rupsjes');
  await expect(emma).toContainText('Actief');
  await expect(emma).toContainText('Sanne de Boer');
  await screen(page, 'kinderen');

  // ---- Header search: a partial name, Enter opens the child ------------------------------------------------
  const search = page.getByRole('combobox', { name: 'Zoeken naar een kind of ouder' });
  await search.fill('emm');
  await expect(page.getByRole('option', { name: /Emma de Boer, 12-03-2023 · Rupsjes/ })).toBeVisible();
  await screen(page, 'zoeken');
  await search.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Emma de Boer' })).toBeVisible();
  await expect(search).toHaveValue('');

  // A parent by postcode opens the household.
  await search.fill('1234 ab');
  await page.getByRole('option', { name: /Sanne de Boer, Ouder · 1234 AB/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Gezin Sanne de Boer' })).toBeVisible();
});

test('wachtlijst: aanvraag registreren en plaatsen met een vooraf ingevuld formulier', async ({ page, webApp }) => {
  test.setTimeout(120_000);
  await setUpLocation(page, webApp.url, LOCATION, MANAGER);
  await addGroup(page, 'Vlinders');
  await page.getByRole('navigation').getByRole('link', { name: 'Wachtlijst' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Wachtlijst' })).toBeVisible();
  await expect(page.getByText('Er staan geen open aanvragen op de wachtlijst.')).toBeVisible();

  await page.getByRole('button', { name: 'Aanvraag registreren' }).click();
  const form = page.getByRole('dialog', { name: 'Aanvraag registreren' });
  await field(form, 'Naam ouder').fill('Lotte van der Meer');
  await field(form, 'E-mailadres').fill('lotte@example.nl');
  await field(form, 'Voornaam kind').fill('Mees');
  await field(form, 'Achternaam kind').fill('van der Meer');
  await field(form, 'Geboortedatum').fill('01-06-2025');
  await form.getByRole('radio', { name: 'Dagopvang' }).check();
  await form.getByRole('checkbox', { name: 'Maandag' }).check();
  await form.getByRole('checkbox', { name: 'Woensdag' }).check();
  const start = isoDay(30);
  await field(form, 'Gewenste begindatum').fill(nlDate(start));
  await field(form, 'Opmerkingen').fill('Liefst in de groep van zijn neefje.');
  await form.getByRole('button', { name: 'Aanvraag registreren' }).click();
  await expect(form).toBeHidden();
  const row = page.getByRole('row', { name: /Mees van der Meer/ });
  await expect(row).toContainText('Lotte van der Meer');
  await expect(row).toContainText('ma, wo');
  await screen(page, 'wachtlijst');

  // ---- Plaatsen: what the request said is filled in already -------------------------------------------
  await row.getByRole('link', { name: 'Aanvraag voor Mees van der Meer plaatsen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Plaatsen vanaf de wachtlijst' })).toBeVisible();
  const parent = page.getByRole('group', { name: 'Ouder of verzorger 1' });
  await expect(field(parent, 'Voornaam')).toHaveValue('Lotte');
  await expect(field(parent, 'Tussenvoegsel')).toHaveValue('van der');
  await expect(field(parent, 'Achternaam')).toHaveValue('Meer');
  await expect(field(parent, 'E-mailadres')).toHaveValue('lotte@example.nl');
  const child = page.getByRole('region', { name: 'Kind', exact: true });
  await expect(field(child, 'Voornaam')).toHaveValue('Mees');
  await expect(field(child, 'Tussenvoegsel')).toHaveValue('van der');
  await expect(field(child, 'Achternaam')).toHaveValue('Meer');
  await expect(field(child, 'Geboortedatum')).toHaveValue('01-06-2025');
  const contract = page.getByRole('region', { name: 'Contract', exact: true });
  await expect(contract.getByRole('radio', { name: 'Dagopvang' })).toBeChecked();
  await expect(contract.getByRole('checkbox', { name: 'Maandag' })).toBeChecked();
  await expect(contract.getByRole('checkbox', { name: 'Woensdag' })).toBeChecked();
  await expect(contract.getByRole('checkbox', { name: 'Dinsdag' })).not.toBeChecked();
  await expect(field(contract, 'Begindatum')).toHaveValue(nlDate(start));

  // Only what is missing: the address, the group and the hours.
  await page.getByRole('button', { name: 'Plaatsen' }).click();
  await expect(field(page, 'Straat')).toHaveAccessibleDescription(/Straat is verplicht/);
  await field(page, 'Straat').fill('Kerkstraat');
  await field(page, 'Huisnummer').fill('1');
  await field(page, 'Postcode').fill('3511 AB');
  await field(page, 'Plaats').fill('Utrecht');
  await pick(child, 'Groep', 'Vlinders');
  await field(contract, 'Uren per week').fill('18');
  await screen(page, 'plaatsen');
  await page.getByRole('button', { name: 'Plaatsen' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Mees van der Meer' })).toBeVisible();
  await expect(page.getByText('Groep Vlinders · geboren op 01-06-2025')).toBeVisible();
  await page.getByRole('tab', { name: 'Contracten' }).click();
  await expect(page.getByRole('row', { name: /Dagopvang/ })).toContainText('Gepland');

  await page.getByRole('navigation').getByRole('link', { name: 'Wachtlijst' }).click();
  await expect(page.getByText('Er staan geen open aanvragen op de wachtlijst.')).toBeVisible();
  await page.getByText('Geplaatst', { exact: true }).click(); // SegmentedControl: the label is what one clicks
  await expect(page.getByRole('row', { name: /Mees van der Meer/ })).toContainText('Geplaatst');
});

test('pedagogisch medewerker: geen cijfer van het BSN, allergieën, dieet en medicatie maar geen overige bijzonderheden, wel identificatie vastleggen', async ({ page, webApp }) => {
  test.setTimeout(150_000);
  await setUpLocation(page, webApp.url, LOCATION, MANAGER);
  await createFamily(page, { checkScreens: false });
  await page.getByRole('tab', { name: 'Medische gegevens en bijzonderheden' }).click();
  await page.getByRole('button', { name: 'Wijzigen', exact: true }).click();
  await page.getByRole('textbox', { name: 'Allergieën' }).fill('Noten');
  await page.getByRole('textbox', { name: 'Medicatie' }).fill('Ventolin bij benauwdheid');
  await page.getByRole('textbox', { name: 'Overige bijzonderheden' }).fill('Gesprek met jeugdarts gepland');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await expect(page.getByText('Ventolin bij benauwdheid')).toBeVisible();
  await expect(page.getByText('Gesprek met jeugdarts gepland')).toBeVisible();

  // A staff account, through the Gebruikers page.
  await page.getByRole('navigation').getByRole('link', { name: 'Gebruikers' }).click();
  await page.getByRole('button', { name: 'Gebruiker toevoegen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Gebruiker toevoegen' });
  await field(dialog, 'Naam').fill(STAFF.name);
  await field(dialog, 'Gebruikersnaam').fill(STAFF.username);
  await field(dialog, 'Tijdelijk wachtwoord').fill(STAFF.temporary);
  await field(dialog, 'Herhaal tijdelijk wachtwoord').fill(STAFF.temporary);
  await dialog.getByRole('button', { name: 'Toevoegen' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Vergrendelen' }).click();
  await field(page, 'Gebruikersnaam').fill(STAFF.username);
  await field(page, 'Wachtwoord').fill(STAFF.temporary);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await field(page, 'Tijdelijk wachtwoord').fill(STAFF.temporary);
  await field(page, 'Nieuw wachtwoord').fill(STAFF.own);
  await field(page, 'Herhaal nieuw wachtwoord').fill(STAFF.own);
  await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();

  // A simpler overzicht: the groups and the search box.
  await expect(page.getByRole('heading', { level: 1, name: `Welkom, ${STAFF.name}` })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Groepen' }).getByRole('row', { name: /Rupsjes/ })).toContainText('1');
  await expect(page.getByRole('region', { name: /Papieren kinddossier/ })).toHaveCount(0);
  const nav = page.getByRole('navigation');
  await expect(nav.getByRole('link', { name: 'Wachtlijst' })).toHaveCount(0);
  await screen(page, 'overzicht-medewerker');

  await page.getByRole('combobox', { name: 'Zoeken naar een kind of ouder' }).fill('emma');
  await page.getByRole('option', { name: /Emma de Boer/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Emma de Boer' })).toBeVisible();
  // Staff do the BSN-controle (a BSN is shown as recorded, never a digit) but do not enter or change BSNs.
  await expect(page.getByText('Geen BSN vastgelegd')).toBeVisible();
  await expect(page.getByRole('button', { name: /BSN invullen/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /BSN van .* tonen/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Gegevens wijzigen' })).toHaveCount(0);
  await expect(page.getByRole('tab', { name: 'Contracten' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: /Sanne de Boer bellen/ })).toHaveText('06 12345678');
  await expect(page.getByRole('button', { name: 'Ophaalpersoon toevoegen' })).toHaveCount(0);

  // The allergy marker in the child's header; the care information on the medical tab, without the other particulars.
  await expect(page.getByText('Allergie', { exact: true })).toBeVisible();
  await page.getByRole('tab', { name: 'Medische gegevens en bijzonderheden' }).click();
  await expect(page.getByText('Noten')).toBeVisible();
  await expect(page.getByText('Ventolin bij benauwdheid')).toBeVisible();
  await expect(page.getByText('Gesprek met jeugdarts gepland')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Wijzigen', exact: true })).toHaveCount(0);

  await page.getByRole('tab', { name: 'Ophalen' }).click();
  await page.getByRole('button', { name: 'Identificatie vastleggen' }).click();
  const identify = page.getByRole('dialog', { name: /Identificatie vastleggen/ });
  await field(identify, 'Naam ophaler').fill('Joris Bakker');
  await identify.getByRole('radio', { name: /^Ouder gebeld/ }).check();
  await identify.getByRole('button', { name: 'Vastleggen' }).click();
  await expect(page.getByRole('row', { name: /Joris Bakker/ })).toContainText(STAFF.name);
  await screen(page, 'kind-medewerker');

  // The marker in the Kinderen list too.
  await page.getByRole('navigation').getByRole('link', { name: 'Kinderen' }).click();
  await expect(page.getByRole('row', { name: /Emma de Boer/ })).toContainText('Allergie');
  await page.getByRole('row', { name: /Emma de Boer/ }).getByRole('link', { name: /Emma de Boer/ }).click();

  // The household page without address, IBAN or BSN.
  await page.getByRole('link', { name: 'Naar het gezin' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Gezin Sanne de Boer' })).toBeVisible();
  await expect(page.getByText('Lindelaan')).toHaveCount(0);
  await expect(page.getByText('••••••333')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Gezin wijzigen' })).toHaveCount(0);
});
