import * as fs from 'fs';
import { test, expect, mapReady, shot, openLayers } from './fixtures';

// Issue 18: "Download image" of the current state, and "Download data".

/** Records of an RFC 4180 document (quoted fields may hold commas, quotes and line breaks). */
function csvRecords(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { record.push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { record.push(field); records.push(record); record = []; field = ''; i++; }
    else field += c;
  }
  return records;
}

test('Download image links the current state at the map’s size; the PNG is twice that', async ({ page, problems }) => {
  await page.goto('/?date=2016-11-22&island=etorofu');
  await mapReady(page);
  // With a panel open the layers control (and its share area) starts folded.
  await openLayers(page);
  const png = page.locator('.download-image a').first();
  const svg = page.locator('.download-image a').nth(1);
  await expect(png).toHaveText('PNG (print size)');
  await expect(png).toHaveAttribute('download', '');
  // Keyboard: the links take focus like any link.
  await png.focus();
  await expect(png).toBeFocused();
  const map = (await page.locator('#map').boundingBox())!;
  const [w, h] = [Math.round(map.width), Math.round(map.height)];
  const href = (await png.getAttribute('href'))!;
  expect(href).toMatch(/^\/export\.png\?/);
  const query = new URLSearchParams(href.split('?')[1]);
  expect(query.get('island')).toBe('etorofu');
  expect(query.get('date')).toBe('2016-11-22');
  expect(Number(query.get('w'))).toBe(w);
  expect(Number(query.get('h'))).toBe(h);
  await page.locator('.share').screenshot({ path: shot('export-share-1280') });

  const image = await page.request.get(href);
  expect(image.status()).toBe(200);
  expect(image.headers()['content-type']).toBe('image/png');
  expect(image.headers()['content-disposition']).toContain('kuril-atlas-etorofu-2016-11-22.png');
  const body = await image.body();
  expect(body.readUInt32BE(16)).toBe(2 * w);
  expect(body.readUInt32BE(20)).toBeGreaterThan(2 * h);

  const vector = await page.request.get((await svg.getAttribute('href'))!);
  const text = await vector.text();
  expect(text).toContain('>Etorofu / Iturup, as of 22 November 2016</text>');
  expect(text).toContain('/?island=etorofu&amp;date=2016-11-22 · Data revision ');
  expect(text).toContain('OpenStreetMap contributors (ODbL)');
  expect(problems.console).toEqual([]);
});

test('the island panel’s CSV has a row for every event the API counts', async ({ page, request }) => {
  await page.goto('/?island=etorofu');
  await mapReady(page);
  const data = page.locator('.panel .download-data');
  await data.locator('summary').click();
  const link = data.getByRole('link', { name: 'Events (CSV)' });
  await expect(link).toBeVisible();
  await page.locator('.panel').screenshot({ path: shot('export-panel-1280') });
  const csv = await request.get((await link.getAttribute('href'))!);
  expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
  const records = csvRecords(await csv.text());
  const total = (await (await request.get('/api/events?island=etorofu')).json()).total;
  expect(records[0][0]).toBe('id');
  expect(records.length - 1).toBe(total);
  const deployments = await request.get((await data.getByRole('link', { name: 'Deployments (CSV)' }).getAttribute('href'))!);
  const items = (await (await request.get('/api/deployments?island=etorofu')).json()).items.length;
  expect(csvRecords(await deployments.text()).length - 1).toBe(items);
});

test('the panel offers its data on a phone too', async ({ browser, baseURL }) => {
  const page = await browser.newPage({ baseURL, viewport: { width: 390, height: 844 } });
  await page.goto('/?island=kunashiri&lang=ru');
  await mapReady(page);
  const data = page.locator('.panel .download-data');
  await data.locator('summary').click();
  await expect(data.getByRole('link', { name: 'События (CSV)' })).toBeVisible();
  await page.screenshot({ path: shot('export-panel-390') });
  await page.close();
});

test('exported figures, saved to look at', async ({ request }) => {
  for (const [name, link] of [
    ['export-ja', '/export.png?date=2016-11-22&island=etorofu&lang=ja'],
    ['export-en-deployment', '/export.png?date=2017-01-01&island=etorofu&deployment=bastion-etorofu'],
    ['export-ru-1930', '/export.png?date=1930-06-01&lang=ru&w=800&h=600'],
  ]) {
    const answer = await request.get(link);
    expect(answer.status(), link).toBe(200);
    fs.mkdirSync('test-results/screenshots', { recursive: true });
    fs.writeFileSync(shot(name), await answer.body());
  }
  const bad = await request.get('/export.png?w=5');
  expect(bad.status()).toBe(400);
  expect((await bad.json()).detail).toMatch(/^w: /);
});
