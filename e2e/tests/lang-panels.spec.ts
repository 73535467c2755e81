import AxeBuilder from '@axe-core/playwright';
import { Page } from '@playwright/test';
import { test, expect, mapReady, shot } from './fixtures';

// The island panel, its story, the deployment card and the article reader
// in Japanese and in Russian (`lang=` links): headings, facts, periods and
// dates in that language, record text marked, and axe-core clean.

const SEED = 'seed-2017-03-20';

async function axeClean(page: Page) {
  await page.waitForLoadState('networkidle');
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes[0]?.target}`)).toEqual([]);
}

/** Screenshots of the page as it is, on a desktop and on a phone. */
async function shots(page: Page, url: string, name: string, ready: (p: Page) => Promise<void>) {
  await page.screenshot({ path: shot(`${name}-1280`) });
  const phone = await page.context().browser()!.newContext({
    baseURL: new URL(page.url()).origin, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true,
  });
  const small = await phone.newPage();
  await small.goto(url);
  await mapReady(small);
  await ready(small);
  await small.waitForLoadState('networkidle');
  await small.screenshot({ path: shot(`${name}-390`) });
  await phone.close();
}

test('the island panel in Japanese: names in Japanese script, facts, story periods and dates', async ({ page, problems }) => {
  const url = '/?lang=ja&island=etorofu';
  await page.goto(url);
  await mapReady(page);
  const panel = page.locator('aside.panel');
  await expect(panel.locator('h2')).toHaveText('択捉島');
  const facts = panel.locator('dl.names');
  for (const term of ['日本語', 'ロシア語', '領有権を主張', '面積（日本政府公表）', '人口', '両国の立場']) {
    await expect(facts.locator('dt', { hasText: term })).toHaveCount(1);
  }
  await expect(facts.locator('dt', { hasText: /^管轄（\d{4}年\d{1,2}月\d{1,2}日時点）$/ })).toHaveCount(1);
  await expect(facts).toContainText('ロシア');
  await expect(facts).toContainText('3,166.6 km²');
  await expect(facts).toContainText(/6,916.*2023年1月1日時点/);
  // The project's translations of the count's publisher.
  await expect(facts).toContainText('ロシア連邦統計局');
  // The story: heading, filter and periods in Japanese.
  const story = panel.locator('section.story');
  await expect(story.locator('h3')).toHaveText('歴史');
  await expect(story.locator('legend')).toHaveText('表示');
  // "All" first, then each kind.
  await expect(story.locator('fieldset label').first()).toHaveText(/すべて/);
  await expect(story.locator('fieldset label').nth(1)).toHaveText(/条約・外交・声明/);
  const periods = await story.locator('summary.story-toggle').allTextContents();
  expect(periods[0]).toMatch(/^1945年まで（\d+件）/);
  expect(periods.some((p) => /ソ連が管轄/.test(p))).toBe(true);
  expect(periods.some((p) => /年以降・ロシアが管轄/.test(p))).toBe(true);
  expect(periods.join(' ')).not.toMatch(/administered|onward|Until/);
  // Dates read naturally: 2016年11月, not 2016-11 (in the late 2010s, folded until opened).
  await story.locator('summary.story-toggle', { hasText: /^2015〜2019年/ }).click();
  await expect(story.locator('.story-entry .when', { hasText: '2016年11月' }).first()).toBeVisible();
  const dates = await story.locator('.story-entry .when').allTextContents();
  expect(dates).toContain('2016年11月');
  expect(dates.join(' ')).not.toMatch(/\d{4}-\d{2}/);
  await expect(story.locator('.translation-note')).toHaveText(/当プロジェクト/);
  await expect(panel.getByRole('button', { name: '島のパネルを閉じる' })).toBeVisible();
  await axeClean(page);
  await shots(page, url, 'lang-panels-ja-island', async (p) => {
    await expect(p.locator('aside.panel h2')).toHaveText('択捉島');
  });
  expect(problems.console).toEqual([]);
});

test('the island panel in Russian: Cyrillic names, number and date in Russian style', async ({ page }) => {
  await page.goto('/?lang=ru&island=etorofu');
  await mapReady(page);
  const panel = page.locator('aside.panel');
  await expect(panel.locator('h2')).toHaveText('Итуруп');
  const facts = panel.locator('dl.names');
  await expect(facts).toContainText('3\u00a0166,6 км²');
  await expect(facts).toContainText(/6\u00a0916.*на 1 января 2023 г\./);
  await expect(facts.locator('dt', { hasText: /^Под управлением \(на \d{1,2} [а-я]+ \d{4} г\.\)$/ })).toHaveCount(1);
  const periods = await panel.locator('summary.story-toggle').allTextContents();
  expect(periods[0]).toMatch(/^До 1945 г\./);
  expect(periods.some((p) => /под управлением СССР/.test(p))).toBe(true);
  expect(periods.some((p) => /^С \d{4} г\. · под управлением России/.test(p))).toBe(true);
  await axeClean(page);
});

test('the deployment card in Russian: category, period, statuses and dates in Russian', async ({ page, problems }) => {
  const url = '/?lang=ru&deployment=bastion-etorofu';
  await page.goto(url);
  await mapReady(page);
  const card = page.locator('aside.deployment-card');
  await expect(card.locator('h2')).toBeVisible();
  await expect(card.locator('p.when').first()).toContainText('Береговые ракеты');
  for (const term of ['Где', 'Когда', 'Достоверность']) {
    await expect(card.locator('dt', { hasText: term })).toHaveCount(1);
  }
  await expect(card.locator('dd').nth(0)).toContainText('Итуруп');
  await expect(card.locator('dd').nth(1)).toHaveText('ноябрь 2016 г. — по настоящее время');
  await expect(card.locator('h3')).toHaveText('Статус по времени');
  const changes = await card.locator('.history-entry > p.when').allTextContents();
  expect(changes).toContain('март 2016 г. · запланировано');
  expect(changes).toContain('ноябрь 2016 г. · размещено');
  await expect(card.getByRole('button', { name: 'Закрыть размещение' })).toBeVisible();
  await expect(card.getByRole('button', { name: /^Вся история: Итуруп$/ })).toBeVisible();
  // Record text: the project's translation, or marked as English.
  const unitLang = await card.locator('h2').getAttribute('lang');
  if (unitLang === 'en') {
    await expect(card.locator('.translation-note')).toHaveCount(0);
  } else {
    await expect(card.locator('.translation-note')).toHaveText(/Перевод проекта/);
  }
  await axeClean(page);
  await shots(page, url, 'lang-panels-ru-card', async (p) => {
    await expect(p.locator('aside.deployment-card h2')).toBeVisible();
  });
  expect(problems.console).toEqual([]);
});

test('the deployment card in Japanese: dates like 2016年11月', async ({ page }) => {
  await page.goto('/?lang=ja&deployment=bastion-etorofu');
  await mapReady(page);
  const card = page.locator('aside.deployment-card');
  await expect(card.locator('dd').nth(1)).toHaveText('2016年11月から');
  const changes = await card.locator('.history-entry > p.when').allTextContents();
  expect(changes).toContain('2016年11月 · 配備中');
  await expect(card.locator('h3')).toHaveText('状況の推移');
});

test('the reader in Japanese: notes, quote in its own language, translation marked', async ({ page, request, problems }) => {
  const url = `/?lang=ja&article=${SEED}&excerpt=3`;
  const article = await (await request.get(`/api/articles/${SEED}?lang=ja`)).json();
  const total = article.excerpts.length;
  const language: string = article.article.language;
  await page.goto(url);
  await mapReady(page);
  const reader = page.locator('aside.reader');
  await expect(reader).toHaveAttribute('aria-label', '記事リーダー');
  await expect(reader.locator('p.hint')).toContainText('引用');
  const notes = reader.locator('.excerpt-notes');
  await expect(notes.locator('h3')).toHaveText(`引用3（全${total}件）への注記`);
  await expect(notes.locator('blockquote')).toHaveAttribute('lang', language);
  const excerpt = article.excerpts[2].excerpt;
  if (excerpt.translation) {
    const translation = notes.locator('p.translation');
    await expect(translation).toContainText('当プロジェクトによる翻訳');
    await expect(translation.locator('span')).toHaveAttribute('lang', excerpt.translation_lang);
  }
  await expect(notes.locator('h4')).toHaveText('関連する出来事');
  // Event dates in the notes read like 2017年3月20日.
  const events = await notes.locator('li button').allTextContents();
  for (const e of events) expect(e).toMatch(/^\d{4}年(\d{1,2}月(\d{1,2}日)?)?/);
  // Annotation kinds in Japanese; English notes carry lang="en".
  for (const a of await notes.locator('.annotation strong').allTextContents()) {
    expect(['ファクトチェック: ', '背景: ', '翻訳について: ']).toContain(a);
  }
  await expect(reader.locator('.quote-list h3')).toHaveText('すべての情報源からの引用');
  await expect(reader.locator('.quote-list [role=status]')).toHaveText(/^引用\d+件$/);
  await axeClean(page);
  await shots(page, url, 'lang-panels-ja-reader', async (p) => {
    await expect(p.locator('.excerpt-notes h3')).toBeVisible();
  });
  expect(problems.console).toEqual([]);
});

test('screenshots in Russian: the island panel and the reader', async ({ page }) => {
  for (const [url, name, ready] of [
    ['/?lang=ru&island=etorofu', 'lang-panels-ru-island', 'aside.panel h2'],
    [`/?lang=ru&article=${SEED}&excerpt=3`, 'lang-panels-ru-reader', '.excerpt-notes h3'],
  ] as const) {
    await page.goto(url);
    await mapReady(page);
    await expect(page.locator(ready)).toBeVisible();
    await page.waitForLoadState('networkidle');
    await shots(page, url, name, async (p) => { await expect(p.locator(ready)).toBeVisible(); });
  }
  await axeClean(page);
});

test('screenshots in Japanese: the deployment card', async ({ page }) => {
  const url = '/?lang=ja&deployment=bastion-etorofu';
  await page.goto(url);
  await mapReady(page);
  await expect(page.locator('aside.deployment-card h2')).toBeVisible();
  await page.waitForLoadState('networkidle');
  await shots(page, url, 'lang-panels-ja-card', async (p) => {
    await expect(p.locator('aside.deployment-card h2')).toBeVisible();
  });
  await axeClean(page);
});
