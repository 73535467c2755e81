import { test, expect, mapReady } from './fixtures';
import type { Page } from '@playwright/test';

// `cargo xtask test` starts a second server over geodata/ with the payloads
// of server/tests/fixtures/hostile.tsv planted (script tags, event handlers,
// javascript: links, U+202E) and passes its address here. Every payload must
// show as text; none may run or become markup.
const hostile = process.env.HOSTILE_BASE_URL;

// Not a skip: without the hostile server these tests would prove nothing, so they fail.
test.beforeEach(() => {
  if (!hostile) throw new Error('HOSTILE_BASE_URL is not set: run the browser tests with `cargo xtask test`');
});

/** Fails the test on any alert/confirm/prompt, which every payload calls. */
function forbidDialogs(page: Page, fired: string[]) {
  page.on('dialog', async (d) => {
    fired.push(d.message());
    await d.dismiss();
  });
}

/** No element or attribute the payloads would create if parsed as HTML/SVG. */
async function assertNoInjectedMarkup(page: Page) {
  const injected = await page.evaluate(() => {
    const found: string[] = [];
    for (const el of Array.from(document.querySelectorAll('*'))) {
      for (const attr of Array.from(el.attributes)) {
        if (/^on/i.test(attr.name)) found.push(`${el.tagName} ${attr.name}`);
        if (/^\s*javascript:/i.test(attr.value)) found.push(`${el.tagName} ${attr.name}=${attr.value}`);
      }
    }
    const extra = document.querySelectorAll('body script, body iframe, img[src="x"], body b');
    extra.forEach((el) => found.push(el.outerHTML.slice(0, 80)));
    return found;
  });
  expect(injected).toEqual([]);
}

test('hostile names in the panel and on the map are shown as text', async ({ page, problems }) => {
  const fired: string[] = [];
  forbidDialogs(page, fired);
  await page.goto(`${hostile}/?island=shikotan`);
  await mapReady(page);
  const title = page.locator('aside.panel h2');
  // The server draws the panel: its escaping also drops bidirectional
  // overrides (U+202E), which could reorder the text around them.
  await expect(title).toContainText('<img src=x onerror=alert(9)>Shikotan');
  expect(await title.textContent()).not.toContain('\u202e');
  await expect(page.locator('aside.panel')).toContainText('</text><script>alert(8)</script>');
  // Labels on the map are SVG <text>: the payload stays a text node there too.
  await expect(page.locator('svg text.label').filter({ hasText: '<img src=x onerror=alert(9)>' }).first()).toBeAttached();
  await assertNoInjectedMarkup(page);
  expect(fired).toEqual([]);
  expect(problems.console).toEqual([]);
});

test('hostile event titles, summaries and notes are shown as text', async ({ page, problems }) => {
  const fired: string[] = [];
  forbidDialogs(page, fired);
  await page.goto(`${hostile}/?event=treaty-of-shimoda-1855`);
  const card = page.locator('aside.event-card');
  await expect(card.locator('h2')).toContainText('<script>alert(1)</script>Treaty of Shimoda');
  expect(await card.locator('h2').textContent()).not.toContain('\u202e');
  await expect(card).toContainText('<img src=x onerror=alert(2)>');
  // Every source link is http(s): the loader refuses anything else. The
  // other links are on our origin: the event's own page, and the map's own
  // states ("Read in …", a permalink the app follows without a page load).
  const hrefs = await card.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  expect(hrefs.length).toBeGreaterThan(1);
  const ours = hrefs.filter((href) => !/^https?:\/\//.test(href));
  expect(ours).toContain('/events/treaty-of-shimoda-1855');
  expect(ours.filter((href) => href !== '/events/treaty-of-shimoda-1855' && !href.startsWith('/?event=treaty-of-shimoda-1855&'))).toEqual([]);

  // Excerpt 12 carries the fact-check note with the `javascript:` link.
  await page.goto(`${hostile}/?article=seed-2017-03-20&excerpt=12`);
  const reader = page.locator('aside.reader');
  await expect(reader).toContainText('<iframe src=javascript:alert(5)></iframe>');
  await expect(reader.locator('.excerpt-notes')).toContainText("<a href='javascript:alert(4)'>click</a>");
  await assertNoInjectedMarkup(page);
  expect(fired).toEqual([]);
  expect(problems.console).toEqual([]);
});
