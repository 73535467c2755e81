import { test, expect, mapReady, shot, openLayers } from './fixtures';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';

// Issue 21 item 2, tried as the analyst would: Iturup's whole story, events
// and deployment changes in one list, by period, filterable, the map's date
// marked, opening at the record the panel came from.

/** The period buttons of the open panel's story. */
const periods = (panel: Locator) => panel.locator('.story-toggle');

/** A period's `<details>`, by the start of its label. */
const period = (panel: Locator, name: RegExp) =>
  panel.locator('details', { has: panel.page().locator('summary.story-toggle', { hasText: name }) });

async function openPeriod(panel: Locator, name: RegExp) {
  const details = period(panel, name);
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) {
    await details.locator('summary.story-toggle').click();
  }
  await expect(details).toHaveAttribute('open', '');
}

/** The map-date mark: on the entry it stands before, or at the end of a period. */
const mark = (panel: Locator) => panel.locator('.story-entry.marked, .story-entries.marked-end');

async function storyReady(page: Page) {
  await mapReady(page);
  const panel = page.locator('aside.panel');
  await expect(periods(panel).first()).toBeVisible();
  return panel;
}

test("Etorofu's panel opens short: periods folded but today's, the map's date marked", async ({ page, problems }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/?island=etorofu');
  const panel = await storyReady(page);
  const labels = await periods(panel).allTextContents();
  expect(labels.length).toBeGreaterThanOrEqual(4);
  expect(labels[0]).toMatch(/^Until 1945 \(\d+\)/);
  expect(labels.some((l) => l.startsWith('1945–1991 · administered by the Soviet Union'))).toBe(true);
  // Only the period holding the map's date (today) is open, and it says so.
  const expanded = await periods(panel).evaluateAll((els) => els.map((e) => (e.parentElement as HTMLDetailsElement).open));
  expect(expanded.filter((e) => e)).toHaveLength(1);
  expect(expanded[expanded.length - 1]).toBe(true);
  await expect(periods(panel).last()).toContainText('map date');
  await expect(mark(panel)).toHaveCount(1);
  await expect(mark(panel)).toBeVisible();
  // Short: the old list was about 7,000 px (2,005 px now that the chart
  // gives its long names a second line instead of letting them run off).
  const height = await panel.evaluate((el) => el.scrollHeight);
  expect(height).toBeLessThan(2100);
  await page.screenshot({ path: shot('story-etorofu-1280') });
  expect(problems.console).toEqual([]);
});

test('the 1855 treaty and Medvedev on Etorofu are entries; an event entry opens its card', async ({ page, problems }) => {
  await page.goto('/?island=etorofu');
  const panel = await storyReady(page);
  await openPeriod(panel, /^Until 1945/);
  const treaty = panel.locator('.story-entry', { hasText: 'Treaty of Shimoda' });
  await expect(treaty).toHaveCount(1);
  // A day-precise record says its day; a year-only one its year.
  await expect(treaty.locator('.when')).toHaveText('7 February 1855');
  await expect(treaty.locator('.story-more summary')).toContainText(/^treaty · \d+ sources/);
  await openPeriod(panel, /^2015–2019/);
  const visit = panel.locator('.story-entry', { hasText: 'Medvedev visits' });
  await expect(visit.first()).toContainText('22 August 2015');
  // Deployment changes are in the same list, with their category.
  await expect(panel.locator('.story-entry', { hasText: 'Coastal missiles' }).first()).toBeVisible();
  // Sources are folded under each entry.
  const more = treaty.locator('details.story-more');
  await expect(more.locator('summary')).toContainText(' sources');
  await more.locator('summary').click();
  await expect(more.locator('ul.sources li').first()).toBeVisible();
  await page.screenshot({ path: shot('story-etorofu-expanded') });
  await treaty.locator('.story-open').click();
  await expect(page).toHaveURL(/event=treaty-of-shimoda-1855/);
  await expect(page.locator('aside.panel h2')).toContainText('Treaty of Shimoda');
  expect(problems.console).toEqual([]);
});

test("Medvedev's 2010 visit is in Kunashiri's story", async ({ page }) => {
  await page.goto('/?island=kunashiri');
  const panel = await storyReady(page);
  await openPeriod(panel, /^2010–2014/);
  await expect(panel.locator('.story-entry', { hasText: 'first Russian leader' }).locator('.when')).toHaveText('1 November 2010');
});

test('the kind filter shows the entries of one kind and the counts follow', async ({ page, problems }) => {
  await page.goto('/?island=etorofu');
  const panel = await storyReady(page);
  await openPeriod(panel, /^2015–2019/);
  const summary = period(panel, /^2015–2019/).locator('summary.story-toggle');
  // The label shown (each choice of the filter has its own, the others hidden).
  const count = async () => Number((await summary.innerText()).match(/\((\d+)\)/)![1]);
  const before = await count();
  const entries = period(panel, /^2015–2019/).locator('.story-entry');
  await expect(entries.filter({ visible: true })).toHaveCount(before);
  const visits = period(panel, /^2015–2019/)
    .locator('.story-entry', { has: page.locator('.story-more summary', { hasText: /^visit · / }) });
  const nVisits = await visits.count();
  expect(nVisits).toBeGreaterThan(0);
  expect(nVisits).toBeLessThan(before);
  // The server draws it as radios since the panels moved there: one kind at a time, or all.
  await panel.getByRole('radio', { name: 'Visits' }).check();
  await expect(entries.filter({ visible: true })).toHaveCount(nVisits);
  await expect(visits.filter({ visible: true })).toHaveCount(nVisits);
  expect(await count()).toBe(nVisits);
  const changes = panel.locator('.story-entry', { has: page.locator('.badge') });
  await expect(changes.filter({ visible: true })).toHaveCount(0);
  await panel.getByRole('radio', { name: 'Deployment changes' }).check();
  await expect(changes.filter({ visible: true }).first()).toBeVisible();
  await expect(visits.filter({ visible: true })).toHaveCount(0);
  await panel.getByRole('radio', { name: 'All' }).check();
  await expect(entries.filter({ visible: true })).toHaveCount(before);
  expect(await count()).toBe(before);
  // Not in the URL: the filter is the reader's view, not the shared state.
  expect(page.url()).not.toMatch(/visit|filter/);
  expect(problems.console).toEqual([]);
});

test('opened from an event, the story returns to it: its period open, the entry highlighted and in view', async ({ page, problems }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/?island=etorofu&event=treaty-of-shimoda-1855');
  await mapReady(page);
  await expect(page.locator('aside.panel h2')).toContainText('Treaty of Shimoda');
  await page.getByRole('button', { name: 'Close the event' }).click();
  const panel = await storyReady(page);
  const entry = panel.locator('.story-entry.focused');
  await expect(entry).toContainText('Treaty of Shimoda');
  await expect(period(panel, /^Until 1945/)).toHaveAttribute('open', '');
  await expect(entry).toBeInViewport();
  await page.screenshot({ path: shot('story-from-event') });
  expect(problems.console).toEqual([]);
});

test("opened from a deployment's card, the story scrolls to its change", async ({ page, problems }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/?date=2017-01-01');
  await mapReady(page);
  const site = page.locator('g.site[data-site="bastion-etorofu"]');
  await site.dispatchEvent('click');
  // The symbol opens the record's card; the card leads to the island's story.
  await page.locator('aside.deployment-card').getByRole('button', { name: /^The whole story of / }).click();
  const panel = await storyReady(page);
  const entry = panel.locator('.story-entry.focused');
  await expect(entry).toContainText('Bastion');
  await expect(entry).toBeInViewport();
  await page.screenshot({ path: shot('story-from-site') });
  expect(problems.console).toEqual([]);
});

test('a deployment change moves the map to its day; the map date mark follows', async ({ page }) => {
  await page.goto('/?island=etorofu');
  const panel = await storyReady(page);
  await openPeriod(panel, /^2015–2019/);
  const change = period(panel, /^2015–2019/).locator('.story-entry', { has: page.locator('.badge') }).first();
  await change.locator('.story-open').click();
  // Its card opens over the story, on the change's day; closing it comes back to the entry.
  await expect(page).toHaveURL(/date=201\d-.*deployment=/);
  await page.locator('aside.deployment-card').getByRole('button', { name: 'Close the deployment' }).click();
  await expect(change).toHaveClass(/focused/);
  await expect(mark(panel)).toHaveCount(1);
  // The mark stands after the entry whose day the map shows: on a later
  // entry of its period, or at the period's end.
  const after = await change.evaluate((el) => {
    for (let next = el.nextElementSibling; next; next = next.nextElementSibling) {
      if (next.classList.contains('marked')) return true;
    }
    return el.parentElement!.classList.contains('marked-end');
  });
  expect(after).toBe(true);
  expect(await change.evaluate((el) => el.classList.contains('marked'))).toBe(false);
});

test('keyboard only: open a period, an entry, and back', async ({ page }) => {
  await page.goto('/?island=shikotan');
  const panel = await storyReady(page);
  const toggle = period(panel, /^Until 1945/).locator('summary.story-toggle');
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(period(panel, /^Until 1945/)).toHaveAttribute('open', '');
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveClass(/story-open/);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/event=/);
  await page.screenshot({ path: shot('story-keyboard') });
});

test('a phone shows the story in the bottom sheet', async ({ page, problems }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/?island=etorofu');
  const panel = await storyReady(page);
  await openPeriod(panel, /^Until 1945/);
  await panel.locator('.story-entry', { hasText: 'Treaty of Shimoda' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: shot('story-phone') });
  expect(problems.console).toEqual([]);
});

test('axe: the story with a period open has no violations', async ({ page }) => {
  await page.goto('/?island=etorofu');
  const panel = await storyReady(page);
  await openPeriod(panel, /^2015–2019/);
  await period(panel, /^2015–2019/).locator('details.story-more summary').first().click();
  const results = await new AxeBuilder({ page }).include('aside.panel').analyze();
  expect(results.violations).toEqual([]);
});

test('entry titles follow the names switch', async ({ page, problems }) => {
  await page.goto('/?island=kunashiri');
  const panel = await storyReady(page);
  await openPeriod(panel, /^Until 1945/);
  const first = period(panel, /^Until 1945/).locator('.story-entry .what').first();
  await expect(first).toContainText('Kunashiri / Kunashir');
  // With a panel open the layers control starts folded.
  await openLayers(page);
  await page.getByRole('radio', { name: 'Russian' }).check();
  // The panel is drawn again in the new names, its periods folded but the
  // date's (the old panel stays until the new one is in: wait for it).
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText('Kunashir');
  await openPeriod(panel, /^Until 1945/);
  await expect(first).not.toContainText('Kunashiri');
  await expect(first).toContainText('Kunashir');
  expect(problems.console).toEqual([]);
});
