import { test, expect, mapReady, shot, clickIsland, settledBoxes, overlap, openLayers } from './fixtures';
import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** The map view the URL records: [zoom, lat, lon]. */
async function urlView(page: Page): Promise<number[] | null> {
  const map = new URL(page.url()).searchParams.get('map');
  return map ? map.split('/').map(Number) : null;
}

/** Moves the timeline slider to a date, as dragging and releasing it would. */
async function setTimeline(page: Page, isoDate: string) {
  const days = Math.round(Date.parse(`${isoDate}T00:00:00Z`) / 86_400_000);
  await page.getByRole('slider', { name: 'Date shown on the map' }).evaluate((el, value) => {
    const input = el as HTMLInputElement;
    input.value = String(value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, days);
}

test('wheel zooms around the cursor and dragging pans; the URL follows', async ({ page, problems }) => {
  await page.goto('/');
  await mapReady(page);
  const map = page.locator('.map');
  const box = (await map.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -300);
  await expect.poll(() => urlView(page)).not.toBeNull();
  const zoomed = (await urlView(page))!;
  await page.mouse.move(box.x + 300, box.y + 300);
  await page.mouse.down();
  await page.mouse.move(box.x + 500, box.y + 350, { steps: 8 });
  await page.mouse.up();
  await expect.poll(async () => (await urlView(page))![2]).toBeLessThan(zoomed[2]);
  const panned = (await urlView(page))!;
  expect(panned[0]).toBe(zoomed[0]);
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect.poll(async () => (await urlView(page))![0]).toBe(zoomed[0] + 1);
  await page.screenshot({ path: shot('explore-pan-zoom') });
  expect(problems.console).toEqual([]);
});

test('keyboard only: Tab to Kunashiri, Enter, read its history, Escape', async ({ page }) => {
  await page.goto('/');
  await mapReady(page);
  let found = false;
  for (let i = 0; i < 40 && !found; i++) {
    await page.keyboard.press('Tab');
    found = await page.evaluate(() => document.activeElement?.getAttribute('data-island') === 'kunashiri');
  }
  expect(found).toBe(true);
  await page.keyboard.press('Enter');
  const panel = page.locator('aside.panel');
  await expect(panel.locator('h2')).toHaveText('Kunashiri / Kunashir');
  // Today's period is open; the late 2010s open from the keyboard.
  await expect(panel.locator('details[open] .story-entry').first()).toBeVisible();
  await panel.locator('summary.story-toggle', { hasText: /^2015–2019/ }).focus();
  await page.keyboard.press('Enter');
  await expect(panel.locator('details[open] > summary', { hasText: /^2015–2019/ })).toHaveCount(1);
  await expect(panel).toContainText('Bal');
  await page.screenshot({ path: shot('explore-keyboard-history') });
  await panel.locator('.story-open').first().focus();
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
});

test('the timeline hides the November 2016 missiles in 2015 and shows them in 2017', async ({ page }) => {
  await page.goto('/');
  await mapReady(page);
  // Below zoom 9 an island's sites of one category are one badge: zoom in
  // with the buttons, as a reader would, until each site has its own symbol.
  for (let i = 0; i < 4 && ((await urlView(page))?.[0] ?? 0) < 9; i++) {
    const before = (await urlView(page))?.[0] ?? 0;
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(async () => (await urlView(page))?.[0] ?? 0).toBeGreaterThan(before);
  }
  expect((await urlView(page))![0]).toBeGreaterThanOrEqual(9);
  await expect(page.locator('g.site.badge-group')).toHaveCount(0);
  await setTimeline(page, '1930-01-01');
  await expect(page.locator('path[data-island="etorofu"]')).toHaveClass(/japanese-administered/);
  await expect(page.locator('[data-site="mgad-18-hq"]')).toHaveCount(0);
  await setTimeline(page, '2015-01-01');
  await expect(page).toHaveURL(/date=2015-01-01/);
  await expect(page.locator('path[data-island="etorofu"]')).not.toHaveClass(/japanese-administered/);
  await expect(page.locator('.timeline output')).toHaveText('1 January 2015');
  await expect(page.locator('[data-site="mgad-18-hq"]')).toHaveCount(1);
  await expect(page.locator('[data-site="bastion-etorofu"]')).toHaveCount(0);
  await expect(page.locator('[data-site="bal-kunashiri"]')).toHaveCount(0);
  await setTimeline(page, '2017-01-01');
  await expect(page).toHaveURL(/date=2017-01-01/);
  await expect(page.locator('[data-site="bastion-etorofu"]')).toHaveCount(1);
  await expect(page.locator('[data-site="bal-kunashiri"]')).toHaveCount(1);
  await page.screenshot({ path: shot('explore-timeline-2017') });
  // Back returns to 2015: each release of the slider made a history entry.
  await page.goBack();
  await expect(page.locator('.timeline output')).toHaveText('1 January 2015');
  await expect(page.locator('[data-site="bastion-etorofu"]')).toHaveCount(0);
});

test('treaty lines follow the date: Shimoda in 1860, the 1945 line and the claim limit in 2017', async ({ page }) => {
  await page.goto('/?map=6/45/147&date=1860-01-01');
  await mapReady(page);
  const lines = page.locator('path.treaty-line');
  await expect(lines).toHaveCount(1);
  const shimoda = page.locator('path[data-line="shimoda-1855"]');
  await expect(shimoda.locator('title')).toHaveText(/since 7 February 1855, until 7 May 1875\), schematic course/);
  // Drawn where the map is, not collapsed to a point or thrown off it.
  const box = (await shimoda.boundingBox())!;
  const map = (await page.locator('.map').boundingBox())!;
  expect(box.width + box.height).toBeGreaterThan(20);
  expect(box.x).toBeGreaterThan(map.x);
  expect(box.x + box.width).toBeLessThan(map.x + map.width);
  await setTimeline(page, '2017-03-20');
  await expect(page.locator('path[data-line="de-facto-1945"]')).toHaveCount(1);
  await expect(page.locator('path[data-line="japan-claim-limit"]')).toHaveCount(1);
  await expect(shimoda).toHaveCount(0);
  await page.getByRole('checkbox', { name: 'Treaty and claim lines' }).uncheck();
  await expect(lines).toHaveCount(0);
});

test('an excerpt shows its fact-check and moves the map to its places and date', async ({ page }) => {
  await page.goto('/');
  await mapReady(page);
  await page.getByRole('button', { name: 'Read the article' }).click();
  const reader = page.locator('aside.reader');
  await expect(reader.locator('h2')).toContainText('two-plus-two');
  await reader.locator('.article-text').getByRole('button', { name: /land-to-air missile systems were deployed/ }).click();
  await expect(reader.locator('.annotation.fact-check')).toContainText('Bastion');
  await expect(reader.locator('.annotation.fact-check')).toContainText('Bal');
  await expect(page).toHaveURL(/article=seed-2017-03-20/);
  await expect(page).toHaveURL(/excerpt=\d+/);
  await expect(page).toHaveURL(/date=2016-11-\d\d/);
  await expect(page).toHaveURL(/map=/);
  await expect(page.locator('[data-site="bastion-etorofu"]')).toHaveCount(1);
  await page.screenshot({ path: shot('explore-excerpt-fact-check') });
});

test('the names switch changes labels and the panel', async ({ page }) => {
  await page.goto('/?island=etorofu');
  await mapReady(page);
  await expect(page.locator('text.label', { hasText: 'Etorofu / Iturup' })).toHaveCount(1);
  // With a panel open the layers control starts folded.
  await openLayers(page);
  await page.getByRole('radio', { name: 'Russian' }).check();
  await expect(page).toHaveURL(/names=ru/);
  await expect(page.locator('text.label', { hasText: /^Iturup$/ })).toHaveCount(1);
  await expect(page.locator('aside.panel h2')).toHaveText('Iturup');
  await expect(page.locator('main .convention')).toContainText('Russian only');
  await page.getByRole('radio', { name: 'Japanese' }).check();
  await expect(page.locator('text.label', { hasText: /^Etorofu$/ })).toHaveCount(1);
});

test('touch: pinch zooms in at phone size, and the panel is a bottom sheet', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await page.goto('/');
  await mapReady(page);
  const box = (await page.locator('.map').boundingBox())!;
  const cx = box.x + box.width / 2, cy = box.y + box.height / 2;
  const cdp = await context.newCDPSession(page);
  const touch = (type: string, d: number) => cdp.send('Input.dispatchTouchEvent', {
    type,
    touchPoints: type === 'touchEnd' ? [] : [{ x: cx - d, y: cy, id: 1 }, { x: cx + d, y: cy, id: 2 }],
  });
  await touch('touchStart', 40);
  for (const d of [60, 80, 100, 120, 140, 160]) await touch('touchMove', d);
  await touch('touchEnd', 0);
  await expect.poll(() => urlView(page)).not.toBeNull();
  const [zoom] = (await urlView(page))!;
  expect(zoom).toBeGreaterThan(7.5);
  // No horizontal scrolling at phone width.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.goto('/?island=shikotan');
  await mapReady(page);
  // The panel is the server's fragment: it is in once its heading is.
  await expect(page.locator('aside.panel h2')).toHaveText('Shikotan');
  const sheet = (await page.locator('aside.panel').boundingBox())!;
  expect(sheet.width).toBeGreaterThanOrEqual(389);
  expect(sheet.y + sheet.height).toBeGreaterThan(800);
  await page.screenshot({ path: shot('explore-phone-sheet') });
  await context.close();
});

test('axe finds no accessibility violations on the main states', async ({ page }) => {
  test.setTimeout(120_000);
  for (const url of ['/', '/?island=kunashiri', '/?article=seed-2017-03-20&excerpt=1', '/?event=treaty-of-shimoda-1855']) {
    await page.goto(url);
    await mapReady(page);
    await page.waitForLoadState('networkidle');
    const results = await new AxeBuilder({ page }).analyze();
    const summary = results.violations.map((v) => `${url}: ${v.id} (${v.nodes.length}): ${v.nodes[0]?.target}`);
    expect(summary).toEqual([]);
  }
});

test('a Habomai islet shows the group deployment history', async ({ page }) => {
  await page.goto('/?island=taraku');
  await mapReady(page);
  const panel = page.locator('aside.panel');
  await expect(panel.locator('h2')).toHaveText('Taraku / Polonskogo');
  await expect(panel).toContainText('Group');
  await expect(panel.locator('.story-entry')).not.toHaveCount(0);
  await expect(panel).toContainText(/border/i);
});

test('island=habomai opens the group: its names, islets, status on the date and history', async ({ page, problems }) => {
  await page.goto('/?island=habomai&date=1960-01-01');
  await mapReady(page);
  const panel = page.locator('aside.panel');
  await expect(panel.locator('h2')).toHaveText('Habomai / Khabomai');
  await expect(panel).toContainText('歯舞群島');
  await expect(panel).toContainText('Хабомаи');
  // Its islets, by name, and the group's own count.
  await expect(panel).toContainText('Shibotsu / Zelyony');
  await expect(panel).toContainText('border guards only');
  // In 1960 the Soviet Union administered it; Japan claims it.
  await expect(panel.locator('dt:has-text("Administered by") + dd')).toHaveText('Soviet Union');
  await expect(panel).toContainText('Claimed by');
  await expect(panel.locator('.story-entry')).not.toHaveCount(0);
  // The group's islets are highlighted on the map; other islands are not.
  await expect(page.locator('path[data-island="taraku"]')).toHaveClass(/selected/);
  await expect(page.locator('path[data-island="shikotan"]')).not.toHaveClass(/selected/);
  await page.screenshot({ path: shot('explore-habomai-group') });
  // Before its landing day, Japan's: no claim to show.
  await page.goto('/?island=habomai&date=1945-09-02');
  await mapReady(page);
  await expect(panel.locator('dt:has-text("Administered by") + dd')).toHaveText('Japan');
  await expect(panel).not.toContainText('Claimed by');
  expect(problems.console).toEqual([]);
});

test('no name is placed under the timeline bar', async ({ page }) => {
  // Habomai's name would fall on the bottom edge here, behind the bar.
  await page.setViewportSize({ width: 1200, height: 800 });
  await page.goto('/?map=9.5/43.9/145.9&date=2017-03-20');
  await mapReady(page);
  await expect(page.locator('text.place-label').first()).toBeAttached();
  const bar = (await page.locator('.timeline').boundingBox())!;
  const names = await page.locator('text.label, text.place-label').evaluateAll((els) =>
    els.map((el) => ({ text: el.textContent ?? '', bottom: el.getBoundingClientRect().bottom })));
  expect(names.length).toBeGreaterThan(3);
  for (const n of names) expect(n.bottom, `${n.text} above the timeline`).toBeLessThanOrEqual(bar.y);
});

test('place names sit beside their dots, clear of symbols, other names and the map edge', async ({ page }) => {
  // Zoom 10 over Kunashiri: a ground-forces site sits on Yuzhno-Kurilsk itself.
  await page.goto('/?map=10/43.85/145.95');
  await mapReady(page);
  const town = page.locator('text.place-label', { hasText: 'Yuzhno-Kurilsk' });
  await expect(town).toHaveCount(1);
  await expect(page.locator('[data-site]').first()).toBeAttached();
  const [places, islands, symbols] = await settledBoxes(page,
    ['text.place-label', 'text.label', '[data-site] .symbol, .event-marker rect']);
  const map = (await page.locator('.map').boundingBox())!;
  expect(places.length).toBeGreaterThan(1);
  for (const p of places) {
    for (const s of symbols) expect(overlap(p, s), `${p.text} clear of a symbol`).toBe(false);
    for (const other of [...places, ...islands]) {
      if (other !== p) expect(overlap(p, other), `${p.text} clear of ${other.text}`).toBe(false);
    }
    expect(p.left >= map.x && p.right <= map.x + map.width, `${p.text} inside the map`).toBe(true);
  }
  await page.screenshot({ path: shot('explore-place-labels') });
});

for (const [width, height] of [[1280, 800], [420, 800]]) {
  test(`at the default view every island name is clear of the deployment symbols (${width}×${height})`, async ({ page }) => {
    // Etorofu's and Habomai's anchors lie among their bases' symbols: the
    // names move along their islands rather than sit under them.
    await page.setViewportSize({ width, height });
    await page.goto('/');
    await mapReady(page);
    await expect(page.locator('[data-site]').first()).toBeAttached();
    // Every symbol: single sites, badges (an island's sites of one
    // category, gathered at this zoom) and event markers.
    const [islands, symbols] = await settledBoxes(page, ['text.label', 'g.site .symbol, .event-marker rect']);
    expect(islands.map((i) => i.text).sort()).toEqual(
      ['Etorofu / Iturup', 'Habomai / Khabomai', 'Kunashiri / Kunashir', 'Shikotan']);
    // They stand for more than ten sites: a badge says how many it holds.
    const singles = await page.locator('g.site:not(.badge-group)').count();
    const gathered = (await page.locator('g.site.badge-group text').allTextContents())
      .map((t) => Number(t.split('\u2009')[1]));
    expect(gathered.length).toBeGreaterThan(0);
    expect(singles + gathered.reduce((a, b) => a + b, 0)).toBeGreaterThan(10);
    for (const i of islands) {
      for (const s of symbols) expect(overlap(i, s), `${i.text} clear of a symbol`).toBe(false);
    }
    // Still on its own island: Etorofu's name overlaps Etorofu's outline.
    const etorofu = (await page.locator('path[data-island="etorofu"]').boundingBox())!;
    const name = islands.find((i) => i.text === 'Etorofu / Iturup')!;
    expect(name.left < etorofu.x + etorofu.width && etorofu.x < name.right
      && name.top < etorofu.y + etorofu.height && etorofu.y < name.bottom).toBe(true);
    await page.screenshot({ path: shot(`explore-island-names-${width}`) });
  });
}
