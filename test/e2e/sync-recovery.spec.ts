import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { generateRecoveryKey } from '../../electron/backend/db/keyring';
import { formatFingerprint } from '../../shared/sync/protocol';
import { checkScreen, expect, test } from './fixtures';
import { api, field, setUpLocation } from './app';
import { HeadOffice } from './headoffice';

/**
 * The herstelsleutel route and escrow key pinning on the Hoofdkantoor page (issue 15), clicked
 * through against a real head-office process: this PC receives the location's key with the
 * herstelsleutel of the PC that created it, then sets up its own herstelsleutel for further PCs;
 * when head office offers another escrow key, the page shows both fingerprints and waits for the
 * manager's confirmation.
 */

const LOCATION = { name: 'KDV De Herstelling', address: 'Kerkstraat 3, 4131 AA Vianen', lrk: '987654321' };
const MANAGER = { name: 'Joris Bakker', username: 'joris', password: 'Fietsbel-Regenjas-Tulp-17' };


/** Both review sizes, from the top of the page. */
async function screens(page: Page, name: string) {
  for (const [width, height] of [[1366, 768], [1280, 720]] as const) {
    await page.setViewportSize({ width, height });
    await page.evaluate(() => { window.scrollTo(0, 0); });
    await checkScreen(page, `${name}-${width}`);
  }
}

test('sleutel ontvangen met de herstelsleutel, de eigen herstelsleutel klaarzetten en een nieuwe escrowsleutel bevestigen', async ({ page, webApp }) => {
  test.setTimeout(240_000);
  const ho = await HeadOffice.create();
  const pemDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kop-escrow-'));
  const escrowKey = (name: string) => {
    const file = path.join(pemDir, `${name}.pem`);
    fs.writeFileSync(file, generateKeyPairSync('rsa', { modulusLength: 3072 }).publicKey.export({ type: 'spki', format: 'pem' }));
    return /Vingerafdruk \(SHA-256\): ([0-9a-f ]+)/.exec(ho.cli('set-escrow-key', '--file', file))![1]!.replace(/ /g, '');
  };
  try {
    await ho.start();
    const locationId = ho.createLocation('KDV Herstel');
    const firstEscrow = escrowKey('eerste');
    // The location's first PC (the protocol directly) created the key and set up its herstelsleutel.
    const laptop = await ho.enrolDevice(ho.issueCode(locationId));
    const laptopRecoveryKey = generateRecoveryKey();
    const syncKey = await laptop.createKeyWithRecoveryWrap(laptopRecoveryKey, locationId);

    const ownRecoveryKey = await setUpLocation(page, webApp.url, LOCATION, MANAGER);
    await api(page, 'sync.enrol', { serverUrl: ho.url, code: ho.issueCode(locationId), deviceName: 'Kantoor-pc', caCertPem: null });
    await page.getByRole('navigation').getByRole('link', { name: 'Hoofdkantoor' }).click();
    const sealed = page.getByRole('region', { name: 'Versleuteling van medische en meldcodegegevens' });
    await expect(sealed.getByTestId('sync-sealed-waiting')).toContainText('herstelsleutel van die computer', { timeout: 20_000 });

    // ---- Sleutel ontvangen: a herstelsleutel that opens nothing, then the laptop's -------------------------
    const codeField = field(sealed, 'Overdrachtscode of herstelsleutel');
    await codeField.fill(ownRecoveryKey);
    await sealed.getByRole('button', { name: 'Sleutel ontvangen' }).click();
    await expect(codeField).toHaveAccessibleDescription(/Deze herstelsleutel opent de sleutel van de locatie niet\. Er is niets veranderd\./);
    await expect(codeField).toBeFocused();
    await sealed.scrollIntoViewIfNeeded();
    await screens(page, 'hoofdkantoor-herstelsleutel-fout');
    await codeField.fill(laptopRecoveryKey.toLowerCase().replace(/-/g, ' '));
    await sealed.getByRole('button', { name: 'Sleutel ontvangen' }).click();
    await expect(page.getByText('Deze computer heeft nu de sleutel van de locatie. De versleutelde gegevens worden opgehaald.')).toBeVisible({ timeout: 20_000 });
    await expect(sealed).toContainText('Deze computer heeft de sleutel van de locatie.');
    expect((await api<{ syncKeyId: string }>(page, 'sync.status', {})).syncKeyId).toBe(syncKey.keyId);
    // Receiving the key pinned the organisation's escrow key and wrapped to it.
    await expect.poll(() => ho.keyRows(locationId).escrow).toEqual([firstEscrow]);

    // ---- Herstelsleutel gebruiken voor nieuwe pc's ------------------------------------------------
    await sealed.getByRole('button', { name: "Herstelsleutel gebruiken voor nieuwe pc's" }).click();
    const offer = page.getByRole('dialog', { name: "Herstelsleutel gebruiken voor nieuwe pc's" });
    const recoveryField = field(offer, 'Herstelsleutel van deze computer');
    await expect(recoveryField).toBeFocused();
    await recoveryField.fill(laptopRecoveryKey);
    await offer.getByRole('button', { name: 'Klaarzetten' }).click();
    await expect(recoveryField).toHaveAccessibleDescription(/Dit is niet de herstelsleutel van deze computer\. Er is niets veranderd/);
    await screens(page, 'hoofdkantoor-herstelsleutel-klaarzetten');
    await recoveryField.fill(ownRecoveryKey);
    await offer.getByRole('button', { name: 'Klaarzetten' }).click();
    await expect(offer).toBeHidden();
    await expect(sealed.getByTestId('sync-recovery-offered')).toContainText(/^Klaargezet op .*\d\d:\d\d/);
    await expect(sealed.getByRole('button', { name: 'Herstelsleutel opnieuw klaarzetten' })).toBeVisible();
    expect(ho.keyRows(locationId).recoveryWraps).toBe(2);
    await sealed.scrollIntoViewIfNeeded();
    await screens(page, 'hoofdkantoor-herstelsleutel-klaargezet');

    // ---- Another escrow key at head office: nothing is wrapped to it until the manager confirms ------------
    const secondEscrow = escrowKey('tweede');
    // Revoking the laptop rotates the key: the PC checks the escrow key for the new key at once.
    ho.cli('revoke', '--device', laptop.deviceId);
    await page.getByRole('banner').getByRole('button', { name: 'Nu synchroniseren' }).click();
    const changed = sealed.getByTestId('sync-escrow-changed');
    await expect(changed).toBeVisible({ timeout: 20_000 });
    await expect(changed).toContainText('De escrowsleutel van de organisatie is veranderd');
    await expect(changed.getByTestId('sync-escrow-offered')).toHaveText(formatFingerprint(secondEscrow));
    await expect(changed.getByTestId('sync-escrow-pinned')).toHaveText(formatFingerprint(firstEscrow));
    // The CLI shows the privacy officer the same groups.
    expect(ho.cli('escrow-key')).toContain(formatFingerprint(secondEscrow));
    // The rotated key went to the pinned escrow key only.
    expect(ho.keyRows(locationId).escrow).toEqual([firstEscrow, firstEscrow]);
    await page.mouse.move(640, 700);
    await screens(page, 'hoofdkantoor-escrowsleutel-veranderd');

    await changed.getByRole('button', { name: 'Nieuwe vingerafdruk bevestigen' }).click();
    const confirm = page.getByRole('dialog', { name: 'Nieuwe escrowsleutel bevestigen?' });
    await expect(confirm.getByRole('button', { name: 'Annuleren' })).toBeFocused();
    await expect(confirm.getByTestId('sync-escrow-confirm-fingerprint')).toHaveText(formatFingerprint(secondEscrow));
    await confirm.getByRole('button', { name: 'Nieuwe vingerafdruk bevestigen' }).click();
    await expect(confirm).toBeHidden();
    await expect(changed).toBeHidden();
    await expect.poll(() => ho.keyRows(locationId).escrow, { timeout: 20_000 }).toContain(secondEscrow);
  } finally {
    await ho.dispose();
    fs.rmSync(pemDir, { recursive: true, force: true });
  }
});
