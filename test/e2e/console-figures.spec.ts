import { randomUUID } from 'node:crypto';
import { pick } from './app';
import { checkScreen, expect, test } from './fixtures';
import { consoleLogin, HeadOffice, PRIVACY_OFFICER } from './headoffice';

/**
 * Issue 18 part 9 — the console's Cijfers page: after a location's rows arrived, the privacy
 * officer sees a chart per figure for the whole organisation and for one location; counts only.
 */
const SURNAME = 'Geelvinkje';

test('cijfers: een grafiek per cijfer, per locatie en voor de organisatie, zonder persoonsgegevens', async ({ page }) => {
  test.setTimeout(120_000);
  const ho = await HeadOffice.create();
  await ho.start();
  try {
    ho.createConsoleUser(PRIVACY_OFFICER);
    ho.createLocation('BSO De Egel');
    const vlinder = ho.createLocation('KDV De Vlinder');
    const pc = await ho.enrolDevice(ho.issueCode(vlinder));
    // This year on head office's clock (the service runs on the real clock).
    const year = new Date().getUTCFullYear();
    const upsert = (entity: string, payload: Record<string, unknown>) => pc.push({ entity, entityId: payload.id, op: 'upsert', payload, baseVersion: null });
    const children = Array.from({ length: 6 }, () => randomUUID());
    for (const id of children) {
      await upsert('children', { id, first_name: 'Pim', surname: SURNAME });
      await upsert('contracts', { id: randomUUID(), child_id: id, care_type: 'dagopvang', start_date: `${year}-01-01`, end_date: null });
    }
    for (const [i, id] of children.slice(0, 4).entries()) {
      await upsert('photo_consents', { id: randomUUID(), child_id: id, purpose: 'ouderportaal', decision: 'given', decided_on: `${year}-01-0${i + 1}`, recorded_at: `${year}-01-0${i + 1}T09:00:00.000Z` });
    }
    await upsert('subject_requests', { id: randomUUID(), kind: 'access', received_on: `${year}-01-02`, deadline: `${year}-02-02`, status: 'closed', closed_on: `${year}-01-20` });
    await upsert('subject_requests', { id: randomUUID(), kind: 'erasure', received_on: `${year}-01-05`, deadline: `${year}-02-05`, status: 'closed', closed_on: `${year}-02-10` });
    await upsert('data_breaches', { id: randomUUID(), what_happened: `Lijst ${SURNAME}`, discovered_at: `${year}-01-03T08:00:00.000Z` });
    for (const recipient of ['ggd', 'ggd', 'belastingdienst']) await upsert('disclosures', { id: randomUUID(), recipient, created_at: `${year}-01-10T10:00:00.000Z`, disclosed_on: null });

    await consoleLogin(page, ho.url);
    await page.getByRole('link', { name: 'Cijfers' }).click();
    await expect(page.getByRole('heading', { name: 'Cijfers', level: 1 })).toBeVisible();

    // Organisation: a chart per figure, each bar with its number.
    await expect(page.getByRole('listitem', { name: 'Inzage: 1' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Op tijd beantwoord: 50 %' })).toBeVisible();
    await expect(page.getByRole('listitem', { name: 'GGD: 2' })).toBeVisible();
    await expect(page.getByRole('listitem', { name: 'Datalekken: 1' })).toBeVisible();
    await expect(page.getByRole('listitem', { name: /^Ouderportaal: 66,7 % \(4 van 6\)$/ })).toBeVisible();
    await expect(page.getByText('Geen vernietigingen of bewaarde aantallen in dit jaar', { exact: false })).toBeVisible();
    await expect(page.getByText(SURNAME)).toHaveCount(0);
    for (const size of [{ width: 1366, height: 768 }, { width: 1280, height: 720 }]) {
      await page.setViewportSize(size);
      await checkScreen(page, `console-figures-${size.width}x${size.height}`);
    }

    // One location without rows: the empty states.
    await pick(page, 'Locatie', 'BSO De Egel');
    await expect(page.getByText('Nog geen kinderen gesynchroniseerd.')).toBeVisible();
    await expect(page.getByRole('listitem', { name: 'GGD: 2' })).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Op tijd beantwoord', exact: true })).toBeVisible();
    await checkScreen(page, 'console-figures-empty-1280x720');

    // Another year.
    await pick(page, 'Jaar', String(year - 1));
    await expect(page.getByRole('combobox', { name: 'Jaar' })).toHaveValue(String(year - 1));
    await expect(page.getByText('Geen gegevens in dit jaar.').first()).toBeVisible();
  } finally {
    await ho.dispose();
  }
});
