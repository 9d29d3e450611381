import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Download, Page } from '@playwright/test';
import { addPeriod } from '../../shared/domain/retention';
import { api, familyViaApi, field, screen, setUpLocation } from './app';
import { nlDate } from '../../shared/domain/dates';
import { checkScreen, expect, test } from './fixtures';

/**
 * Issue 7, through the real UI in web mode: end a contract, move the app's clock (web mode's
 * test-only --clock, not the system time) to its destruction date, see the automatic run's notice
 * for an older household, see the item in the preview with its reason, destroy it after
 * confirming, open the report PDF; Bewaartermijnen and "Waarom bewaren?" on the way.
 */

const ROOT = path.resolve(__dirname, '../..');
const LOCATION = { name: 'KDV De Linde', address: 'Lindelaan 1, 4131 AA Vianen', lrk: '123456789' };
const MANAGER = { name: 'Ilse Bakker', username: 'ilse', password: 'Zeilboot-Kaneel-Vijver-42' };

const isoDay = (offsetDays = 0) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(new Date(Date.now() + offsetDays * 86_400_000));




function family(page: Page, parent: string, child: string, endDate: string | null) {
  return familyViaApi(page, {
    parent: { firstName: parent, initials: null, surnamePrefix: null, surname: 'Visser', phone: null },
    child: { firstName: child, initials: null, birthDate: '2021-05-04' },
    contract: { startDate: isoDay(-400), endDate },
  });
}

async function keep(download: Download, name: string) {
  const target = path.join(ROOT, 'test-results', name);
  await download.saveAs(target);
  return target;
}

test('contract beëindigen, klok verzetten, voorvertoning met reden, vernietigen, rapport; automatische ronde met melding', async ({ page, webApp }) => {
  test.setTimeout(180_000);
  await setUpLocation(page, webApp.url, LOCATION, MANAGER);
  // An older family whose contract ended 10 days ago: past due at the later clock, so the automatic run takes it.
  await family(page, 'Oudje', 'Vroeger', isoDay(-10));
  const { child } = await family(page, 'Rosa', 'Mees', null);

  // End Mees's contract today through the child page.
  const endDate = isoDay(0);
  await page.goto(`${webApp.url.split('?')[0]}#/kinderen/${child.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Mees Visser' })).toBeVisible();
  await page.getByRole('tab', { name: 'Contracten' }).click();
  const row = page.getByRole('row', { name: /Dagopvang/ });
  await row.getByRole('button', { name: /beëindigen$/ }).click();
  const end = page.getByRole('dialog', { name: 'Contract van Mees beëindigen' });
  await field(end, 'Einddatum').fill(nlDate(endDate));
  await end.getByRole('button', { name: 'Contract beëindigen' }).click();
  await expect(end).toBeHidden();
  await expect(row).toContainText(nlDate(endDate));

  // "Waarom bewaren?" on the child: 7 years after the contract end, with its legal basis.
  const due = addPeriod(endDate, 7, 'years');
  await page.getByRole('button', { name: 'Waarom bewaren?' }).click();
  const why = page.getByRole('dialog', { name: 'Waarom bewaren we dit nog?' });
  await expect(why.getByRole('row', { name: /Contractgegevens/ })).toContainText(`vernietigen ${nlDate(due)}`);
  await expect(why).toContainText('art. 52 Algemene wet inzake rijksbelastingen');
  await screen(page, 'retention-why');
  await page.keyboard.press('Escape');
  await expect(why).toBeHidden();

  await page.getByRole('navigation').getByRole('link', { name: 'Bewaartermijnen' }).click();
  await expect(page.getByRole('row', { name: /Sollicitanten met toestemming/ })).toContainText('1 jaar na einde van de sollicitatieprocedure');
  await screen(page, 'retention-policies');

  // Move the clock to Mees's destruction date: log in again (new start, the app is locked).
  await webApp.restart({ clock: due });
  await page.goto(webApp.url);
  await field(page, 'Gebruikersnaam').fill(MANAGER.username);
  await field(page, 'Wachtwoord').fill(MANAGER.password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  // The start-up run destroyed the older family (past due) and says so.
  const notice = page.getByRole('status').filter({ hasText: 'Automatische vernietiging uitgevoerd' });
  await expect(notice).toContainText('Bij het opstarten is 1 onderdeel vernietigd');
  await screen(page, 'retention-notice');
  await notice.getByRole('button', { name: 'Gezien' }).click();
  await expect(notice).toBeHidden();

  // The preview: Mees's family is due today, with the reason and the rule.
  await page.getByRole('navigation').getByRole('link', { name: 'Vernietigen' }).click();
  const item = page.getByRole('row', { name: /Gezin Rosa Visser/ });
  await expect(item).toContainText(`Einde van het laatste contract: ${nlDate(endDate)}; bewaartermijn 7 jaar na einde van het laatste contract.`);
  await expect(item).toContainText('Nu te vernietigen');
  await expect(page.getByRole('row', { name: /Oudje/ })).toHaveCount(0);
  await screen(page, 'retention-preview');

  await page.getByRole('button', { name: 'Vernietigen (1)' }).click();
  const confirm = page.getByRole('dialog', { name: 'Gegevens definitief vernietigen?' });
  await expect(confirm.getByRole('button', { name: 'Definitief vernietigen' })).toBeDisabled();
  await confirm.getByRole('checkbox', { name: 'Ik heb de lijst gecontroleerd en wil deze gegevens vernietigen.' }).check();
  await screen(page, 'retention-confirm');
  await confirm.getByRole('button', { name: 'Definitief vernietigen' }).click();
  const done = page.getByRole('status').filter({ hasText: 'Vernietiging afgerond' });
  await expect(done).toContainText('1 onderdeel is vernietigd.');
  await expect(page.getByText('Niets te vernietigen')).toBeVisible();
  await screen(page, 'retention-done');

  const reportDownload = page.waitForEvent('download');
  await done.getByRole('button', { name: 'Vernietigingsrapport (PDF)' }).click();
  const report = await keep(await reportDownload, 'vernietigingsrapport.pdf');
  const text = execFileSync('pdftotext', ['-layout', report, '-']).toString();
  expect(text).toContain('Vernietigingsrapport');
  expect(text).toContain(`Vernietigd: 1 gegeven (1 × gezin)`);
  expect(text).toContain(nlDate(due));
  for (const name of ['Rosa', 'Mees', 'Visser']) expect(text).not.toContain(name);

  // The child is gone for real: the API says so.
  await expect(api(page, 'children.get', { id: child.id })).rejects.toThrow('NOT_FOUND');
});

test('sollicitant vastleggen en in dienst nemen, arbeidsconflict bij medewerker, klacht registreren en afsluiten', async ({ page, webApp }) => {
  test.setTimeout(150_000);
  await setUpLocation(page, webApp.url, LOCATION, MANAGER);
  const nav = page.getByRole('navigation');

  await nav.getByRole('link', { name: 'Sollicitanten' }).click();
  await expect(page.getByText('Er zijn geen sollicitanten vastgelegd.')).toBeVisible();
  await page.getByRole('button', { name: 'Sollicitant toevoegen' }).click();
  let dialog = page.getByRole('dialog', { name: 'Sollicitant toevoegen' });
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(dialog).toContainText('Voornaam is verplicht.');
  await field(dialog, 'Voornaam').fill('Noor');
  await field(dialog, 'Achternaam').fill('Jansen');
  await field(dialog, 'Functie').fill('Pedagogisch medewerker');
  await field(dialog, 'Sollicitatiedatum').fill(nlDate(isoDay(-20)));
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(dialog).toBeHidden();
  const applicant = page.getByRole('row', { name: /Noor Jansen/ });
  await expect(applicant).toContainText('Procedure loopt');
  await screen(page, 'retention-applicants');
  await applicant.getByRole('button', { name: 'In dienst nemen' }).click();
  dialog = page.getByRole('dialog', { name: 'Noor Jansen in dienst nemen' });
  await field(dialog, 'Adres').fill('Kerkstraat 3, 4131 AB Vianen');
  await field(dialog, 'Datum in dienst').fill(nlDate(isoDay(0)));
  await dialog.getByRole('button', { name: 'In dienst nemen' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Er zijn geen sollicitanten vastgelegd.')).toBeVisible();

  await nav.getByRole('link', { name: 'Medewerkers' }).click();
  const employee = page.getByRole('row', { name: /Noor Jansen/ });
  await expect(employee).toContainText('In dienst');
  await employee.getByRole('button', { name: 'Medewerker bewerken' }).click();
  dialog = page.getByRole('dialog', { name: 'Medewerker bewerken' });
  await dialog.getByRole('checkbox', { name: /Arbeidsconflict/ }).check();
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(dialog).toContainText('Een arbeidsconflict bij uitdiensttreding kan pas worden vastgelegd met een datum uit dienst.');
  await field(dialog, 'Datum uit dienst').fill(nlDate(isoDay(0)));
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(dialog).toBeHidden();
  await expect(employee).toContainText(nlDate(addPeriod(isoDay(0), 10, 'years')));
  await screen(page, 'retention-employees');

  await nav.getByRole('link', { name: 'Klachten' }).click();
  await page.getByRole('button', { name: 'Klacht registreren' }).click();
  dialog = page.getByRole('dialog', { name: 'Klacht registreren' });
  await field(dialog, 'Ontvangen op').fill(nlDate(isoDay(-3)));
  await field(dialog, 'Onderwerp').fill('Brengtijden');
  await field(dialog, 'Naam indiener').fill('R. Visser');
  await field(dialog, 'Omschrijving').fill('De deur ging te vroeg open.');
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(dialog).toBeHidden();
  const complaint = page.getByRole('row', { name: /Brengtijden/ });
  await complaint.getByRole('button', { name: 'Afhandelen' }).click();
  dialog = page.getByRole('dialog', { name: 'Klacht afhandelen' });
  await field(dialog, 'Afgehandeld op').fill(nlDate(isoDay(0)));
  await dialog.getByRole('radio', { name: 'Gegrond', exact: true }).check();
  await field(dialog, 'Toelichting op het oordeel').fill('Tijden aangepast.');
  await dialog.getByRole('button', { name: 'Afhandelen' }).click();
  await expect(dialog).toBeHidden();
  await expect(complaint).toContainText('Afgehandeld');
  await expect(complaint).toContainText(nlDate(addPeriod(isoDay(0), 7, 'years')));
  await screen(page, 'retention-complaints');
});

test('Bewaartermijnen toont de regels uit de datakaart; "Waarom bewaren?" op een kind toont elke categorie met een eigen datum', async ({ page, webApp }) => {
  test.setTimeout(150_000);
  await setUpLocation(page, webApp.url, LOCATION, MANAGER);
  // Issue 14: a family whose contract ends in 20 days, with data under every rule of its own.
  const end = isoDay(20);
  const { child: kid, contractParentId: parentId } = await familyViaApi(page, {
    parent: { initials: null, surnamePrefix: null, surname: 'Smit', email: 'sanne@example.nl', phone: '0612345678' },
    otherParent: { firstName: 'Joost', initials: null, surname: 'Smit', email: 'joost@example.nl' },
    child: { firstName: 'Fenna', initials: null, birthDate: '2021-05-04' },
    contract: { days: ['ma'], hoursPerWeek: 8, startDate: isoDay(-400), endDate: end },
    allergies: 'Noten',
  });
  await api(page, 'pickup.addPerson', { childId: kid.id, name: 'Oma Smit', relation: 'Oma', phone: null, validUntil: null });
  await api(page, 'pickup.addBan', { childId: kid.id, name: 'K. Jansen', basisReference: 'Beschikking rechtbank', basisDate: null, notes: null });
  await api(page, 'pickup.recordIdentification', { childId: kid.id, collectorName: 'Oma Smit', method: 'parent_called' });
  await api(page, 'exchange.create', { childId: kid.id, parentId, recipientName: 'Basisschool De Linde', recipientType: 'school', purpose: 'Overdracht', dataDescription: 'Overdrachtsformulier', validUntil: isoDay(60), givenOn: isoDay(-5), written: true });

  await page.goto(`${webApp.url.split('?')[0]}#/kinderen/${kid.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Fenna Smit' })).toBeVisible();
  await page.getByRole('button', { name: 'Waarom bewaren?' }).click();
  const why = page.getByRole('dialog', { name: 'Waarom bewaren we dit nog?' });
  const whyRow = (name: RegExp) => why.getByRole('row', { name });
  await expect(whyRow(/Contractgegevens/)).toContainText(`vernietigen ${nlDate(addPeriod(end, 7, 'years'))}`);
  await expect(whyRow(/Medische gegevens en bijzonderheden van het kind \(Fenna\)/)).toContainText(`vernietigen ${nlDate(end)}`);
  await expect(whyRow(/^Ophaalpersonen \(Fenna\)/)).toContainText(`vernietigen ${nlDate(end)}`);
  await expect(whyRow(/^Ophaalverboden \(Fenna\)/)).toContainText(`vernietigen ${nlDate(end)}`);
  await expect(whyRow(/Identificaties bij het ophalen \(Fenna\)/)).toContainText(`vernietigen ${nlDate(end)}`);
  await expect(whyRow(/Toestemming voor uitwisseling met Basisschool De Linde/)).toContainText(`vernietigen ${nlDate(addPeriod(isoDay(60), 5, 'years'))}`);
  await expect(whyRow(/E-mailadres en telefoonnummer van de ouders/)).toContainText(`wissen ${nlDate(addPeriod(end, 3, 'months'))}`);
  await expect(whyRow(/E-mailadres en telefoonnummer van de ouders/)).toContainText('Naam, adres en BSN blijven onder de bewaartermijn van het contract.');
  await expect(whyRow(/Andere ouder Joost Smit/)).toContainText(`vernietigen ${nlDate(addPeriod(end, 3, 'months'))}`);
  await screen(page, 'retention-why-categories');
  await whyRow(/Andere ouder Joost Smit/).scrollIntoViewIfNeeded();
  await checkScreen(page, 'retention-why-categories-end');
  await page.keyboard.press('Escape');
  await expect(why).toBeHidden();

  await page.getByRole('navigation').getByRole('link', { name: 'Bewaartermijnen' }).click();
  const policy = (name: RegExp) => page.getByRole('row', { name });
  await expect(policy(/^Medische gegevens en bijzonderheden van het kind/)).toContainText('direct na einde van het laatste contract van het kind');
  await expect(policy(/^Medische gegevens en bijzonderheden van het kind/)).toContainText('art. 9');
  await expect(policy(/^Ophaalverboden/)).toContainText('direct na einde van het laatste contract van het kind');
  await expect(policy(/^E-mailadres en telefoonnummer van de ouders/)).toContainText('3 maanden na einde van het laatste contract van het gezin');
  await expect(policy(/^Gegevens van de andere ouder/)).toContainText('3 maanden na einde van het laatste contract van het gezin');
  await expect(policy(/^Ingetrokken of afgewezen wachtlijstaanvragen/)).toContainText('1 jaar na intrekking of afwijzing van de wachtlijstaanvraag');
  await expect(policy(/^Verstrekkingenregister/)).toContainText('7 jaar na datum van de verstrekking');
  await expect(policy(/^AVG-verzoeken/)).toContainText('5 jaar na afsluiting van het verzoek');
  await expect(policy(/^Vernietigingslogboek/)).toContainText('5 jaar na datum van de vernietiging');
  await screen(page, 'retention-policies-datamap');
});
