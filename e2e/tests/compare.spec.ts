import AxeBuilder from '@axe-core/playwright';
import { Page } from '@playwright/test';
import { test, expect, mapReady, shot } from './fixtures';

// Comparing two dates (issue 18): `compare=` beside `date=` lists the
// deployments added, withdrawn and changed between them and draws them on
// the map; the timeline's "Compare with…" reaches the same state by keyboard.

const LINK = '/?date=2017-01-01&compare=2015-01-01';
const ADDED = ['bastion-etorofu', 'bal-kunashiri'];

async function axeClean(page: Page) {
  await page.waitForLoadState('networkidle');
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes[0]?.target}`)).toEqual([]);
}

/** The list names Bastion and Bal as added, with their events and sources, and the map marks them. */
async function showsBastionAndBalAdded(page: Page) {
  const panel = page.locator('aside.panel.changes');
  await expect(panel.locator('h2')).toHaveText('Changes between 1 January 2015 and 1 January 2017');
  const added = panel.locator('ul.change-list.added');
  for (const id of ADDED) {
    const entry = added.locator(`li.change[data-deployment="${id}"]`);
    await expect(entry).toHaveCount(1);
    await expect(entry.locator('.change-name')).toContainText(id.startsWith('bastion') ? 'Bastion' : 'Bal');
    await expect(entry.locator(':scope > .when')).toHaveText('not there → active');
    await expect(entry.locator('ul.evidence a').first()).toBeVisible();
    await expect(entry.locator('ul.sources a').first()).toHaveAttribute('href', /^https?:\/\//);
    // Drawn as added on the map.
    await expect(page.locator(`g[data-change="${id}"][data-kind="added"] .ring`)).toBeVisible();
  }
  await expect(panel.locator('ul.change-key li')).toHaveCount(3);
}

test('a compare link lists and draws Bastion and Bal as added, on a desktop and a phone', async ({ page, problems }) => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
    await page.setViewportSize(viewport);
    await page.goto(LINK);
    await mapReady(page);
    await showsBastionAndBalAdded(page);
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: shot(`compare-${viewport.width}`) });
  }
  await axeClean(page);
  // An event of the list opens its card; closing it returns to the list.
  const event = page.locator('li.change[data-deployment="bal-kunashiri"] ul.evidence a').first();
  await event.click();
  await expect(page).toHaveURL(/event=/);
  await expect(page.locator('aside.panel')).not.toHaveClass(/changes/);
  await page.keyboard.press('Escape');
  await expect(page.locator('aside.panel.changes')).toBeVisible();
  expect(problems.console).toEqual([]);
  expect(problems.failed).toEqual([]);
});

test('Compare with… by keyboard alone from a plain page reaches the same state', async ({ page, problems }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/?date=2017-01-01');
  await mapReady(page);
  const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
  let found = false;
  for (let i = 0; i < 80 && !found; i++) {
    await page.keyboard.press('Tab');
    found = (await focused()) === 'Compare with…';
  }
  expect(found).toBe(true);
  const button = page.locator('button.compare-open');
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('Enter');
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  const field = page.getByLabel(/Compare the map's date with/);
  await expect(field).toBeFocused();
  // A date that does not exist is refused and said.
  await page.keyboard.type('2015-02-30');
  await page.keyboard.press('Enter');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#compare-error')).not.toBeEmpty();
  await page.screenshot({ path: shot('compare-field-1280') });
  await page.keyboard.press('Control+A');
  await page.keyboard.type('2015-01-01');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\?date=2017-01-01&compare=2015-01-01$/);
  await showsBastionAndBalAdded(page);
  // The list's heading takes focus, for a screen reader.
  await expect(page.locator('#changes-title')).toBeFocused();
  await expect(button).toHaveText('Compared with 1 January 2015');
  await axeClean(page);
  // Stop comparing: the marks and the list go, the URL forgets compare=.
  await page.locator('button.compare-stop').focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\?date=2017-01-01$/);
  await expect(page.locator('aside.panel.changes')).toHaveCount(0);
  await expect(page.locator('g[data-change]')).toHaveCount(0);
  expect(problems.console).toEqual([]);
});

test('a withdrawal is drawn struck at its old site and listed as withdrawn', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/?date=2024-01-01&compare=2021-06-01');
  await mapReady(page);
  const withdrawn = page.locator('ul.change-list.withdrawn li.change[data-deployment="s-300v4-etorofu"]');
  await expect(withdrawn).toHaveCount(1);
  await expect(page.locator('g[data-change="s-300v4-etorofu"][data-kind="withdrawn"] .strike')).toBeVisible();
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: shot('compare-withdrawn-1280') });
  // Another date: the list and the marks follow it.
  await page.locator('button.compare-open').click();
  await page.getByLabel(/Compare the map's date with/).fill('2015-01-01');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\?date=2024-01-01&compare=2015-01-01$/);
  await expect(page.locator('aside.panel.changes h2')).toHaveText('Changes between 1 January 2015 and 1 January 2024');
  await expect(page.locator('ul.change-list.added li.change[data-deployment="bastion-etorofu"]')).toHaveCount(1);
  await expect(page.locator('g[data-change="bastion-etorofu"][data-kind="added"]')).toHaveCount(1);
  await expect(page.locator('g[data-change="s-300v4-etorofu"]')).toHaveCount(0);
});
