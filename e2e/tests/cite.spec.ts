import { test, expect, mapReady, shot } from './fixtures';

// "Cite this view": four formats from /api/citation, each with the access
// date, the permalink and the data revision; and the revision in the footer.

test('Cite this view offers APA, Chicago, BibTeX and CSL-JSON, by mouse and by keyboard', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  const page = await context.newPage();
  await page.goto('/?island=etorofu&date=2017-01-01');
  await mapReady(page);
  const meta = await (await page.request.get('/api/meta')).json();
  const revision: string = meta.revision;
  // With a panel open the layers control starts folded.
  await page.getByRole('button', { name: 'Map layers and legend' }).click();
  await page.getByRole('button', { name: 'Cite this view' }).click();
  const apa = page.getByRole('textbox', { name: 'Citation in APA' });
  await expect(apa).toHaveValue(/Retrieved [A-Z][a-z]+ \d{1,2}, \d{4}, from /);
  const text = await apa.inputValue();
  expect(text).toContain('Kuril Atlas. (');
  expect(text).toContain('Etorofu / Iturup, as of 1 January 2017');
  expect(text).toContain(`Data revision ${revision}`);
  expect(text).toContain(`${baseURL}/?island=etorofu&date=2017-01-01`);
  const formats = page.getByRole('group', { name: 'Citation format' });
  await expect(formats).toBeVisible();
  const format = (name: string) => formats.getByRole('radio', { name, exact: true });
  await expect(format('APA')).toBeChecked();
  await page.screenshot({ path: shot('cite-apa') });

  await format('BibTeX').check();
  const bibtex = page.getByRole('textbox', { name: 'Citation in BibTeX' });
  await expect(bibtex).toHaveValue(new RegExp(`^@misc\\{kurilatlas-${revision},`));
  await page.getByRole('button', { name: 'Copy BibTeX' }).click();
  await expect(page.locator('.copied')).toHaveText('Citation copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await bibtex.inputValue());
  await page.screenshot({ path: shot('cite-bibtex') });

  // Keyboard: the formats are one radio group, arrows move between them.
  await format('BibTeX').focus();
  await page.keyboard.press('ArrowRight');
  await expect(format('CSL-JSON')).toBeChecked();
  const csl = JSON.parse(await page.getByRole('textbox', { name: 'Citation in CSL-JSON' }).inputValue());
  expect(csl[0].type).toBe('dataset');
  expect(csl[0].version).toBe(revision);
  expect(csl[0].URL).toBe(`${baseURL}/?island=etorofu&date=2017-01-01`);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(format('Chicago')).toBeChecked();
  await expect(page.getByRole('textbox', { name: 'Citation in Chicago' })).toHaveValue(/“Etorofu \/ Iturup, as of 1 January 2017\.”/);

  // A new view while the box is open is cited anew.
  await page.goto('/?island=kunashiri');
  await mapReady(page);
  await page.getByRole('button', { name: 'Map layers and legend' }).click();
  await page.getByRole('button', { name: 'Cite this view' }).click();
  await expect(page.getByRole('textbox', { name: 'Citation in APA' })).toHaveValue(/\?island=kunashiri$/);
  await context.close();
});

test('the revision is in the footer of the map, /about and /methodology', async ({ page }) => {
  const revision: string = (await (await page.request.get('/api/meta')).json()).revision;
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  await mapReady(page);
  const footer = page.getByRole('link', { name: `Data revision ${revision}` });
  await expect(footer).toBeVisible();
  await page.screenshot({ path: shot('cite-footer-desktop') });
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(footer).toBeVisible();
  await page.screenshot({ path: shot('cite-footer-phone') });
  // Clear of the masthead's other words in every language, at both sizes.
  for (const lang of ['en', 'ja', 'ru']) {
    for (const [width, height] of [[1280, 800], [390, 844]]) {
      await page.setViewportSize({ width, height });
      await page.goto(`/?lang=${lang}`);
      await mapReady(page);
      const revisionBox = (await page.locator('.data-revision a').boundingBox())!;
      for (const other of ['.convention', '.site-links', '.languages', '.open-article', '.masthead h1']) {
        // The boxes of the words themselves (a paragraph's box spans the row).
        for (const box of await page.locator(other).evaluateAll((els) => els.flatMap((e) => {
          const range = document.createRange();
          range.selectNodeContents(e);
          return [...range.getClientRects()].map((r) => ({ x: r.x, y: r.y, width: r.width, height: r.height }));
        }))) {
          const apart = revisionBox.x >= box.x + box.width || box.x >= revisionBox.x + revisionBox.width
            || revisionBox.y >= box.y + box.height || box.y >= revisionBox.y + revisionBox.height;
          expect(apart, `${lang} ${width}: the revision overlaps ${other}`).toBe(true);
        }
      }
      await page.screenshot({ path: shot(`cite-footer-${lang}-${width}`) });
    }
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  for (const path of ['/about', '/methodology']) {
    await page.goto(path);
    await expect(page.getByRole('link', { name: `Data revision ${revision}` })).toBeVisible();
  }
  // Embeds show the map alone.
  await page.setViewportSize({ width: 800, height: 450 });
  await page.goto('/?embed=1');
  await mapReady(page);
  await expect(page.getByRole('link', { name: `Data revision ${revision}` })).toBeHidden();
});

test('Cite this view in Japanese', async ({ page }) => {
  // (On a phone the controls, share included, are hidden: the map comes first.)
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/?lang=ja&island=etorofu');
  await mapReady(page);
  await page.getByRole('button', { name: '地図の表示項目と凡例' }).click();
  await page.getByRole('button', { name: 'この表示を引用' }).click();
  const apa = page.getByRole('textbox', { name: 'APA形式の引用' });
  await expect(apa).toHaveValue(/［データセット］/);
  await expect(apa).toHaveValue(/\d{4}年\d{1,2}月\d{1,2}日閲覧/);
  await page.getByRole('radio', { name: 'シカゴ' }).check();
  await expect(page.getByRole('button', { name: 'シカゴをコピー' })).toBeEnabled();
  await page.screenshot({ path: shot('cite-ja') });
});
