import { test as base, expect, Page } from '@playwright/test';

/** Problems a reader would notice: console errors, failed or off-site requests. */
export type PageProblems = { console: string[]; failed: string[]; offsite: string[] };

export const test = base.extend<{ problems: PageProblems }>({
  problems: async ({ page, baseURL }, use) => {
    const problems: PageProblems = { console: [], failed: [], offsite: [] };
    const origin = new URL(baseURL!).origin;
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.console.push(msg.text());
    });
    page.on('pageerror', (err) => problems.console.push(String(err)));
    page.on('requestfailed', (req) => problems.failed.push(`${req.url()} ${req.failure()?.errorText}`));
    page.on('response', (res) => {
      if (res.status() >= 400) problems.failed.push(`${res.url()} ${res.status()}`);
    });
    page.on('request', (req) => {
      const url = req.url();
      if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) {
        problems.offsite.push(url);
      }
    });
    await use(problems);
  },
});

export { expect };

/** Waits until the map has drawn its islands. */
export async function mapReady(page: Page) {
  await expect(page.locator('path.land.disputed').first()).toBeVisible();
}

/** An element's text and its box on screen. */
export type Box = { text: string; left: number; top: number; right: number; bottom: number };

/** The on-screen boxes of each selector's elements, all read in one layout. */
function readBoxes(page: Page, selectors: string[]): Promise<Box[][]> {
  return page.evaluate((all) => all.map((selector) =>
    [...document.querySelectorAll(selector)].map((el) => {
      const r = el.getBoundingClientRect();
      return { text: el.textContent ?? '', left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    })), selectors);
}

/** The on-screen boxes of every element `selector` matches (names, symbols). */
export async function textBoxes(page: Page, selector: string): Promise<Box[]> {
  return (await readBoxes(page, [selector]))[0];
}

/**
 * The boxes of each selector's elements, all read in one go (one layout),
 * once two readings a quarter second apart agree. The map fits its view
 * again as the timeline and controls are measured (app/src/map.rs,
 * `measure`), so names and symbols read at different moments of the
 * start-up can come from two layouts and seem to overlap.
 */
export async function settledBoxes(page: Page, selectors: string[]): Promise<Box[][]> {
  const read = () => readBoxes(page, selectors);
  let last = await read();
  for (let i = 0; i < 40; i++) {
    await page.waitForTimeout(250);
    const next = await read();
    if (JSON.stringify(next) === JSON.stringify(last)) return next;
    last = next;
  }
  throw new Error(`the map kept moving for 10 s: ${selectors.join(', ')}`);
}

/** Whether two boxes share any area (touching edges do not count). */
export const overlap = (a: Box, b: Box) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

export const shot = (name: string) => `test-results/screenshots/${name}.png`;

/** The ids of the disputed islands (not their islets' outlines, `part_of`) in the land the map draws first. */
export async function disputedIds(page: Page): Promise<string[]> {
  const land = await (await page.request.get('/api/geo/shapes/0')).json();
  const ids: string[] = land.features
    .filter((f: any) => f.properties.role === 'disputed' && !f.properties.part_of)
    .map((f: any) => f.id);
  return [...new Set(ids)].sort();
}

/** The islands of the side panels asked for in `urls` (`/fragments/panel?island=…`), sorted. */
export function panelIslands(urls: string[]): string[] {
  return urls
    .map((u) => new URL(u))
    .filter((u) => u.pathname === '/fragments/panel')
    .map((u) => u.searchParams.get('island') ?? '')
    .sort();
}

/**
 * Clicks a point inside an island's outline, as a reader would. The centre of
 * an island's bounding box is often sea (Kunashiri curves), so find a point
 * that is really in the fill and in view.
 */
export async function clickIsland(page: Page, id: string) {
  const point = await page.locator(`path[data-island="${id}"]`).evaluate((el) => {
    const path = el as SVGGeometryElement;
    const box = path.getBBox();
    const ctm = path.getScreenCTM()!;
    for (let fy = 0.5, step = 0; step < 400; step++) {
      const fx = ((step * 0.618) % 1);
      const y = box.y + box.height * ((fy + step * 0.137) % 1);
      const x = box.x + box.width * fx;
      if (path.isPointInFill(new DOMPoint(x, y))) {
        const p = new DOMPoint(x, y).matrixTransform(ctm);
        const hit = document.elementFromPoint(p.x, p.y);
        if (hit === el && p.x > 60 && p.y > 0 && p.x < innerWidth && p.y < innerHeight) return { x: p.x, y: p.y };
      }
    }
    return null;
  });
  if (!point) throw new Error(`no visible point inside island ${id}`);
  await page.mouse.click(point.x, point.y);
}

/**
 * Opens the "Map layers and legend" control as a reader would (it starts
 * folded on narrow screens and whenever a panel is open).
 */
export async function openLayers(page: Page) {
  const button = page.getByRole('button', { name: 'Map layers and legend' });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
}
