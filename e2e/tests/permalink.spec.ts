import { test, expect, mapReady, shot, openLayers } from './fixtures';

const STATE = '/?map=10/43.700/146.300&island=shikotan&date=2017-01-01&layers=islands,deployments,lines&names=ru';

test('a permalink opens the same state in a fresh browser', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(baseURL + STATE);
  await mapReady(page);
  await expect(page.locator('aside.panel h2')).toHaveText('Shikotan');
  await expect(page.locator('.timeline output')).toHaveText('1 January 2017');
  // With a panel open the layers control starts folded.
  await openLayers(page);
  await expect(page.getByRole('radio', { name: 'Russian' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Places' })).not.toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Deployments' })).toBeChecked();
  await expect(page.locator('.coords')).toContainText('43.700°N 146.300°E · zoom 10.00');
  // Where Shikotan's label sits on screen, in two separate browsers.
  const where = () => page.locator('text.label', { hasText: 'Shikotan' }).boundingBox();
  const first = (await where())!;
  const other = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page2 = await other.newPage();
  await page2.goto(baseURL + STATE);
  await mapReady(page2);
  const second = (await page2.locator('text.label', { hasText: 'Shikotan' }).boundingBox())!;
  expect(Math.abs(first.x - second.x)).toBeLessThanOrEqual(1);
  expect(Math.abs(first.y - second.y)).toBeLessThanOrEqual(1);
  expect(page2.url()).toBe(baseURL + STATE);
  await page2.screenshot({ path: shot('permalink-fresh-context') });
  await context.close();
  await other.close();
});

test('Back and Forward restore the open panel and the date', async ({ page }) => {
  await page.goto('/');
  await mapReady(page);
  await page.locator('path[data-island="etorofu"]').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('aside.panel h2')).toHaveText('Etorofu / Iturup');
  await page.locator('path[data-island="shikotan"]').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('aside.panel h2')).toHaveText('Shikotan');
  await openLayers(page);
  await page.getByRole('radio', { name: 'Japanese' }).check();
  await page.goBack();
  await expect(page.getByRole('radio', { name: 'Both' })).toBeChecked();
  await page.goBack();
  await expect(page.locator('aside.panel h2')).toHaveText('Etorofu / Iturup');
  await page.goBack();
  await expect(page.locator('aside.panel')).toHaveCount(0);
  await page.goForward();
  await expect(page.locator('aside.panel h2')).toHaveText('Etorofu / Iturup');
});

test('a link with bad parts opens the valid part and says what was ignored', async ({ page, problems }) => {
  await page.goto('/?island=kunashiri&date=2017-02-30&layers=islands,tanks&colour=red&map=99/1/2');
  await mapReady(page);
  await expect(page.locator('aside.panel h2')).toHaveText('Kunashiri / Kunashir');
  const notice = page.locator('.notice');
  await expect(notice).toContainText('date');
  await expect(notice).toContainText('tanks');
  await expect(notice).toContainText('colour');
  await expect(notice).toContainText('map');
  await page.screenshot({ path: shot('permalink-bad-link') });
  await page.getByRole('button', { name: 'Dismiss this notice' }).click();
  await expect(notice).toHaveCount(0);
  // An id with the right shape that the map does not have is explained too.
  await page.goto('/?island=atlantis');
  await expect(page.locator('.notice')).toContainText('atlantis');
  expect(problems.console).toEqual([]);
});

test('Copy link puts the canonical URL on the clipboard; Cite this view gives a citation', async ({ browser, baseURL }) => {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  const page = await context.newPage();
  await page.goto('/?names=ja&island=yuri');
  await mapReady(page);
  await openLayers(page);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.locator('.copied')).toHaveText('Link copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(`${baseURL}/?island=yuri&names=ja`);
  await page.getByRole('button', { name: 'Cite this view' }).click();
  const box = page.getByRole('textbox', { name: 'Citation in APA' });
  await expect(box).toHaveValue(/Retrieved [A-Z][a-z]+ \d{1,2}, \d{4}, from /);
  const citation = await box.inputValue();
  expect(citation).toContain('Kuril Atlas');
  expect(citation).toMatch(/Data revision [0-9a-f]{12}/);
  expect(citation).toContain(`${baseURL}/?island=yuri&names=ja`);
  await context.close();
});

test('the page for a permalink carries its preview tags, and og.png is that state', async ({ request }) => {
  const html = await (await request.get('/?island=etorofu&date=2019-01-01')).text();
  expect(html).toContain('<meta property="og:title" content="Etorofu / Iturup, as of 1 January 2019 · Kuril Atlas">');
  expect(html).toContain('og.png?island=etorofu&amp;date=2019-01-01');
  expect(html).toContain('<meta name="twitter:card" content="summary_large_image">');
  const a = await request.get('/og.png?island=etorofu&date=2019-01-01');
  expect(a.headers()['content-type']).toBe('image/png');
  const b = await request.get('/og.png?island=shikotan');
  const [pa, pb] = [await a.body(), await b.body()];
  expect(pa.readUInt32BE(16)).toBe(1200);
  expect(pa.readUInt32BE(20)).toBe(630);
  expect(pa.equals(pb)).toBe(false);
});

test('embed=1 shows the map without chrome, with a link to the full map', async ({ page }) => {
  await page.goto('/?island=kunashiri&embed=1');
  await mapReady(page);
  await expect(page.locator('.masthead')).toHaveCount(0);
  await expect(page.locator('.controls')).toHaveCount(0);
  const full = page.getByRole('link', { name: 'Open in Kuril Atlas' });
  await expect(full).toHaveAttribute('href', '/?island=kunashiri');
  const box = (await page.locator('.map').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -300);
  await expect(page.locator('.ctrl-hint')).toBeVisible();
  expect(new URL(page.url()).searchParams.get('map')).toBeNull();
  await page.screenshot({ path: shot('permalink-embed') });
});
