import { test, expect, mapReady, shot } from './fixtures';
import AxeBuilder from '@axe-core/playwright';

// Issue 18, items 4 and 6: each event's own page, readable without
// JavaScript, linked from the event card; the Atom feed parses and holds
// every event.

const ID = 'bastion-bal-deployed-2016';

for (const [width, height] of [[1280, 800], [390, 844]]) {
  test.describe(`without JavaScript at ${width}×${height}`, () => {
    test.use({ javaScriptEnabled: false, viewport: { width, height } });

    test(`an event page reads without JavaScript, its sources are links (${width})`, async ({ page, request, problems }) => {
      const answer = await request.get(`/api/events/${ID}`);
      const { event } = await answer.json();
      await page.goto(`/events/${ID}`);
      await expect(page.locator('h1')).toHaveText(event.title);
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      const sources = page.locator('ul.source-list a');
      await expect(sources).toHaveCount(event.sources.length);
      for (const [i, source] of event.sources.entries()) {
        await expect(sources.nth(i)).toHaveAttribute('href', source.url);
      }
      await expect(page.getByRole('link', { name: 'Open on the map' })).toHaveAttribute('href', `/?event=${ID}`);
      await expect(page.getByRole('navigation', { name: 'Earlier and later events' }).getByRole('link')).toHaveCount(2);
      // Nothing runs off the side of a phone.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: shot(`event-page-${width}`), fullPage: true });
      expect(problems.console).toEqual([]);
      expect(problems.failed).toEqual([]);
      expect(problems.offsite).toEqual([]);
    });
  });
}

test('an event page in Japanese has no accessibility violations', async ({ page }) => {
  await page.goto(`/events/${ID}?lang=ja`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.locator('h1')).toContainText('択捉島');
  await page.screenshot({ path: shot('event-page-ja-1280'), fullPage: true });
  for (const url of [`/events/${ID}?lang=ja`, `/events/${ID}`, '/events/no-such-event']) {
    await page.goto(url);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${url}: ${v.id}: ${v.help}`)).toEqual([]);
  }
});

test("the event card's link opens the event's page, by keyboard too", async ({ page }) => {
  await page.goto(`/?event=${ID}`);
  await mapReady(page);
  const link = page.locator('aside.event-card').getByRole('link', { name: 'Event page (to cite and share)' });
  await expect(link).toHaveAttribute('href', `/events/${ID}`);
  await link.scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('event-card-link-1280') });
  await page.setViewportSize({ width: 390, height: 844 });
  await link.scrollIntoViewIfNeeded();
  await expect(link).toBeVisible();
  await page.screenshot({ path: shot('event-card-link-390') });
  await page.setViewportSize({ width: 1280, height: 800 });
  await link.focus();
  await expect(link).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/events/${ID}$`));
  await expect(page.locator('h1')).toBeVisible();
  // In Russian, the card links the Russian page.
  await page.goto(`/?event=${ID}&lang=ru`);
  await mapReady(page);
  await expect(page.locator('aside.event-card a[href^="/events/"]')).toHaveAttribute('href', `/events/${ID}?lang=ru`);
});

test('the feed parses and holds every event; the page head links it', async ({ page, request }) => {
  const { total } = await (await request.get('/api/events?limit=1')).json();
  const feed = await request.get('/feed.atom');
  expect(feed.headers()['content-type']).toBe('application/atom+xml; charset=utf-8');
  const xml = await feed.text();
  await page.goto('/events/' + ID);
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    const ns = 'http://www.w3.org/2005/Atom';
    return {
      error: doc.getElementsByTagName('parsererror').length,
      root: doc.documentElement.namespaceURI + ' ' + doc.documentElement.localName,
      entries: doc.getElementsByTagNameNS(ns, 'entry').length,
      self: doc.querySelector('feed > link[rel="self"]')?.getAttribute('href') ?? null,
    };
  }, xml);
  expect(parsed.error).toBe(0);
  expect(parsed.root).toBe('http://www.w3.org/2005/Atom feed');
  expect(parsed.entries).toBe(total);
  expect(parsed.self).toMatch(/\/feed\.atom$/);
  const links = page.locator('head link[rel="alternate"][type="application/atom+xml"]');
  await expect(links).toHaveCount(1);
  await page.goto('/?island=etorofu');
  await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"]')).toHaveCount(2);
});
