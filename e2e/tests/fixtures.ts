import { test as base, expect, Page } from '@playwright/test';

/** Problems a reader would notice: console errors, failed or off-site requests. */
export type PageProblems = { console: string[]; failed: string[]; offsite: string[] };

export const test = base.extend<{ problems: PageProblems }>({
  problems: async ({ page, baseURL }, use) => {
    const problems: PageProblems = { console: [], failed: [], offsite: [] };
    const origin = new URL(baseURL!).origin;
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.console.push(msg.text());
    });
    page.on('pageerror', (err) => problems.console.push(String(err)));
    page.on('requestfailed', (req) => problems.failed.push(`${req.url()} ${req.failure()?.errorText}`));
    page.on('response', (res) => {
      if (res.status() >= 400) problems.failed.push(`${res.url()} ${res.status()}`);
    });
    page.on('request', (req) => {
      const url = req.url();
      if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) {
        problems.offsite.push(url);
      }
    });
    await use(problems);
  },
});

export { expect };

/** Waits until the map has drawn its islands. */
export async function mapReady(page: Page) {
  await expect(page.locator('path.land.disputed').first()).toBeVisible();
}

export const shot = (name: string) => `test-results/screenshots/${name}.png`;
