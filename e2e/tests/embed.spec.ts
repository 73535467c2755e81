import { test, expect, mapReady, shot, textBoxes, overlap } from './fixtures';
import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/**
 * A host page on our own origin (served by the test, not the app) that
 * embeds `src` in an iframe of `width`×`height`, as a reader's blog would.
 */
async function host(page: Page, baseURL: string, src: string, width: number, height: number) {
  const html = `<!doctype html><html lang="en"><head><title>Host page</title></head>
    <body style="margin:0"><header><h1 style="font-size:1rem;margin:0">A page with a map</h1></header><iframe id="embed" src="${baseURL}${src}" width="${width}" height="${height}"
    title="Kuril Atlas map" style="border:0;display:block"></iframe></body></html>`;
  await page.route(`${baseURL}/host.html`, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await page.goto('/host.html');
  const frame = page.frameLocator('#embed');
  await expect(frame.locator('path.land.disputed').first()).toBeVisible();
  return frame;
}

for (const [width, height] of [[800, 450], [400, 300]]) {
  test(`an ${width}×${height} embed fills its frame with the map, its date, a collapsed legend and a link out`, async ({ page, baseURL, problems }) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    const frame = await host(page, baseURL!, '/?date=2016-12-01&island=etorofu&embed=1', width, height);
    const iframe = (await page.locator('#embed').boundingBox())!;
    const map = (await frame.locator('svg.map-svg').boundingBox())!;
    // The footer's date is in words since issue 17 and takes two lines in a
    // 400 px frame: the map keeps at least 84% of the height.
    expect(map.height).toBeGreaterThanOrEqual(0.84 * iframe.height);
    expect(map.width).toBeGreaterThanOrEqual(iframe.width - 1);
    // The map's date, in the footer, inside the frame.
    const date = frame.locator('.embed-footer .embed-date');
    await expect(date).toContainText('1 December 2016');
    const footer = (await frame.locator('.embed-footer').boundingBox())!;
    expect(footer.y + footer.height).toBeLessThanOrEqual(iframe.y + iframe.height + 1);
    // The legend starts collapsed and opens on request.
    const legend = frame.locator('.embed-footer .legend');
    await expect(legend).toBeHidden();
    await frame.getByText('Legend', { exact: true }).click();
    await expect(legend).toBeVisible();
    await expect(legend).toContainText('Coastal missiles');
    await expect(legend).toContainText('location not published');
    await page.screenshot({ path: shot(`embed-${width}x${height}-legend`) });
    // The full view: the same state without embed=1, in a new tab.
    const out = frame.getByRole('link', { name: 'Open in Kuril Atlas' });
    await expect(out).toHaveAttribute('href', '/?island=etorofu&date=2016-12-01');
    await expect(out).toHaveAttribute('target', '_blank');
    await expect(out).toHaveAttribute('rel', /noopener/);
    expect(problems.console).toEqual([]);
  });
}

test('the embed passes axe-core with its legend open', async ({ page, baseURL }) => {
  const frame = await host(page, baseURL!, '/?embed=1', 800, 450);
  await frame.getByText('Legend', { exact: true }).click();
  await expect(frame.locator('.embed-footer .legend')).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes[0]?.target}`);
  expect(summary).toEqual([]);
});

test('Embed in the share menu gives iframe code for the current state', async ({ page }) => {
  await page.goto('/?island=kunashiri&date=2016-12-01');
  await mapReady(page);
  // With a panel open the layers control starts folded.
  await page.getByRole('button', { name: 'Map layers and legend' }).click();
  await page.getByRole('button', { name: 'Embed' }).click();
  const code = page.getByRole('textbox', { name: 'Embed code' });
  await expect(code).toBeVisible();
  await expect(code).toHaveAttribute('readonly', '');
  const text = await code.inputValue();
  expect(text).toMatch(/^<iframe src="http:\/\/[^"]+\/\?island=kunashiri&amp;date=2016-12-01&amp;embed=1" width="800" height="450" title="[^"]+" loading="lazy"/);
  expect(text).toContain('</iframe>');
  await expect(page.getByRole('button', { name: 'Copy embed code' })).toBeVisible();
  await page.screenshot({ path: shot('embed-share-code') });
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes[0]?.target}`);
  expect(summary).toEqual([]);
  // The code works: pasted into a page, it shows that state.
  const src = text.match(/src="([^"]+)"/)![1].replaceAll('&amp;', '&');
  const origin = new URL(src).origin;
  const frame = await host(page, origin, new URL(src).pathname + new URL(src).search, 800, 450);
  await expect(frame.locator('.embed-date')).toContainText('1 December 2016');
  await expect(frame.locator('path[data-island="kunashiri"]')).toHaveClass(/selected/);
});

for (const date of [null, '2016-12-01']) {
  test(`site symbols cover none other and unpublished sites say so (${date ?? 'today'})`, async ({ page }) => {
    await page.goto(date ? `/?date=${date}` : '/');
    await mapReady(page);
    const sites = page.locator('g.site');
    await expect(sites.first()).toBeVisible();
    const symbols = await textBoxes(page, 'g.site circle.symbol');
    expect(symbols.length).toBe(await sites.count());
    for (let i = 0; i < symbols.length; i++) {
      for (let j = i + 1; j < symbols.length; j++) {
        expect(overlap(symbols[i], symbols[j]), `symbols ${i} and ${j}`).toBe(false);
      }
    }
    // Bastion's site on Etorofu was never published; Yasny airport's is.
    const unpublished = page.locator('g.site.approximate');
    expect(await unpublished.count()).toBeGreaterThan(0);
    for (const label of await unpublished.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))) {
      expect(label).toMatch(/, location not published$/);
    }
    const published = page.locator('g.site:not(.approximate)');
    expect(await published.count()).toBeGreaterThan(0);
    for (const label of await published.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))) {
      expect(label).not.toContain('location not published');
    }
    if (date) {
      await expect(page.locator('g.site[data-site="bastion-etorofu"]')).toHaveClass(/approximate/);
      // Yasny airport is gathered with Etorofu's other infrastructure at
      // this zoom: its badge opens it.
      await page.getByRole('button', { name: /^Infrastructure: \d+ sites on Etorofu \/ Iturup/ }).click();
      await expect(page.locator('g.site[data-site="yasny-airport"]')).not.toHaveClass(/approximate/);
      await expect(page.locator('g.site[data-site="yasny-airport"]')).toHaveAttribute('aria-label', /^(?!.*location not published)/);
    }
    await page.screenshot({ path: shot(`embed-sites-${date ?? 'today'}`) });
  });
}

test('the legend opens from the controls, and from a button on a phone; it explains the dashed symbols', async ({ page }) => {
  await page.goto('/?date=2016-12-01');
  await mapReady(page);
  const legend = page.locator('.controls-legend');
  await expect(legend.locator('.legend')).toBeHidden();
  await legend.getByText('Legend', { exact: true }).click();
  await expect(legend.locator('.legend')).toContainText('location not published');
  // The event marker's diamond is explained too.
  await expect(legend.locator('.legend')).toContainText('Diamond: an event');
  await expect(legend.locator('.legend svg.legend-event rect')).toBeVisible();
  // Opened, the controls still end below the island list's button.
  const list = (await page.locator('.island-list').boundingBox())!;
  const controls = (await page.locator('.controls').boundingBox())!;
  expect(controls.y).toBeGreaterThanOrEqual(list.y + list.height);
  await page.screenshot({ path: shot('embed-controls-legend') });

  // On a phone the legend is in the layers control, folded behind its button.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/?date=2016-12-01');
  await mapReady(page);
  await expect(page.locator('.legend-box')).toHaveCount(1);
  await page.getByRole('button', { name: 'Map layers and legend' }).click();
  const phone = page.locator('.controls-legend');
  await phone.locator('summary').click();
  await expect(phone.locator('.legend')).toBeVisible();
  await page.screenshot({ path: shot('embed-phone-legend') });
});
