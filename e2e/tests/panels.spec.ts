import { test, expect, mapReady, shot, clickIsland, disputedIds, panelIslands } from './fixtures';
import type { Page } from '@playwright/test';

// The panels are drawn by the server (`/fragments/panel`, `/fragments/reader`)
// and given their behaviour by the app's one host (app/src/panel_host.rs):
// links inside them move the page through the History API, never reload it.

/** Marks the document, so that a page load (which would lose it) shows. */
async function markDocument(page: Page) {
  await page.evaluate(() => ((window as any).__sameDocument = true));
}
const sameDocument = (page: Page) => page.evaluate(() => (window as any).__sameDocument === true);

/** Opens the story's first period and returns its first event entry. */
async function firstEventEntry(page: Page) {
  const panel = page.locator('aside.panel');
  const first = panel.locator('details', { has: page.locator('summary.story-toggle') }).first();
  await expect(first.locator('summary.story-toggle')).toBeVisible();
  if (!(await first.evaluate((d) => (d as HTMLDetailsElement).open))) {
    await first.locator('summary.story-toggle').click();
  }
  return first.locator('.story-entry', { hasText: 'Treaty of Shimoda' });
}

test("an event in an island's story opens its card without a page load; Back returns to the story at it", async ({ page, problems }) => {
  await page.goto('/?island=etorofu');
  await mapReady(page);
  await markDocument(page);
  const entry = await firstEventEntry(page);
  await expect(entry).toHaveCount(1);
  await entry.locator('.story-open').click();
  await expect(page).toHaveURL(/island=etorofu.*event=treaty-of-shimoda-1855/);
  const card = page.locator('aside.event-card');
  await expect(card.locator('h2')).toContainText('Treaty of Shimoda');
  // Focus follows the reader into the card (the link is gone with the story).
  await expect(card.locator('h2')).toBeFocused();
  await expect(page.locator('#announcer')).toContainText('Treaty of Shimoda');
  expect(await sameDocument(page)).toBe(true);
  await page.goBack();
  await expect(page).not.toHaveURL(/event=/);
  const story = page.locator('aside.panel');
  await expect(story.locator('h2')).toContainText('Etorofu');
  // Back at the story, at the entry the card was opened from.
  await expect(story.locator('.story-entry.focused')).toContainText('Treaty of Shimoda');
  await expect(story.locator('.story-entry.focused')).toBeInViewport();
  expect(await sameDocument(page)).toBe(true);
  await page.goForward();
  await expect(card.locator('h2')).toContainText('Treaty of Shimoda');
  expect(await sameDocument(page)).toBe(true);
  expect(problems.console).toEqual([]);
  expect(problems.failed).toEqual([]);
});

test('a modified click on a panel link is left to the browser', async ({ page, context, request }) => {
  const events = (await (await request.get('/api/events?limit=1000')).json()).items;
  const quoted = events.find((e: any) => e.excerpts.length > 0);
  await page.goto(`/?event=${quoted.id}`);
  await mapReady(page);
  // "Read in …": a link to the reader at that excerpt.
  const link = page.locator('aside.event-card .excerpts a[data-nav]').first();
  await expect(link).toBeVisible();
  const opened = context.waitForEvent('page');
  await link.click({ modifiers: ['Control'] });
  const other = await opened;
  await other.waitForLoadState();
  expect(other.url()).toContain('article=');
  // This page did not move.
  await expect(page).toHaveURL(new RegExp(`event=${quoted.id}`));
  expect(page.url()).not.toContain('article=');
});

test('Escape in an event card over a story closes the card and puts focus in the story', async ({ page, problems }) => {
  await page.goto('/?island=etorofu&event=treaty-of-shimoda-1855');
  await mapReady(page);
  const card = page.locator('aside.event-card');
  await expect(card.locator('h2')).toContainText('Treaty of Shimoda');
  await card.locator('button.close').focus();
  await page.keyboard.press('Escape');
  await expect(page).not.toHaveURL(/event=/);
  await expect(page.locator('aside.event-card')).toHaveCount(0);
  await expect(page.locator('aside.panel h2')).toBeFocused();
  await expect(page.locator('aside.panel h2')).toContainText('Etorofu');
  expect(problems.console).toEqual([]);
});

test('from the island list, Enter opens an island and Escape closes it, then folds the list', async ({ page, problems }) => {
  await page.goto('/');
  await mapReady(page);
  const list = page.locator('#island-list');
  await list.locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect(list).toHaveAttribute('open', '');
  const shikotan = list.locator('[data-open-island="shikotan"]');
  await shikotan.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/island=shikotan/);
  await expect(page.locator('aside.panel h2')).toContainText('Shikotan');
  // Focus stays in the list, where the reader was choosing.
  await expect(shikotan).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page).not.toHaveURL(/island=/);
  await expect(page.locator('aside.panel')).toHaveCount(0);
  await expect(list).toHaveAttribute('open', '');
  await page.keyboard.press('Escape');
  await expect(list).not.toHaveAttribute('open', '');
  await expect(list.locator('summary')).toBeFocused();
  expect(problems.console).toEqual([]);
});

test('a panel that fails to load says so and tries again; the old one stays while a new one loads', async ({ page }) => {
  // Kunashiri's first answer fails; Shikotan's answers (asked for early or
  // on the click) are held until released.
  let fail = true;
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/fragments/panel?*', async (route) => {
    const island = new URL(route.request().url()).searchParams.get('island');
    if (fail && island === 'kunashiri') {
      fail = false;
      await route.fulfill({ status: 503, body: 'unavailable' });
      return;
    }
    if (island === 'shikotan') await held;
    await route.continue();
  });
  await page.goto('/?island=kunashiri');
  await mapReady(page);
  const alert = page.locator('aside.panel [role=alert]');
  await expect(alert).toContainText('This panel could not be loaded');
  await expect(alert).toContainText('503');
  await page.screenshot({ path: shot('panels-failed') });
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.locator('aside.panel h2')).toContainText('Kunashiri');
  await expect(page.locator('aside.panel [role=alert]')).toHaveCount(0);

  // A slow answer: the old panel stays, marked busy, until the new one is in.
  await clickIsland(page, 'shikotan');
  await expect(page).toHaveURL(/island=shikotan/);
  await expect(page.locator('aside.panel h2')).toContainText('Kunashiri');
  await expect(page.locator('aside.panel')).toHaveAttribute('aria-busy', 'true');
  release();
  await expect(page.locator('aside.panel h2')).toContainText('Shikotan');
  await expect(page.locator('aside.panel')).not.toHaveAttribute('aria-busy', 'true');
});

test('the quote list filters by island in the page, not in the URL', async ({ page, problems }) => {
  await page.goto('/?article=seed-2017-03-20');
  await mapReady(page);
  const list = page.locator('aside.reader .quote-list');
  const select = list.locator('select[data-filter="island"]');
  await expect(select).toBeVisible();
  const items = list.locator('[data-island]');
  const all = await items.count();
  expect(all).toBeGreaterThan(0);
  const value = await select.locator('option').nth(1).getAttribute('value');
  await select.selectOption(value!);
  const shown = items.filter({ visible: true });
  await expect.poll(() => shown.count()).toBeLessThan(all);
  for (const marked of await shown.evaluateAll((els) => els.map((e) => e.getAttribute('data-island')!))) {
    expect(marked.split(' ')).toContain(value);
  }
  expect(page.url()).not.toContain(value!);
  await select.selectOption('');
  await expect.poll(() => items.filter({ visible: true }).count()).toBe(all);
  expect(problems.console).toEqual([]);
});

test('panning asks for no panel again', async ({ page }) => {
  await page.goto('/?island=etorofu');
  await mapReady(page);
  await expect(page.locator('aside.panel h2')).toContainText('Etorofu');
  // The other islands' panels, asked for once the page is still, first.
  const early: string[] = [];
  page.on('request', (r) => early.push(r.url()));
  const others = (await disputedIds(page)).filter((id) => id !== 'etorofu');
  await expect.poll(() => panelIslands(early)).toEqual(others);
  await page.waitForLoadState('networkidle');
  const asked: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/fragments/')) asked.push(r.url());
  });
  // From the sea between the controls and the panel.
  const map = (await page.locator('svg.map-svg').boundingBox())!;
  const x = map.x + map.width * 0.45;
  const y = map.y + map.height * 0.15;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 120, y + 40, { steps: 5 });
  await page.mouse.up();
  await expect(page).toHaveURL(/map=/);
  await page.waitForTimeout(300);
  expect(asked).toEqual([]);
});

test("a folded story period's entries come when it is opened, filtered, from the keyboard too", async ({ page, problems, request }) => {
  await page.goto('/?island=etorofu&date=2017-01-01');
  await mapReady(page);
  const panel = page.locator('aside.panel');
  const period = (name: RegExp) =>
    panel.locator('details', { has: page.locator('summary.story-toggle', { hasText: name }) });
  // The period of the map's date is open with its entries; a folded one holds
  // only a link to its entries, which works on its own.
  await expect(period(/^2015–2019/).locator('.story-entry').first()).toBeVisible();
  const soviet = period(/^1945–1991/);
  await expect(soviet).not.toHaveAttribute('open', '');
  await expect(soviet.locator('.story-entry')).toHaveCount(0);
  const href = await soviet.locator('.story-later a').getAttribute('href');
  expect(href).toMatch(/^\/fragments\/story\?island=etorofu&date=2017-01-01&period=\d+$/);
  const linked = await request.get(href!);
  expect(linked.status()).toBe(200);
  expect(await linked.text()).toContain('class="story-entry');
  // One kind chosen first: the entries that come are filtered like the rest.
  await panel.getByRole('radio', { name: 'Visits' }).check();
  const toggle = soviet.locator('summary.story-toggle');
  const visits = Number((await toggle.innerText()).match(/\((\d+)\)/)![1]);
  expect(visits).toBeGreaterThan(0);
  await toggle.focus();
  await page.keyboard.press('Enter');
  // Expanded only with its entries in; no longer busy.
  await expect(soviet).toHaveAttribute('open', '');
  await expect(soviet).not.toHaveAttribute('aria-busy', /.*/);
  await expect(soviet.locator('.story-later')).toHaveCount(0);
  const entries = soviet.locator('.story-entry');
  expect(await entries.count()).toBeGreaterThan(visits);
  await expect(entries.filter({ visible: true })).toHaveCount(visits);
  // Focus stayed on its toggle; the next Tab reaches its first shown entry.
  await expect(toggle).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(soviet.locator('.story-open:focus')).toHaveCount(1);
  // Folding it again and reopening asks for nothing more.
  await toggle.click();
  await expect(soviet).not.toHaveAttribute('open', '');
  await toggle.click();
  await expect(soviet).toHaveAttribute('open', '');
  await expect(entries.filter({ visible: true })).toHaveCount(visits);
  expect(problems.console).toEqual([]);
  expect(problems.failed).toEqual([]);
});

test('leaving a page while its controls are on their way reports no failure', async ({ page, problems }) => {
  // The browser aborts the old page's requests ("Failed to fetch"): that
  // is the reader moving on, not the server failing. CI met it once.
  await page.route('**/fragments/controls**', async (route) => {
    await new Promise((r) => setTimeout(r, 1500));
    await route.continue().catch(() => {});
  });
  await page.goto('/?date=1855-03-01');
  await mapReady(page);
  await page.waitForTimeout(800);
  await page.goto('/');
  await mapReady(page);
  await expect(page.locator('#island-list')).toHaveCount(1);
  expect(problems.console).toEqual([]);
});
