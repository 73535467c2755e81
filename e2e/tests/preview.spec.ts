import type { Page } from '@playwright/test';
import { test, expect, mapReady, shot } from './fixtures';

// The server-drawn first paint and the link previews follow the link (issue 21).

test('the first paint says what the app will for the link’s date and names', async ({ browser, baseURL }) => {
  for (const link of ['/?date=1855-03-01', '/?date=1960-01-01&names=ru', '/']) {
    // Before the WebAssembly runs: only the server's first paint is on screen.
    const context = await browser.newContext({ baseURL });
    const first = await context.newPage();
    await first.route('**/*.wasm', (route) => route.abort());
    await first.goto(link);
    const painted = (await first.locator('.prerender .convention').textContent())!.trim();
    await context.close();
    // Once the app runs, its masthead says the same.
    const app = await browser.newPage({ baseURL });
    await app.goto(link);
    await mapReady(app);
    await expect(app.locator('.prerender')).toBeHidden();
    await expect(app.locator('main .masthead .convention')).toHaveText(painted);
    await app.close();
    if (link.includes('1855')) {
      expect(painted).toContain('administered by Japan');
      expect(painted).not.toContain('administered by Russia');
    }
  }
});

test('a deployment link previews the unit, its island in the link’s names and its period', async ({ request }) => {
  const html = await (await request.get('/?deployment=bastion-etorofu&names=ru')).text();
  expect(html).toMatch(/<title>Bastion coastal missile battalion[^<]*, Iturup, since November 2016 · Kuril Atlas<\/title>/);
  expect(html).toContain('og.png?deployment=bastion-etorofu&amp;names=ru');
  const marked = await (await request.get('/og.png?deployment=bastion-etorofu&names=ru')).body();
  const plain = await (await request.get('/og.png?names=ru')).body();
  expect(marked.readUInt32BE(16)).toBe(1200);
  expect(marked.equals(plain)).toBe(false);
  // An id the data does not know: the plain preview, no error.
  const unknown = await request.get('/og.png?deployment=no-such-unit&names=ru');
  expect(unknown.status()).toBe(200);
  expect((await unknown.body()).equals(plain)).toBe(true);
});

/** Etorofu on the server's first paint (its largest disputed outline), on screen. */
async function paintedEtorofu(page: Page) {
  return page.locator('.prerender-map path[fill="#e69f00"]').evaluateAll((paths) => {
    const boxes = paths.map((p) => p.getBoundingClientRect());
    const r = boxes.reduce((a, b) => (b.width * b.height > a.width * a.height ? b : a));
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });
}

/** The page with its WebAssembly held back until `release` is called. */
async function holdingTheApp(page: Page) {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/*.wasm', async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** With the app held back, opens the page and presses the pointer on the
 * first paint: where Etorofu was painted, and where the press is. */
async function pressOnTheFirstPaint(page: Page) {
  const release = await holdingTheApp(page);
  await page.goto('/');
  const paint = page.locator('.prerender-map');
  await expect(paint).toBeVisible();
  const before = await paintedEtorofu(page);
  const box = (await paint.boundingBox())!;
  const [x, y] = [box.x + box.width * 0.3, box.y + box.height * 0.6];
  await page.mouse.move(x, y);
  await page.mouse.down();
  return { release, before, x, y };
}

const near = (a: { x: number; y: number; width: number }, b: { x: number; y: number; width: number }) =>
  Math.max(Math.abs(a.x - b.x), Math.abs(a.y - b.y), Math.abs(a.width - b.width));

for (const [name, viewport] of [['desktop', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]] as const) {
  test(`the first paint follows a drag and the app starts where it was left (${name})`, async ({ page, problems }) => {
    await page.setViewportSize(viewport);
    const { release, before, x, y } = await pressOnTheFirstPaint(page);
    await page.mouse.move(x + 60, y + 25, { steps: 4 });
    await page.mouse.up();
    const dragged = await paintedEtorofu(page);
    expect(Math.abs(dragged.x - before.x - 60)).toBeLessThan(0.5);
    expect(Math.abs(dragged.y - before.y - 25)).toBeLessThan(0.5);
    await page.screenshot({ path: shot(`first-paint-dragged-${name}`) });
    // The app takes over: Etorofu stays where the reader left it, and the
    // URL gets the view as after any pan.
    release();
    await mapReady(page);
    await expect(page.locator('.prerender')).toHaveCount(0);
    const app = (await page.locator('path[data-island="etorofu"]').boundingBox())!;
    expect(near(app, dragged)).toBeLessThan(2);
    await expect(page).toHaveURL(/[?&]map=/);
    await page.screenshot({ path: shot(`first-paint-taken-over-${name}`) });
    expect(problems).toEqual({ console: [], failed: [], offsite: [] });
  });
}

test('a drag under way when the app arrives goes on, and the app starts where it ends', async ({ page }) => {
  const { release, before, x, y } = await pressOnTheFirstPaint(page);
  await page.mouse.move(x - 40, y + 20, { steps: 3 });
  // The app arrives mid-drag (it waits for the drag to end, or takes it over).
  const arrived = page.waitForResponse('**/*.wasm');
  release();
  await arrived;
  await page.waitForTimeout(500);
  await page.mouse.move(x - 90, y + 50, { steps: 3 });
  await page.mouse.up();
  await mapReady(page);
  const app = (await page.locator('path[data-island="etorofu"]').boundingBox())!;
  expect(near(app, { ...before, x: before.x - 90, y: before.y + 50 })).toBeLessThan(2);
  // A drag is not a click: no island was opened.
  await expect(page.locator('aside.panel')).toHaveCount(0);
});
