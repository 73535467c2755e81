import { test, expect, mapReady, clickIsland } from './fixtures';
import type { Page } from '@playwright/test';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

// Every Content-Security-Policy violation the page reports, collected by a
// listener Playwright installs before any page script runs (init scripts are
// not subject to the page's CSP).
async function watchCsp(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) => {
      seen.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
}

const violations = (page: Page) => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);

test('the page runs under its strict Content-Security-Policy without a violation', async ({ page, problems }) => {
  await watchCsp(page);
  const response = await page.goto('/');
  const csp = response!.headers()['content-security-policy'];
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-");
  // The first paint's styles are inline (assets/first-paint.css), allowed by their hashes only.
  expect(csp).toMatch(/style-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+;/);
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).toContain("frame-ancestors 'none'");
  expect(response!.headers()['x-frame-options']).toBe('DENY');
  await mapReady(page);

  // Exercise what sets styles and attributes from code: zoom (scale bar
  // width), pan, select an island (panel), switch the names.
  const map = page.locator('div.map');
  const bar = page.locator('.scale-bar');
  const before = await bar.getAttribute('style');
  const box = (await map.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -400);
  await expect.poll(() => bar.getAttribute('style')).not.toBe(before);
  await clickIsland(page, 'etorofu');
  await expect(page.locator('aside.panel h2')).toHaveText('Etorofu / Iturup');

  expect(await violations(page)).toEqual([]);
  expect(problems.console).toEqual([]);
  expect(problems.failed).toEqual([]);
  expect(problems.offsite).toEqual([]);
});

test('embed permalinks may be framed by another site; the full page may not', async ({ page, baseURL }) => {
  // Another site: a throwaway server on another loopback port (a real one, so
  // Chromium's local-network protection treats both as local).
  const html = `<!doctype html><title>embedder</title>
    <iframe id="embed" src="${baseURL}/?map=8/44/146.5&embed=1" width="600" height="400"></iframe>
    <iframe id="full" src="${baseURL}/" width="600" height="400"></iframe>`;
  const embedder = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' }).end(html);
  });
  await new Promise<void>((resolve) => embedder.listen(0, '127.0.0.1', resolve));
  const { port } = embedder.address() as AddressInfo;
  try {
    const blocked: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error' && msg.text().includes('frame-ancestors')) blocked.push(msg.text());
    });
    await page.goto(`http://127.0.0.1:${port}/`);

    const embed = page.frameLocator('#embed');
    await expect(embed.locator('path.land.disputed').first()).toBeVisible();
    await expect(embed.locator('.atlas.embed')).toHaveCount(1);

    // The full page refuses to be framed: Chromium reports it and draws no map.
    await expect.poll(() => blocked.length).toBeGreaterThan(0);
    expect(blocked.join('\n')).toContain(`${baseURL}/`);
    await expect(page.frameLocator('#full').locator('path.land')).toHaveCount(0);
  } finally {
    await new Promise((resolve) => embedder.close(resolve));
  }
});
