// The split build (scripts/split.mjs, src/services/chunk.rs): the overview is drawn from the main
// wasm alone, the chunks follow when the browser is idle; every part that lives in a chunk (the
// sector pages, the timeline, the charts, compare, the downloads, the embed-code generator, the
// validator's located lines) works, fetching its chunk when it is needed first; and a chunk that cannot be fetched shows a calm message with
// a retry that works, never the panic panel.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, useServedApp, waitForApp } from './harness.mjs';

const suite = useServedApp();
// The entry chunks, the bigger shared ones, and the small shared ones joined in one file
// (scripts/split.mjs, bundleSmallChunks).
const CHUNK = /\/wasm-[0-9a-f]{16}\/((split|chunk)_[^/]+\.wasm|chunks-shared\.wasm)$/;
const SPLITS = ['split_chart.wasm', 'split_compare.wasm', 'split_downloads.wasm', 'split_embed.wasm', 'split_locator.wasm', 'split_map.wasm', 'split_sector.wasm', 'split_story.wasm', 'split_timeline.wasm'];
/** The chunks requested so far, by file name. */
const chunks = (requests) => [...new Set(requests.map((url) => new URL(url).pathname.match(CHUNK)?.[1]).filter(Boolean))].sort();
/** The console errors but the loader's report of a chunk it could not fetch. */
const unexpected = (errors) => errors.filter((text) => !/Failed to fetch|ERR_FAILED|net::/.test(text));
const noPanic = async (page) => assert.equal(await page.locator('[data-cke-crashed]').count(), 0, 'no panic panel');

test('the overview is drawn from the main wasm; the chunks follow when the browser is idle', async () => {
  const { context, page, requests, consoleErrors } = await openPage(suite.browser);
  await page.goto(`${suite.server.origin}/`);
  await waitForApp(page);
  await page.waitForFunction(() => document.querySelectorAll('section[aria-labelledby="cke-latest"] li.cke-event').length === 5);
  assert.deepEqual(chunks(requests), [], 'no chunk before the overview is drawn');
  assert.ok(requests.some((url) => /\/wasm-[0-9a-f]{16}\/china-kazakhstan-explorer_bg\.wasm$/.test(url)), 'the main wasm');
  // Then, idle: every split is fetched ahead of need, but the validator's located lines
  // (split_problems), which only a reader of broken data needs.
  await page.waitForFunction((splits) => splits.every((name) =>
    performance.getEntriesByType('resource').some((entry) => entry.name.endsWith(`/${name}`))), SPLITS, { timeout: 15000 });
  assert.deepEqual(chunks(requests).filter((name) => name.startsWith('split_')), SPLITS);
  // With the chunks there, the timeline opens at once.
  await page.locator('.cke-nav').getByRole('link', { name: 'Timeline' }).click();
  await page.getByRole('heading', { level: 1, name: /Timeline/ }).waitFor();
  assert.deepEqual(unexpected(consoleErrors), []);
  await context.close();
});

test('the timeline, reached before any chunk came, fetches its chunk, is drawn and gets the focus', async () => {
  const { context, page, requests, consoleErrors } = await openPage(suite.browser);
  await page.goto(`${suite.server.origin}/`);
  await waitForApp(page);
  await page.locator('.cke-nav').getByRole('link', { name: 'Timeline' }).click();
  await page.getByRole('heading', { level: 1, name: /Timeline/ }).waitFor();
  await waitForApp(page);
  assert.ok(chunks(requests).includes('split_timeline.wasm'));
  await page.waitForFunction(() => document.activeElement?.matches('.cke-main h1'));
  assert.ok(await page.locator('.cke-main li').count() > 10, 'the timeline lists events');
  assert.deepEqual(unexpected(consoleErrors), []);
  await context.close();
});

test("a sector page, reached from the overview's card before any chunk came, fetches its chunk, is drawn and gets the focus", async () => {
  const { context, page, requests, consoleErrors } = await openPage(suite.browser);
  await page.goto(`${suite.server.origin}/`);
  await waitForApp(page);
  assert.ok(!chunks(requests).includes('split_sector.wasm'), 'the overview does not need it');
  await page.locator('section[aria-labelledby="cke-sectors"] li[data-sector="trade"] a').click();
  await page.getByRole('heading', { level: 1, name: 'Trade' }).waitFor();
  await waitForApp(page);
  assert.ok(chunks(requests).includes('split_sector.wasm'), 'the sector pages are a chunk');
  await page.waitForFunction(() => document.activeElement?.matches('.cke-main h1'));
  assert.equal(await page.locator('.cke-tabs [aria-current="page"]').innerText(), 'Trade');
  // Its tabs work as before: the next sector is drawn in place.
  await page.locator('.cke-tabs [aria-current="page"]').press('ArrowRight');
  await page.waitForFunction(() => document.querySelector('.cke-tabs [aria-current="page"]')?.textContent !== 'Trade');
  assert.equal(await page.locator('.cke-main h1').count(), 1);
  assert.deepEqual(unexpected(consoleErrors), []);
  await context.close();
});

test('the guided story, opened by a link, fetches its chunk and is drawn', async () => {
  const { context, page, requests, consoleErrors } = await openPage(suite.browser);
  await page.goto(`${suite.server.origin}/?view=story&step=2`);
  await waitForApp(page);
  assert.ok(chunks(requests).includes('split_story.wasm'), 'the story is a chunk');
  assert.ok(!chunks(requests).includes('split_timeline.wasm'), 'only what the view needs');
  assert.equal(await page.locator('.cke-main h1').count(), 1, 'the story is drawn');
  assert.deepEqual(unexpected(consoleErrors), []);
  await context.close();
});

test("a sector's charts, compare, a download and the embed-code generator each fetch their chunk and work", async () => {
  const { context, page, requests, consoleErrors } = await openPage(suite.browser, { acceptDownloads: true });
  await page.goto(`${suite.server.origin}/?view=sector&sector=trade`);
  await waitForApp(page);
  assert.ok(await page.locator('.cke-chart svg').count() > 0, 'the sector draws its charts');
  assert.ok(chunks(requests).includes('split_chart.wasm'));
  assert.ok(!chunks(requests).includes('split_timeline.wasm'), 'only what the view needs');

  const before = requests.length;
  await page.goto(`${suite.server.origin}/?view=compare`);
  await waitForApp(page);
  await page.getByRole('heading', { level: 1, name: 'Compare' }).waitFor();
  assert.ok(await page.locator('.cke-chart svg').count() > 0, 'compare draws its chart');
  assert.ok(chunks(requests).includes('split_compare.wasm'));
  // Its many small shared chunks came in one request, for the charts and compare alike.
  const onThisPage = requests.slice(before);
  const bundles = onThisPage.filter((url) => new URL(url).pathname.endsWith('/chunks-shared.wasm'));
  assert.equal(bundles.length, 1, 'the small shared chunks are one file, fetched once');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'CSV' }).first().click(),
  ]);
  assert.match(download.suggestedFilename(), /\.csv$/);
  assert.ok(chunks(requests).includes('split_downloads.wasm'));

  await page.getByText('Embed this explainer').click();
  await page.locator('#cke-embed-chart').waitFor();
  assert.ok(await page.locator('#cke-embed-chart option').count() > 1);
  assert.ok(chunks(requests).includes('split_embed.wasm'));
  assert.deepEqual(unexpected(consoleErrors), []);
  await noPanic(page);
  await context.close();
});

test('a chunk that cannot be fetched shows a calm message in the reader\'s language and a retry that works', async () => {
  const { context, page, consoleErrors } = await openPage(suite.browser, { acceptDownloads: true });
  // The chunks blocked for now (the idle preload asks for them too; it fails quietly).
  const blocked = new Set(['timeline', 'sector', 'chart', 'downloads']);
  await page.route(/\/split_[a-z]+\.wasm$/, (route) => {
    const name = new URL(route.request().url()).pathname.match(/split_([a-z]+)\.wasm$/)[1];
    return blocked.has(name) ? route.abort() : route.continue();
  });

  // A whole view, in Russian.
  await page.goto(`${suite.server.origin}/?view=timeline&lang=ru`);
  const note = page.locator('.cke-main [data-part-failed]');
  await note.waitFor();
  assert.match(await note.innerText(), /не удалось загрузить/);
  await noPanic(page);
  blocked.delete('timeline');
  await note.getByRole('button', { name: 'Повторить' }).click();
  await page.locator('.cke-main h1').waitFor();
  await note.waitFor({ state: 'detached' });
  assert.ok(await page.locator('.cke-main li').count() > 10, 'the timeline lists events');
  await noPanic(page);

  // A sector page, in English: the whole view, then its charts.
  await page.goto(`${suite.server.origin}/?view=sector&sector=trade`);
  await note.waitFor();
  assert.match(await note.innerText(), /could not be loaded/);
  assert.equal(await page.locator('.cke-main .cke-tabs').count(), 0);
  await noPanic(page);
  blocked.delete('sector');
  await note.getByRole('button', { name: 'Try again' }).click();
  await page.locator('.cke-main .cke-tabs').waitFor();
  await page.locator('.cke-main [data-part-failed]').first().waitFor();
  assert.equal(await page.locator('.cke-chart').count(), 0);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await noPanic(page);
  blocked.delete('chart');
  await page.locator('.cke-main [data-part-failed]').first().getByRole('button', { name: 'Try again' }).click();
  await page.locator('.cke-chart svg').first().waitFor();

  // A download.
  await page.getByRole('button', { name: 'CSV' }).first().click();
  const failed = page.locator('.cke-chart [data-part-failed]').first();
  await failed.waitFor();
  assert.match(await failed.innerText(), /could not be loaded/);
  await noPanic(page);
  blocked.delete('downloads');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    failed.getByRole('button', { name: 'Try again' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /\.csv$/);
  await page.locator('.cke-chart [data-part-failed]').first().waitFor({ state: 'detached' });
  await noPanic(page);
  assert.deepEqual(unexpected(consoleErrors), []);
  await context.close();
});

test('when the file of the small shared chunks cannot be fetched, a view that needs them says so and its retry fetches it again', async () => {
  const { context, page, consoleErrors } = await openPage(suite.browser);
  let failing = true;
  let asked = 0;
  await page.route(/\/chunks-shared\.wasm$/, (route) => {
    asked += 1;
    return failing ? route.abort() : route.continue();
  });
  await page.goto(`${suite.server.origin}/?view=compare`);
  const note = page.locator('.cke-main [data-part-failed]');
  await note.waitFor();
  assert.match(await note.innerText(), /could not be loaded/);
  await noPanic(page);
  failing = false;
  const before = asked;
  await note.getByRole('button', { name: 'Try again' }).click();
  await page.getByRole('heading', { level: 1, name: 'Compare' }).waitFor();
  await page.locator('.cke-chart svg').first().waitFor();
  assert.ok(asked > before, 'the retry asked for the file again');
  await noPanic(page);
  assert.deepEqual(unexpected(consoleErrors), []);
  await context.close();
});

test("the validator's located lines are a chunk, fetched only when a notice shows them; when it cannot be fetched the notice says so and its retry works", async () => {
  const { context, page, requests, consoleErrors } = await openPage(suite.browser);
  // Broken data: an event names a source that does not exist.
  const events = JSON.parse(await (await fetch(`${suite.server.origin}/data/events.json`)).text());
  events.events[0].sources = [...events.events[0].sources, 'no-such-source'];
  await page.route('**/data/events.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(events, null, 2) }));
  let failing = true;
  await page.route(/\/split_problems\.wasm$/, (route) => (failing ? route.abort() : route.continue()));
  await page.goto(`${suite.server.origin}/`);
  await waitForApp(page);
  const notice = page.locator('.cke-main .cke-alert[role="status"]');
  await notice.waitFor();
  // The notice and the rest of the overview are there; only its validator lines wait for code.
  await page.locator('section[aria-labelledby="cke-sectors"] a.cke-card').first().waitFor();
  await notice.locator('summary').click();
  const note = notice.locator('[data-part-failed]');
  await note.waitFor();
  assert.match(await note.innerText(), /could not be loaded/);
  await noPanic(page);
  failing = false;
  await note.getByRole('button', { name: 'Try again' }).click();
  const line = notice.locator('.cke-problem-lines code').first();
  await line.waitFor();
  assert.match(await line.textContent(), /^error: events\.json:\d+:\d+ \$\.events\[0\]\.sources\[\d+\]: unknown source id "no-such-source"/);
  assert.ok(chunks(requests).includes('split_problems.wasm'));
  assert.deepEqual(unexpected(consoleErrors), []);
  await context.close();
});
