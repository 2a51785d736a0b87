// The first-load byte budget: everything a browser fetches to show the overview, compressed
// with brotli, must stay within the budget recorded in README.md. Deterministic: it counts the
// bytes of the files requested, not timings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { compressedSizes, readmeBudget } from '../scripts/size-report.mjs';
import { DIST, openPage, useServedApp, waitForApp } from './harness.mjs';

const suite = useServedApp();

test('the first load of the overview stays within the README budget', async () => {
  const { context, page, requests } = await openPage(suite.browser);
  await page.goto(`${suite.server.origin}/`);
  await waitForApp(page);
  await page.waitForLoadState('networkidle');
  const files = [...new Set(requests)]
    .filter((url) => url.startsWith(suite.server.origin))
    .map((url) => decodeURIComponent(new URL(url).pathname))
    .map((path) => (path.endsWith('/') ? `${path}index.html` : path));
  const rows = files.map((path) => ({ path, ...compressedSizes(readFileSync(join(DIST, path))) }));
  const total = rows.reduce((sum, row) => ({ raw: sum.raw + row.raw, brotli: sum.brotli + row.brotli }), {
    raw: 0,
    brotli: 0,
  });
  for (const row of rows) console.log(`first load: ${row.path} ${row.raw} B raw, ${row.brotli} B brotli`);
  console.log(`first load: ${rows.length} files, ${total.raw} B raw, ${total.brotli} B brotli`);
  const budget = readmeBudget(resolve(import.meta.dirname, '..', 'README.md'));
  assert.ok(total.brotli <= budget, `first load is ${total.brotli} B brotli, over the ${budget} B budget`);
  await context.close();
});

// How many elements each view builds on arrival: deterministic for the bundled data, and most
// of what a switch of view or sector costs (building, styling, laying out). Closed disclosures
// (figure sources, the footer's source list, chart tables) are built when opened, so they do
// not count. The budgets leave about 15 % for the data to grow.
const ELEMENT_BUDGETS = [
  { path: '/', budget: 350 },
  { path: '/?view=sector&sector=trade', budget: 1650 },
  { path: '/?view=sector&sector=energy', budget: 950 },
  { path: '/?view=timeline', budget: 1800 },
  { path: '/?view=compare', budget: 450 },
];

test('each view builds a bounded number of elements, and no closed disclosure is built', async () => {
  const { context, page } = await openPage(suite.browser);
  const over = [];
  for (const { path, budget } of ELEMENT_BUDGETS) {
    await page.goto(`${suite.server.origin}${path}`);
    await waitForApp(page);
    const count = await page.evaluate(() => document.querySelectorAll('*').length);
    console.log(`elements: ${path} ${count} (budget ${budget})`);
    if (count > budget) over.push(`${path}: ${count} elements, over ${budget}`);
    const built = await page.evaluate(() =>
      [...document.querySelectorAll('.cke-figure__details:not([open]), .cke-footer details:not(.cke-embed):not([open])')]
        .filter((details) => details.querySelector(':scope > :not(summary)')).length);
    if (built) over.push(`${path}: ${built} closed disclosures have their contents built`);
  }
  assert.deepEqual(over, []);
  await context.close();
});

test('the data downloads start beside the wasm, and the app uses them without fetching again', async () => {
  const { context, page } = await openPage(suite.browser);
  await page.goto(`${suite.server.origin}/?view=timeline`);
  await waitForApp(page);
  const entries = await page.evaluate(() => performance.getEntriesByType('resource')
    .filter((entry) => entry.name.includes('/data/'))
    .map((entry) => `${new URL(entry.name).pathname} ${entry.initiatorType}`)
    .sort());
  // One request per file, made by the preloader's <link rel=preload> (scripts/preload-data.js),
  // not a second one by the app's fetch: a preload that did not match would show as `fetch`.
  assert.deepEqual(entries, [
    '/data/caveats.json link', '/data/comparisons.json link', '/data/events.json link',
    '/data/figures.json link', '/data/sectors.json link', '/data/series.json link',
    '/data/sources.json link', '/data/text/en.json link',
  ]);
  await context.close();
});
