import { test, expect, mapReady, shot } from './fixtures';
import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** Issue 19: measure distance, the overview map, the dark palette, print. */

const sizes = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
];

/** The figure the Japanese government publishes for Cape Nosappu–Kaigara. */
const PUBLISHED_KM = 3.7;

/** The km figure of the readout ("Distance: 3.6 km (1.9 nmi)"). */
async function readoutKm(page: Page): Promise<number> {
  const text = (await page.locator('.measure-readout').textContent()) ?? '';
  const m = text.match(/Distance: ([\d.,]+) km \(([\d.,]+) nmi\)/);
  expect(m, text).not.toBeNull();
  const km = Number(m![1].replace(',', ''));
  const nmi = Number(m![2].replace(',', ''));
  expect(Math.abs(km / 1.852 - nmi)).toBeLessThan(0.1);
  return km;
}

/** The two ends of the Kaigara distance, as the server's fragment gives them. */
async function kaigaraEnds(page: Page): Promise<[number, number][]> {
  const html = await (await page.request.get('/fragments/measure')).text();
  const item = html.split('<li>').find((li) => li.includes('Kaigara'));
  expect(item, html).toBeDefined();
  const ends = item!.match(/data-measure="([^"]+)"/)![1];
  return ends.split(' ').map((p) => p.split(',').map(Number) as [number, number]);
}

/** Web Mercator pixels at `zoom` (256-pixel tiles), as the map draws. */
function pixels([lon, lat]: [number, number], zoom: number): [number, number] {
  const size = 256 * 2 ** zoom;
  const phi = (lat * Math.PI) / 180;
  return [((lon + 180) / 360) * size, ((1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2) * size];
}

for (const size of sizes) {
  test.describe(`at ${size.width}×${size.height}`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    test('measure: a well-known distance in one click, then Escape clears', async ({ page, problems }) => {
      await page.goto('/');
      await mapReady(page);
      const toggle = page.getByRole('button', { name: 'Measure distance' });
      await toggle.click();
      await expect(toggle).toHaveAttribute('aria-pressed', 'true');
      await expect(page.locator('.measure-readout')).toHaveAttribute('aria-live', 'polite');
      const known = page.locator('.known-distances button[data-measure]').filter({ hasText: 'Kaigara' });
      await known.click();
      const km = await readoutKm(page);
      expect(Math.abs(km - PUBLISHED_KM) / PUBLISHED_KM).toBeLessThan(0.05);
      // The line is drawn between the two ends, both on screen after the fit.
      await expect(page.locator('.measure-line')).toHaveCount(1);
      const ends = await page.locator('.measure-end').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()));
      expect(ends).toHaveLength(2);
      for (const r of ends) {
        expect(r.left).toBeGreaterThan(0);
        expect(r.right).toBeLessThan(size.width);
      }
      await page.screenshot({ path: shot(`carto-measure-${size.name}`) });
      await page.locator('#map').focus();
      await page.keyboard.press('Escape');
      await expect(page.locator('.measure-line')).toHaveCount(0);
      await expect(page.locator('.measure-box')).toHaveCount(0);
      await expect(toggle).toHaveAttribute('aria-pressed', 'false');
      expect(problems.console).toEqual([]);
      expect(problems.failed).toEqual([]);
    });

    test('measure by keyboard: Enter at the crosshair, arrows between', async ({ page }) => {
      const [from, to] = await kaigaraEnds(page);
      const zoom = 15;
      await page.goto(`/?map=${zoom}/${from[1].toFixed(5)}/${from[0].toFixed(5)}`);
      await mapReady(page);
      const toggle = page.getByRole('button', { name: 'Measure distance' });
      await toggle.focus();
      await page.keyboard.press('Enter');
      await expect(page.locator('#map')).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(page.locator('.measure-readout')).toContainText('First point placed');
      const [x0, y0] = pixels(from, zoom);
      const [x1, y1] = pixels(to, zoom);
      const right = Math.round((x1 - x0) / 80);
      const down = Math.round((y1 - y0) / 80);
      for (let i = 0; i < Math.abs(right); i++) await page.keyboard.press(right > 0 ? 'ArrowRight' : 'ArrowLeft');
      for (let i = 0; i < Math.abs(down); i++) await page.keyboard.press(down > 0 ? 'ArrowDown' : 'ArrowUp');
      await page.keyboard.press(' ');
      const km = await readoutKm(page);
      expect(Math.abs(km - PUBLISHED_KM) / PUBLISHED_KM).toBeLessThan(0.05);
      await page.keyboard.press('Escape');
      await expect(page.locator('.measure-end')).toHaveCount(0);
    });

    test('the overview map shows the view and moves it', async ({ page }) => {
      await page.goto('/');
      await mapReady(page);
      const inset = page.getByRole('group', { name: /^Overview map/ });
      if (size.width < 600) {
        await expect(inset).toBeHidden();
        await page.getByRole('button', { name: 'Overview map' }).click();
      }
      await expect(inset).toBeVisible();
      await expect(page.locator('.overview-map img')).toHaveJSProperty('complete', true);
      expect(await page.locator('.overview-map img').evaluate((i: HTMLImageElement) => i.naturalWidth)).toBeGreaterThan(0);
      const extent = page.locator('.overview-extent');
      const before = await extent.boundingBox();
      const box = (await inset.boundingBox())!;
      // Click north of the islands: the map follows, and so does its mark.
      await inset.click({ position: { x: box.width * 0.6, y: box.height * 0.35 } });
      await expect(page).toHaveURL(/map=/);
      const after = await extent.boundingBox();
      expect(after!.y).toBeLessThan(before!.y - 5);
      await page.screenshot({ path: shot(`carto-overview-${size.name}`) });
      // By keyboard: an arrow key on the inset moves the view south again.
      const url = page.url();
      await inset.focus();
      await page.keyboard.press('ArrowDown');
      await expect(page).not.toHaveURL(url);
      const last = await extent.boundingBox();
      expect(last!.y).toBeGreaterThan(after!.y);
    });

    for (const scheme of ['light', 'dark'] as const) {
      test(`axe: no violations in ${scheme}, measuring, with the overview, and with a panel`, async ({ page }) => {
        await page.emulateMedia({ colorScheme: scheme });
        const check = async () => {
          const results = await new AxeBuilder({ page }).analyze();
          return results.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes.map((n) => n.target).join(' | ')}`);
        };
        await page.goto('/');
        await mapReady(page);
        if (size.width < 600) await page.getByRole('button', { name: 'Overview map' }).click();
        await expect(page.getByRole('group', { name: /^Overview map/ })).toBeVisible();
        await page.getByRole('button', { name: 'Measure distance' }).click();
        await expect(page.locator('.known-distances')).toBeVisible();
        expect(await check()).toEqual([]);
        await page.screenshot({ path: shot(`carto-${scheme}-${size.name}`) });
        await page.goto('/?island=kunashiri');
        await expect(page.locator('#panel h2')).toBeVisible();
        expect(await check()).toEqual([]);
      });
    }
  });
}

test('print: map and panel on one A4 landscape page, controls left out', async ({ page }) => {
  await page.goto('/?island=kunashiri');
  await mapReady(page);
  await expect(page.locator('#panel h2')).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.zoom-controls')).toBeHidden();
  await expect(page.locator('.measure-toggle')).toBeHidden();
  await expect(page.locator('.skip-links a').first()).toBeHidden();
  await expect(page.locator('.timeline button').first()).toBeHidden();
  await expect(page.locator('#map')).toBeVisible();
  await expect(page.locator('#panel')).toBeVisible();
  await page.screenshot({ path: shot('carto-print') });
  const pdf = await page.pdf({ preferCSSPageSize: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(pages).toBe(1);
});
