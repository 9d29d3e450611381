import type { Page } from '@playwright/test';
import { api, field, screen, setUpLocation } from './app';
import { expect, test } from './fixtures';

/**
 * The office PC: a manager who is also aandachtsfunctionaris, with a long name at a location with
 * a long name, on the two common office screens. Every menu item is reachable, the header keeps
 * every text on one line without clipping, and every screen is saved for review and passes axe.
 */
const LOCATION = { name: 'Kinderdagverblijf De Vrolijke Vlinders Amsterdam-Noord', address: 'Buikslotermeerplein 1, 1025 XL Amsterdam', lrk: '123456789' };
const MANAGER = { name: 'Anne-Marie van der Heijden-Bakker', username: 'annemarie', password: 'Zomer-Kaneel-Haven-17' };
/** What Beveiliging and Hoofdkantoor must not show: permission keys, method or audit codes, ids, commands. */
const DEVELOPER_TEXT = /\b[a-z]+\.[a-z][A-Za-z]+\b|[0-9a-f]{8}-[0-9a-f]{4}-|npm run|ECONN|--[a-z]/;

const SCREENS = [
  { width: 1366, height: 768 },
  { width: 1280, height: 720 },
];

/** No text in the header wraps to a second line or is cut off without its whole text nearby. */
async function expectHeaderOnOneLine(page: Page) {
  const problems = await page.getByRole('banner').evaluate((banner) => {
    const found: string[] = [];
    const header = banner.getBoundingClientRect();
    for (const element of Array.from(banner.querySelectorAll<HTMLElement>('*'))) {
      const box = element.getBoundingClientRect();
      // Skip what is not drawn, and screen-reader-only text (1×1 px by design).
      if (box.width <= 1 || box.height <= 1 || element.closest('[aria-hidden="true"]')) continue;
      const own = Array.from(element.childNodes).filter((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim());
      if (own.length === 0) continue;
      const text = element.textContent!.trim();
      if (box.left < header.left - 1 || box.right > header.right + 1 || box.bottom > header.bottom + 1) found.push(`outside the header: ${text}`);
      // Wrapped: the element's own text lies on more than one line.
      const tops = new Set<number>();
      for (const node of own) {
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const rect of Array.from(range.getClientRects())) if (rect.width > 0) tops.add(Math.round(rect.top));
      }
      if (tops.size > 1) found.push(`wraps over ${tops.size} lines: ${text}`);
      // Cut off: only allowed with an ellipsis (Mantine's truncate); the tooltip shows the whole text.
      if (element.scrollWidth > element.clientWidth + 1 && getComputedStyle(element).textOverflow !== 'ellipsis') found.push(`clipped: ${text}`);
    }
    return found;
  });
  expect(problems).toEqual([]);
}

for (const size of SCREENS) {
  test(`office PC ${size.width}×${size.height}: header on one line, every menu item reachable, every screen checked`, async ({ page, webApp }) => {
    test.setTimeout(240_000);
    await page.setViewportSize(size);
    const tag = `${size.width}x${size.height}`;
    await setUpLocation(page, webApp.url, LOCATION, MANAGER);
    // The manager is also the location's aandachtsfunctionaris (two roles in the header).
    const users = await api<{ id: string; username: string }[]>(page, 'users.list', {});
    const me = users.find((user) => user.username === MANAGER.username)!;
    await api(page, 'users.update', { id: me.id, name: MANAGER.name, roles: ['manager', 'meldcodeOfficer'] });
    await page.getByRole('button', { name: 'Vergrendelen' }).click();
    await field(page, 'Gebruikersnaam').fill(MANAGER.username);
    await field(page, 'Wachtwoord').fill(MANAGER.password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Welkom, ${MANAGER.name}` })).toBeVisible();

    const banner = page.getByRole('banner');
    await expect(banner.getByTestId('header-user')).toContainText('Locatiemanager · Aandachtsfunctionaris');
    await expectHeaderOnOneLine(page);
    await expect(banner.getByRole('button', { name: 'Vergrendelen' })).toBeVisible();
    // The long names are cut with "…" and shown whole on hover.
    await banner.getByText(LOCATION.name).hover();
    await expect(page.getByRole('tooltip')).toHaveText(LOCATION.name);
    await page.mouse.move(size.width / 2, size.height - 10);

    const nav = page.getByRole('navigation');
    const labels = await nav.getByRole('link').allInnerTexts();
    expect(labels).toContain('Mijn account');
    expect(labels).toContain('Meldcode');
    for (const label of labels) {
      const link = nav.getByRole('link', { name: label, exact: true });
      await link.scrollIntoViewIfNeeded();
      const box = await link.boundingBox();
      expect(box, label).not.toBeNull();
      expect(box!.y + box!.height, `${label} within the window`).toBeLessThanOrEqual(size.height);
      await link.click();
      await expect(link).toHaveAttribute('aria-current', 'page');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectHeaderOnOneLine(page);
      if (label === 'Beveiliging' || label === 'Hoofdkantoor') {
        await expect(page.getByRole('main').getByRole('heading', { level: 2 }).first()).toBeVisible();
        if (label === 'Beveiliging') await expect(page.getByRole('table', { name: 'Recente auditregels' }).getByRole('cell', { name: 'Ingelogd', exact: true }).first()).toBeVisible();
        // Web addresses (the example https://sync.kinderopvang.nl) are words for IT, not code.
        const text = (await page.getByRole('main').innerText()).replace(/https?:\/\/\S+/g, '');
        expect(text.match(DEVELOPER_TEXT), `developer text on ${label}`).toBeNull();
      }
      await screen(page, `office-${tag}-${label.toLowerCase().replace(/[^a-z]+/g, '-')}`);
    }
  });
}
