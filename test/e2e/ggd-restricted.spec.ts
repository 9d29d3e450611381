import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Download, Page } from '@playwright/test';
import { nlDate } from '../../shared/domain/dates';
import { weekdayOnOrBefore } from '../helpers/dates';
import { addGroup, api, appToday, field, screen, setUpLocation } from './app';
import { expect, test } from './fixtures';

/**
 * Issue 16 parts 5 and 6 through the UI: the GGD list for a Wednesday holds only the Wednesday
 * children, per group, under the location, LRK number and the day in Dutch; the child whose
 * processing is restricted is named in the preview, nothing is exported before the manager's
 * decision with a reason, and the PDF and the CSV of the same list make one register line that
 * shows the decision.
 */

const ROOT = path.resolve(__dirname, '../..');
const SCREENS = path.join(ROOT, 'test-results/screens');
const LOCATION = { name: 'KDV De Zonnebloem', address: 'Dorpsstraat 12, 1234 AB Ergens', lrk: '123456789' };
const MANAGER = { name: 'Fatima el Amrani', username: 'fatima', password: 'Zeilboot-Kaneel-Vijver-42' };
const REASON = 'Wet kinderopvang: de GGD telt elk aanwezig kind voor de beroepskracht-kindratio';

/** Zoë (Rupsjes, Wednesday, restricted), Mats (Rupsjes, Monday only) and Yusuf (Dolfijnen, Wednesday). */
async function families(page: Page, today: string) {
  const household = await api<{ id: string; parents: { id: string; isContractParent: boolean }[] }>(page, 'households.create', {
    street: 'Lindelaan', houseNumber: '5a', postcode: '1234 AB', city: 'Vianen', iban: null, ibanHolder: null,
    parents: [{ firstName: 'Sanne', initials: 'S.', surnamePrefix: 'de', surname: 'Boer', email: 'sanne@example.nl', phone: '06 12345678', bsn: '111222333', hasParentalAuthority: true, isContractParent: true }],
  });
  const parentId = household.parents[0]!.id;
  const child = async (householdId: string, firstName: string, surname: string, surnamePrefix: string | null, birthDate: string, groupName: string, days: string[]) => {
    const created = await api<{ id: string }>(page, 'children.create', { householdId, firstName, initials: null, surnamePrefix, surname, birthDate, groupId: (await addGroup(page, groupName)).id, bsn: null });
    await api(page, 'contracts.create', { childId: created.id, careType: 'dagopvang', days, hoursPerWeek: 9, startDate: '2025-01-06', endDate: null });
    return created;
  };
  const zoe = await child(household.id, 'Zoë', 'Boer', 'de', '2023-04-15', 'Rupsjes', ['wo']);
  await child(household.id, 'Mats', 'Boer', 'de', '2024-01-02', 'Rupsjes', ['ma']);
  const other = await api<{ id: string }>(page, 'households.create', {
    street: 'Kerkweg', houseNumber: '7', postcode: '3511 AB', city: 'Utrecht', iban: null, ibanHolder: null,
    parents: [{ firstName: 'Fatima', initials: 'F.', surnamePrefix: null, surname: 'El Amrani', email: null, phone: '06 11112222', bsn: null, hasParentalAuthority: true, isContractParent: true }],
  });
  await child(other.id, 'Yusuf', 'El Amrani', null, '2022-09-01', 'Dolfijnen', ['wo']);
  const request = await api<{ id: string }>(page, 'requests.create', { kind: 'restriction', subjectType: 'child', subjectId: zoe.id, requesterParentId: parentId, receivedOn: today, identityMethod: 'id_shown', description: 'Per e-mail' });
  await api(page, 'requests.restrict', { id: request.id, reason: 'Juistheid geboortedatum betwist' });
}

async function keep(download: Download, name: string) {
  const target = path.join(ROOT, 'test-results', name);
  await download.saveAs(target);
  return target;
}

for (const viewport of [{ width: 1366, height: 768 }, { width: 1280, height: 720 }]) {
  test(`GGD-lijst per dag en groep; beperkte verwerking eerst beslissen (${viewport.width}×${viewport.height})`, async ({ page, webApp }) => {
    test.setTimeout(240_000);
    await page.setViewportSize(viewport);
    const size = `${viewport.width}x${viewport.height}`;
    await setUpLocation(page, webApp.url, LOCATION, MANAGER);
    const today = await appToday(page);
    await families(page, today);
    const wednesday = weekdayOnOrBefore(today, 'wo');

    await page.getByRole('navigation').getByRole('link', { name: 'Verstrekkingen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Verstrekkingen' })).toBeVisible();
    await field(page, 'Datum inspectie').fill(nlDate(wednesday));
    await page.getByRole('button', { name: 'Voorbeeld tonen' }).click();

    // Only the Wednesday children, per group; Zoë is not in the rows but named below.
    const preview = page.getByRole('table', { name: 'Voorbeeld van de verstrekking aan GGD (inspectie)' });
    await expect(preview.getByRole('row')).toHaveCount(2);
    await expect(preview.getByRole('row').nth(1)).toContainText('Yusuf');
    await expect(preview).not.toContainText('Mats');
    await expect(preview).not.toContainText('Zoë');
    await expect(page.getByTestId('ggd-heading')).toHaveText(new RegExp(`^${LOCATION.name} · LRK-nummer ${LOCATION.lrk} · woensdag \\d{1,2} [a-z]+ \\d{4}$`));
    await expect(page.getByRole('heading', { name: '1 persoon met beperkte verwerking' })).toBeVisible();
    const zoe = page.getByRole('group', { name: 'Zoë de Boer' });
    await expect(zoe).toContainText('Juistheid geboortedatum betwist');
    await screen(page, `ggd-beperkt-voorbeeld-${size}`);

    // Undecided: refused at the fields, nothing downloaded, nothing in the register.
    let downloads = 0;
    page.on('download', () => { downloads++; });
    await page.getByRole('button', { name: 'Exporteren als PDF' }).click();
    await expect(zoe.getByText('Kies of deze persoon in de verstrekking komt.')).toBeVisible();
    await expect(zoe.getByText('Reden is verplicht.')).toBeVisible();
    await zoe.getByRole('textbox', { name: 'Reden' }).fill('wet');
    await page.getByRole('button', { name: 'Exporteren als PDF' }).click();
    await expect(zoe.getByText('Schrijf de reden in een paar woorden (minstens 10 tekens).')).toBeVisible();
    await page.getByRole('heading', { name: '1 persoon met beperkte verwerking' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENS, `ggd-beperkt-fouten-${size}.png`) });
    expect(downloads).toBe(0);

    // Decided: included because the law requires it.
    await zoe.getByRole('radio', { name: /^Meenemen: de wet verplicht deze verstrekking/ }).check();
    await zoe.getByRole('textbox', { name: 'Reden' }).fill(REASON);
    const pdfDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Exporteren als PDF' }).click();
    const pdf = await keep(await pdfDownload, `ggd-lijst-${size}.pdf`);
    execFileSync('qpdf', ['--check', pdf]);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    for (const line of [`Locatie: ${LOCATION.name}`, `LRK-nummer: ${LOCATION.lrk}`, 'Datum: woensdag', 'Groep Dolfijnen — 1 kind', 'Groep Rupsjes — 1 kind', 'Yusuf', 'Zoë']) expect(text, line).toContain(line);
    expect(text).not.toContain('Mats');
    fs.mkdirSync(SCREENS, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, path.join(SCREENS, `ggd-lijst-pdf-${size}`)]);

    // The same list as CSV: the same register line.
    const csvDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Exporteren als CSV' }).click();
    const csv = fs.readFileSync(await keep(await csvDownload, `ggd-lijst-${size}.csv`), 'utf8').replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
    expect(csv.slice(4)).toEqual(['Yusuf;El Amrani;01-09-2022;Dolfijnen', 'Zoë;de Boer;15-04-2023;Rupsjes']);

    await page.getByRole('tab', { name: 'Verstrekkingenregister' }).click();
    const register = page.getByRole('table', { name: 'Verstrekkingenregister' });
    await expect(register.getByRole('row')).toHaveCount(2);
    const entry = register.getByRole('row').nth(1);
    await expect(entry).toContainText('PDF, CSV');
    await expect(entry).toContainText('2 kinderen');
    await expect(entry).toContainText(`Zoë de Boer: meegenomen (wettelijk verplicht) — ${REASON}`);
    await screen(page, `ggd-beperkt-register-${size}`);
  });
}
