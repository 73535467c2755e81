import { test, expect, mapReady } from './fixtures';

const SEED = 'seed-2017-03-20';

test('a link to an excerpt opens its notes beside it, quoting it, with the fact-check', async ({ page, request, problems }) => {
  const article = await (await request.get(`/api/articles/${SEED}`)).json();
  const index = article.excerpts.findIndex((e: any) => e.annotations.some((a: any) => a.kind === 'fact-check'));
  expect(index).toBeGreaterThanOrEqual(0);
  const n = index + 1;
  const quote: string = article.excerpts[index].excerpt.quote;
  await page.goto(`/?article=${SEED}&excerpt=${n}`);
  await mapReady(page);
  const notes = page.locator('.excerpt-notes');
  await expect(notes).toHaveCount(1);
  await expect(notes.locator('h3')).toHaveText(new RegExp(`excerpt ${n} of ${article.excerpts.length}`));
  await expect(notes.locator('blockquote')).toContainText(quote.slice(0, 40));
  await expect(notes).toContainText('Fact-check');
  // Beside the excerpt: right after it in the text, and both in the reader's view.
  const follows = await page.locator(`#excerpt-${n}`).evaluate((mark) => mark.nextElementSibling?.classList.contains('excerpt-notes'));
  expect(follows).toBe(true);
  const reader = (await page.locator('aside.reader').boundingBox())!;
  const box = (await notes.locator('h3').boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(reader.y);
  expect(box.y).toBeLessThan(reader.y + reader.height);
  expect(problems.console).toEqual([]);
});

test("an event's excerpts are quoted and each link is worded differently", async ({ page, request }) => {
  const events = (await (await request.get('/api/events?limit=1000')).json()).items;
  const event = events.find((e: any) => e.excerpts.length >= 2);
  expect(event, 'an event with two excerpts of the seed article').toBeTruthy();
  await page.goto(`/?event=${event.id}`);
  await mapReady(page);
  const card = page.locator('aside.event-card');
  await expect(card.locator('.excerpts blockquote')).toHaveCount(event.excerpts.length);
  const links = await card.locator('.excerpts a').allTextContents();
  expect(links.length).toBe(event.excerpts.length);
  expect(new Set(links).size).toBe(links.length);
  // Each opens the article it is from, at that excerpt (they all opened the seed article).
  const articles = (await (await request.get('/api/articles')).json()).items;
  const home = articles.find((a: any) => a.excerpts.some((x: any) => x.excerpt.id === event.excerpts[0]));
  const number = home.excerpts.findIndex((x: any) => x.excerpt.id === event.excerpts[0]) + 1;
  await card.locator('.excerpts a').first().click();
  await expect(page).toHaveURL(new RegExp(`article=${home.article.id}&excerpt=${number}(&|$)`));
  await expect(page.locator('.excerpt-notes blockquote')).toBeVisible();
});

test('an unknown article, an excerpt past the last and a future date get the bad-link notice', async ({ page, request }) => {
  await page.goto('/?article=nope&island=kunashiri');
  await mapReady(page);
  const notice = page.locator('.notice');
  await expect(notice).toContainText('Kuril Atlas has no article “nope”');
  await expect(notice).not.toContainText('404');
  await expect(page.locator('aside.reader')).toHaveCount(0);
  // The rest of the link still applies.
  await expect(page.locator('aside.panel h2')).toContainText('Kunashiri');

  const count = (await (await request.get(`/api/articles/${SEED}`)).json()).excerpts.length;
  await page.goto(`/?article=${SEED}&excerpt=999`);
  await mapReady(page);
  await expect(page.locator('.notice')).toContainText(`there is no excerpt 999: this article has ${count}`);
  await expect(page.locator('aside.reader h2')).toBeVisible();
  await expect(page.locator('.excerpt-notes')).toHaveCount(0);

  await page.goto('/?date=2035-06-01');
  await mapReady(page);
  await expect(page.locator('.notice')).toContainText('1 June 2035 is in the future; the map shows today');
});
