import { test, expect, mapReady, shot } from './fixtures';
import type { Locator, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

// Issue 21, items 1 and 6: deployments and events are selections with links;
// keyboard and screen reader.

const BASTION = '[data-site="bastion-etorofu"]';
const BASTION_UNIT = 'Bastion coastal missile battalion';

/** Whether a box lies inside the window and clear of the open panel. */
async function inViewClearOfPanel(page: Page, symbol: Locator): Promise<string | null> {
  const box = await symbol.locator('.symbol').boundingBox();
  if (!box) return 'no box';
  const { width, height } = page.viewportSize()!;
  if (box.x < 0 || box.y < 0 || box.x + box.width > width || box.y + box.height > height) {
    return `outside the window: ${JSON.stringify(box)}`;
  }
  const panel = await page.locator('#panel').boundingBox();
  if (panel && box.x < panel.x + panel.width && panel.x < box.x + box.width
      && box.y < panel.y + panel.height && panel.y < box.y + box.height) {
    return `under the panel: ${JSON.stringify(box)} ${JSON.stringify(panel)}`;
  }
  return null;
}

/** Pans with the arrow keys until the symbol's centre is at least `x` pixels from the left. */
async function panSymbolRightOf(page: Page, symbol: Locator, x: number) {
  await page.locator('.map').focus();
  for (let i = 0; i < 20; i++) {
    const box = (await symbol.boundingBox())!;
    if (box.x + box.width / 2 >= x) return;
    await page.keyboard.press('ArrowLeft');
  }
  throw new Error('could not pan the symbol to the right');
}

test('clicking a symbol links to its deployment, opens its card and keeps the symbol in view', async ({ page, problems }) => {
  await page.goto('/?date=2017-01-01');
  await mapReady(page);
  const symbol = page.locator(BASTION);
  await expect(symbol).toHaveCount(1);
  // Where the panel will open: the click must bring the symbol out from under it.
  await panSymbolRightOf(page, symbol, 1000);
  await symbol.click();
  await expect(page).toHaveURL(/[?&]deployment=bastion-etorofu(&|$)/);
  expect(new URL(page.url()).searchParams.get('island')).toBeNull();
  const card = page.locator('aside.deployment-card');
  await expect(card.locator('h2')).toContainText(BASTION_UNIT);
  await expect(card).toContainText('Etorofu / Iturup');
  await expect(card).toContainText('since November 2016');
  // Its status over time: announced, then there, each with sources.
  await expect(card.locator('.history-entry')).toHaveCount(2);
  await expect(card.locator('.history-entry').first()).toContainText('March 2016');
  await expect(card.locator('.history-entry').first()).toContainText('planned');
  await expect(card.locator('.history-entry').nth(1).locator('ul.sources li').first()).toBeVisible();
  await expect(symbol).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => inViewClearOfPanel(page, symbol)).toBeNull();
  // The screen reader hears the heading, not the whole card.
  await expect(card).not.toHaveAttribute('aria-live', /.*/);
  await expect(page.locator('#announcer')).toContainText(BASTION_UNIT);
  await page.screenshot({ path: shot('links-card-1280') });
  // The link to the island's whole story.
  await card.getByRole('button', { name: /whole story of Etorofu \/ Iturup/ }).click();
  await expect(page).toHaveURL(/island=etorofu/);
  await expect(page).not.toHaveURL(/deployment=/);
  await expect(page.locator('aside.panel h2')).toHaveText('Etorofu / Iturup');
  expect(problems.console).toEqual([]);
});

test('a deployment link opens its card in a fresh browser; an unknown one says so', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await page.goto('/?deployment=bastion-etorofu&date=2017-01-01');
  await mapReady(page);
  const card = page.locator('aside.deployment-card');
  await expect(card.locator('h2')).toContainText(BASTION_UNIT);
  await expect(card).toContainText('Bastion (K-300P)');
  await expect(card.getByRole('link', { name: /^Read in / }).first()).toBeVisible();
  await expect(page.locator(BASTION)).toHaveAttribute('aria-pressed', 'true');
  await page.goto('/?deployment=no-such-unit');
  await mapReady(page);
  await expect(page.getByRole('status').filter({ hasText: 'This link names a deployment the map does not have' }))
    .toContainText('no-such-unit');
  await page.goto('/?deployment=Not%20An%20Id');
  await expect(page.locator('.notice')).toContainText('deployment');
  await context.close();
});

test('symbols are named in the reader\'s names with their period, without ids', async ({ page }) => {
  await page.goto('/?date=2017-01-01');
  await mapReady(page);
  const symbol = page.locator(BASTION);
  await expect(symbol).toHaveAttribute('aria-label', /^Bastion coastal missile battalion, .*Etorofu \/ Iturup, since November 2016/);
  const labels = await page.locator('g.site').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  expect(labels.filter((l) => /etorofu|kunashiri|shikotan|\((active|reported)\)/.test(l))).toEqual([]);
  await page.getByRole('radio', { name: 'Russian' }).check();
  await expect(symbol).toHaveAttribute('aria-label', /, Iturup, since November 2016/);
  const marker = page.locator('g.event-marker').first();
  await expect(marker).toHaveAttribute('aria-label', /, \d{0,2} ?(January|February|March|April|May|June|July|August|September|October|November|December)? ?\d{4}$/);
});

test('keyboard: Enter on a symbol focuses its card, Escape returns to the symbol', async ({ page }) => {
  await page.goto('/?date=2017-01-01');
  await mapReady(page);
  const symbol = page.locator(BASTION);
  await symbol.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/deployment=bastion-etorofu/);
  const heading = page.locator('aside.deployment-card h2');
  await expect(heading).toBeFocused();
  await page.screenshot({ path: shot('links-keyboard-card') });
  await page.keyboard.press('Escape');
  await expect(page.locator('aside.deployment-card')).toHaveCount(0);
  await expect(page).not.toHaveURL(/deployment=/);
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-site'))).toBe('bastion-etorofu');
  // Event markers too: Enter opens the card with focus, Escape comes back.
  const marker = page.locator('g.event-marker').first();
  const id = await marker.getAttribute('data-event');
  await marker.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('aside.event-card h2')).toBeFocused();
  await expect(page).toHaveURL(new RegExp(`event=${id}`));
  await page.keyboard.press('Escape');
  await expect(page.locator('aside.event-card')).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-event'))).toBe(id);
});

test('Escape on an island panel returns focus to the island it was opened from', async ({ page }) => {
  await page.goto('/');
  await mapReady(page);
  await page.locator('path[data-island="kunashiri"]').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('aside.panel h2')).toHaveText('Kunashiri / Kunashir');
  await page.locator('aside.panel button.close').focus();
  await page.keyboard.press('Escape');
  await expect(page.locator('aside.panel')).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-island'))).toBe('kunashiri');
});

test('skip links reach the timeline in three Tab presses and the open panel', async ({ page }) => {
  await page.goto('/');
  await mapReady(page);
  await expect(page.locator('.timeline')).toBeVisible();
  const inTimeline = () => page.evaluate(() => !!document.activeElement?.closest('.timeline'));
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to the map' })).toBeFocused();
  await expect(page.getByRole('link', { name: 'Skip to the map' })).toBeInViewport();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to the timeline' })).toBeFocused();
  await page.screenshot({ path: shot('links-skip-link') });
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  expect(await inTimeline()).toBe(true);
  // Without a panel the third link goes to the island list; with one, to the panel.
  await expect(page.locator('.skip-links a:visible', { hasText: 'island list' })).toHaveCount(1);
  await page.goto('/?island=etorofu');
  await mapReady(page);
  await expect(page.locator('aside.panel')).toBeVisible();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to the panel' })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => !!document.activeElement?.closest('#panel'))).toBe(true);
});

test('axe finds no violations with a deployment card open', async ({ page }) => {
  await page.goto('/?deployment=bastion-etorofu&date=2017-01-01');
  await mapReady(page);
  await expect(page.locator('aside.deployment-card h2')).toBeVisible();
  await page.waitForLoadState('networkidle');
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes[0]?.target}`)).toEqual([]);
});

test('on a phone the card is a bottom sheet and the symbol stays visible above it', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto('/?date=2017-01-01');
  await mapReady(page);
  const symbol = page.locator(BASTION);
  await symbol.focus();
  await page.keyboard.press('Enter');
  const card = page.locator('aside.deployment-card');
  await expect(card.locator('h2')).toContainText(BASTION_UNIT);
  const sheet = (await card.boundingBox())!;
  expect(sheet.y).toBeGreaterThan(844 / 3);
  await expect.poll(() => inViewClearOfPanel(page, symbol)).toBeNull();
  await page.screenshot({ path: shot('links-card-phone') });
  await context.close();
});
