import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { Download } from '@playwright/test';
import { addGroup, api, field, screen, setUpLocation } from './app';
import { nlDate } from '../../shared/domain/dates';
import { expect, test } from './fixtures';

/**
 * Issue 16 part 9, clicked through the real UI: register a complaint about a household (picked
 * by searching), the six-week deadline and its warning on the Overzicht, field validation in
 * Dutch, handling with the judgement, and the outcome letter naming the Geschillencommissie.
 */

const LOCATION = { name: 'KDV De Zonnebloem', address: 'Dorpsstraat 12, 1234 AB Ergens', lrk: '123456789' };
const MANAGER = { name: 'Fatima el Amrani', username: 'fatima', password: 'Zeilboot-Kaneel-Vijver-42' };

/** Days from the app's today (web mode without --clock runs on the real date), in the location's calendar. */
const isoDay = (offsetDays = 0) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(new Date(Date.now() + offsetDays * 86_400_000));

async function pdfText(download: Download): Promise<string> {
  const file = await download.path();
  execFileSync('qpdf', ['--check', file]);
  expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

test('klachten: register about a household, the six-week warning on the Overzicht, handle with a judgement, outcome letter', async ({ page, webApp }) => {
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await setUpLocation(page, webApp.url, LOCATION, MANAGER);
  const household = await api<{ id: string }>(page, 'households.create', {
    street: 'Lindelaan', houseNumber: '5a', postcode: '1234 AB', city: 'Vianen', iban: null, ibanHolder: null,
    parents: [{ firstName: 'Sanne', initials: 'S.', surnamePrefix: 'de', surname: 'Boer', email: 'sanne@example.nl', phone: '0612345678', bsn: null, hasParentalAuthority: true, isContractParent: true }],
  });
  await api(page, 'children.create', { householdId: household.id, firstName: 'Zoë', initials: 'Z.', surnamePrefix: 'de', surname: 'Boer', birthDate: '2023-04-15', groupId: (await addGroup(page, 'Rupsjes')).id, bsn: null });

  const nav = page.getByRole('navigation');
  await nav.getByRole('link', { name: 'Klachten' }).click();
  await page.getByRole('button', { name: 'Klacht registreren' }).click();
  const dialog = page.getByRole('dialog', { name: 'Klacht registreren' });
  // Field validation in Dutch: a received date after today (the app's clock) and the required fields.
  await field(dialog, 'Ontvangen op').fill(nlDate(isoDay(1)));
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(dialog).toContainText('Ontvangen op kan niet in de toekomst liggen.');
  await expect(dialog).toContainText('Onderwerp is verplicht.');

  // Received 38 days ago: the six weeks end in 4 days.
  await field(dialog, 'Ontvangen op').fill(nlDate(isoDay(-38)));
  await field(dialog, 'Onderwerp').fill('Brengtijden');
  await field(dialog, 'Naam indiener').fill('Sanne de Boer');
  await field(dialog, 'Contactgegevens').fill('sanne@example.nl');
  await dialog.getByRole('combobox', { name: 'Gezin' }).fill('boer');
  await page.getByRole('option', { name: /Gezin Sanne de Boer \(Zoë; 1234 AB\)/ }).click();
  await field(dialog, 'Omschrijving').fill('De deur ging om 7.25 uur pas open in plaats van 7.00 uur.');
  await screen(page, 'complaints-register');
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(dialog).toBeHidden();

  const row = page.getByRole('row', { name: /Brengtijden/ });
  await expect(row).toContainText('Gezin Sanne de Boer');
  await expect(row).toContainText(nlDate(isoDay(4)));
  await expect(row).toContainText('Binnen 7 dagen');
  await screen(page, 'complaints-list');
  await page.setViewportSize({ width: 1280, height: 720 });
  await screen(page, 'complaints-list-1280');
  await page.setViewportSize({ width: 1366, height: 768 });

  // The warning on the Overzicht.
  await nav.getByRole('link', { name: 'Overzicht' }).click();
  const card = page.getByRole('region', { name: /Klachten met een termijn/ });
  await expect(card).toContainText(`Brengtijden (ontvangen ${nlDate(isoDay(-38))}): afhandelen vóór ${nlDate(isoDay(4))}`);
  await screen(page, 'complaints-dashboard');

  // Handle it: judgement, reasons and measures are required / optional at their fields.
  await card.getByRole('link', { name: /Brengtijden/ }).click();
  await row.getByRole('button', { name: 'Afhandelen' }).click();
  const close = page.getByRole('dialog', { name: 'Klacht afhandelen' });
  await close.getByRole('button', { name: 'Afhandelen' }).click();
  await expect(close).toContainText('Kies het oordeel: gegrond, gedeeltelijk gegrond of ongegrond.');
  await close.getByRole('radio', { name: 'Gegrond', exact: true }).check();
  await field(close, 'Toelichting op het oordeel').fill('De opening om 7.00 uur is niet gehaald door een zieke collega.');
  await field(close, 'Maatregelen').fill('Vanaf volgende week opent een tweede medewerker om 6.50 uur.');
  await screen(page, 'complaints-handle');
  await close.getByRole('button', { name: 'Afhandelen' }).click();
  await expect(close).toBeHidden();
  await expect(row).toContainText('Afgehandeld');
  await expect(row).toContainText('Gegrond');
  await expect(row).not.toContainText('Binnen 7 dagen');

  const downloading = page.waitForEvent('download');
  await row.getByRole('button', { name: 'Brief (PDF)' }).click();
  const letter = await downloading;
  expect(letter.suggestedFilename()).toMatch(/^klacht-kl-[0-9a-f]{8}\.pdf$/);
  const text = await pdfText(letter);
  for (const part of ['Afhandeling van uw klacht', 'Wij vinden uw klacht gegrond.', 'Vanaf volgende week opent een tweede medewerker om 6.50 uur.', 'Klachtenloket Kinderopvang', 'Geschillencommissie Kinderopvang (www.degeschillencommissie.nl)']) {
    expect(text).toContain(part);
  }
  await screen(page, 'complaints-handled');

  // Handled: the warning has gone from the Overzicht.
  await nav.getByRole('link', { name: 'Overzicht' }).click();
  await expect(page.getByRole('region', { name: /Klachten met een termijn/ })).toContainText('Geen open klachten waarvan de termijn van zes weken binnen 7 dagen afloopt.');
});
