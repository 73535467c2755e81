import { test, expect, mapReady, shot, clickIsland, disputedIds, panelIslands } from './fixtures';

test('the map loads cleanly and draws the disputed islands and Hokkaido', async ({ page, problems }) => {
  await page.goto('/');
  await mapReady(page);
  for (const id of ['etorofu', 'kunashiri', 'shikotan', 'shibotsu']) {
    await expect(page.locator(`path[data-island="${id}"]`)).toHaveCount(1);
  }
  // Hokkaido is drawn as context land, not as an interactive island.
  expect(await page.locator('path.land.context').count()).toBeGreaterThan(0);
  // Every island has a real outline on screen, not an empty path.
  const box = await page.locator('path[data-island="etorofu"]').boundingBox();
  expect(box!.width).toBeGreaterThan(50);
  await page.screenshot({ path: shot('slice-overview') });
  expect(problems.console).toEqual([]);
  expect(problems.failed).toEqual([]);
  expect(problems.offsite).toEqual([]);
});

test('clicking an island highlights it, opens its names, and a reload restores it', async ({ page, problems }) => {
  await page.goto('/');
  await mapReady(page);
  const kunashiri = page.locator('path[data-island="kunashiri"]');
  await clickIsland(page, 'kunashiri');
  await expect(kunashiri).toHaveAttribute('aria-pressed', 'true');
  await expect(kunashiri).toHaveClass(/selected/);
  const panel = page.locator('aside.panel');
  await expect(panel.locator('h2')).toHaveText('Kunashiri / Kunashir');
  await expect(panel).toContainText('国後島');
  await expect(panel).toContainText('Кунашир');
  await expect(page).toHaveURL(/[?&]island=kunashiri(&|$)/);

  await page.reload();
  await mapReady(page);
  await expect(page.locator('aside.panel h2')).toHaveText('Kunashiri / Kunashir');
  await expect(page.locator('path[data-island="kunashiri"]')).toHaveAttribute('aria-pressed', 'true');
  await page.screenshot({ path: shot('slice-kunashiri') });

  // Closing the panel clears the selection from the URL.
  await page.getByRole('button', { name: 'Close the island panel' }).click();
  await expect(panel).toHaveCount(0);
  await expect(page).not.toHaveURL(/island=/);
  expect(problems.console).toEqual([]);
  expect(problems.failed).toEqual([]);
});

test('a keyboard user can reach an island and open it with Enter', async ({ page }) => {
  await page.goto('/?island=etorofu');
  await mapReady(page);
  await expect(page.locator('aside.panel h2')).toHaveText('Etorofu / Iturup');
  await page.locator('path[data-island="shikotan"]').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('aside.panel h2')).toHaveText('Shikotan');
  await expect(page).toHaveURL(/island=shikotan/);
});

test('the bundled Japanese font loads and covers the names in the panel', async ({ page, problems }) => {
  await page.goto('/?island=etorofu');
  await mapReady(page);
  const name = page.locator('aside.panel [lang="ja"]').first();
  await expect(name).toHaveText('択捉島');
  // Systems without a Japanese font fall back to this face; it must load under
  // the CSP and have glyphs for the names (document.fonts.check is false for
  // characters a loaded face lacks).
  const font = await page.evaluate(async (text) => {
    const faces = await document.fonts.load('16px "Kuril Atlas CJK"', text);
    return {
      loaded: faces.length > 0 && faces.every((f) => f.status === 'loaded'),
      covers: document.fonts.check('16px "Kuril Atlas CJK"', text),
    };
  }, '択捉島 国後島 色丹島 歯舞群島');
  expect(font).toEqual({ loaded: true, covers: true });
  await page.screenshot({ path: shot('panel-japanese-names') });
  expect(problems.console).toEqual([]);
  expect(problems.failed).toEqual([]);
});

test('the page mounts part by part; once still, it asks for each island\'s panel once, and a click shows it without asking', async ({ page, problems }) => {
  // The panels are the server's (/fragments/panel). Once the page has been
  // still a moment, the panel each disputed island would open is asked for
  // (app/src/panel_host.rs, prefetch_islands), so a click needs no request.
  // The page controls are the server's too, asked for once as they mount.
  const asked: string[] = [];
  const controls: string[] = [];
  page.on('request', (req) => {
    const path = new URL(req.url()).pathname;
    if (path === '/fragments/controls') controls.push(req.url());
    else if (path.startsWith('/fragments/')) asked.push(req.url());
  });
  await page.goto('/');
  await mapReady(page);
  await expect(page.locator('.timeline')).toHaveCount(1);
  await expect(page.locator('.controls')).toHaveCount(1);
  await expect(page.locator('.island-list')).toHaveCount(1);
  const islands = await disputedIds(page);
  expect(islands).toContain('etorofu');
  await expect.poll(() => panelIslands(asked)).toEqual(islands);
  await page.waitForLoadState('networkidle');
  expect(panelIslands(asked)).toEqual(islands);
  for (const url of asked) {
    expect(new URL(url).searchParams.get('lang')).toBe('en');
    expect(url).not.toContain('map=');
  }
  expect(controls).toHaveLength(1);
  await expect(page.locator('.panel')).toHaveCount(0);

  await clickIsland(page, 'etorofu');
  await expect(page.locator('aside.panel h2')).toHaveText('Etorofu / Iturup');
  await expect(page.locator('#panel-title')).toHaveCount(1);
  expect(panelIslands(asked)).toEqual(islands);
  expect(problems.console).toEqual([]);
});

test('with an island in the link, its panel is asked for once, without the view', async ({ page }) => {
  const asked: string[] = [];
  page.on('request', (req) => {
    const path = new URL(req.url()).pathname;
    if (path.startsWith('/fragments/') && path !== '/fragments/controls') asked.push(req.url());
  });
  await page.goto('/?map=9.00/44.500/147.500&island=shikotan');
  await mapReady(page);
  await expect(page.locator('aside.panel h2')).toHaveText('Shikotan');
  await expect(page.locator('.island-list')).toHaveCount(1);
  // The other islands' panels follow once the page is still (each opened
  // from here, each once).
  await expect.poll(() => panelIslands(asked)).toContain('etorofu');
  await page.waitForLoadState('networkidle');
  const islands = panelIslands(asked);
  expect(islands.filter((id) => id === 'shikotan')).toHaveLength(1);
  expect(new Set(islands).size).toBe(islands.length);
  for (const url of asked) expect(url).not.toContain('map=');
  await expect(page.locator('#panel-title')).toHaveCount(1);
});

test('the land outlines are asked for once, before the app starts, and the app uses that answer', async ({ page, problems }) => {
  const asked: string[] = [];
  page.on('request', (req) => {
    const path = new URL(req.url()).pathname;
    if (path.startsWith('/api/geo/shapes/') || path.endsWith('.wasm')) asked.push(path);
  });
  await page.goto('/');
  await expect(page.locator('.timeline')).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(asked.filter((p) => p === '/api/geo/shapes/0')).toHaveLength(1);
  // Asked for by the page's loader, before the app's own download.
  expect(asked.indexOf('/api/geo/shapes/0')).toBeLessThan(asked.findIndex((p) => p.endsWith('.wasm')));
  // The app drew from it: the map answers a click.
  await clickIsland(page, 'shikotan');
  await expect(page.locator('aside.panel h2')).toHaveText('Shikotan');
  expect(problems.console).toEqual([]);
  expect(problems.failed).toEqual([]);
});

test('when the early request for the outlines fails, the app asks again and draws the map', async ({ page }) => {
  let failed = 0;
  await page.route('**/api/geo/shapes/0', (route) => {
    if (failed++ === 0) return route.abort('connectionreset');
    return route.continue();
  });
  await page.goto('/');
  await expect(page.locator('.timeline')).toBeVisible();
  await clickIsland(page, 'kunashiri');
  await expect(page.locator('aside.panel h2')).toHaveText('Kunashiri / Kunashir');
  expect(failed).toBe(2);
  await expect(page.locator('.status.error')).toHaveCount(0);
});
