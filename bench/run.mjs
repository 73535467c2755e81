// Browser side of `cargo xtask bench`: loads each target page in Debian's
// headless Chromium and measures bytes, first map paint, input response,
// click → panel and pan/zoom frame times; optionally Lighthouse scores.
//
//   node run.mjs --target app=http://127.0.0.1:P/ --target leaflet=http://127.0.0.1:Q/ \
//                --runs 10 --out results.browser.json [--lighthouse]
//
// Every figure is the median over the runs; see README.md for definitions.

import { chromium } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
// Lighthouse runs per target; the median is reported.
const LIGHTHOUSE_RUNS = 3;
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--disable-extensions',
];
const VIEWPORT = { width: 1280, height: 800 };
const FRAME_MS = 1000 / 60;
const PAN_ZOOM_MS = 10_000;

/** Per page: how to find things and how a wheel notch zooms. */
const PAGES = {
  app: {
    island: (id) => `path[data-island="${id}"]`,
    // app/src/map.rs: zoom delta = -deltaY / 300, so three notches of 100 = one level.
    zoomLevel: { notches: 3, deltaY: 100 },
    panel: 'aside.panel h2',
    // The map on screen: the server's first paint, which follows a drag
    // until the app's map replaces it (app/index.html), or the app's map.
    surface: 'svg.prerender-map, svg.map-svg',
  },
  leaflet: {
    island: (id) => `path.island-${id}`,
    // Leaflet, zoomSnap 0.25, wheelPxPerZoomLevel 60: one notch of 82 px = one level.
    zoomLevel: { notches: 1, deltaY: 82 },
    panel: null,
    surface: '.leaflet-container',
  },
};

function parseArgs(argv) {
  const args = { targets: [], runs: 10, out: null, lighthouse: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--target') {
      const [name, url] = argv[++i].split(/=(.*)/s);
      if (!PAGES[name]) throw new Error(`unknown target ${name}`);
      args.targets.push({ name, url });
    } else if (a === '--runs') args.runs = Number(argv[++i]);
    else if (a === '--out') args.out = argv[++i];
    else if (a === '--lighthouse') args.lighthouse = true;
    else throw new Error(`unknown argument ${a}`);
  }
  if (!args.targets.length || !(args.runs >= 1)) throw new Error('need --target name=url and --runs N >= 1');
  return args;
}

// Runs in the page before any of its scripts.
function initScript() {
  const b = (window.__bench = {
    firstMapPaint: null,
    frames: null,
    mutationAt: null,
    respondedAt: null,
    inputAt: null,
    clickAt: null,
    panelAt: null,
  });
  // After the next frame is produced: a rAF, then a task queued from it.
  const afterPaint = (cb) =>
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => cb(performance.now());
      ch.port2.postMessage(0);
    });
  b.afterPaint = afterPaint;
  const watch = () => {
    const observer = new MutationObserver(() => {
      // The first islands on screen: the app's map, or the SVG the server inlines into index.html.
      if (b.firstMapPaint === null && document.querySelector('path.land.disputed, .prerender-map path')) {
        observer.disconnect();
        afterPaint((t) => (b.firstMapPaint = t));
      }
    });
    observer.observe(document, { childList: true, subtree: true });
  };
  watch();
  // Input response: the first attribute change after a pointer went down
  // that moves something. Leaflet sets `outline-style: none` on the element
  // under every mousedown (its `preventOutline`), which moves nothing.
  const unoutlined = (style) => (style ?? '').replace(/outline-style:\s*none;?/g, '').trim();
  const moves = (r) => r.attributeName !== 'style' || unoutlined(r.oldValue) !== unoutlined(r.target.getAttribute('style'));
  b.armResponse = () => {
    b.mutationAt = b.respondedAt = b.inputAt = null;
    addEventListener('pointerdown', (e) => (b.inputAt ??= e.timeStamp), { capture: true, once: true });
    const observer = new MutationObserver((records) => {
      if (b.inputAt === null || b.mutationAt !== null || !records.some(moves)) return;
      b.mutationAt = performance.now();
      observer.disconnect();
      afterPaint((t) => (b.respondedAt = t));
    });
    observer.observe(document.body, {
      attributes: true,
      attributeOldValue: true,
      subtree: true,
      attributeFilter: ['transform', 'style', 'd'],
    });
  };
  b.armPanel = (selector) => {
    b.clickAt = b.panelAt = null;
    addEventListener('click', (e) => (b.clickAt ??= e.timeStamp), { capture: true, once: true });
    const observer = new MutationObserver(() => {
      const el = document.querySelector(selector);
      if (b.clickAt === null || !el || !el.textContent.trim()) return;
      observer.disconnect();
      afterPaint((t) => (b.panelAt = t));
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  };
  b.startFrames = () => {
    b.frames = [];
    const tick = (t) => {
      if (b.frames === null) return;
      b.frames.push(t);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  };
  b.stopFrames = () => {
    const f = b.frames ?? [];
    b.frames = null;
    return f;
  };
}

function kind(url, mime, type) {
  if (type === 'Document') return 'html';
  if (mime.includes('wasm') || url.endsWith('.wasm')) return 'wasm';
  if (type === 'Script' || mime.includes('javascript')) return 'js';
  if (type === 'Stylesheet' || mime.includes('css')) return 'css';
  if (type === 'Fetch' || type === 'XHR' || mime.includes('json')) return 'data';
  return 'other';
}

/** A fresh context and page with the cache disabled and byte counting via CDP. */
async function openPage(browser, { cache }) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.addInitScript(initScript);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: !cache });
  const requests = new Map();
  cdp.on('Network.responseReceived', ({ requestId, type, response }) => {
    const enc = Object.entries(response.headers).find(([k]) => k.toLowerCase() === 'content-encoding');
    requests.set(requestId, {
      url: response.url,
      kind: kind(response.url, response.mimeType ?? '', type),
      encoding: enc ? enc[1] : 'identity',
      raw: 0,
      served: 0,
      done: false,
    });
  });
  cdp.on('Network.dataReceived', ({ requestId, dataLength }) => {
    const r = requests.get(requestId);
    if (r) r.raw += dataLength;
  });
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
    const r = requests.get(requestId);
    if (r) {
      r.served = encodedDataLength;
      r.done = true;
    }
  });
  return { context, page, cdp, requests };
}

async function visiblePoint(page, selector) {
  return page.locator(selector).first().evaluate((el) => {
    const path = el;
    const box = path.getBBox();
    const ctm = path.getScreenCTM();
    for (let fy = 0.5, step = 0; step < 400; step++) {
      const fx = (step * 0.618) % 1;
      const y = box.y + box.height * ((fy + step * 0.137) % 1);
      const x = box.x + box.width * fx;
      if (path.isPointInFill(new DOMPoint(x, y))) {
        const p = new DOMPoint(x, y).matrixTransform(ctm);
        const hit = document.elementFromPoint(p.x, p.y);
        if (hit === el && p.x > 60 && p.y > 0 && p.x < innerWidth && p.y < innerHeight) return { x: p.x, y: p.y };
      }
    }
    const r = el.getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  });
}

/** The box of the first element matching `selector` that is on screen (waits for one). */
async function mapBox(page, selector) {
  const found = await page.waitForFunction(
    (sel) => {
      for (const el of document.querySelectorAll(sel)) {
        const r = el.getBoundingClientRect();
        if (r.width > 0 && r.height > 0) return { x: r.x, y: r.y, width: r.width, height: r.height };
      }
      return null;
    },
    selector,
    { polling: 'raf', timeout: 30_000 },
  );
  return found.jsonValue();
}

/** One cold load: bytes, first map paint, input response, click → panel. */
async function loadRun(browser, name, url) {
  const spec = PAGES[name];
  const { context, page, requests } = await openPage(browser, { cache: false });
  try {
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__bench.firstMapPaint !== null, null, { polling: 'raf', timeout: 30_000 });
    // Drag the map as soon as it is drawn; time the first frame that moved.
    await page.evaluate(() => window.__bench.armResponse());
    const map = await mapBox(page, spec.surface);
    const x = map.x + map.width * 0.3;
    const y = map.y + map.height * 0.7;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + 30, y + 10, { steps: 3 });
    await page.mouse.up();
    await page.waitForFunction(() => window.__bench.respondedAt !== null, null, { polling: 'raf', timeout: 10_000 });
    let clickToPanel = null;
    if (spec.panel) {
      const p = await visiblePoint(page, spec.island('etorofu'));
      await page.evaluate((sel) => window.__bench.armPanel(sel), spec.panel);
      await page.mouse.click(p.x, p.y);
      await page.waitForFunction(() => window.__bench.panelAt !== null, null, { polling: 'raf', timeout: 10_000 });
      clickToPanel = await page.evaluate(() => window.__bench.panelAt - window.__bench.clickAt);
    }
    await page.waitForLoadState('networkidle');
    const b = await page.evaluate(() => ({
      firstMapPaint: window.__bench.firstMapPaint,
      respondedAt: window.__bench.respondedAt,
      inputLatency: window.__bench.respondedAt - window.__bench.inputAt,
    }));
    const bytes = {};
    for (const r of requests.values()) {
      const k = (bytes[r.kind] ??= { raw: 0, served: 0, requests: 0, encodings: [] });
      k.raw += r.raw;
      k.served += r.served;
      k.requests += 1;
      if (!k.encodings.includes(r.encoding)) k.encodings.push(r.encoding);
    }
    return {
      first_map_paint_ms: b.firstMapPaint,
      map_responds_ms: b.respondedAt,
      input_to_frame_ms: b.inputLatency,
      click_to_panel_ms: clickToPanel,
      bytes,
      requests: [...requests.values()].map(({ url, kind, encoding, raw, served }) => ({ url, kind, encoding, raw, served })),
    };
  } finally {
    await context.close();
  }
}

async function zoomLevels(page, spec, levels, x, y) {
  const { notches, deltaY } = spec.zoomLevel;
  await page.mouse.move(x, y);
  for (let i = 0; i < notches; i++) {
    await page.mouse.wheel(0, levels > 0 ? -deltaY : deltaY);
    await page.waitForTimeout(40);
  }
}

/** Drags by (dx, dy) over `ms`, one move per frame, on the wall clock. */
async function drag(page, x, y, dx, dy, ms) {
  await page.mouse.move(x, y);
  await page.mouse.down();
  const t0 = Date.now();
  for (;;) {
    const f = Math.min(1, (Date.now() - t0) / ms);
    await page.mouse.move(x + dx * f, y + dy * f);
    if (f >= 1) break;
    await page.waitForTimeout(Math.max(1, FRAME_MS - ((Date.now() - t0) % FRAME_MS)));
  }
  await page.mouse.up();
}

/**
 * The scripted 10 s sequence: from the whole area, zoom four levels onto the
 * Habomai islets (Suisho, about 43.4N 146.0E) to full detail, pan about, zoom
 * out and in again, pan back; frame times from rAF timestamps.
 */
async function panZoomRun(browser, name, url) {
  const spec = PAGES[name];
  const { context, page } = await openPage(browser, { cache: true });
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__bench.firstMapPaint !== null, null, { polling: 'raf', timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
    // Suisho's centre on screen; while a page swaps its level of detail the
    // island may be missing for a moment, so keep the last known point.
    let last = { x: VIEWPORT.width / 2, y: VIEWPORT.height / 2 };
    const target = async () => {
      const r = await page.locator(spec.island('suisho')).first().boundingBox({ timeout: 200 }).catch(() => null);
      if (r && r.width > 0) last = { x: r.x + r.width / 2, y: r.y + r.height / 2 };
      return last;
    };
    // Each step starts at its time on the wall clock, so the sequence takes
    // 10 s however slow the machine is; a slower page just draws fewer frames.
    const start = Date.now();
    const at = async (ms) => {
      const wait = start + ms - Date.now();
      if (wait > 0) await page.waitForTimeout(wait);
    };
    const c = { x: VIEWPORT.width / 2, y: VIEWPORT.height / 2 };
    await page.evaluate(() => window.__bench.startFrames());
    for (let level = 0; level < 4; level++) {
      await at(level * 700);
      const t = await target();
      await zoomLevels(page, spec, +1, t.x, t.y);
    }
    await at(2800);
    await drag(page, c.x, c.y, -240, -120, 700);
    await at(3600);
    await drag(page, c.x, c.y, 240, 120, 700);
    await at(4400);
    await zoomLevels(page, spec, -1, c.x, c.y);
    await at(5100);
    await zoomLevels(page, spec, +1, c.x, c.y);
    await at(5800);
    await drag(page, c.x, c.y, 150, -150, 600);
    await at(6500);
    await drag(page, c.x, c.y, -150, 150, 600);
    await at(7300);
    await zoomLevels(page, spec, +1, c.x, c.y);
    await at(8000);
    await zoomLevels(page, spec, -1, c.x, c.y);
    await at(8700);
    await drag(page, c.x, c.y, 200, 100, 600);
    await at(PAN_ZOOM_MS);
    const frames = await page.evaluate(() => window.__bench.stopFrames());
    // Where the sequence ended: the app's permalink zoom, or Leaflet's.
    const zoomAtEnd = await page.evaluate(() => {
      if (window.benchMap) return window.benchMap.getZoom();
      const m = /[?&]map=([0-9.]+)\//.exec(location.search);
      return m ? Number(m[1]) : null;
    });
    const intervals = [];
    for (let i = 1; i < frames.length; i++) intervals.push(frames[i] - frames[i - 1]);
    intervals.sort((a, b) => a - b);
    const dropped = intervals.reduce((n, d) => n + Math.max(0, Math.round(d / FRAME_MS) - 1), 0);
    return {
      frames: frames.length,
      duration_ms: frames.length > 1 ? frames[frames.length - 1] - frames[0] : 0,
      p50_ms: quantile(intervals, 0.5),
      p95_ms: quantile(intervals, 0.95),
      p99_ms: quantile(intervals, 0.99),
      max_ms: intervals.length ? intervals[intervals.length - 1] : null,
      dropped_frames: dropped,
      zoom_at_end: zoomAtEnd,
    };
  } finally {
    await context.close();
  }
}

function quantile(sorted, q) {
  if (!sorted.length) return null;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}

function median(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const m = Math.floor(v.length / 2);
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

/** Median of each numeric leaf over the runs (objects merged key by key). */
function medians(runs) {
  const first = runs.find((r) => r !== null && r !== undefined);
  if (typeof first === 'number' || first === null || first === undefined) return median(runs);
  if (Array.isArray(first)) return first;
  if (typeof first !== 'object') return first;
  const keys = new Set(runs.flatMap((r) => (r && typeof r === 'object' ? Object.keys(r) : [])));
  const out = {};
  for (const k of keys) {
    if (k === 'requests' && Array.isArray(first[k])) {
      out[k] = first[k];
      continue;
    }
    out[k] = medians(runs.map((r) => r?.[k]));
  }
  return out;
}

function lighthouse(url) {
  const dir = mkdtempSync(join(tmpdir(), 'kuril-lh-'));
  const report = join(dir, 'report.json');
  const flags = ['--headless=new', ...FLAGS].join(' ');
  const bin = join(HERE, 'node_modules', '.bin', 'lighthouse');
  const res = spawnSync(
    bin,
    [url, '--output=json', `--output-path=${report}`, '--quiet', `--chrome-flags=${flags}`,
      '--only-categories=performance,accessibility,best-practices,seo', '--max-wait-for-load=30000'],
    { env: { ...process.env, CHROME_PATH: CHROMIUM }, encoding: 'utf8', timeout: 180_000 },
  );
  try {
    if (res.status !== 0) throw new Error(`lighthouse exited ${res.status}: ${(res.stderr || '').slice(-500)}`);
    const lhr = JSON.parse(readFileSync(report, 'utf8'));
    const score = (id) => lhr.categories[id]?.score ?? null;
    const audit = (id) => lhr.audits[id]?.numericValue ?? null;
    const failing = (cat) =>
      (lhr.categories[cat]?.auditRefs ?? [])
        .filter((r) => r.weight > 0 && lhr.audits[r.id]?.score !== null && lhr.audits[r.id]?.score < 1)
        .map((r) => r.id);
    return {
      performance: score('performance'),
      accessibility: score('accessibility'),
      best_practices: score('best-practices'),
      seo: score('seo'),
      fcp_ms: audit('first-contentful-paint'),
      lcp_ms: audit('largest-contentful-paint'),
      tbt_ms: audit('total-blocking-time'),
      cls: audit('cumulative-layout-shift'),
      speed_index_ms: audit('speed-index'),
      below_full_score: {
        performance: failing('performance'),
        accessibility: failing('accessibility'),
        best_practices: failing('best-practices'),
        seo: failing('seo'),
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  const results = { chromium: browser.version(), runs: args.runs, viewport: VIEWPORT, targets: {} };
  try {
    for (const { name, url } of args.targets) {
      process.stderr.write(`bench: ${name} ${url}\n`);
      // One warm-up load so that the server's and the OS's caches are warm.
      await loadRun(browser, name, url);
      const loads = [];
      for (let i = 0; i < args.runs; i++) loads.push(await loadRun(browser, name, url));
      process.stderr.write(`bench: ${name}: ${args.runs} loads done\n`);
      const panZooms = [];
      for (let i = 0; i < args.runs; i++) panZooms.push(await panZoomRun(browser, name, url));
      process.stderr.write(`bench: ${name}: ${args.runs} pan/zoom runs done\n`);
      results.targets[name] = {
        url,
        load: medians(loads),
        load_runs: loads.map(({ requests, bytes, ...rest }) => rest),
        pan_zoom: medians(panZooms),
        pan_zoom_runs: panZooms,
      };
    }
  } finally {
    await browser.close();
  }
  if (args.lighthouse) {
    // One Lighthouse run swings by ±0.03 in performance on this machine, so
    // each target gets several, taking turns; the run with the median
    // performance score is reported whole, and every score is kept.
    const runs = Object.fromEntries(args.targets.map(({ name }) => [name, []]));
    for (let round = 1; round <= LIGHTHOUSE_RUNS; round++) {
      for (const { name, url } of args.targets) {
        process.stderr.write(`bench: lighthouse ${name} (run ${round} of ${LIGHTHOUSE_RUNS})\n`);
        try {
          runs[name].push(lighthouse(url));
        } catch (e) {
          runs[name].push({ error: String(e) });
        }
      }
    }
    for (const { name } of args.targets) {
      const scored = runs[name]
        .filter((r) => typeof r.performance === 'number')
        .sort((a, b) => a.performance - b.performance);
      const median = scored[Math.floor((scored.length - 1) / 2)];
      results.targets[name].lighthouse = median
        ? { ...median, performance_runs: runs[name].map((r) => r.performance ?? null) }
        : runs[name][0];
    }
  }
  const text = JSON.stringify(results, null, 2);
  if (args.out) await writeFile(args.out, text);
  else process.stdout.write(text + '\n');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
