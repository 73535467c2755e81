import { test, expect, mapReady } from './fixtures';

// The server-drawn first paint and the link previews follow the link (issue 21).

test('the first paint says what the app will for the link’s date and names', async ({ browser, baseURL }) => {
  for (const link of ['/?date=1855-03-01', '/?date=1960-01-01&names=ru', '/']) {
    // Before the WebAssembly runs: only the server's first paint is on screen.
    const context = await browser.newContext({ baseURL });
    const first = await context.newPage();
    await first.route('**/*.wasm', (route) => route.abort());
    await first.goto(link);
    const painted = (await first.locator('.prerender .convention').textContent())!.trim();
    await context.close();
    // Once the app runs, its masthead says the same.
    const app = await browser.newPage({ baseURL });
    await app.goto(link);
    await mapReady(app);
    await expect(app.locator('.prerender')).toBeHidden();
    await expect(app.locator('main .masthead .convention')).toHaveText(painted);
    await app.close();
    if (link.includes('1855')) {
      expect(painted).toContain('administered by Japan');
      expect(painted).not.toContain('administered by Russia');
    }
  }
});

test('a deployment link previews the unit, its island in the link’s names and its period', async ({ request }) => {
  const html = await (await request.get('/?deployment=bastion-etorofu&names=ru')).text();
  expect(html).toMatch(/<title>Bastion coastal missile battalion[^<]*, Iturup, since November 2016 · Kuril Atlas<\/title>/);
  expect(html).toContain('og.png?deployment=bastion-etorofu&amp;names=ru');
  const marked = await (await request.get('/og.png?deployment=bastion-etorofu&names=ru')).body();
  const plain = await (await request.get('/og.png?names=ru')).body();
  expect(marked.readUInt32BE(16)).toBe(1200);
  expect(marked.equals(plain)).toBe(false);
  // An id the data does not know: the plain preview, no error.
  const unknown = await request.get('/og.png?deployment=no-such-unit&names=ru');
  expect(unknown.status()).toBe(200);
  expect((await unknown.body()).equals(plain)).toBe(true);
});
