import { test, expect, mapReady, shot, overlap, textBoxes } from './fixtures';
import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

// Issue 21, items 3 and 4: play that narrates, and honest time.

const dateOutput = (page: Page) => page.locator('.timeline output.date');
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** A `YYYY-MM-DD` day as the English timeline writes it: "8 August 1945". */
const inWords = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
};
const caption = (page: Page) => page.locator('.timeline .caption');
const urlDate = (page: Page) => new URL(page.url()).searchParams.get('date');

test('▶ at today starts from the beginning: the date moves within two seconds and a caption names the event', async ({ page, problems }) => {
  await page.goto('/');
  await mapReady(page);
  await expect(dateOutput(page)).toHaveText(/^Today, /);
  await page.getByRole('button', { name: 'Play through the events' }).click();
  await expect(dateOutput(page)).toHaveText(/^\d{1,2} [A-Z][a-z]+ 18\d\d$/, { timeout: 2_000 });
  // The caption gives the event's date in words and its title, as a button that opens it.
  const button = caption(page).getByRole('button');
  await expect(button).toHaveText(/^(In|On|By) .*1855.*: .{8,}/, { timeout: 2_000 });
  await expect(caption(page)).toHaveAttribute('aria-live', 'polite');
  await page.screenshot({ path: shot('time-playing-1855') });
  await page.getByRole('button', { name: 'Pause the timeline' }).click();
  await button.click();
  await expect(page).toHaveURL(/event=/);
  await expect(page.locator('aside.event-card h2')).toBeVisible();
  expect(problems.console).toEqual([]);
});

test('at 1855-03-01 the header says Japan administered the islands, not Russia', async ({ page }) => {
  await page.goto('/?date=1855-03-01');
  await mapReady(page);
  const header = page.locator('main.atlas header.masthead .convention');
  await expect(header).toContainText('administered by Japan');
  await expect(header).not.toContainText('administered by Russia');
});

test('at 1945-03-01 no Soviet record is in place on Shikotan: no symbol there, and its panel says Japan', async ({ page, request }) => {
  const api = await (await request.get('/api/deployments.geojson?at=1945-03-01')).json();
  type Feature = { properties: { id: string; island: string } };
  const onShikotan = (api.features as Feature[]).filter((f) => f.properties.island === 'shikotan');
  expect(onShikotan.map((f) => f.properties.id)).toEqual([]);
  // A year later, the border guards dated "1945" are in place (from 31 December 1945).
  const later = await (await request.get('/api/deployments.geojson?at=1946-01-01')).json();
  expect((later.features as Feature[]).some((f) => f.properties.id === 'border-guards-shikotan')).toBe(true);

  await page.goto('/?island=shikotan&date=1945-03-01');
  await mapReady(page);
  await expect(page.locator('[data-site="border-guards-shikotan"]')).toHaveCount(0);
  const sites = await page.locator('g.site').evaluateAll((els) => els.map((e) => e.getAttribute('data-site') ?? ''));
  expect(sites.filter((s) => s.endsWith('shikotan'))).toEqual([]);
  const panel = page.locator('aside.panel');
  await expect(panel.locator('dt', { hasText: 'Administered by (on 1 March 1945)' })).toHaveCount(1);
  await expect(panel.locator('dt', { hasText: 'Administered by' }).locator('xpath=following-sibling::dd[1]')).toContainText('Japan');
  await page.screenshot({ path: shot('time-shikotan-1945-03-01') });
});

test('the speed control changes the pause between two events', async ({ page }) => {
  await page.goto('/?date=1855-01-01');
  await mapReady(page);
  const speed = page.getByLabel('Speed');
  await expect(speed).toHaveValue('1200');
  // Count the stops played in 1.5 seconds at the slowest and at the fastest speed.
  const stopsIn = async () => {
    const seen = new Set<string>();
    await page.getByRole('button', { name: 'Play through the events' }).click();
    for (let i = 0; i < 15; i++) {
      seen.add((await dateOutput(page).textContent()) ?? '');
      await page.waitForTimeout(100);
    }
    await page.getByRole('button', { name: 'Pause the timeline' }).click();
    return seen.size;
  };
  await speed.selectOption({ label: '0.5×' });
  const slow = await stopsIn();
  await speed.selectOption({ label: '4×' });
  const fast = await stopsIn();
  // 0.5×: a stop every 2.4 s, so the first one and at most one more; 4×: one every 0.3 s.
  expect(slow).toBeLessThanOrEqual(2);
  expect(fast).toBeGreaterThanOrEqual(slow + 2);
});

test('previous and next move to the adjacent events, by button and by key; the URL keeps the date, not play', async ({ page }) => {
  await page.goto('/?date=1945-03-01');
  await mapReady(page);
  await page.getByRole('button', { name: 'Next event' }).click();
  await expect(page).not.toHaveURL(/date=1945-03-01/);
  const next = urlDate(page)!;
  expect(next > '1945-03-01').toBe(true);
  await expect(caption(page).getByRole('button')).toBeVisible();
  await page.getByRole('button', { name: 'Previous event' }).click();
  const previous = urlDate(page)!;
  expect(previous < '1945-03-01').toBe(true);
  // The keys, while the timeline has focus: "." next, "," previous.
  await page.getByRole('button', { name: 'Next event' }).focus();
  await page.keyboard.press('.');
  await expect.poll(() => urlDate(page)).toBe(next);
  await page.keyboard.press(',');
  await expect.poll(() => urlDate(page)).toBe(previous);
  // Play, pause: the URL has the date it stopped at and nothing of play.
  await page.getByRole('button', { name: 'Play through the events' }).click();
  await expect.poll(() => urlDate(page)).not.toBe(previous);
  await page.getByRole('button', { name: 'Pause the timeline' }).click();
  const stopped = urlDate(page)!;
  await expect(dateOutput(page)).toHaveText(inWords(stopped));
  const params = [...new URL(page.url()).searchParams.keys()];
  expect(params).toEqual(['date']);
});

test('play stops after the last event: the map shows today and the caption says it ended', async ({ page }) => {
  await page.goto('/');
  await mapReady(page);
  // From today, Previous twice: the second-to-last event; play goes on to the last, then ends.
  await page.getByRole('button', { name: 'Previous event' }).click();
  const last = urlDate(page);
  await page.getByRole('button', { name: 'Previous event' }).click();
  expect(urlDate(page)! < last!).toBe(true);
  await page.getByLabel('Speed').selectOption({ label: '4×' });
  await page.getByRole('button', { name: 'Play through the events' }).click();
  await expect(caption(page)).toHaveText('Played to the end: the map shows today.');
  await expect(dateOutput(page)).toHaveText(/^Today, /);
  await expect(page.getByRole('button', { name: 'Play through the events' })).toBeVisible();
  expect(urlDate(page)).toBeNull();
});

test('a typed date moves the map; a bad one is refused in words', async ({ page }) => {
  await page.goto('/');
  await mapReady(page);
  const field = page.getByLabel('Go to date (YYYY, YYYY-MM or YYYY-MM-DD)');
  await field.fill('1956-10');
  await field.press('Enter');
  await expect(page).toHaveURL(/date=1956-10-01/);
  await expect(dateOutput(page)).toHaveText('1 October 1956');
  await field.fill('1700');
  await field.press('Enter');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(caption(page)).toHaveText('The timeline starts on 1 January 1855.');
  await field.fill('tomorrow');
  await field.press('Enter');
  await expect(caption(page)).toContainText('YYYY, YYYY-MM or YYYY-MM-DD');
  await expect(page).toHaveURL(/date=1956-10-01/);
});

test('imprecise dates are spans on the track, exact ones ticks', async ({ page }) => {
  await page.goto('/');
  await mapReady(page);
  const spans = page.locator('.timeline .tick.span');
  await expect(spans.first()).toBeAttached();
  const widths = await spans.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
  expect(Math.min(...widths)).toBeGreaterThanOrEqual(3);
  const ticks = await page.locator('.timeline .tick:not(.span)').count();
  expect(ticks).toBeGreaterThan(20);
});

test('axe-core finds no violations while playing, with the caption shown', async ({ page }) => {
  await page.goto('/?date=1945-03-01');
  await mapReady(page);
  await page.getByRole('button', { name: 'Play through the events' }).click();
  await expect(caption(page).getByRole('button')).toBeVisible();
  const results = await new AxeBuilder({ page }).include('section.timeline').analyze();
  await page.getByRole('button', { name: 'Pause the timeline' }).click();
  expect(results.violations).toEqual([]);
  const whole = await new AxeBuilder({ page }).analyze();
  expect(whole.violations).toEqual([]);
});

test('on a phone the three years under the track are all shown and apart, in every language', async ({ browser }) => {
  test.setTimeout(60_000);
  for (const [lang, locale] of [['en', 'en-GB'], ['ja', 'ja-JP'], ['ru', 'ru-RU']]) {
    for (const width of [390, 360]) {
      const context = await browser.newContext({ locale, viewport: { width, height: 844 } });
      const page = await context.newPage();
      await page.goto(`/?lang=${lang}&date=2017-01-01`);
      await mapReady(page);
      const years = page.locator('.timeline .years span');
      await expect(years).toHaveCount(3);
      // 1945, the first Soviet landing, was hidden in ja and ru; in ru "1855 г." ran into "2026 г.".
      for (const year of await years.all()) await expect(year).toBeVisible();
      const [first, middle, last] = await textBoxes(page, '.timeline .years span');
      const where = `${lang} at ${width} px`;
      expect(overlap(first, middle) || overlap(middle, last), where).toBe(false);
      expect(last.right, where).toBeLessThanOrEqual(width);
      if (width === 390) await page.locator('.timeline').screenshot({ path: shot(`time-years-${lang}-390`) });
      await context.close();
    }
  }
});

test('the play caption and the compare field\'s error line do not cover each other', async ({ browser }) => {
  test.setTimeout(60_000);
  for (const [width, height] of [[1280, 800], [1024, 768], [390, 844]]) {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto('/?date=2017-01-01');
    await mapReady(page);
    await page.locator('button.compare-open').click();
    await page.locator('.compare-field input').fill('2015-02-30');
    await page.locator('.compare-field input').press('Enter');
    await expect(page.locator('#compare-error')).not.toBeEmpty();
    await page.locator('.timeline button.play').click();
    await expect(caption(page).getByRole('button')).toBeVisible();
    const [shown] = await textBoxes(page, '.timeline .caption');
    const [field] = await textBoxes(page, '.compare-field');
    expect(overlap(shown, field), `at ${width}×${height}`).toBe(false);
    if (width === 1280) await page.screenshot({ path: shot('time-caption-over-compare-1280') });
    await page.close();
  }
});
