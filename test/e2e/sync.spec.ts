import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { addGroup, api, field, screen, setUpLocation } from './app';
import { openSealed, seal } from '../../electron/backend/sync/seal';
import { checkScreen, expect, test } from './fixtures';
import { HeadOffice } from './headoffice';

/**
 * Sync with head office, clicked through the real UI in web mode against a real head-office
 * service on 127.0.0.1 (started and stopped by the test): enrol with a one-time code, work
 * offline, catch up, resolve a medical conflict and a rejected change; and the new herstelsleutel,
 * the previous login and session.touch.
 */

const ROOT = path.resolve(__dirname, '../..');
const SCREENS = path.join(ROOT, 'test-results/screens');

const LOCATION = { name: 'KDV De Zonnebloem', address: 'Dorpsstraat 12, 1234 AB Ergens', lrk: '123456789' };
const MANAGER = { name: 'Fatima el Amrani', username: 'fatima', password: 'Zeilboot-Kaneel-Vijver-42' };

const HOUSEHOLD = {
  street: 'Dorpsstraat',
  houseNumber: '12a',
  postcode: '1234ab',
  city: 'Vianen',
  iban: null,
  ibanHolder: null,
  parents: [
    { firstName: 'Sanne', initials: 'S.', surnamePrefix: 'de', surname: 'Boer', email: 'sanne@example.nl', phone: '06 12345678', bsn: null, hasParentalAuthority: true, isContractParent: true },
  ],
};

// ---- the app ---------------------------------------------------------------------------------

test('koppelen met het hoofdkantoor, offline werken, inhalen, conflicten oplossen en een nieuwe herstelsleutel', async ({ page, webApp }) => {
  test.setTimeout(240_000);
  const ho = await HeadOffice.create();
  try {
    await ho.start();
    const locationId = ho.createLocation('KDV Test');
    const code = ho.issueCode(locationId);
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    const firstKey = await setUpLocation(page, webApp.url, LOCATION, MANAGER);
    const banner = page.getByRole('banner');
    const syncState = banner.getByRole('group', { name: 'Synchronisatie met het hoofdkantoor' });
    await expect(syncState).toContainText('Niet gekoppeld');
    // Not linked yet: nothing to synchronise.
    await expect(banner.getByRole('button', { name: 'Nu synchroniseren' })).toHaveCount(0);

    // ---- Hoofdkantoor: not enrolled ------------------------------------------------------------
    const nav = page.getByRole('navigation');
    await nav.getByRole('link', { name: 'Hoofdkantoor' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Hoofdkantoor' })).toBeVisible();
    // What to ask IT for, in words: no command, no id.
    await expect(page.getByText(/Noem daarbij de naam van uw locatie, KDV De Zonnebloem, en het LRK-nummer/)).toBeVisible();
    await expect(page.getByRole('main')).not.toContainText('npm run');
    await expect(field(page, 'Naam van deze computer')).toHaveValue('Kantoor-pc');
    // The CA field sits under "Geavanceerd", closed until asked for.
    const advanced = page.getByRole('button', { name: 'Geavanceerd' });
    await expect(advanced).toHaveAttribute('aria-expanded', 'false');
    await expect(field(page, 'CA-certificaat (PEM)')).toBeHidden();
    await advanced.click();
    await expect(advanced).toHaveAttribute('aria-expanded', 'true');
    await expect(field(page, 'CA-certificaat (PEM)')).toBeVisible();
    await screen(page, 'hoofdkantoor-koppelen');

    // The shared schema refuses plain http off this machine; head office refuses an unknown code.
    await field(page, 'Adres van de hoofdkantoor-service').fill('http://sync.example.nl');
    await field(page, 'Koppelcode').fill('ABCD-EFGH-JKMN');
    await page.getByRole('button', { name: 'Koppelen' }).click();
    await expect(field(page, 'Adres van de hoofdkantoor-service')).toHaveAccessibleDescription(/Het adres moet met https:\/\/ beginnen\./);
    await field(page, 'Adres van de hoofdkantoor-service').fill(ho.url);
    await page.getByRole('button', { name: 'Koppelen' }).click();
    const codeField = field(page, 'Koppelcode');
    await expect(codeField).toHaveAccessibleDescription(/Deze code is onbekend, al gebruikt of verlopen\./);
    await expect(codeField).toBeFocused();
    await screen(page, 'hoofdkantoor-koppelen-fout');

    await codeField.fill(code.toLowerCase()); // typed without caps: still the same code
    await page.getByRole('button', { name: 'Koppelen' }).click();

    // ---- Hoofdkantoor: enrolled ------------------------------------------------------------------
    await expect(page.getByRole('heading', { level: 2, name: 'Koppeling' })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByText('Deze computer is gekoppeld aan het hoofdkantoor (KDV Test).')).toBeVisible();
    await expect(page.getByText(ho.url, { exact: true })).toBeVisible();
    await expect(syncState).toContainText('Online', { timeout: 20_000 });
    await expect(page.getByTestId('sync-connection')).toHaveText('Online');
    await expect(page.getByTestId('sync-pending')).toHaveText('0');
    await expect(syncState).toContainText(/Laatst gesynchroniseerd: \d\d:\d\d/);
    await expect(page.getByText('Geen conflicten')).toBeVisible();
    await expect(page.getByText('Werkt ook zonder verbinding')).toBeVisible();
    await screen(page, 'hoofdkantoor-gekoppeld');
    // Every load of the conflicts is an audited read of medical data: the status polling does not repeat it.
    const conflictLoads: string[] = [];
    page.on('request', (request) => { if (request.url().endsWith('/api/sync.conflicts')) conflictLoads.push(request.url()); });
    for (let i = 0; i < 3; i++) await page.waitForRequest((request) => request.url().endsWith('/api/sync.status'));
    expect(conflictLoads).toHaveLength(0);
    // The location's data went up with the first round; device listed at head office.
    expect(ho.cli('devices')).toMatch(/Kantoor-pc\s+KDV Test\s+laatste sync: \d{4}-/);

    // ---- Offline: the service stops, work goes on ------------------------------------------------
    await ho.stop();
    const household = await api<{ id: string }>(page, 'households.create', HOUSEHOLD);
    await expect(syncState).toContainText('Offline', { timeout: 20_000 });
    await expect(syncState).toContainText(/[1-9]\d* wijziging(en)? nog te versturen/);
    await expect(page.getByTestId('sync-connection')).toHaveText('Offline');
    await expect(page.getByTestId('sync-last-error')).toHaveText(/^Het hoofdkantoor is niet bereikbaar: de hoofdkantoor-service neemt op dit adres geen verbinding aan\. De app blijft offline werken en probeert het (zo meteen|over \d+ minuten?) opnieuw/);
    expect(Number(await page.getByTestId('sync-pending').innerText())).toBeGreaterThan(0);
    // The reason is in the tooltip (and for screen readers in the group itself).
    await page.evaluate(() => { window.scrollTo(0, 0); });
    await page.getByTestId('sync-summary').hover();
    await expect(page.getByRole('tooltip')).toContainText('u kunt gewoon doorwerken');
    await expect(page.getByRole('tooltip')).toContainText('geen verbinding aan');
    await expect(page.getByRole('tooltip')).not.toContainText('ECONNREFUSED');
    await checkScreen(page, 'kop-offline');
    await page.mouse.move(640, 500);

    // ---- Back online: "Nu synchroniseren" ------------------------------------------------------
    await ho.start();
    const syncNow = banner.getByRole('button', { name: 'Nu synchroniseren' });
    await syncNow.click();
    await expect(syncState).toContainText('Online', { timeout: 20_000 });
    await expect(syncState).not.toContainText('nog te versturen');
    await expect(page.getByTestId('sync-pending')).toHaveText('0');
    const atHeadOffice = ho.record('households', household.id);
    expect(atHeadOffice?.deleted).toBe(0);
    expect(JSON.parse(atHeadOffice!.payload!)).toMatchObject({ id: household.id, city: 'Vianen', location_id: locationId });

    // ---- A medical conflict: the same child edited here and on a second PC ---------------------------
    const child = await api<{ id: string }>(page, 'children.create', {
      householdId: household.id,
      firstName: 'Zoë',
      initials: 'Z.',
      surnamePrefix: 'de',
      surname: 'Boer',
      birthDate: '2023-04-15',
      groupId: (await addGroup(page, 'Rupsjes')).id,
      bsn: null,
    });
    const medical = { childId: child.id, allergies: 'Pinda', diet: null, medication: 'Puffer bij benauwdheid', otherParticulars: null };
    await api(page, 'medical.update', medical);
    await syncNow.click();
    await expect.poll(() => ho.record('child_medical', child.id)?.version ?? null, { timeout: 20_000 }).not.toBeNull();
    await expect(syncState).not.toContainText('nog te versturen', { timeout: 20_000 });

    // Medical data reach head office sealed; the second PC gets the location's key with a transfer code.
    const base = ho.record('child_medical', child.id)!;
    expect(base.payload).not.toContain('Puffer');
    await nav.getByRole('link', { name: 'Hoofdkantoor' }).click();
    const sealedSection = page.getByRole('region', { name: 'Versleuteling van medische en meldcodegegevens' });
    await sealedSection.getByRole('button', { name: 'Overdrachtscode maken' }).click();
    const transferCode = (await page.getByTestId('sync-transfer-code').innerText()).trim();
    expect(transferCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    await expect(sealedSection).toContainText('maar één keer te gebruiken');
    await sealedSection.scrollIntoViewIfNeeded();
    await screen(page, 'hoofdkantoor-overdrachtscode');
    const laptop = await ho.enrolDevice(ho.issueCode(locationId));
    const syncKey = await laptop.receiveKey(transferCode, locationId);
    const opened = (payload: string | null) => JSON.parse(openSealed(JSON.parse(payload ?? '{}'), 'child_medical', child.id, () => syncKey.key)) as Record<string, unknown>;
    const theirs = { ...opened(base.payload), allergies: 'Pinda en noten', diet: null };
    const sealedTheirs = seal(syncKey.key, syncKey.keyId, 'child_medical', child.id, base.version, JSON.stringify(theirs));
    expect(await laptop.push({ entity: 'child_medical', entityId: child.id, op: 'upsert', payload: sealedTheirs, baseVersion: base.version })).toMatchObject({ status: 'applied' });
    // Edited here before this PC saw the laptop's change: stale base version → conflict.
    await api(page, 'medical.update', { ...medical, diet: 'Lactosevrij' });
    await syncNow.click();
    const badge = banner.getByRole('link', { name: '1 conflict' });
    await expect(badge).toBeVisible({ timeout: 20_000 });

    await nav.getByRole('link', { name: 'Overzicht' }).click();
    await badge.click();
    await expect(page.getByRole('heading', { level: 2, name: 'Conflicten' })).toBeFocused();
    const conflict = page.getByRole('article', { name: 'Medische gegevens van Zoë de Boer' });
    const table = conflict.getByRole('table');
    await expect(table.getByRole('columnheader', { name: 'Op deze computer' })).toBeVisible();
    await expect(table.getByRole('columnheader', { name: 'Bij het hoofdkantoor' })).toBeVisible();
    await expect(table.getByRole('row', { name: /Allergieën/ })).toContainText('Pinda en noten');
    await expect(table.getByRole('row', { name: /Dieet/ })).toContainText('Lactosevrij');
    await expect(table.getByRole('row', { name: /Dieet/ })).toContainText('(leeg)');
    await expect(table.getByRole('row', { name: /Medicatie/ })).not.toContainText('Verschilt');
    await screen(page, 'conflicten');

    await conflict.getByRole('button', { name: 'Samenvoegen' }).click();
    const allergies = conflict.getByRole('textbox', { name: 'Allergieën' });
    await expect(allergies).toBeFocused();
    await expect(allergies).toHaveValue('Pinda');
    await expect(allergies).toHaveAccessibleDescription('Hoofdkantoor: Pinda en noten');
    await expect(conflict.getByRole('textbox', { name: 'Dieet' })).toHaveValue('Lactosevrij');
    await allergies.fill('Pinda en noten');
    await screen(page, 'conflict-samenvoegen');
    await conflict.getByRole('button', { name: 'Samengevoegde versie opslaan' }).click();
    await expect(page.getByText('De samengevoegde versie is bewaard en gaat naar het hoofdkantoor.')).toBeVisible();
    await expect(page.getByText('Geen conflicten')).toBeVisible();
    await expect(badge).toHaveCount(0);
    await syncNow.click();
    await expect
      .poll(() => opened(ho.record('child_medical', child.id)?.payload ?? null), { timeout: 20_000 })
      .toMatchObject({ allergies: 'Pinda en noten', diet: 'Lactosevrij', medication: 'Puffer bij benauwdheid' });

    // ---- A rejected change: head office erased the record meanwhile ----------------------------------
    const merged = ho.record('child_medical', child.id)!;
    expect(await laptop.push({ entity: 'child_medical', entityId: child.id, op: 'delete', payload: null, baseVersion: merged.version })).toMatchObject({ status: 'applied' });
    await api(page, 'medical.update', { ...medical, allergies: 'Pinda en noten', diet: 'Glutenvrij' });
    await syncNow.click();
    const rejected = page.getByRole('article', { name: 'Niet verwerkt door het hoofdkantoor: Zoë de Boer' });
    await expect(rejected).toBeVisible({ timeout: 20_000 });
    await expect(rejected).toContainText('Dit record is gewist.');
    await expect(rejected).toContainText('(medische gegevens)');
    await screen(page, 'conflict-geweigerd');
    await rejected.getByRole('button', { name: 'Gezien' }).click();
    await expect(page.getByText('Geen conflicten')).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Conflicten' })).toBeFocused();

    // ---- Beveiliging: a new herstelsleutel -----------------------------------------------------------
    await nav.getByRole('link', { name: 'Beveiliging' }).click();
    await page.getByRole('button', { name: 'Nieuwe herstelsleutel maken' }).click();
    const rotate = page.getByRole('dialog', { name: 'Nieuwe herstelsleutel maken' });
    await expect(rotate).toContainText('opent de oude herstelsleutel de database niet meer');
    const password = rotate.getByLabel('Uw wachtwoord');
    await expect(password).toBeFocused();
    await screen(page, 'herstelsleutel-vervangen');
    await password.fill('Helemaal-Verkeerd-123');
    await rotate.getByRole('button', { name: 'Nieuwe sleutel maken' }).click();
    await expect(password).toHaveAccessibleDescription(/Het wachtwoord is onjuist\./);
    await password.fill(MANAGER.password);
    await rotate.getByRole('button', { name: 'Nieuwe sleutel maken' }).click();

    const shown = page.getByRole('dialog', { name: 'Uw nieuwe herstelsleutel' });
    await expect(shown).toBeVisible();
    const newKey = (await shown.getByTestId('recovery-key').innerText()).replace(/\s+/g, '');
    expect(newKey).toMatch(/^[0-9A-Z]{32}$/);
    expect(newKey).not.toBe(firstKey);
    await expect(shown).toContainText('De vorige herstelsleutel werkt niet meer.');
    // Only the confirmation closes it.
    await page.keyboard.press('Escape');
    await expect(shown).toBeVisible();
    await screen(page, 'herstelsleutel-nieuw');
    // The dialog scrolls inside the viewport: a taller window shows all of it for review.
    await page.setViewportSize({ width: 1280, height: 1300 });
    await shown.screenshot({ path: path.join(SCREENS, 'herstelsleutel-nieuw-dialoog.png') });
    await page.setViewportSize({ width: 1280, height: 860 });
    const downloadPromise = page.waitForEvent('download');
    await shown.getByRole('button', { name: 'Herstelsleutel als PDF opslaan' }).click();
    const download = await downloadPromise;
    fs.mkdirSync(SCREENS, { recursive: true });
    const pdfPath = path.join(SCREENS, 'herstelsleutel-nieuw.pdf');
    await download.saveAs(pdfPath);
    expect(execFileSync('pdftotext', [pdfPath, '-']).toString().replace(/[\s-]/g, '')).toContain(newKey);
    const done = shown.getByRole('button', { name: 'Klaar' });
    await expect(done).toBeDisabled();
    await shown.getByRole('checkbox', { name: 'Ik heb de herstelsleutel veilig opgeborgen' }).check();
    await done.click();
    await expect(shown).toBeHidden();
    await expect(page.getByText('De nieuwe herstelsleutel is in gebruik.')).toBeVisible();
    await expect(page.getByRole('cell', { name: 'Nieuwe herstelsleutel gemaakt', exact: true })).toBeVisible();
  } finally {
    await ho.dispose();
  }
});

test('vorige keer ingelogd, en activiteit houdt de sessie bij de backend open', async ({ page, webApp }) => {
  await page.clock.install();
  await setUpLocation(page, webApp.url, LOCATION, MANAGER);
  await expect(page.getByTestId('previous-login')).toHaveText('Dit is de eerste keer');

  // Later logins show when the one before was (setup itself is not a login).
  for (let i = 0; i < 2; i++) {
    await page.getByRole('button', { name: 'Vergrendelen' }).click();
    await field(page, 'Wachtwoord').fill(MANAGER.password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Welkom, ${MANAGER.name}` })).toBeVisible();
  }
  await expect(page.getByTestId('previous-login')).toContainText(/\d{4} om \d\d:\d\d/);
  await expect(page.getByTestId('previous-login')).toContainText('Was u dat niet?');
  await screen(page, 'overzicht-vorige-keer');
  await page.getByRole('navigation').getByRole('link', { name: 'Mijn account' }).click();
  await expect(page.getByText('Vorige keer ingelogd')).toBeVisible();

  // Activity sends session.touch, at most once a minute; passive polling does not.
  const touches: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/session.touch')) touches.push(request.url());
  });
  await page.mouse.move(200, 300);
  await page.mouse.move(220, 310);
  await page.clock.fastForward('00:30');
  await page.mouse.move(240, 320);
  expect(touches).toHaveLength(0);
  await page.clock.fastForward('00:31');
  const touched = page.waitForRequest((request) => request.url().endsWith('/api/session.touch'));
  await page.mouse.move(260, 330);
  await touched;
  await page.mouse.move(280, 340);
  await page.keyboard.press('Shift');
  expect(touches).toHaveLength(1);
});
