import { test, expect, mapReady, shot, textBoxes, settledBoxes, overlap } from './fixtures';
import type { Box } from './fixtures';
import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/**
 * Room for the map (issue 19, item 3): the names, layers and legend fold
 * into one button as Leaflet's layers control does, and the default view
 * shows every disputed island and Cape Nosappu clear of the controls, the
 * timeline and the panel.
 */

const SIZES = [[1280, 800], [390, 844]] as const;

const toggle = (page: Page) => page.getByRole('button', { name: 'Map layers and legend' });

/** The boxes a reader cannot see the map through. */
async function covers(page: Page): Promise<Box[]> {
  return textBoxes(page, '.zoom-controls, .island-list, nav.controls, #timeline, #panel');
}

/** Waits until the view stops moving (the default view fits once the controls are measured). */
async function settled(page: Page) {
  await mapReady(page);
  await expect(page.locator('g.place[data-place="cape-nosappu"]')).toHaveCount(1);
  let last = '';
  await page.waitForTimeout(1500);
  for (let i = 0; i < 20; i++) {
    const now = (await page.locator('svg.map-svg g[transform]').first().getAttribute('transform')) ?? '';
    if (now === last) return;
    last = now;
    await page.waitForTimeout(400);
  }
}

/** axe-core finds nothing, in the light palette and in the dark one. */
async function axeClean(page: Page) {
  await page.waitForLoadState('networkidle');
  for (const colorScheme of ['dark', 'light'] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${colorScheme}: ${v.id} (${v.nodes.length}): ${v.nodes[0]?.target}`)).toEqual([]);
  }
}

for (const [width, height] of SIZES) {
  const phone = width < 1024;

  test(`${width}×${height}: the layers control starts ${phone ? 'folded' : 'open'}, and opens and folds by keyboard`, async ({ page, problems }) => {
    await page.setViewportSize({ width, height });
    await page.goto('/');
    await mapReady(page);
    const button = toggle(page);
    await expect(button).toBeVisible();
    await expect(button).toHaveAttribute('aria-expanded', phone ? 'false' : 'true');
    const layers = page.locator('#controls-body').getByLabel('Deployments');
    if (phone) await expect(layers).toBeHidden();
    else await expect(layers).toBeVisible();

    // Enter toggles; Escape folds it and gives the focus back to the button.
    await button.focus();
    if (!phone) {
      await page.keyboard.press('Enter');
      await expect(button).toHaveAttribute('aria-expanded', 'false');
      await expect(layers).toBeHidden();
    }
    await page.keyboard.press('Enter');
    await expect(button).toHaveAttribute('aria-expanded', 'true');
    await expect(layers).toBeVisible();
    await expect(page.locator('#controls-body .legend-box')).toBeVisible();
    await page.screenshot({ path: shot(`map-room-open-${width}`) });
    await axeClean(page);
    await layers.focus();
    await page.keyboard.press('Escape');
    await expect(button).toHaveAttribute('aria-expanded', 'false');
    await expect(layers).toBeHidden();
    await expect(button).toBeFocused();
    await axeClean(page);
    expect(problems.console).toEqual([]);
  });

  test(`${width}×${height}: with a panel open the layers control starts folded`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await page.goto('/?island=etorofu');
    await mapReady(page);
    await expect(page.locator('#panel')).toBeVisible();
    await expect(toggle(page)).toHaveAttribute('aria-expanded', 'false');
    await expect(page.locator('#controls-body')).toBeHidden();
  });

  for (const query of ['', '?island=shikotan']) {
    test(`${width}×${height}: the default view${query ? ' with a panel' : ''} leaves every disputed island and Cape Nosappu uncovered`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      await page.goto(`/${query}`);
      if (query) await expect(page.locator('#panel')).toBeVisible();
      await settled(page);
      const map = (await textBoxes(page, 'svg.map-svg'))[0];
      const land = await textBoxes(page, 'path.land.disputed');
      expect(land.length).toBeGreaterThanOrEqual(4);
      const cape = await textBoxes(page, 'g.place[data-place="cape-nosappu"] circle');
      const over = await covers(page);
      expect(over.length).toBeGreaterThanOrEqual(3);
      for (const thing of [...land, ...cape]) {
        // Inside the map…
        expect(thing.left).toBeGreaterThanOrEqual(map.left);
        expect(thing.right).toBeLessThanOrEqual(map.right);
        expect(thing.top).toBeGreaterThanOrEqual(map.top);
        expect(thing.bottom).toBeLessThanOrEqual(map.bottom);
        // …and under nothing.
        for (const c of over) {
          expect(overlap(thing, c), `${JSON.stringify({ ...thing, text: '' })} under ${JSON.stringify({ ...c, text: '' })}`).toBe(false);
        }
      }
      await page.screenshot({ path: shot(`map-room-default-${width}${query ? '-panel' : ''}`) });
    });
  }

  test(`${width}×${height}: no two symbols overlap at three zoom levels`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    for (const map of ['7.5/44.2/146.8', '9/44.9/147.6', '11/43.85/146.75']) {
      await page.goto(`/?map=${map}&date=2021-01-01`);
      await mapReady(page);
      await expect(page.locator('g.site').first()).toBeAttached();
      const symbols = (await settledBoxes(page, ['g.site circle.symbol', 'g.event-marker rect'])).flat();
      expect(symbols.length).toBeGreaterThan(3);
      for (let i = 0; i < symbols.length; i++) {
        for (let j = i + 1; j < symbols.length; j++) {
          // Circles' boxes may touch at the corners of a lattice; shrink by a pixel.
          const a = { ...symbols[i], left: symbols[i].left + 1, right: symbols[i].right - 1 };
          expect(overlap(a, symbols[j]), `at ${map}: ${i} and ${j}`).toBe(false);
        }
      }
      await page.screenshot({ path: shot(`map-room-symbols-${width}-${map.split('/')[0]}`) });
    }
  });
}

test('at low zoom an island’s sites gather into badges with counts, which open on Enter; names never show ids', async ({ page, request }) => {
  await page.goto('/?date=2021-01-01');
  await settled(page);
  const badges = page.locator('g.site.badge-group');
  const before = await badges.count();
  expect(before).toBeGreaterThan(0);
  const first = badges.first();
  await expect(first.locator('text')).toHaveText(/^[A-Z]\u2009\d+$/);
  const label = (await first.getAttribute('aria-label'))!;
  expect(label).toMatch(/\d+ sites on .+\. Show them$/);
  // Accessible names use the islands' names, never their ids.
  const islands = ((await (await request.get('/api/islands')).json()) as { items: { id: string }[] }).items;
  const names = await page.locator('g.site').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  for (const name of names) {
    for (const { id } of islands) expect(name.split(/[\s,.:]+/)).not.toContain(id);
  }
  // A site's name shows on hover and focus: its <title>.
  await expect(page.locator('g.site:not(.badge-group) > title').first()).not.toBeEmpty();
  const sitesBefore = await page.locator('g.site:not(.badge-group)').count();
  const category = (await first.getAttribute('class'))!.split(' ').find((c) => c.startsWith('cat-'))!;
  await first.focus();
  await page.keyboard.press('Enter');
  await expect(badges).not.toHaveCount(before);
  expect(await page.locator('g.site:not(.badge-group)').count()).toBeGreaterThan(sitesBefore);
  // The badge is gone: the keyboard is on the first of its sites, not lost.
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-site') ?? null)).not.toBeNull();
  await expect(page.locator('g.site:focus')).toHaveClass(new RegExp(category));
  await page.screenshot({ path: shot('map-room-badge-opened') });
  // Zoomed in past the threshold, every site is its own symbol.
  await page.goto('/?map=9.5/44.9/147.6&date=2021-01-01');
  await mapReady(page);
  await expect(page.locator('g.site').first()).toBeAttached();
  await expect(badges).toHaveCount(0);
});
