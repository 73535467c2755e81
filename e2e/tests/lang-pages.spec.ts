import { test, expect, mapReady, shot } from './fixtures';
import type { Browser, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

// Issue 17: /about and /methodology in the reader's language, reached from the
// map's header in that language, or chosen by the browser.

async function newPage(browser: Browser, locale: string, width = 1280, height = 800): Promise<Page> {
  const context = await browser.newContext({ locale, viewport: { width, height } });
  return context.newPage();
}

async function noAxeViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => `${label}: ${v.id} (${v.nodes.length}): ${v.nodes[0]?.target}`);
  expect(summary).toEqual([]);
}

test("the Japanese map's header opens both pages in Japanese", async ({ browser }) => {
  test.setTimeout(90_000);
  const page = await newPage(browser, 'en-GB');
  await page.goto('/?lang=ja');
  await mapReady(page);
  const about = page.locator('.site-links a', { hasText: '領土問題について' });
  await expect(about).toHaveAttribute('href', '/about?lang=ja');
  await about.click();
  await expect(page).toHaveURL(/\/about\?lang=ja$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('領土問題について');
  await expect(page.getByRole('heading', { name: '日本の立場' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'ロシアの立場' })).toBeVisible();
  await expect(page.locator('.translated')).toContainText('当プロジェクトによる翻訳');
  // A Russian statement stays in Russian, with our Japanese translation under it.
  const quote = page.locator('blockquote', { hasText: 'Южные Курилы принадлежат' });
  await expect(quote.locator('p[lang="ru"]')).toBeVisible();
  await expect(quote.locator('.translation')).toContainText('南クリル諸島');
  await page.screenshot({ path: shot('lang-pages-about-ja-1280'), fullPage: true });
  await noAxeViolations(page, 'about ja');
  await page.getByRole('navigation', { name: 'サイト' }).getByRole('link', { name: '出典の扱い方' }).click();
  await expect(page).toHaveURL(/\/methodology\?lang=ja$/);
  await expect(page.getByRole('heading', { name: '記録の検証方法' })).toBeVisible();
  await noAxeViolations(page, 'methodology ja');
  await page.context().close();
});

test('a Russian browser gets both pages in Russian, on a phone too', async ({ browser }) => {
  test.setTimeout(90_000);
  const page = await newPage(browser, 'ru-RU', 390, 844);
  await page.goto('/methodology');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Как мы работаем с источниками');
  await expect(page.getByRole('heading', { name: 'Доказательная база сегодня' })).toBeVisible();
  await page.screenshot({ path: shot('lang-pages-methodology-ru-390') });
  await noAxeViolations(page, 'methodology ru');
  await page.getByRole('navigation', { name: 'Сайт' }).getByRole('link', { name: 'О споре' }).click();
  await expect(page).toHaveURL(/\/about\?lang=ru$/);
  await expect(page.getByRole('heading', { name: 'Позиция России' })).toBeVisible();
  await expect(page.getByText('Эторофу / Итуруп').first()).toBeVisible();
  await page.screenshot({ path: shot('lang-pages-about-ru-390') });
  await noAxeViolations(page, 'about ru');
  // The map's link keeps the language.
  await page.getByRole('link', { name: '← Вернуться к карте' }).click();
  await expect(page).toHaveURL(/\/\?lang=ru$/);
  await page.context().close();
});
