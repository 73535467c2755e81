import { test, expect, mapReady, shot, overlap, type Box } from './fixtures';
import type { Browser, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

// Issue 17: the page around the map (header, controls, legend, timeline,
// symbols) in the reader's language, chosen by the browser, the link or the
// switch; a copied link reopens in its language.

async function newPage(browser: Browser, locale: string): Promise<Page> {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 800 } });
  return context.newPage();
}

async function noAxeViolations(page: Page, label: string) {
  await page.waitForLoadState('networkidle');
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map((v) => `${label}: ${v.id} (${v.nodes.length}): ${v.nodes[0]?.target}`);
  expect(summary).toEqual([]);
}

test('a Japanese browser gets the page in Japanese, lang=ja in its link', async ({ browser }) => {
  test.setTimeout(90_000);
  const page = await newPage(browser, 'ja-JP');
  await page.goto('/?date=2017-01-01');
  await mapReady(page);
  await expect(page).toHaveURL(/[?&]lang=ja(&|$)/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  // Header, names default to Japanese, the note in Japanese.
  await expect(page.locator('.masthead h1')).toHaveText('クリル・アトラス');
  await expect(page.locator('.atlas .convention')).toContainText('地名：日本の呼称のみ。');
  await expect(page.locator('.atlas .convention')).toContainText('ロシアが管轄し、日本が領有権を主張している');
  await expect(page.locator('.open-article')).toHaveText('記事を読む');
  // Controls and legend.
  const controls = page.locator('nav.controls');
  await expect(controls).toHaveAttribute('aria-label', '地図の設定');
  await expect(controls.locator('legend').first()).toHaveText('地名');
  await expect(controls.getByLabel('日本の呼称')).toBeChecked();
  await expect(controls).toContainText('条約線・主張線');
  await expect(controls.getByRole('button', { name: 'リンクをコピー' })).toBeVisible();
  // Timeline: the date in words, year ticks, the play button's name.
  const timeline = page.locator('#timeline');
  await expect(timeline).toHaveAttribute('aria-label', '年表');
  await expect(timeline.locator('output.date')).toHaveText('2017年1月1日');
  await expect(timeline.locator('.years')).toContainText('1855年');
  await expect(timeline.locator('button.play')).toHaveAttribute('aria-label', '出来事を順に再生');
  await expect(timeline.locator('input[type=range]')).toHaveAttribute('aria-valuetext', '2017年1月1日');
  // Map names and symbols in Japanese script, never an id.
  await expect(page.locator('.labels text', { hasText: '国後島' })).toHaveCount(1);
  await expect(page.locator('path[data-island="kunashiri"]')).toHaveAttribute('aria-label', /国後島/);
  const site = page.locator('[data-site="bastion-etorofu"]');
  await expect(site).toHaveAttribute('aria-label', /択捉島、2016年11月から/);
  await expect(page.locator('.skip-links a[href="#map"]')).toHaveText('地図へ移動');
  await page.screenshot({ path: shot('lang-shell-ja-1280') });
  await noAxeViolations(page, 'ja');
  // A typed date refused in Japanese.
  await timeline.locator('input.goto').fill('1800');
  await timeline.locator('input.goto').press('Enter');
  await expect(timeline.locator('.caption')).toContainText('年表は1855年1月1日から始まります。');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/?lang=ja');
  await mapReady(page);
  await page.screenshot({ path: shot('lang-shell-ja-390') });
  await page.context().close();
});

test('lang=ru gives the page in Russian, dates and names included', async ({ browser }) => {
  test.setTimeout(90_000);
  const page = await newPage(browser, 'en-GB');
  await page.goto('/?date=2016-11-22&lang=ru');
  await mapReady(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(page.locator('.masthead h1')).toHaveText('Курильский атлас');
  await expect(page.locator('.atlas .convention')).toContainText('Названия: только русские.');
  await expect(page.locator('nav.controls legend').nth(1)).toHaveText('Слои');
  await expect(page.locator('#timeline output.date')).toHaveText('22 ноября 2016 г.');
  await expect(page.locator('#timeline .years')).toContainText('1855 г.');
  await expect(page.locator('.labels text', { hasText: 'Итуруп' })).toHaveCount(1);
  await expect(page.locator('.scale .coords')).toContainText('с. ш.');
  await page.screenshot({ path: shot('lang-shell-ru-1280') });
  await noAxeViolations(page, 'ru');
  // A bad link's notice in Russian.
  await page.goto('/?lang=ru&zoom=3');
  await expect(page.locator('.notice')).toContainText('zoom: неизвестный параметр');
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/?lang=ru');
  await mapReady(page);
  await page.screenshot({ path: shot('lang-shell-ru-390') });
  await page.context().close();
});

test('the switch changes language and a copied link reopens in it elsewhere', async ({ browser }) => {
  test.setTimeout(90_000);
  const page = await newPage(browser, 'ja-JP');
  await page.goto('/?island=kunashiri');
  await mapReady(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  const switcher = page.locator('nav.languages');
  await expect(switcher).toHaveAttribute('aria-label', '言語');
  for (const [code, name] of [['en', 'English'], ['ja', '日本語'], ['ru', 'Русский']]) {
    const link = switcher.getByRole('link', { name });
    await expect(link).toHaveAttribute('lang', code);
    await expect(link).toHaveAttribute('hreflang', code);
  }
  await expect(switcher.getByRole('link', { name: '日本語' })).toHaveAttribute('aria-current', 'true');
  // By keyboard: focus the Russian link and press Enter.
  await switcher.getByRole('link', { name: 'Русский' }).focus();
  await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
  await mapReady(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(page).toHaveURL(/island=kunashiri/);
  await expect(page).toHaveURL(/[?&]lang=ru(&|$)/);
  await expect(page.locator('.masthead h1')).toHaveText('Курильский атлас');
  const link = page.url();
  // A fresh browser whose language is Japanese opens the copied link in Russian.
  const fresh = await newPage(browser, 'ja-JP');
  await fresh.goto(link);
  await mapReady(fresh);
  await expect(fresh.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(fresh.locator('.open-article')).toHaveText('Читать статью');
  await fresh.context().close();
  // Back to English: the link says nothing of the language, the choice is remembered.
  await Promise.all([page.waitForEvent('load'), switcher.getByRole('link', { name: 'English' }).click()]);
  await mapReady(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  expect(new URL(page.url()).searchParams.get('lang')).toBeNull();
  await expect(page.locator('.masthead h1')).toHaveText('Kuril Atlas');
  await page.reload();
  await mapReady(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.context().close();
});

// The masthead's items, each a box a reader sees: the title, each language,
// the site links, "Read the article", the data revision and each line of
// the convention note.
async function mastheadBoxes(page: Page): Promise<Box[]> {
  return page.evaluate(() => {
    const box = (text: string, r: DOMRect) => ({ text, left: r.left, top: r.top, right: r.right, bottom: r.bottom });
    const items = [...document.querySelectorAll('.atlas .masthead :is(h1, .languages a, .open-article), .site-links a, .data-revision a')]
      .map((el) => box(el.textContent ?? '', el.getBoundingClientRect()));
    const note = document.querySelector('.atlas .convention')!;
    const range = document.createRange();
    range.selectNodeContents(note);
    const lines = [...range.getClientRects()].map((r, i) => box(`convention line ${i + 1}`, r));
    return [...items, ...lines].filter((b) => b.right > b.left);
  });
}

test('the masthead lays out without overlap or clipping in en, ja and ru at 1280, 1024 and 390 px', async ({ browser }) => {
  test.setTimeout(180_000);
  for (const [lang, locale] of [['en', 'en-GB'], ['ja', 'ja-JP'], ['ru', 'ru-RU']]) {
    for (const [width, height] of [[1280, 800], [1024, 768], [390, 844]]) {
      const context = await browser.newContext({ locale, viewport: { width, height } });
      const page = await context.newPage();
      await page.goto(`/?lang=${lang}&island=kunashiri`);
      await mapReady(page);
      await page.evaluate(() => document.fonts.ready);
      await expect(page.locator('.data-revision a')).toBeVisible();
      const boxes = await mastheadBoxes(page);
      const where = `${lang} at ${width}×${height}`;
      expect(boxes.length, where).toBeGreaterThan(8);
      for (const b of boxes) {
        expect(b.left >= 0 && b.right <= width, `${where}: "${b.text}" inside the window`).toBe(true);
      }
      const met = [];
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          if (overlap(boxes[i], boxes[j])) met.push(`"${boxes[i].text}" × "${boxes[j].text}"`);
        }
      }
      expect(met, where).toEqual([]);
      if (width === 1024 && lang === 'ru') await page.screenshot({ path: shot('lang-shell-ru-1024-masthead') });
      await context.close();
    }
  }
});

test('Japanese in the masthead is drawn by the web font, not as empty boxes, in every language', async ({ browser }) => {
  test.setTimeout(90_000);
  // This machine has no Japanese system font: without the shipped subset the
  // characters would be drawn as DejaVu Sans's empty boxes.
  const japanese = /[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]/g;
  for (const [lang, locale] of [['en', 'en-GB'], ['ja', 'ja-JP'], ['ru', 'ru-RU']]) {
    const context = await browser.newContext({ locale, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`/?lang=${lang}`);
    await mapReady(page);
    await page.evaluate(() => document.fonts.ready);
    const cdp = await context.newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    for (const selector of ['.languages a[lang=ja]', '.data-revision a', '.atlas .masthead h1', '.site-links a']) {
      const text = (await page.locator(selector).first().textContent()) ?? '';
      const wanted = text.match(japanese)?.length ?? 0;
      if (wanted === 0) continue;
      // Glyphs drawn by a web font (`isCustomFont`), per CDP.
      const drawnByWebFont = async () => {
        const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
        const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
        const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
        return fonts.filter((f) => f.isCustomFont).reduce((n, f) => n + f.glyphCount, 0);
      };
      await expect.poll(drawnByWebFont, { message: `${lang}: "${text}" (${selector})` }).toBeGreaterThanOrEqual(wanted);
    }
    await page.locator('.atlas .masthead').screenshot({ path: shot(`lang-shell-${lang}-masthead-fonts`) });
    await context.close();
  }
});
