import { chromium } from '@playwright/test';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const shot = async (url, w, h, name, opts = {}) => {
  const ctx = await b.newContext({ viewport: { width: w, height: h }, locale: opts.locale || 'en-GB', javaScriptEnabled: opts.js ?? true });
  const p = await ctx.newPage();
  await p.goto('http://127.0.0.1:8080' + url);
  await p.waitForTimeout(opts.wait ?? 2500);
  if (opts.act) await opts.act(p);
  await p.screenshot({ path: `/tmp/shots/${name}.png` });
  await ctx.close();
};
await shot('/?date=2017-01-01&compare=2015-01-01', 1280, 800, 'compare-1280');
await shot('/?date=2017-01-01&compare=2015-01-01', 390, 844, 'compare-390');
await shot('/?date=2017-01-01&compare=2015-01-01&lang=ja', 1024, 768, 'compare-ja-1024');
await shot('/?date=2017-01-01&compare=2015-01-01&embed=1', 800, 450, 'compare-embed');
await shot('/events/bastion-bal-deployed-2016', 1280, 800, 'event-page', { js: false, wait: 300 });
await shot('/events/bastion-bal-deployed-2016?lang=ru', 390, 844, 'event-page-ru-390', { js: false, wait: 300 });
await shot('/?island=etorofu&date=2017-01-01&lang=ru', 1280, 800, 'cite-ru', { act: async (p) => {
  const b = p.getByRole('button', { name: /Цитир|цитир|Cite/ }).first(); if (await b.count()) { await b.click(); await p.waitForTimeout(1200); } } });
await b.close();
