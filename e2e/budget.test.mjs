// The first-load byte budget: everything a browser fetches to show the overview, compressed
// with brotli, must stay within the budget recorded in README.md (what it fetches after the
// overview is drawn, the charts' files, is printed but not counted). Deterministic: it counts the
// bytes of the files requested, not timings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { compressedSizes, readmeBudget } from '../scripts/size-report.mjs';
import { DIST, DRAWN, openPage, useServedApp, waitForApp } from './harness.mjs';

const suite = useServedApp();

test('the first load of the overview stays within the README budget', async () => {
  const { context, page, requests } = await openPage(suite.browser);
  // When the app has drawn the overview: the first time its main region stops being busy (the
  // prerendered view shown before it is not the app).
  await page.addInitScript((drawn) => {
    new MutationObserver((_, observer) => {
      if (document.querySelector(drawn)) {
        window.__drawnAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { subtree: true, childList: true, attributes: true });
  }, DRAWN);
  await page.goto(`${suite.server.origin}/`);
  await waitForApp(page);
  await page.waitForLoadState('networkidle');
  // The wasm chunks come when the browser is idle after the overview (a resource entry is
  // written when its download ends).
  const CHUNK = /^\/wasm-[0-9a-f]{16}\/((split|chunk)_[^/]+\.wasm|chunks-shared\.wasm)$/;
  const splits = ['chart', 'compare', 'downloads', 'embed', 'locator', 'map', 'sector', 'story', 'timeline'].map((name) => `/split_${name}.wasm`);
  await page.waitForFunction((names) => names.every((name) =>
    performance.getEntriesByType('resource').some((entry) => entry.name.endsWith(name))), splits);
  const chunkUrls = [...new Set(requests)].filter((url) => CHUNK.test(new URL(url).pathname));
  await page.waitForFunction((urls) => urls.every((url) =>
    performance.getEntriesByType('resource').some((entry) => entry.name === url)), chunkUrls);
  const { drawnAt, started } = await page.evaluate(() => ({
    drawnAt: window.__drawnAt,
    started: performance.getEntriesByType('resource').map((entry) => [entry.name, entry.startTime]),
  }));
  const startedAt = new Map(started);
  const urls = [...new Set(requests)].filter((url) => url.startsWith(suite.server.origin));
  const path = (url) => {
    const pathname = decodeURIComponent(new URL(url).pathname);
    return pathname.endsWith('/') ? `${pathname}index.html` : pathname;
  };
  // The page itself has no resource entry: it came first.
  const after = urls.filter((url) => (startedAt.get(url) ?? 0) > drawnAt).map(path).sort();
  const rows = urls.map((url) => ({ path: path(url), ...compressedSizes(readFileSync(join(DIST, path(url)))) }));
  const sum = (list) => list.reduce((total, row) => ({ raw: total.raw + row.raw, brotli: total.brotli + row.brotli }), { raw: 0, brotli: 0 });
  const first = sum(rows.filter((row) => !after.includes(row.path)));
  const all = sum(rows);
  for (const row of rows) {
    const when = after.includes(row.path) ? ' (after the overview is drawn)' : '';
    console.log(`first load: ${row.path} ${row.raw} B raw, ${row.brotli} B brotli${when}`);
  }
  console.log(`first load: ${rows.length - after.length} files, ${first.raw} B raw, ${first.brotli} B brotli; with what follows ${all.brotli} B brotli`);
  // Only the charts' files, the map's places and the caveats (scripts/preload-data.js, src/services/load/),
  // and the wasm chunks and the view style sheets, fetched when the browser is idle
  // (src/services/chunk.rs, scripts/later-styles.mjs), wait for the overview to be drawn; the
  // map's outlines are not fetched at all.
  const LATER_STYLES = /^\/(charts|timeline|story|map)-[0-9a-f]+\.css$/;
  assert.deepEqual(after.filter((path) => !CHUNK.test(path) && !LATER_STYLES.test(path)), ['/data/caveats.json', '/data/comparisons.json', '/data/places.json', '/data/series.json']);
  assert.equal(after.filter((path) => LATER_STYLES.test(path)).length, 4, 'the view style sheets follow the overview');
  assert.ok(after.some((path) => CHUNK.test(path)), 'the chunks are fetched after the overview is drawn');
  assert.deepEqual(rows.filter((row) => CHUNK.test(row.path) && !after.includes(row.path)), [], 'no chunk before');
  assert.ok(!urls.some((url) => url.includes('/data/geo/')), 'the overview fetches no map outlines');
  const budget = readmeBudget(resolve(import.meta.dirname, '..', 'README.md'));
  assert.ok(first.brotli <= budget, `first load is ${first.brotli} B brotli, over the ${budget} B budget`);
  await context.close();
});

// What a reader's browser must fetch before the view's first contentful paint: the page, its
// style sheets, the preloader and the view's prerendered fragment (scripts/prerender.mjs). The
// app's own files (its JS, its wasm, the data) are held back until the page has painted, so the
// count shows what the paint needed, not what happened to arrive first on a fast loopback; the
// first paint must show the view's heading. Budget per view, brotli as above, from README.md.
// The trade sector in Russian has the largest fragment.
const FIRST_PAINT_VIEWS = ['/', '/?view=sector&sector=trade', '/?view=timeline', '/?view=compare', '/?view=map', '/?view=sector&sector=trade&lang=ru'];

test('each view\'s first contentful paint needs only the page, its styles, the preloader and its fragment', async () => {
  const budget = readmeBudget(resolve(import.meta.dirname, '..', 'README.md'), 'Before-first-paint budget');
  const over = [];
  for (const path of FIRST_PAINT_VIEWS) {
    const { context, page } = await openPage(suite.browser);
    let release;
    const painted = new Promise((resolve) => (release = resolve));
    await page.route(/(\/china-kazakhstan-explorer-[0-9a-f]+(_bg\.wasm|\.js)|\/wasm-[0-9a-f]{16}\/.*|\/data\/.*)$/, async (route) => {
      await painted;
      await route.continue();
    });
    await page.goto(`${suite.server.origin}${path}`);
    const paint = await page.waitForFunction(() => {
      const [entry] = performance.getEntriesByName('first-contentful-paint');
      return entry && {
        at: entry.startTime,
        heading: document.querySelector('.cke[data-cke-prerender] > .cke-main h1')?.textContent,
        done: performance.getEntriesByType('resource').filter((resource) => resource.responseEnd <= entry.startTime).map((resource) => resource.name),
      };
    }).then((handle) => handle.jsonValue());
    release();
    assert.ok(paint.heading, `${path}: the first contentful paint shows the prerendered view`);
    const files = ['/index.html', ...paint.done.map((url) => decodeURIComponent(new URL(url).pathname))];
    const rows = files.map((file) => ({ file, ...compressedSizes(readFileSync(join(DIST, file))) }));
    const total = rows.reduce((sum, row) => sum + row.brotli, 0);
    const raw = rows.reduce((sum, row) => sum + row.raw, 0);
    console.log(`before first paint: ${path} ${rows.length} files, ${raw} B raw, ${total} B brotli (${rows.map((row) => `${row.file.replace(/^\/prerender-[0-9a-f]+/, '…')} ${row.brotli}`).join(', ')}); painted at ${Math.round(paint.at)} ms`);
    if (total > budget) over.push(`${path}: ${total} B brotli before the first paint, over ${budget}`);
    await waitForApp(page);
    await context.close();
  }
  assert.deepEqual(over, []);
});

// How many elements each view builds on arrival: deterministic for the bundled data, and most
// of what a switch of view or sector costs (building, styling, laying out). Closed disclosures
// (figure sources, the footer's source list, chart tables) are built when opened, so they do
// not count. The budgets leave about 15 % for the data to grow.
const ELEMENT_BUDGETS = [
  { path: '/', budget: 240 },
  // A sector shows its key figures, main chart and key events; the rest is built on demand.
  { path: '/?view=sector&sector=trade', budget: 440 },
  { path: '/?view=sector&sector=energy', budget: 330 },
  { path: '/?view=timeline', budget: 1700 },
  { path: '/?view=compare', budget: 340 },
];

test('each view builds a bounded number of elements, and no closed disclosure is built', async () => {
  const { context, page } = await openPage(suite.browser);
  const over = [];
  for (const { path, budget } of ELEMENT_BUDGETS) {
    await page.goto(`${suite.server.origin}${path}`);
    await waitForApp(page);
    // The body's: the head is the page's (its style sheets and manifests), not the view's.
    const count = await page.evaluate(() => document.body.querySelectorAll('*').length);
    console.log(`elements: ${path} ${count} (budget ${budget})`);
    if (count > budget) over.push(`${path}: ${count} elements, over ${budget}`);
    const built = await page.evaluate(() =>
      [...document.querySelectorAll('.cke-figure__details:not([open]), .cke-more:not([open]), .cke-footer details:not([open])')]
        .filter((details) => details.querySelector(':scope > :not(summary)')).length);
    if (built) over.push(`${path}: ${built} closed disclosures have their contents built`);
  }
  assert.deepEqual(over, []);
  await context.close();
});

/** The data files a page has fetched so far, each with what started the request. */
const dataRequests = (page) => page.evaluate(() => performance.getEntriesByType('resource')
  .filter((entry) => entry.name.includes('/data/'))
  .map((entry) => `${new URL(entry.name).pathname} ${entry.initiatorType}`)
  .sort());
const CHART_FILES = ['/data/comparisons.json', '/data/series.json'];
/** What a view without charts or map is drawn without: the charts' files, the places, the caveats. */
const DEFERRED_FILES = [...CHART_FILES, '/data/places.json', '/data/caveats.json'];

test('the first view\'s data downloads start beside the wasm, the app uses them without fetching again, and the charts\' files follow', async () => {
  const { context, page } = await openPage(suite.browser);
  // A view with charts: every file, each preloaded by scripts/preload-data.js and taken by the
  // app's fetch (a preload that did not match would show as a second request, `fetch`).
  await page.goto(`${suite.server.origin}/?view=compare`);
  await waitForApp(page);
  assert.deepEqual(await dataRequests(page), [
    '/data/caveats.json link', '/data/comparisons.json link', '/data/events.json link',
    '/data/figures.json link', '/data/places.json link', '/data/sectors.json link',
    '/data/series.json link', '/data/sources.json link', '/data/story.json link',
    '/data/text/en.json link',
  ]);
  // A view without charts: its own files preloaded; the charts' files fetched by the app after
  // the first view, once each.
  await page.goto(`${suite.server.origin}/?view=timeline`);
  await waitForApp(page);
  await page.waitForFunction((files) => files.every((file) =>
    performance.getEntriesByType('resource').some((entry) => entry.name.endsWith(file))), DEFERRED_FILES);
  assert.deepEqual(await dataRequests(page), [
    '/data/caveats.json fetch', '/data/comparisons.json fetch', '/data/events.json link',
    '/data/figures.json link', '/data/places.json fetch', '/data/sectors.json link',
    '/data/series.json fetch', '/data/sources.json link', '/data/story.json link',
    '/data/text/en.json link',
  ]);
  await context.close();
});

test('the overview is drawn without the charts\' files; a view with charts waits for them, then gets the focus', async () => {
  const { context, page } = await openPage(suite.browser);
  const held = [];
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  await page.route(/\/data\/(series|comparisons)\.json$/, async (route) => {
    held.push(new URL(route.request().url()).pathname);
    await released;
    await route.continue();
  });
  await page.goto(`${suite.server.origin}/`);
  await waitForApp(page);
  // Everything the overview shows is there while both files are still on the way.
  await page.waitForFunction(() => document.querySelectorAll('section[aria-labelledby="cke-latest"] li.cke-event').length === 5);
  assert.equal(await page.locator('section[aria-labelledby="cke-headlines"] .cke-figure').count(), 4);
  assert.equal(await page.locator('section[aria-labelledby="cke-sectors"] a.cke-card').count(), 11);
  await page.waitForFunction(() => performance.getEntriesByType('resource').length > 0);
  assert.deepEqual(held.sort(), CHART_FILES, 'the charts\' files are requested after the first view');
  assert.equal(await page.getByRole('status').filter({ hasText: 'could not' }).count(), 0);
  // A figure's source panel opened meanwhile shows its source at once (its caveats follow with
  // the complete data).
  await page.locator('section[aria-labelledby="cke-headlines"] .cke-figure__details > summary').first().click();
  await page.locator('section[aria-labelledby="cke-headlines"] .cke-figure__details[open] a').first().waitFor();
  // Compare needs them: the skeleton and a busy main until they arrive…
  await page.locator('.cke-nav').getByRole('link', { name: 'Compare' }).click();
  await page.locator('.cke-main .cke-skeleton').waitFor();
  assert.equal(await page.locator('.cke-main').getAttribute('aria-busy'), 'true');
  release();
  // …then the charts, with the focus on the view's heading as after any change of view.
  await page.getByRole('heading', { level: 1, name: 'Compare' }).waitFor();
  await waitForApp(page);
  await page.locator('.cke-chart').first().waitFor();
  await page.waitForFunction(() => document.activeElement?.matches('.cke-main h1'));
  // The embed-code generator (built when opened) lists the charts.
  await page.getByText('Embed this explainer').click();
  // Its code is a wasm chunk (fetched now if the browser has not been idle yet), built on the
  // toggle event, which fires after the click: wait for the second option.
  await page.locator('#cke-embed-chart option').nth(1).waitFor({ state: 'attached' });
  assert.ok(await page.locator('#cke-embed-chart option').count() > 1);
  await context.close();
});
