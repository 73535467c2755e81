import { test, expect, mapReady, shot, openLayers } from './fixtures';

// Issue 16, tried as a new user would: records that end, sources with a kind,
// many quotes in the reader, both governments' positions one click away.

test("today's map has no 1945 landing force in place; Kunashiri's history says when it ended", async ({ page, problems }) => {
  await page.goto('/?island=kunashiri');
  await mapReady(page);
  await expect(page.locator('g.site').first()).toBeVisible();
  const onMap = await page.locator('g.site').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  expect(onMap.filter((l) => /landing force/i.test(l))).toEqual([]);
  // The landing is in the Soviet years' period, folded until opened.
  await page.locator('aside.panel summary.story-toggle', { hasText: /^1945–1991/ }).click();
  const landing = page.locator('aside.panel .story-entry', { hasText: 'landing force' });
  await expect(landing.first()).toContainText('active');
  await expect(landing.filter({ hasText: 'withdrawn' })).toHaveCount(1);
  await page.screenshot({ path: shot('evidence-kunashiri-today') });
  expect(problems.console).toEqual([]);
});

test('an event card gives each source its kind and follows the names switch', async ({ page, problems }) => {
  await page.goto('/?event=aid-mission-turned-back-2009');
  await mapReady(page);
  const card = page.locator('aside.panel');
  await expect(card.locator('ul.sources li').first()).toContainText('(wire, en)');
  await expect(card.locator('h2')).toContainText('Kunashiri / Kunashir');
  // With a card open the layers control starts folded.
  await openLayers(page);
  await page.getByRole('radio', { name: 'Russian' }).check();
  await expect(card.locator('h2')).toContainText('Kunashir');
  await expect(card.locator('h2')).not.toContainText('Kunashiri');
  expect(problems.console).toEqual([]);
});

test('the reader lists at least 25 quotes besides the seed article, filtered by island', async ({ page, problems }) => {
  await page.goto('/?article=seed-2017-03-20');
  const list = page.getByRole('region', { name: 'Quotes from every source' });
  const status = list.getByRole('status');
  await expect(status).toHaveText(/^\d+ quotes$/);
  const all = Number((await status.textContent())!.split(' ')[0]);
  const api = await (await page.request.get('/api/articles')).json();
  type Listed = { article: { id: string; outlet: string; url: string | null }; excerpts: unknown[] };
  const quoted = (api.items as Listed[]).filter((a) => a.article.id !== 'seed-2017-03-20');
  const quotes = quoted.reduce((n, a) => n + a.excerpts.length, 0);
  expect(quotes).toBeGreaterThanOrEqual(25);
  expect(new Set(quoted.map((a) => a.article.outlet)).size).toBeGreaterThanOrEqual(10);
  expect(quoted.every((a) => a.article.url?.startsWith('http'))).toBe(true);
  expect(all).toBe(quotes + (api.items as Listed[])[0].excerpts.length);
  await list.getByRole('combobox').first().selectOption({ label: 'Shikotan' });
  await expect(status).not.toHaveText(`${all} quotes`);
  const some = Number((await status.textContent())!.split(' ')[0]);
  expect(some).toBeGreaterThan(0);
  expect(some).toBeLessThan(all);
  await status.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('evidence-quotes-shikotan') });
  expect(problems.console).toEqual([]);
});

test("the header leads to both governments' positions and to how we source", async ({ page, problems }) => {
  await page.goto('/');
  await mapReady(page);
  await page.getByRole('link', { name: 'About the dispute' }).click();
  await expect(page.getByRole('heading', { name: "Japan's position" })).toBeVisible();
  await expect(page.getByRole('heading', { name: "Russia's position" })).toBeVisible();
  await expect(page.locator('a[href*="mofa.go.jp"]').first()).toBeVisible();
  await page.screenshot({ path: shot('evidence-about'), fullPage: true });
  await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'How we source' }).click();
  await expect(page.getByRole('heading', { name: 'The evidence today' })).toBeVisible();
  expect(problems.console).toEqual([]);
  expect(problems.failed).toEqual([]);
});

test("the header says who held the islands on the map's date", async ({ page, problems }) => {
  await page.goto('/?date=1855-03-01');
  await mapReady(page);
  const note = page.locator('main .convention');
  await expect(note).toContainText('administered by Japan');
  await expect(note).not.toContainText('administered by Russia');
  await page.goto('/?date=1960-01-01');
  await mapReady(page);
  await expect(note).toContainText('administered by the Soviet Union and claimed by Japan');
  await page.goto('/');
  await mapReady(page);
  await expect(note).toContainText('administered by Russia and claimed by Japan');
  expect(problems.console).toEqual([]);
});
