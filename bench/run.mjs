// The speed-and-size benchmark against the JavaScript peers: `node bench/run.mjs`.
//
// 1. Installs its own npm tools into bench/node_modules (bench/package-lock.json: Lighthouse,
//    TimelineJS, Chart.js), only when the lockfile changed since the last install.
// 2. Builds the release (`trunk build --release --offline` into dist/), unless given a build.
// 3. Serves it on 127.0.0.1 like a production static host (bench/server.mjs: precompressed
//    brotli/gzip, the site's _headers), and the peer page (bench/peer/: TimelineJS and Chart.js
//    drawing the same data/ JSON) beside it.
// 4. In headless Chromium (Debian's, through playwright-core), unthrottled and at 4× CPU
//    slowdown: the bytes of everything each view requests (raw, gzip, brotli), LCP, CLS, total
//    blocking time, time to the view drawn, JS heap and wasm memory; and the latency from the
//    input to the next frame of three interactions (switch sector, step the timeline, toggle a
//    chart series), median and p95 of 50 repetitions, against the peer's equivalents
//    (TimelineJS next slide, Chart.js legend toggle).
// 5. The same load and interaction times with ×10 and ×100 the events and series.
// 6. Lighthouse 12.2.3, mobile and desktop, on the overview, a sector, the timeline and compare.
// Prints one table (ours, peer, ours/peer, target) and writes it all as JSON.
//
// Options:
//   --dist <dir>       use this build (built into <dir> first if it has no index.html); env BENCH_DIST
//   --out <file>       JSON output (default target/bench/results.json); env BENCH_OUT
//   --reps <n>         interaction repetitions (default 50); env BENCH_REPS
//   --loads <n>        cold loads per page and CPU rate (default 3; half that with grown data);
//                      env BENCH_LOADS
//   --growth-reps <n>  interaction repetitions with grown data (default 20, and at most 30 s
//                      per measure); env BENCH_GROWTH_REPS
//   --growth-4x        also measure the grown data's interactions at 4× CPU (slow)
//   --lighthouse-runs <n>  Lighthouse runs per page and form factor, the median kept (default 3);
//                      env BENCH_LIGHTHOUSE_RUNS
//   --no-lighthouse, --no-growth, --no-peer-lighthouse   leave parts out (Lighthouse runs on our
//                      four views on mobile and desktop, and on the three peer pages on mobile)
// Not part of scripts/test.sh: timings depend on the machine (and on what else runs on it).
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = resolve(import.meta.dirname, '..');
const BENCH = join(ROOT, 'bench');
const started = Date.now();
const { values: opts } = parseArgs({
  options: {
    dist: { type: 'string', default: process.env.BENCH_DIST },
    out: { type: 'string', default: process.env.BENCH_OUT ?? join(ROOT, 'target', 'bench', 'results.json') },
    reps: { type: 'string', default: process.env.BENCH_REPS ?? '50' },
    loads: { type: 'string', default: process.env.BENCH_LOADS ?? '3' },
    'growth-reps': { type: 'string', default: process.env.BENCH_GROWTH_REPS ?? '20' },
    'lighthouse-runs': { type: 'string', default: process.env.BENCH_LIGHTHOUSE_RUNS ?? '3' },
    'no-lighthouse': { type: 'boolean', default: false },
    'no-peer-lighthouse': { type: 'boolean', default: false },
    'no-growth': { type: 'boolean', default: false },
    'growth-4x': { type: 'boolean', default: false },
  },
});
const REPS = Number(opts.reps);
const LIGHTHOUSE_RUNS = Math.max(1, Number(opts['lighthouse-runs']));
const LOADS = Number(opts.loads);
const GROWTH_LOADS = Math.max(1, Math.ceil(LOADS / 2));
const GROWTH_REPS = Number(opts['growth-reps']);
const GROWTH_RATES = opts['growth-4x'] ? [1, 4] : [1];
// With grown data an interaction measure stops after this long (at least 5 repetitions done).
const GROWTH_MEASURE_MS = 30_000;
const SETTLE_MS = 500;
// A peer page that takes longer than this to draw the grown data is reported as too slow.
const GROWTH_TIMEOUT = 60_000;
const SLOW_LOAD_MS = 15_000;
const PAUSE_MS = 50;
const RATES = [1, 4];
// Temporary sites, removed at exit even when a measure fails.
const temporary = new Set();
process.on('exit', () => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});
const log = (message) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);

// ── 1. The benchmark's own npm tools ─────────────────────────────────────────────────────────
function ensureTools() {
  const stamp = join(BENCH, 'node_modules', '.package-lock.sha256');
  const want = createHash('sha256').update(readFileSync(join(BENCH, 'package-lock.json'))).digest('hex');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === want) return;
  log('installing the benchmark tools (npm ci --prefix bench)');
  execFileSync('npm', ['ci', '--prefix', BENCH, '--no-audit', '--no-fund', '--loglevel=error'], { stdio: 'inherit' });
  writeFileSync(stamp, `${want}\n`);
}

// ── 2. The release build ─────────────────────────────────────────────────────────────────────
function build(dist) {
  log(`building the release: trunk build --release --offline --dist ${dist}`);
  const PATH = [join(homedir(), '.cargo', 'bin'), join(ROOT, 'node_modules', '.bin'), process.env.PATH].join(':');
  const built = spawnSync('trunk', ['build', '--release', '--offline', '--dist', dist], {
    cwd: ROOT, stdio: 'inherit', env: { ...process.env, PATH, RUST_BACKTRACE: '0' },
  });
  if (built.status !== 0) {
    console.error('The build failed; run `bash scripts/setup.sh` first.');
    process.exit(1);
  }
}

ensureTools();
let DIST;
if (opts.dist) {
  DIST = resolve(opts.dist);
  if (!existsSync(join(DIST, 'index.html'))) build(DIST);
  else log(`using the build in ${DIST}`);
} else {
  DIST = join(ROOT, 'dist');
  build(DIST);
}

const { launchBrowser } = await import('../e2e/harness.mjs');
const { compressedSizes } = await import('../scripts/size-report.mjs');
const { serveSite } = await import('./server.mjs');
const { grownSite } = await import('./growth.mjs');
const { precompress } = await import('../scripts/precompress.mjs');

// ── 3. The peer site: bench/peer/, the same data/, the libraries from npm ─────────────────────
async function peerSite(dataDir) {
  const dir = await mkdtemp(join(tmpdir(), 'cke-bench-peer-'));
  temporary.add(dir);
  await cp(join(BENCH, 'peer'), dir, { recursive: true });
  const modules = join(BENCH, 'node_modules');
  const tl = join(modules, '@knight-lab', 'timelinejs', 'dist');
  await cp(join(tl, 'js', 'timeline.js'), join(dir, 'vendor', 'timelinejs', 'js', 'timeline.js'));
  await cp(join(tl, 'css', 'timeline.css'), join(dir, 'vendor', 'timelinejs', 'css', 'timeline.css'));
  await cp(join(tl, 'css', 'icons'), join(dir, 'vendor', 'timelinejs', 'css', 'icons'), { recursive: true });
  await cp(join(modules, 'chart.js', 'dist', 'chart.umd.js'), join(dir, 'vendor', 'chart.js', 'chart.umd.js'));
  // Served like ours: precompressed copies beside every file (data/ brings its own).
  precompress(dir);
  await cp(dataDir, join(dir, 'data'), { recursive: true });
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
const versionOf = (name) => JSON.parse(readFileSync(join(BENCH, 'node_modules', name, 'package.json'), 'utf8')).version;

// The pages compared: each view of ours against the peer page that shows the same data.
const VIEWS = [
  { id: 'overview', path: '/', ready: '.cke-card', peer: 'both' },
  { id: 'sector', path: '/?view=sector&sector=trade', ready: '.cke-tabs', peer: 'both' },
  { id: 'timeline', path: '/?view=timeline', ready: '.cke-tl-event', peer: 'timeline' },
  { id: 'compare', path: '/?view=compare', ready: 'svg.cke-chart__svg', peer: 'chart' },
];
const PEERS = {
  both: { path: '/index.html', label: 'TimelineJS + Chart.js' },
  timeline: { path: '/timeline.html', label: 'TimelineJS' },
  chart: { path: '/chart.html', label: 'Chart.js' },
};
// When a page counts as drawn (no code strings: the pages may run under a CSP without eval).
// Ours: the app's own root (not the prerendered view shown before the wasm, nor the app's root
// while it waits hidden behind it; see e2e/harness.mjs), its main region no longer busy.
const APP = '.cke:not([data-cke-prerender]):not([data-cke-pending])';
const oursReady = (selector) => ({ all: [`${APP} > .cke-main[aria-busy="false"]`, `${APP} ${selector}`] });
const PEER_READY = { widgets: '#timeline, #chart' };

// ── In-page instruments (added before any page script runs) ─────────────────────────────────
const INSTRUMENTS = (ready) => {
  const m = { lcp: null, lcpElement: null, cls: 0, fcp: null, longTasks: [], drawnAt: null, readyAt: null, events: [] };
  window.__bench = m;
  const observe = (type, onEntry, extra = {}) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(onEntry)).observe({ type, buffered: true, ...extra });
    } catch { /* not supported */ }
  };
  observe('largest-contentful-paint', (e) => {
    m.lcp = e.startTime;
    m.lcpElement = e.element ? `${e.element.tagName.toLowerCase()}${e.element.className ? `.${String(e.element.className).split(' ')[0]}` : ''}` : null;
  });
  observe('layout-shift', (e) => { if (!e.hadRecentInput) m.cls += e.value; });
  observe('paint', (e) => { if (e.name === 'first-contentful-paint') m.fcp = e.startTime; });
  observe('longtask', (e) => m.longTasks.push([e.startTime, e.duration]));
  observe('event', (e) => { if (e.interactionId) m.events.push([e.name, e.startTime, e.duration]); }, { durationThreshold: 16 });
  // The wasm module's exports (its memory), from Trunk's loader.
  addEventListener('TrunkApplicationStarted', (event) => { window.__wasm = event.detail?.wasm; });
  // Ready: the first frame after the condition holds.
  const check = () => {
    if (ready.all) return ready.all.every((selector) => document.querySelector(selector));
    const widgets = document.querySelectorAll(ready.widgets);
    return widgets.length > 0 && [...widgets].every((w) => w.dataset.ready);
  };
  let done = false;
  const hit = () => {
    if (done || !check()) return;
    done = true;
    m.drawnAt = performance.now();
    requestAnimationFrame(() => setTimeout(() => { m.readyAt = performance.now(); }, 0));
  };
  new MutationObserver(hit).observe(document, { subtree: true, childList: true, attributes: true });
  window.__untilReady = (timeout) => new Promise((resolveReady, reject) => {
    const began = performance.now();
    const poll = setInterval(() => {
      if (m.readyAt !== null) { clearInterval(poll); resolveReady(m.readyAt); }
      else if (performance.now() - began > timeout) { clearInterval(poll); reject(new Error('the page was not drawn in time')); }
    }, 25);
  });
  // One interaction: from the input event that starts it (the key pressed, or the button
  // released: a click fires on release) to the frame after `endType` has been handled.
  window.__arm = (endType) => {
    m.result = new Promise((resolveResult) => {
      let start = null;
      // An input not answered within 30 s counts as lost (the measure stops there).
      setTimeout(() => resolveResult(null), 30_000);
      const first = (event) => { if (start === null) start = event.timeStamp; };
      const opts = { capture: true };
      addEventListener('pointerup', first, opts);
      addEventListener('keydown', first, opts);
      addEventListener(endType, function end(event) {
        if (start === null) start = event.timeStamp;
        removeEventListener(endType, end, opts);
        removeEventListener('pointerup', first, opts);
        removeEventListener('keydown', first, opts);
        const dispatched = performance.now();
        requestAnimationFrame(() => setTimeout(() => resolveResult({ start, dispatched, painted: performance.now() }), 0));
      }, opts);
    });
  };
};

// ── Statistics ──────────────────────────────────────────────────────────────────────────────
const quantile = (values, q) => {
  const sorted = values.filter((v) => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
};
const median = (values) => {
  const sorted = values.filter((v) => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (!sorted.length) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const round = (value, digits = 1) => (value === null || value === undefined ? null : Math.round(value * 10 ** digits) / 10 ** digits);

// ── 4a. Loads ───────────────────────────────────────────────────────────────────────────────
const sizeCache = new Map();
function fileSizes(dir, path) {
  const body = readFileSync(join(dir, path));
  const key = createHash('sha1').update(body).digest('hex');
  if (!sizeCache.has(key)) sizeCache.set(key, compressedSizes(body));
  return sizeCache.get(key);
}

async function newPage(browser, rate, ready) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (rate !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await page.addInitScript(INSTRUMENTS, ready);
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  return { context, page, cdp, errors };
}

/**
 * Waits until the page is drawn, at most `timeout` ms by the wall clock (a page busy in one long
 * task cannot check its own clock).
 */
async function untilDrawn(page, timeout) {
  const drawn = page.evaluate((ms) => window.__untilReady(ms), timeout);
  drawn.catch(() => {});
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error('the page was not drawn in time')), timeout);
  });
  try {
    await Promise.race([drawn, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** One cold load of `url`: timings, and (with `detail`) the files requested and the memory. */
async function load(browser, { origin, dir, path, ready, rate, detail = false, timeout = 180_000 }) {
  const settle = SETTLE_MS * Math.min(rate, 2);
  const { context, page, cdp, errors } = await newPage(browser, rate, ready);
  const requested = new Set();
  page.on('request', (request) => { if (request.url().startsWith(origin)) requested.add(request.url()); });
  try {
    await page.goto(origin + path, { waitUntil: 'domcontentloaded', timeout });
    await untilDrawn(page, timeout);
    await page.waitForTimeout(settle);
    const m = await page.evaluate(() => ({ ...window.__bench, result: undefined }));
    const tbtEnd = m.readyAt + settle;
    const tbt = m.longTasks
      .filter(([startTime]) => startTime >= (m.fcp ?? 0) && startTime < tbtEnd)
      .reduce((sum, [, duration]) => sum + Math.max(0, duration - 50), 0);
    const out = { lcp: m.lcp, lcpElement: m.lcpElement, cls: m.cls, fcp: m.fcp, tbt, ready: m.readyAt };
    if (detail) {
      // Which requests started after the view was drawn (ours: the charts' files, fetched after
      // a first view without charts); the page itself has no resource entry and came first.
      // Which requests had ended before the first contentful paint: what the paint needed.
      const timing = new Map(await page.evaluate(() =>
        performance.getEntriesByType('resource').map((entry) => [entry.name, [entry.startTime, entry.responseEnd]])));
      // Ours: the preloader asks for the app's files (JS, wasm, data) only once the view is
      // painted, and marks that moment; on a loopback they can still end before the paint's
      // timestamp, yet the paint did not need them (e2e/budget.test.mjs holds them back to check).
      const appDownloads = await page.evaluate(() =>
        performance.getEntriesByName('cke-app-downloads')[0]?.startTime ?? Infinity);
      const files = [...requested].map((url) => {
        let file = decodeURIComponent(new URL(url).pathname);
        if (file.endsWith('/')) file += 'index.html';
        const [startTime, responseEnd] = timing.get(url) ?? [0, 0];
        const afterView = startTime > m.drawnAt;
        const beforePaint = m.fcp !== null && responseEnd <= m.fcp && startTime < appDownloads;
        return { file: file.slice(1), afterView, beforePaint, ...fileSizes(dir, file) };
      }).sort((a, b) => b.brotli - a.brotli);
      const total = (key, list = files) => list.reduce((sum, f) => sum + f[key], 0);
      const sums = (list) => ({ files: list.length, raw: total('raw', list), gzip: total('gzip', list), brotli: total('brotli', list) });
      out.bytes = {
        files, raw: total('raw'), gzip: total('gzip'), brotli: total('brotli'),
        beforePaint: sums(files.filter((f) => f.beforePaint)),
        firstView: sums(files.filter((f) => !f.afterView)),
      };
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = await cdp.send('Runtime.getHeapUsage');
      out.jsHeap = heap.usedSize;
      out.wasmMemory = await page.evaluate(() => window.__wasm?.memory?.buffer?.byteLength ?? null);
    }
    if (errors.length) out.errors = errors;
    return out;
  } finally {
    await context.close();
  }
}

async function measureLoads(browser, site, page, rates, runs, { timeout = 180_000, warm = true } = {}) {
  const result = {};
  // One load first, not recorded: the server's and the disk's caches are warm for every page.
  if (warm) {
    try {
      await load(browser, { ...site, ...page, rate: 1, timeout });
    } catch (error) {
      if (!/not drawn in time|Timeout/i.test(String(error))) throw error;
      return { timedOut: timeout, error: String(error).split('\n')[0] };
    }
  }
  for (const rate of rates) {
    const samples = [];
    for (let run = 0; run < runs; run += 1) {
      try {
        samples.push(await load(browser, { ...site, ...page, rate, detail: rate === 1 && run === 0, timeout }));
        // A page that takes this long is measured once: the rest would not change the picture.
        if (samples[0].ready > SLOW_LOAD_MS) break;
      } catch (error) {
        if (!/not drawn in time|Timeout/i.test(String(error))) throw error;
        // Too slow to measure: recorded as such, and the rest of this page is skipped.
        return { timedOut: timeout, error: String(error).split('\n')[0] };
      }
    }
    const pick = (key) => samples.map((s) => s[key]);
    result[`x${rate}`] = {
      lcp: round(median(pick('lcp'))),
      cls: round(median(pick('cls')), 4),
      tbt: round(median(pick('tbt'))),
      ready: round(median(pick('ready'))),
      fcp: round(median(pick('fcp'))),
      lcpElement: samples[0].lcpElement,
      samples,
    };
    const first = samples.find((s) => s.bytes);
    if (first) Object.assign(result, { bytes: first.bytes, jsHeap: first.jsHeap, wasmMemory: first.wasmMemory });
    const errors = samples.flatMap((s) => s.errors ?? []);
    if (errors.length) result.errors = [...new Set(errors)];
  }
  return result;
}

// ── 4b. Interactions ────────────────────────────────────────────────────────────────────────
/** A real mouse click (through the browser's input pipeline) at the middle of an element. */
async function clickCentre(page, selector) {
  const point = await page.evaluate((sel) => {
    const element = document.querySelector(sel);
    element.scrollIntoView({ block: 'nearest' });
    const rect = element.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }, selector);
  await page.mouse.click(point.x, point.y);
}

// Each: where it happens, how to prepare, the input (trusted, through the browser's input
// pipeline), the event that completes it, and a state that must change every time.
const INTERACTIONS = {
  'switch sector': {
    ours: {
      path: '/?view=sector&sector=trade',
      ready: oursReady('.cke-tabs [data-sector="energy"] a'),
      end: 'click',
      act: (page, round) => clickCentre(page, `.cke-tabs [data-sector="${round % 2 === 0 ? 'energy' : 'trade'}"] a`),
      state: () => location.search,
    },
  },
  'timeline step': {
    ours: {
      path: '/?view=timeline',
      ready: oursReady('.cke-tl-event'),
      // A ten-year window (so there is something to scrub), then the scrub slider steps by keys.
      prepare: async (page) => {
        await page.locator('.cke-tl-zoom input[step="1"]').evaluate((slider) => {
          slider.value = '10';
          slider.dispatchEvent(new Event('input', { bubbles: true }));
        });
        await page.locator('.cke-tl-zoom input[step="30"]').focus();
      },
      end: 'input',
      act: (page) => page.keyboard.press('ArrowRight'),
      state: () => document.querySelector('.cke-tl-zoom input[step="30"]').value,
    },
    peer: {
      page: 'timeline',
      end: 'click',
      act: (page) => clickCentre(page, '.tl-slidenav-next'),
      state: () => String(window.peer.timeline.current_id),
    },
  },
  'toggle series': {
    ours: {
      path: '/?view=compare',
      ready: oursReady('.cke-chart__key'),
      end: 'click',
      act: (page) => clickCentre(page, '.cke-chart__key'),
      state: () => document.querySelector('.cke-chart__key').getAttribute('aria-pressed'),
    },
    peer: {
      page: 'chart',
      end: 'click',
      act: async (page) => {
        const point = await page.evaluate(() => {
          const chart = window.peer.chart;
          const box = chart.legend.legendHitBoxes[0];
          const rect = chart.canvas.getBoundingClientRect();
          return { x: rect.left + box.left + box.width / 2, y: rect.top + box.top + box.height / 2 };
        });
        await page.mouse.click(point.x, point.y);
      },
      state: () => String(window.peer.chart.isDatasetVisible(0)),
    },
  },
};

async function measureInteraction(browser, { origin, path, ready, rate, spec, reps, budget = Infinity, timeout = 180_000 }) {
  const { context, page, errors } = await newPage(browser, rate, ready);
  try {
    try {
      await page.goto(origin + path, { waitUntil: 'domcontentloaded', timeout });
      await untilDrawn(page, timeout);
    } catch (error) {
      if (!/not drawn in time|Timeout/i.test(String(error))) throw error;
      return { median: null, p95: null, timedOut: timeout };
    }
    await page.waitForTimeout(SETTLE_MS);
    if (spec.prepare) await spec.prepare(page);
    const latencies = [];
    const delays = [];
    let changed = 0;
    let lost = null;
    const began = Date.now();
    for (let round = 0; round < reps; round += 1) {
      if (round >= 5 && Date.now() - began > budget) break;
      const before = await page.evaluate(spec.state);
      await page.evaluate((end) => window.__arm(end), spec.end);
      let r = null;
      try {
        await spec.act(page, round);
        r = await page.evaluate(() => window.__bench.result);
      } catch (error) {
        if (!/Timeout/i.test(String(error))) throw error;
      }
      if (r === null) {
        lost = `no answer to the input within 30 s (after ${latencies.length} repetitions)`;
        break;
      }
      latencies.push(r.painted - r.start);
      delays.push(r.dispatched - r.start);
      if ((await page.evaluate(spec.state)) !== before) changed += 1;
      await page.waitForTimeout(PAUSE_MS);
    }
    const events = await page.evaluate(() => window.__bench.events);
    const wasmMemory = await page.evaluate(() => window.__wasm?.memory?.buffer?.byteLength ?? null);
    return {
      median: round(median(latencies)),
      p95: round(quantile(latencies, 0.95)),
      max: round(Math.max(...latencies)),
      // From the input to its completing event being dispatched (input delay, browser side).
      toDispatchMedian: round(median(delays)),
      changed,
      reps: latencies.length,
      ...(lost ? { lost } : {}),
      // Event Timing API (PerformanceEventTiming, durationThreshold 16): entries of 16 ms or more.
      eventTimingOver16: events.length,
      eventTimingMax: events.length ? Math.max(...events.map((e) => e[2])) : null,
      wasmMemoryAfter: wasmMemory,
      ...(errors.length ? { errors: [...new Set(errors)] } : {}),
    };
  } finally {
    await context.close();
  }
}

async function measureInteractions(browser, ours, peer, rates, reps, { skipPeer = () => false, budget = Infinity, peerTimeout } = {}) {
  const out = {};
  for (const [name, spec] of Object.entries(INTERACTIONS)) {
    out[name] = {};
    for (const rate of rates) {
      const key = `x${rate}`;
      out[name][key] = {
        ours: await measureInteraction(browser, { ...ours, path: spec.ours.path, ready: spec.ours.ready, rate, spec: spec.ours, reps, budget }),
        peer: spec.peer && !skipPeer(spec.peer.page)
          ? await measureInteraction(browser, { ...peer, path: PEERS[spec.peer.page].path, ready: PEER_READY, rate, spec: spec.peer, reps, budget, timeout: peerTimeout })
          : null,
      };
      const o = out[name][key];
      log(`  ${name} at ${rate}× CPU: ours ${o.ours.median}/${o.ours.p95} ms, peer ${o.peer ? `${o.peer.median}/${o.peer.p95}` : '—'} ms (median/p95)`);
    }
  }
  return out;
}

// ── 6. Lighthouse ───────────────────────────────────────────────────────────────────────────
async function runLighthouse(targets, runs) {
  const { default: lighthouse } = await import('lighthouse');
  const { default: desktopConfig } = await import('lighthouse/core/config/desktop-config.js');
  const chromeLauncher = await import('chrome-launcher');
  const results = [];
  for (const target of targets) {
    for (const formFactor of target.formFactors) {
      // One run's performance score moves by ±5 on this machine: the median run is kept (by
      // performance score, as Lighthouse's own guidance does), with every run's score beside it.
      const rows = [];
      for (let run = 0; run < runs; run += 1) rows.push(await runOnce(target, formFactor));
      const ranked = [...rows].sort((a, b) => (a.performance ?? -1) - (b.performance ?? -1));
      const median = ranked[Math.floor((ranked.length - 1) / 2)];
      median.runs = rows.map((row) => row.performance);
      results.push(median);
      log(`  lighthouse ${target.side} ${target.id} ${formFactor}: ${median.performance}/${median.accessibility}/${median.bestPractices}/${median.seo} (performance of each run: ${median.runs.join(', ')})`);
    }
  }
  return results;

  async function runOnce(target, formFactor) {
    // A fresh browser for each run, as Lighthouse's own CLI does.
    const chrome = await chromeLauncher.launch({
      chromePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
    });
    try {
      const flags = {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
      };
      const runner = await lighthouse(target.url, flags, formFactor === 'desktop' ? desktopConfig : undefined);
      const lhr = runner.lhr;
      const score = (id) => (lhr.categories[id]?.score === null || lhr.categories[id]?.score === undefined ? null : Math.round(lhr.categories[id].score * 100));
      const audit = (id) => lhr.audits[id]?.numericValue ?? null;
      const failing = [];
      for (const category of ['accessibility', 'best-practices', 'seo', 'performance']) {
        for (const ref of lhr.categories[category]?.auditRefs ?? []) {
          const a = lhr.audits[ref.id];
          if (ref.weight > 0 && a && a.score !== null && a.score < 1) {
            const nodes = (a.details?.items ?? []).map((item) => item.node?.selector).filter(Boolean).slice(0, 5);
            failing.push({ category, id: a.id, title: a.title, score: a.score, displayValue: a.displayValue ?? null, nodes });
          }
        }
      }
      const row = {
        target: target.id,
        side: target.side,
        formFactor,
        performance: score('performance'),
        accessibility: score('accessibility'),
        bestPractices: score('best-practices'),
        seo: score('seo'),
        lcp: round(audit('largest-contentful-paint')),
        cls: round(audit('cumulative-layout-shift'), 4),
        tbt: round(audit('total-blocking-time')),
        fcp: round(audit('first-contentful-paint')),
        speedIndex: round(audit('speed-index')),
        failing,
        runtimeError: lhr.runtimeError?.message ?? null,
        warnings: lhr.runWarnings ?? [],
      };
      return row;
    } finally {
      await chrome.kill();
    }
  }
}

// ── The run ─────────────────────────────────────────────────────────────────────────────────
const peer = await peerSite(join(DIST, 'data'));
const oursServer = await serveSite(DIST);
const peerServer = await serveSite(peer.dir);
const ours = { origin: oursServer.origin, dir: DIST };
const peerSiteInfo = { origin: peerServer.origin, dir: peer.dir };
const results = {
  date: new Date().toISOString(),
  machine: { cpus: (await import('node:os')).cpus().length, chromium: null, node: process.version },
  versions: {
    lighthouse: versionOf('lighthouse'),
    timelinejs: versionOf('@knight-lab/timelinejs'),
    chartjs: versionOf('chart.js'),
  },
  settings: { reps: REPS, loads: LOADS, rates: RATES, settleMs: SETTLE_MS, pauseMs: PAUSE_MS, dist: DIST },
  loads: { ours: {}, peer: {} },
};

let browser = await launchBrowser();
results.machine.chromium = browser.version();
try {
  log(`loads: ${LOADS} cold loads per page at ${RATES.join('× and ')}× CPU`);
  for (const view of VIEWS) {
    results.loads.ours[view.id] = await measureLoads(browser, ours, { path: view.path, ready: oursReady(view.ready) }, RATES, LOADS);
    const r = results.loads.ours[view.id];
    log(`  ours ${view.id}: ${r.bytes.brotli} B brotli, LCP ${r.x1.lcp} ms, ready ${r.x1.ready} ms`);
  }
  for (const [id, p] of Object.entries(PEERS)) {
    results.loads.peer[id] = await measureLoads(browser, peerSiteInfo, { path: p.path, ready: PEER_READY }, RATES, LOADS);
    const r = results.loads.peer[id];
    log(`  peer ${id}: ${r.bytes.brotli} B brotli, LCP ${r.x1.lcp} ms, ready ${r.x1.ready} ms`);
  }
  log(`interactions: ${REPS} repetitions each`);
  results.interactions = await measureInteractions(browser, ours, peerSiteInfo, RATES, REPS);

  if (!opts['no-growth']) {
    results.growth = [];
    for (const k of [10, 100]) {
      const grown = await grownSite(DIST, k);
      temporary.add(grown.dir);
      const grownPeer = await peerSite(join(grown.dir, 'data'));
      const s1 = await serveSite(grown.dir);
      const s2 = await serveSite(grownPeer.dir);
      try {
        log(`growth ×${k}: ${grown.events} events, ${grown.series} series`);
        const g = { k, events: grown.events, series: grown.series, loads: { ours: {}, peer: {} } };
        const o = { origin: s1.origin, dir: grown.dir };
        const p = { origin: s2.origin, dir: grownPeer.dir };
        for (const view of VIEWS.filter((v) => v.id === 'timeline' || v.id === 'compare')) {
          g.loads.ours[view.id] = await measureLoads(browser, o, { path: view.path, ready: oursReady(view.ready) }, [1], GROWTH_LOADS, { warm: false });
          g.loads.peer[view.peer] = await measureLoads(browser, p, { path: PEERS[view.peer].path, ready: PEER_READY }, [1], GROWTH_LOADS, { timeout: GROWTH_TIMEOUT, warm: false });
          const peerReady = g.loads.peer[view.peer].timedOut ? `over ${GROWTH_TIMEOUT} ms` : `${g.loads.peer[view.peer].x1.ready} ms`;
          log(`  ${view.id}: ours ready ${g.loads.ours[view.id].x1.ready} ms, peer ${peerReady}`);
        }
        // A peer page too slow to load is not driven either.
        g.interactions = await measureInteractions(browser, o, p, GROWTH_RATES, GROWTH_REPS, {
          skipPeer: (id) => Boolean(g.loads.peer[id]?.timedOut),
          budget: GROWTH_MEASURE_MS,
          peerTimeout: GROWTH_TIMEOUT,
        });
        results.growth.push(g);
      } finally {
        await s1.close();
        await s2.close();
        await grown.cleanup();
        await grownPeer.cleanup();
      }
    }
  }
} finally {
  await browser.close();
}

if (!opts['no-lighthouse']) {
  log('lighthouse: mobile and desktop');
  const targets = VIEWS.map((view) => ({ id: view.id, side: 'ours', url: oursServer.origin + view.path, formFactors: ['mobile', 'desktop'] }));
  // The peer pages on mobile only (each run takes about half a minute).
  if (!opts['no-peer-lighthouse']) {
    targets.push(...Object.entries(PEERS).map(([id, p]) => ({ id, side: 'peer', url: peerServer.origin + p.path, formFactors: ['mobile'] })));
  }
  results.lighthouse = await runLighthouse(targets, LIGHTHOUSE_RUNS);
}
await oursServer.close();
await peerServer.close();
await peer.cleanup();

// ── The table ───────────────────────────────────────────────────────────────────────────────
const rows = [];
const section = (title) => rows.push({ section: title });
const add = (metric, ours, peer, target = '', unit = '') => rows.push({ metric, ours, peer, unit, target });
const fmt = (value, unit) => {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (unit === 'B') return `${Math.round(value).toLocaleString('en')}`;
  if (unit === 'cls') return value.toFixed(3);
  if (unit === 'score') return String(value);
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
};
const verdict = (ok) => (ok ? 'met' : 'NOT met');

const L = results.loads;
const overview = L.ours.overview;
section('bytes: before the first contentful paint, before the view is interactive (drawn by the app), and in all (B)');
for (const view of VIEWS) {
  const o = L.ours[view.id].bytes;
  const p = L.peer[view.peer].bytes;
  for (const enc of ['brotli', 'gzip', 'raw']) {
    const brotli = enc === 'brotli';
    add(`${view.id} before first paint (${o.beforePaint.files} files) vs ${PEERS[view.peer].label}, ${enc}`, o.beforePaint[enc], p.beforePaint[enc],
      brotli ? `≤50,000: ${verdict(o.beforePaint.brotli <= 50_000)}` : '', 'B');
    let target = '';
    if (view.id === 'overview' && brotli) target = `< peer's first load (≤0.8×): ${verdict(o.firstView.brotli < p.brotli)} (${verdict(o.firstView.brotli <= 0.8 * p.brotli)})`;
    add(`${view.id} before interactive (${o.firstView.files} files) vs the peer's first load, ${enc}`, o.firstView[enc], p[enc], target, 'B');
    if (o.firstView.files !== o.files.length) add(`${view.id} in all, with what follows (${o.files.length} files), ${enc}`, o[enc], null, '', 'B');
  }
}
section('files of the overview (brotli B; * after the view is drawn; peer: its page)');
for (const f of overview.bytes.files) add(`  ${f.file}${f.afterView ? ' *' : ''}`, f.brotli, null, '', 'B');
for (const f of L.peer.both.bytes.files) add(`  peer: ${f.file}`, null, f.brotli, '', 'B');

for (const rate of RATES) {
  section(`loading at ${rate}× CPU, median of ${LOADS} cold loads (ms)`);
  for (const view of VIEWS) {
    const o = L.ours[view.id][`x${rate}`];
    const p = L.peer[view.peer][`x${rate}`];
    add(`${view.id} LCP`, o.lcp, p.lcp, '', 'ms');
    add(`${view.id} drawn (view ready)`, o.ready, p.ready, '', 'ms');
    add(`${view.id} total blocking time`, o.tbt, p.tbt, '', 'ms');
    add(`${view.id} CLS`, o.cls, p.cls, `0: ${verdict(o.cls === 0)}`, 'cls');
  }
}
section('memory after load (B)');
for (const view of VIEWS) {
  add(`${view.id} JS heap used`, L.ours[view.id].jsHeap, L.peer[view.peer].jsHeap, '', 'B');
  add(`${view.id} wasm memory`, L.ours[view.id].wasmMemory, null, '', 'B');
}

// Targets: median ≤ 16 ms unthrottled and ≤ 50 ms at 4×; with ×100 data ≤ 50 ms (unthrottled).
const interactionRows = (inter, k = 1) => {
  const label = k === 1 ? '' : `×${k} `;
  for (const [name, byRate] of Object.entries(inter)) {
    for (const rate of RATES.filter((r) => byRate[`x${r}`])) {
      const { ours: o, peer: p } = byRate[`x${rate}`];
      const limit = k === 1 ? (rate === 1 ? 16 : 50) : k === 100 && rate === 1 ? 50 : null;
      const target = limit === null ? '' : `≤${limit}: ${verdict(o.median !== null && o.median <= limit)}`;
      const expected = k === 1 ? REPS : GROWTH_REPS;
      const short = [
        o.reps !== undefined && o.reps !== expected ? `ours ${o.reps}` : '',
        p?.reps !== undefined && p.reps !== expected ? `peer ${p.reps}` : '',
      ].filter(Boolean).join(', ');
      const n = short ? ` (${short} reps)` : '';
      add(`${label}${name}, ${rate}× CPU, median${n}`, o.median, p?.median, target, 'ms');
      add(`${label}${name}, ${rate}× CPU, p95`, o.p95, p?.p95, '', 'ms');
    }
  }
};
section(`interactions: input → next frame, ${REPS} repetitions (ms)`);
interactionRows(results.interactions);

if (results.growth) {
  section(`growth: ×10 and ×100 the events and series (ms; ×1 above; ${GROWTH_REPS} repetitions or 30 s a measure)`);
  for (const g of results.growth) {
    const o = g.loads.ours;
    const p = g.loads.peer;
    const get = (r, key) => (r.timedOut ? `> ${r.timedOut / 1000} s` : r.x1[key]);
    const growth = (r, id) => (r.timedOut ? '' : `×${round(r.x1.ready / L.ours[id].x1.ready, 1)} of ×1`);
    add(`×${g.k} (${g.events} events, ${g.series} series) timeline drawn`, get(o.timeline, 'ready'), get(p.timeline, 'ready'), growth(o.timeline, 'timeline'), 'ms');
    add(`×${g.k} compare drawn`, get(o.compare, 'ready'), get(p.chart, 'ready'), growth(o.compare, 'compare'), 'ms');
    add(`×${g.k} timeline LCP`, get(o.timeline, 'lcp'), get(p.timeline, 'lcp'), '', 'ms');
    add(`×${g.k} timeline view, brotli`, o.timeline.bytes?.brotli, p.timeline.bytes?.brotli, '', 'B');
    interactionRows(g.interactions, g.k);
  }
}

if (results.lighthouse) {
  section(`Lighthouse 12.2.3: performance / accessibility / best practices / SEO, median of ${LIGHTHOUSE_RUNS} run${LIGHTHOUSE_RUNS === 1 ? '' : 's'}`);
  for (const view of VIEWS) {
    for (const formFactor of ['mobile', 'desktop']) {
      const o = results.lighthouse.find((r) => r.side === 'ours' && r.target === view.id && r.formFactor === formFactor);
      const p = results.lighthouse.find((r) => r.side === 'peer' && r.target === view.peer && r.formFactor === formFactor);
      const scores = (r) => (r ? `${r.performance}/${r.accessibility}/${r.bestPractices}/${r.seo}` : null);
      const ok = o && o.performance >= 98 && o.accessibility === 100 && o.bestPractices === 100 && o.seo === 100;
      add(`${view.id} ${formFactor}`, scores(o), scores(p), formFactor === 'mobile' ? `98/100/100/100: ${verdict(ok)}` : '', 'score');
      if (o) add(`${view.id} ${formFactor} LCP / TBT (Lighthouse, ms)`, `${fmt(o.lcp)} / ${fmt(o.tbt)}`, p ? `${fmt(p.lcp)} / ${fmt(p.tbt)}` : null, '', 'score');
      if (o && o.runs.length > 1) add(`${view.id} ${formFactor} performance of each run`, o.runs.join(', '), p?.runs ? p.runs.join(', ') : null, '', 'score');
    }
  }
}

const ratio = (o, p) => {
  if (typeof o !== 'number' || typeof p !== 'number' || p === 0) return '';
  const r = o / p;
  return r !== 0 && r < 0.1 ? r.toPrecision(2) : r.toFixed(2);
};
const width = Math.max(...rows.filter((r) => r.metric).map((r) => r.metric.length));
const line = (a, b, c, d, e) => `${a.padEnd(width)}  ${b.padStart(13)}  ${c.padStart(13)}  ${d.padStart(9)}  ${e}`;
const table = [line('metric', 'ours', 'peer', 'ours/peer', 'target')];
for (const row of rows) {
  if (row.section) table.push(`── ${row.section} `.padEnd(width + 45, '─'));
  else table.push(line(row.metric, fmt(row.ours, row.unit), fmt(row.peer, row.unit), row.unit === 'score' ? '' : ratio(row.ours, row.peer), row.target));
}
results.table = rows;
mkdirSync(dirname(opts.out), { recursive: true });
writeFileSync(opts.out, `${JSON.stringify(results, null, 2)}\n`);

console.log(`\nChina–Kazakhstan Explorer against the JavaScript peers (TimelineJS ${results.versions.timelinejs}, Chart.js ${results.versions.chartjs})`);
console.log(`headless ${results.machine.chromium}, ${results.machine.cpus} CPUs, 1280×800, served compressed from 127.0.0.1; ${new Date().toISOString().slice(0, 10)}`);
console.log(table.join('\n'));
if (results.lighthouse) {
  const findings = new Map();
  for (const r of results.lighthouse.filter((x) => x.side === 'ours')) {
    for (const f of r.failing.filter((x) => x.category !== 'performance')) {
      const key = `${f.category}: ${f.title} (${f.id}${f.nodes?.length ? `; ${f.nodes.join(', ')}` : ''})`;
      findings.set(key, [...(findings.get(key) ?? []), `${r.target} ${r.formFactor}`]);
    }
  }
  console.log(findings.size ? '\nLighthouse findings (ours, not performance):' : '\nLighthouse: no accessibility, best-practice or SEO audit fails on our pages.');
  for (const [key, where] of findings) console.log(`  ${key}: ${where.join(', ')}`);
}
const errors = [
  ...Object.values(results.loads.ours).flatMap((r) => r.errors ?? []),
  ...Object.values(results.interactions).flatMap((r) => Object.values(r).flatMap((x) => x.ours.errors ?? [])),
];
if (errors.length) console.log(`\nConsole errors on our pages: ${[...new Set(errors)].join(' | ')}`);
const notes = [];
const noteInteractions = (inter, label) => {
  for (const [name, byRate] of Object.entries(inter)) {
    for (const [rate, { ours: o, peer: p }] of Object.entries(byRate)) {
      for (const [side, r] of [['ours', o], ['peer', p]]) {
        if (!r) continue;
        if (r.timedOut) notes.push(`${label}${side} ${name} ${rate}: the page did not draw within ${r.timedOut / 1000} s`);
        if (r.lost) notes.push(`${label}${side} ${name} ${rate}: ${r.lost}`);
        if (r.changed < r.reps) notes.push(`${label}${side} ${name} ${rate}: the page changed after ${r.changed} of ${r.reps} inputs`);
      }
    }
  }
};
noteInteractions(results.interactions, '');
for (const g of results.growth ?? []) {
  for (const [side, loads] of Object.entries(g.loads)) {
    for (const [id, r] of Object.entries(loads)) {
      if (r.timedOut) notes.push(`×${g.k} ${side} ${id}: not drawn within ${r.timedOut / 1000} s, so not measured further`);
    }
  }
  noteInteractions(g.interactions, `×${g.k} `);
}
if (notes.length) console.log(`\nNotes:\n  ${notes.join('\n  ')}`);
console.log(`\nJSON: ${opts.out} (${((Date.now() - started) / 60000).toFixed(1)} min)`);
