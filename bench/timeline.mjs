// Benchmark of the timeline at 76 (the real data), 1,000 and 10,000 events: `node bench/timeline.mjs`.
//
// Serves the release build (dist/, or CKE_DIST) on 127.0.0.1 with the real data and with two
// synthetic datasets (bench/synthetic.mjs), opens each in headless Chromium and prints, as the
// median of several runs, how long the timeline takes to draw and to answer each interaction:
// from the input to the DOM updated, and to the next painted frame. It also counts what is
// drawn, to show that only the visible events are. Not part of scripts/test.sh: numbers depend
// on the machine; e2e/timeline.test.mjs checks 10,000 events stay interactive.
//
// Options: CKE_DIST=<built site>, BENCH_RUNS=<runs per measure, default 7>.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { DIST, launchBrowser, openPage, serveDist, waitForApp } from '../e2e/harness.mjs';
import { syntheticSite } from './synthetic.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const COUNTS = [76, 1_000, 10_000];
const ROOT = resolve(import.meta.dirname, '..');

function ensureBuild() {
  if (existsSync(join(DIST, 'index.html'))) return;
  console.log(`No build in ${DIST}: running trunk build --release --offline …`);
  const PATH = [join(homedir(), '.cargo', 'bin'), join(ROOT, 'node_modules', '.bin'), process.env.PATH].join(':');
  const built = spawnSync('trunk', ['build', '--release', '--offline', '--dist', DIST], {
    cwd: ROOT, stdio: 'inherit', env: { ...process.env, PATH, RUST_BACKTRACE: '0' },
  });
  if (built.status !== 0) {
    console.error('The build failed; run `bash scripts/setup.sh` first.');
    process.exit(1);
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

/** In-page helpers: wait for a condition on DOM mutations, then for the next painted frame. */
const HELPERS = () => {
  window.__until = (condition) => new Promise((done, fail) => {
    if (condition()) { done(performance.now()); return; }
    const observer = new MutationObserver(() => {
      if (condition()) { observer.disconnect(); clearTimeout(timer); done(performance.now()); }
    });
    const timer = setTimeout(() => { observer.disconnect(); fail(new Error('no change within 10 s')); }, 10_000);
    observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  window.__frame = () => new Promise((done) => requestAnimationFrame(() => setTimeout(() => done(performance.now()), 0)));
  window.__focusMoved = (from) => new Promise((done) => {
    const poll = () => (document.activeElement !== from ? done(performance.now()) : requestAnimationFrame(poll));
    poll();
  });
  window.__drawnAt = null;
  new MutationObserver((_, observer) => {
    if (document.querySelector('.cke-tl-event')) { window.__drawnAt = performance.now(); observer.disconnect(); }
  }).observe(document, { subtree: true, childList: true });
};

/**
 * The interactions, each run in the page: it acts, and returns [DOM updated, next frame] in ms.
 * `round` alternates the direction (check/uncheck, zoom in/out…) so that every run changes
 * something.
 */
const INTERACTIONS = {
  'filter (sector)': async (round) => {
    const status = document.querySelector('.cke-tl-status');
    const before = status.textContent;
    const start = performance.now();
    document.querySelector('#cke-tl-sector-energy').click();
    const dom = await window.__until(() => status.textContent !== before);
    return [dom - start, (await window.__frame()) - start];
  },
  'zoom in/out': async (round) => {
    const status = document.querySelector('.cke-tl-status');
    const before = status.textContent;
    const buttons = [...document.querySelectorAll('.cke-tl-zoom button')];
    const name = round % 2 === 0 ? 'Zoom in' : 'Zoom out';
    const start = performance.now();
    buttons.find((button) => button.textContent === name).click();
    const dom = await window.__until(() => status.textContent !== before);
    return [dom - start, (await window.__frame()) - start];
  },
  'scrub (slider)': async (round) => {
    const status = document.querySelector('.cke-tl-status');
    const before = status.textContent;
    const slider = document.querySelector('.cke-tl-zoom input[step="30"]');
    const start = performance.now();
    slider.value = String(Number(slider.min) + (round % 2 === 0 ? 0.7 : 0.2) * (Number(slider.max) - Number(slider.min)));
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    const dom = await window.__until(() => status.textContent !== before);
    return [dom - start, (await window.__frame()) - start];
  },
  'arrow key (next event)': async (round) => {
    const from = document.activeElement?.classList.contains('cke-tl-event')
      ? document.activeElement
      : document.querySelector('.cke-tl-event[tabindex="0"]');
    from.focus();
    const start = performance.now();
    from.dispatchEvent(new KeyboardEvent('keydown', { key: round % 2 === 0 ? 'ArrowRight' : 'ArrowLeft', bubbles: true, cancelable: true }));
    const moved = await window.__focusMoved(from);
    return [moved - start, (await window.__frame()) - start];
  },
  'open details (click)': async (round) => {
    const events = [...document.querySelectorAll('.cke-tl-event:not([aria-current="true"])')];
    const target = events[round % events.length];
    const start = performance.now();
    target.click();
    const id = target.dataset.id;
    const dom = await window.__until(() => document.querySelector('#cke-tl-details')?.dataset.id === id);
    return [dom - start, (await window.__frame()) - start];
  },
  'jump to year (select)': async (round) => {
    const select = document.querySelector('#cke-tl-year');
    const heading = document.querySelector('#cke-tl-list-title');
    const before = heading.textContent;
    select.value = String(2000 + (round % 20));
    const start = performance.now();
    select.dispatchEvent(new Event('change', { bubbles: true }));
    const dom = await window.__until(() => heading.textContent !== before);
    return [dom - start, (await window.__frame()) - start];
  },
};

async function measureSite(browser, origin) {
  const loads = [];
  const switches = [];
  let counts;
  for (let run = 0; run < Math.max(3, Math.ceil(RUNS / 2)); run += 1) {
    const { context, page, consoleErrors } = await openPage(browser, { reducedMotion: 'reduce' });
    await page.addInitScript(HELPERS);
    // Cold: the page, the wasm and the data, to the timeline drawn.
    await page.goto(`${origin}/?view=timeline`);
    await waitForApp(page);
    await page.locator('.cke-tl-event').first().waitFor();
    loads.push(await page.evaluate(() => window.__drawnAt));
    // Warm: from the overview (data loaded) to the timeline drawn.
    await page.goto(`${origin}/`);
    await waitForApp(page);
    switches.push(await page.evaluate(async () => {
      const link = [...document.querySelectorAll('nav a')].find((a) => a.textContent === 'Timeline');
      const start = performance.now();
      link.click();
      const dom = await window.__until(() => document.querySelector('.cke-tl-event'));
      return [dom - start, (await window.__frame()) - start];
    }));
    counts = await page.evaluate(() => ({
      events: Number(document.querySelector('.cke-tl-status').textContent.match(/of (\d+) events/)?.[1]),
      drawn: document.querySelectorAll('.cke-tl-event').length,
      clusters: document.querySelectorAll('.cke-tl-cluster').length,
      listed: document.querySelectorAll('.cke-tl-item').length,
      nodes: document.querySelectorAll('*').length,
    }));
    if (consoleErrors.length) throw new Error(`console errors: ${consoleErrors.join('; ')}`);
    await context.close();
  }
  const { context, page } = await openPage(browser, { reducedMotion: 'reduce' });
  await page.addInitScript(HELPERS);
  await page.goto(`${origin}/?view=timeline`);
  await waitForApp(page);
  await page.locator('.cke-tl-event').first().waitFor();
  const interactions = {};
  for (const [name, action] of Object.entries(INTERACTIONS)) {
    // Every interaction starts from the same state: no filter, a ten-year window (so that
    // there is something to scrub), no year.
    await page.evaluate(() => {
      const energy = document.querySelector('#cke-tl-sector-energy');
      if (energy.checked) energy.click();
    });
    await page.goto(`${origin}/?view=timeline`);
    await waitForApp(page);
    await page.locator('.cke-tl-event').first().waitFor();
    await page.getByLabel('Years shown').evaluate((slider) => {
      slider.value = '10';
      slider.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const times = [];
    for (let round = 0; round < RUNS; round += 1) {
      times.push(await page.evaluate(action, round));
    }
    interactions[name] = times;
  }
  await context.close();
  return { loads, switches, counts, interactions };
}

const ms = (value) => `${value.toFixed(1)}`.padStart(7);
const pair = (times) => `${ms(median(times.map((t) => t[0])))} /${ms(median(times.map((t) => t[1])))}`;

ensureBuild();
const browser = await launchBrowser();
const results = [];
try {
  for (const count of COUNTS) {
    const site = count === 76 ? { dir: DIST, cleanup: async () => {} } : await syntheticSite(DIST, count);
    const server = await serveDist(site.dir);
    try {
      process.stdout.write(`measuring ${count} events …\n`);
      results.push({ count, ...(await measureSite(browser, server.origin)) });
    } finally {
      await server.close();
      await site.cleanup();
    }
  }
} finally {
  await browser.close();
}

const names = ['load → drawn (cold)', 'view switch (warm)', ...Object.keys(INTERACTIONS)];
console.log(`\nTimeline benchmark: median of ${RUNS} runs, headless Chromium, reduced motion.`);
console.log('Interactions: ms from the input to the DOM updated / to the next painted frame.\n');
const header = ['', ...results.map((r) => `${r.count.toLocaleString('en')} events`.padStart(17))];
console.log(header.map((h, i) => (i === 0 ? h.padEnd(26) : h)).join(' '));
for (const name of names) {
  const cells = results.map((r) => {
    if (name === 'load → drawn (cold)') return `${ms(median(r.loads))}`.padStart(17);
    if (name === 'view switch (warm)') return pair(r.switches).padStart(17);
    return pair(r.interactions[name]).padStart(17);
  });
  console.log([name.padEnd(26), ...cells].join(' '));
}
console.log();
for (const r of results) {
  const c = r.counts;
  console.log(`${String(r.count).padStart(6)} events: ${c.drawn} drawn on the axis + ${c.clusters} clusters, ${c.listed} in the list, ${c.nodes} DOM elements in all`);
}
const slowest = Math.max(...results.filter((r) => r.count === 10_000)
  .flatMap((r) => Object.values(r.interactions).map((times) => median(times.map((t) => t[1])))));
console.log(`\n10,000 events: slowest interaction (median, to the next frame) ${slowest.toFixed(1)} ms — ${slowest < 100 ? 'interactive (under 100 ms)' : 'NOT interactive (100 ms or more)'}.`);
