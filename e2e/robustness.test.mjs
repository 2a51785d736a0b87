// Bad input, faults and hostile content, in headless Chromium against the release build: every
// data file failing in every way a network can fail it, broken and hostile data, and hostile
// URLs. Faults are injected with `page.route`; the app's 8-second fetch timeout is driven by
// Playwright's fake clock, so no test waits real seconds for it.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { APP, DIST, DRAWN, openAllDetails, openPage, useServedApp, waitForApp, withoutPrerender } from './harness.mjs';
// The number of events in the bundled data: the expectations follow the data, not a count of one year.
const EVENT_COUNT = JSON.parse(readFileSync(new URL('../public/data/events.json', import.meta.url), 'utf8')).events.length;

const suite = useServedApp();

const NEUTRAL = [
  'sources.json', 'sectors.json', 'events.json', 'figures.json', 'series.json', 'comparisons.json',
  'caveats.json',
];
/** Without these nothing can be shown: the app must say so with an error box and a retry. */
const REQUIRED = new Set(['sources.json', 'sectors.json', 'text/en.json']);
const ALL_FILES = [...NEUTRAL, 'text/en.json', 'text/ru.json', 'text/zh.json', 'text/kk.json'];

/** The real bytes of a data file of the build under test. */
const realBytes = (file) => readFile(join(DIST, 'data', file));
const realText = async (file) => (await realBytes(file)).toString('utf8');
const realJson = async (file) => JSON.parse(await realText(file));

/** What the reader sees, per language: headings, the retry button and the fetch reasons. */
const WORDS = {
  en: {
    overview: 'China and Kazakhstan since 1992',
    compare: 'Compare',
    loadFailed: 'The data could not be loaded',
    problems: 'Some data could not be shown',
    retry: 'Try again',
    trade: 'Trade',
    reasons: {
      404: 'the server answered 404',
      500: 'the server answered 500',
      html: 'the server sent a web page instead of the data',
      timeout: 'no answer within 8 seconds',
    },
  },
  ru: {
    overview: 'Китай и Казахстан с 1992 года',
    loadFailed: 'Не удалось загрузить данные',
    problems: 'Часть данных не удалось показать',
    retry: 'Повторить',
    trade: 'Торговля',
    reasons: {
      404: 'сервер ответил: 404',
      500: 'сервер ответил: 500',
      html: 'сервер прислал веб-страницу вместо данных',
      timeout: 'нет ответа в течение 8 с',
    },
  },
};

/** Chromium logs every 4xx/5xx answer as a console error by itself; the app's own are kept. */
const appErrors = (errors) => errors.filter((text) => !text.startsWith('Failed to load resource'));

/** The path of a request's URL relative to `data/` ("text/en.json"), or null. */
function dataFile(url) {
  const path = new URL(url).pathname;
  const at = path.indexOf('/data/');
  return at < 0 ? null : path.slice(at + '/data/'.length);
}

/** Runs one macrotask in the page through a MessageChannel (the fake clock does not touch it). */
const yieldToPage = (page) =>
  page.evaluate(() => new Promise((done) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => done();
    channel.port2.postMessage(0);
  }));

/** Waits for the load to end (in a message or the content) and returns the two kinds of message. */
async function settled(page) {
  await page.locator(DRAWN).waitFor();
  return {
    alert: page.locator('.cke-main .cke-alert[role="alert"]'),
    notice: page.locator('.cke-main .cke-alert[role="status"]'),
  };
}

/**
 * A notice's text once it matches `message`: the validator's lines are placed at their line and
 * column by code fetched when the notice is drawn (`split_problems.wasm`), so they follow it by
 * a moment. Gives the last text after 10 s without a match.
 */
async function textSaying(locator, message) {
  const until = Date.now() + 10000;
  let text = await locator.textContent();
  while (!message.test(text) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    text = await locator.textContent();
  }
  return text;
}

/** An error's message and, for a locator that timed out, what it waited for. */
function firstLines(error) {
  const lines = error.message.split('\n');
  const waited = lines.find((line) => line.includes('waiting for'));
  return waited ? `${lines[0]} (${waited.trim()})` : lines[0];
}

/** The data files a message names (`sources.json: …`, `error: figures.json:3:4 …`). */
function filesNamed(text) {
  return ALL_FILES.filter((file) => text.includes(`${file}:`));
}

// -----------------------------------------------------------------------------------------------
// 1. Network faults, for each data file
// -----------------------------------------------------------------------------------------------

/**
 * Every way the network can fail one file. `answer` serves the fault; `hold` faults are never
 * answered within the app's timeout, so the clock is moved on to fire it.
 */
const FAULTS = [
  {
    name: '404',
    answer: (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' }),
    reason: (words) => words.reasons[404],
  },
  {
    name: '500',
    answer: (route) => route.fulfill({ status: 500, contentType: 'text/plain', body: 'boom' }),
    reason: (words) => words.reasons[500],
  },
  {
    name: 'timeout (never answered)',
    hold: true,
    reason: (words) => words.reasons.timeout,
  },
  {
    // Answered after 10 s: the 8-second timeout has already given up on it by then.
    name: 'stall (answered after 10 s)',
    hold: true,
    lateAnswer: true,
    reason: (words) => words.reasons.timeout,
  },
  {
    name: 'truncated body',
    answer: async (route, file) => {
      const text = await realText(file);
      await route.fulfill({ status: 200, contentType: 'application/json', body: text.slice(0, Math.floor(text.length / 2)) });
    },
    // A body that parses to nothing is reported by the validator, with its position.
    reason: (words, file) => new RegExp(`${file.replace('.', '\\.')}:\\d+:\\d+ \\$: invalid JSON: EOF while parsing`),
  },
  {
    name: 'HTML page with status 200',
    answer: (route) => route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: '<!doctype html><title>Sign in</title><p>Please sign in to the hotel Wi-Fi.</p>',
    }),
    reason: (words) => words.reasons.html,
  },
];

/** The charts' files and the caveats: the overview is drawn without them (data::Collection::
 * DEFERRED), so their faults are met on compare, which waits for them. */
const DEFERRED_FILES = new Set(['series.json', 'comparisons.json', 'caveats.json']);
/** The files compare's charts are drawn from. */
const CHART_FILES = new Set(['series.json', 'comparisons.json']);

/** The matrix: each neutral file and the English text in English, the Russian text in Russian. */
const FAULTED_FILES = [
  ...NEUTRAL.map((file) => (DEFERRED_FILES.has(file)
    ? { file, lang: 'en', query: '?view=compare', view: 'compare' }
    : { file, lang: 'en', query: '' })),
  { file: 'text/en.json', lang: 'en', query: '' },
  { file: 'text/ru.json', lang: 'ru', query: '?lang=ru' },
];

/**
 * Drives one file through every fault on one page: each fault is answered, checked, and the
 * next one is reached through the message's retry button, so every retry is exercised too; at
 * the end the route is removed and the retry must bring the content back. Returns one line per
 * failing combination instead of stopping at the first, so a run reports them all.
 */
async function faultJourney({ file, lang, query, view = 'overview' }) {
  const words = WORDS[lang];
  const required = REQUIRED.has(file);
  const failures = [];
  const { context, page, consoleErrors } = await openPage(suite.browser);
  // The app's own loading path, skeleton first (a prerendered view would be read meanwhile;
  // e2e/prerender.test.mjs checks that a failure still takes over from it).
  await withoutPrerender(page);
  await page.clock.install();

  // The route reads the fault of the current attempt and holds the request until the test has
  // seen the skeleton, so "skeleton first" is checked deterministically however fast the fault.
  let fault = null;
  let gate = null;
  let arrived = null;
  let held = null;
  const finished = new Set();
  page.on('requestfinished', (request) => {
    const name = dataFile(request.url());
    if (name) finished.add(name);
  });
  await page.route(`**/data/${file}`, async (route) => {
    arrived.open();
    await gate.promise;
    if (fault.hold) {
      held = route;
      return;
    }
    await fault.answer(route, file);
  });

  const signal = () => {
    let open;
    const promise = new Promise((resolve) => (open = resolve));
    return { promise, open };
  };
  // The other files of the first load: the language's text and the neutral files but this one
  // (and but the deferred files, which follow a first view without charts).
  const others = [...NEUTRAL, `text/${lang}.json`]
    .filter((name) => name !== file && (view === 'compare' || !DEFERRED_FILES.has(name)));

  /** Starts an attempt (page load or retry click) under `next` and checks what follows. */
  async function attempt(next, start) {
    fault = next;
    gate = signal();
    arrived = signal();
    held = null;
    finished.clear();
    await start();
    // 1. The skeleton shows while the file is outstanding.
    await page.locator('.cke-main[aria-busy="true"] .cke-skeleton').waitFor();
    gate.open();
    if (next.hold) {
      // Every other file must be in before the clock jumps, or its own timeout would fire too.
      await arrived.promise;
      const giveUp = Date.now() + 30_000; // a guard against hanging, not a measure
      while (!others.every((name) => finished.has(name))) {
        if (Date.now() > giveUp) throw new Error(`the other files never arrived: ${[...finished]}`);
        await yieldToPage(page);
      }
      await yieldToPage(page);
      await page.clock.fastForward(9_000);
    }
    // 2. A message that names the file and why, with a retry.
    const { alert, notice } = await settled(page);
    const box = required ? alert : notice;
    await box.waitFor();
    const reason = next.reason(words, file);
    const naming = typeof reason === 'string' ? { test: (text) => text.includes(`${file}: ${reason}`) } : reason;
    const text = await textSaying(box, naming);
    const named = naming.test(text);
    if (!named) throw new Error(`the message does not name ${file} with ${reason}: ${text}`);
    const blamed = filesNamed(text).filter((name) => name !== file);
    if (blamed.length) throw new Error(`the message also blames ${blamed.join(', ')}: ${text}`);
    if (await box.getByRole('button', { name: words.retry }).count() !== 1) {
      throw new Error('the message has no retry button');
    }
    if (required) {
      if (!(await alert.getByRole('heading', { name: words.loadFailed }).isVisible())) {
        throw new Error('the error box has no visible title');
      }
    } else {
      // 3. Only what depends on the file is missing: the view is still there.
      if (await alert.count()) throw new Error('an error box although the rest can be shown');
      await page.getByRole('heading', { level: 1, name: words[view] }).waitFor();
      if (view === 'overview') {
        const cards = await page.locator('section[aria-labelledby="cke-sectors"] a.cke-card').count();
        if (cards !== 11) throw new Error(`${cards} sector cards instead of 11`);
      } else if (CHART_FILES.has(file)) {
        if (await page.locator('.cke-chart').count()) throw new Error('charts drawn without their file');
      } else {
        // The caveats failed: compare draws its charts all the same.
        await page.locator('.cke-chart').first().waitFor().catch(() => {
          throw new Error('no charts although only the caveats failed');
        });
      }
    }
    if (next.lateAnswer) {
      // The answer that finally comes at 10 s changes nothing: the request was given up.
      await page.clock.fastForward(1_000);
      await held.fulfill({ status: 200, contentType: 'application/json', body: await realBytes(file) }).catch(() => {});
      await yieldToPage(page);
      if ((await box.textContent()) !== text) throw new Error('the late answer changed the message');
    }
    return box;
  }

  let box = null;
  for (const next of FAULTS) {
    try {
      // The first fault loads the page; each later one comes through the previous retry.
      const start = box
        ? () => box.getByRole('button', { name: words.retry }).click()
        : () => page.goto(`${suite.server.origin}/${query}`);
      box = await attempt(next, start);
    } catch (error) {
      failures.push(`${file} × ${next.name}: ${firstLines(error)}`);
      box = null; // the next fault starts from a fresh load
    }
    held?.abort().catch(() => {});
  }

  // 4. Once the fault is gone, the retry brings everything back.
  try {
    await page.unroute(`**/data/${file}`);
    if (box) await box.getByRole('button', { name: words.retry }).click();
    else await page.goto(`${suite.server.origin}/${query}`);
    await waitForApp(page);
    await page.getByRole('heading', { level: 1, name: words[view] }).waitFor();
    if (view === 'overview') {
      const cards = page.locator('section[aria-labelledby="cke-sectors"] a.cke-card');
      assert.equal(await cards.count(), 11);
      assert.match(await cards.nth(1).innerText(), new RegExp(`^${words.trade}\\n`));
    } else {
      await page.locator('.cke-chart').first().waitFor();
    }
    assert.equal(await page.locator('.cke-main .cke-alert').count(), 0, 'a message is left after the retry');
  } catch (error) {
    failures.push(`${file} × retry after the fault is removed: ${firstLines(error)}`);
  }
  const errors = appErrors(consoleErrors);
  if (errors.length) failures.push(`${file}: console or page errors: ${errors.join(' | ')}`);
  await context.close();
  return failures;
}

describe('network faults', () => {
  for (const faulted of FAULTED_FILES) {
    const kind = REQUIRED.has(faulted.file) ? 'an error box' : 'a notice over the rest';
    test(`${faulted.file}${faulted.query}: 404, 500, timeout, stall, truncated, HTML → skeleton, ${kind} naming it, a working retry`, async () => {
      const failures = await faultJourney(faulted);
      assert.deepEqual(failures, [], `failing combinations:\n${failures.join('\n')}`);
    });
  }

  test('a failing file degrades only what depends on it, view by view', async () => {
    // What each view shows, counted on one page by navigating through the views.
    async function census(fault) {
      const { context, page, consoleErrors } = await openPage(suite.browser, { reducedMotion: 'reduce' });
      if (fault) await page.route(`**/data/${fault}`, (route) => route.fulfill({ status: 404, body: 'gone' }));
      await page.goto(`${suite.server.origin}/`);
      await waitForApp(page);
      const count = (selector) => page.locator(selector).count();
      const result = {
        overviewHeadlines: await count('section[aria-labelledby="cke-headlines"] .cke-figure'),
        overviewSectors: await count('section[aria-labelledby="cke-sectors"] a.cke-card'),
        overviewMilestones: await count('section[aria-labelledby="cke-latest"] li.cke-event'),
      };
      await page.locator('.cke-nav').getByRole('link', { name: 'Timeline' }).click();
      result.timeline = (await page.locator('.cke-tl-status').innerText()).replace(/, 1992 – \d+$/, '');
      await page.locator('.cke-nav').getByRole('link', { name: 'Compare' }).click();
      await page.getByRole('heading', { level: 1, name: 'Compare' }).waitFor();
      result.comparisons = await count('nav[aria-label="Comparisons"] a');
      result.compareCharts = await count('.cke-chart');
      await page.locator('.cke-nav').getByRole('link', { name: 'Sectors' }).click();
      await page.locator('li[data-sector="trade"] a.cke-card').click();
      await page.getByRole('heading', { level: 1, name: 'Trade' }).waitFor();
      result.tradeFigures = await count('section[aria-labelledby="cke-figures"] .cke-figure');
      result.tradeEvents = await count('section[aria-labelledby="cke-events"] li.cke-event');
      result.tradeCharts = await count('section[aria-labelledby="cke-charts"] .cke-chart');
      // The caveats are a part shown on demand.
      if (await count('#cke-caveats')) {
        await page.locator('#cke-caveats > summary').click();
        await page.locator('#cke-caveats li').first().waitFor();
      }
      result.tradeCaveats = await count('#cke-caveats li');
      result.notice = await page.locator('.cke-main .cke-alert[role="status"]').count();
      result.errors = appErrors(consoleErrors);
      await context.close();
      return result;
    }

    const full = await census(null);
    // The real data has all of these; a zero here would make the comparisons below vacuous.
    for (const [key, value] of Object.entries(full)) {
      if (key === 'notice' || key === 'errors') continue;
      assert.ok(value && value !== 'Showing 0 of 0 events', `the full data shows no ${key}`);
    }
    assert.equal(full.notice, 0);

    // What each file takes away; everything not listed must be exactly as with the full data.
    const DEPENDS = {
      'events.json': { overviewMilestones: 0, timeline: 'Showing 0 of 0 events', tradeEvents: 0 },
      'figures.json': { overviewHeadlines: 0, tradeFigures: 0, tradeCaveats: null },
      'series.json': { comparisons: 0, compareCharts: 0, tradeCharts: 0, tradeCaveats: null },
      'comparisons.json': { comparisons: 0, compareCharts: 0, tradeCharts: 0, tradeCaveats: null },
      'caveats.json': { tradeCaveats: 0 },
    };
    const failures = [];
    for (const [file, lost] of Object.entries(DEPENDS)) {
      const seen = await census(file);
      const expected = { ...full, ...lost, notice: 1, errors: [] };
      for (const [key, value] of Object.entries(expected)) {
        // null: fewer caveats apply when the items they are about are gone; not zero, not more.
        const ok = value === null
          ? seen[key] > 0 && seen[key] <= full[key]
          : JSON.stringify(seen[key]) === JSON.stringify(value);
        if (!ok) failures.push(`${file} missing: ${key} is ${JSON.stringify(seen[key])}, expected ${JSON.stringify(value)}`);
      }
    }
    assert.deepEqual(failures, []);
  });
});

// -----------------------------------------------------------------------------------------------
// 2. A reader's language text failing: English content, the reader's interface
// -----------------------------------------------------------------------------------------------

describe('a missing translation', () => {
  test('?lang=ru with text/ru.json failing shows the content in English, the interface in Russian, and says so', async () => {
    const { context, page, consoleErrors, requests } = await openPage(suite.browser);
    await page.route('**/data/text/ru.json', (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.goto(`${suite.server.origin}/?lang=ru`);
    await waitForApp(page);
    const ru = WORDS.ru;
    // The interface is Russian…
    await page.getByRole('heading', { level: 1, name: ru.overview }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'ru');
    // …the content English, because only English could be had (and was fetched for it)…
    const en = (await realJson('text/en.json')).text;
    const cards = page.locator('section[aria-labelledby="cke-sectors"] a.cke-card h3');
    assert.equal(await cards.count(), 11);
    assert.equal(await cards.nth(1).innerText(), en['sector.trade.name']);
    const fetched = requests.map((url) => dataFile(url)).filter(Boolean);
    assert.ok(fetched.includes('text/en.json'), 'English was not fetched');
    // …and a calm Russian notice names the missing file, with a retry that brings Russian back.
    const notice = page.locator('.cke-main .cke-alert[role="status"]');
    assert.match(await notice.innerText(), new RegExp(ru.problems));
    assert.match(await notice.textContent(), new RegExp(`text/ru\\.json: ${ru.reasons[404]}`));
    assert.equal(await page.getByRole('alert').count(), 0);
    await page.unroute('**/data/text/ru.json');
    await notice.getByRole('button', { name: ru.retry }).click();
    await notice.waitFor({ state: 'detached' });
    await waitForApp(page);
    assert.equal(await cards.nth(1).innerText(), ru.trade);
    assert.deepEqual(appErrors(consoleErrors), []);
    await context.close();
  });
});

describe('a translation lacking a chart\'s texts, with English unreachable', () => {
  test('?lang=ru: the overview is whole, and compare leaves out only the series without its texts, and says why', async () => {
    const { context, page, consoleErrors } = await openPage(suite.browser);
    const ru = await realJson('text/ru.json');
    delete ru.text['series.trade-total-kz-stats.name'];
    await page.route('**/data/text/ru.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(ru) }));
    await page.route('**/data/text/en.json', (route) => route.fulfill({ status: 404, body: 'gone' }));
    await page.goto(`${suite.server.origin}/?lang=ru`);
    await waitForApp(page);
    // The overview needs no series: drawn in Russian, nothing to report.
    await page.getByRole('heading', { level: 1, name: WORDS.ru.overview }).waitFor();
    assert.equal(await page.locator('section[aria-labelledby="cke-sectors"] a.cke-card').count(), 11);
    const notice = page.locator('.cke-main .cke-alert[role="status"]');
    assert.equal(await notice.count(), 0);
    // Compare needs the series: the missing text sends for English, which fails. The chart is
    // drawn without that one series, with a calm notice naming both, and no error box.
    await page.locator('.cke-nav a[href*="view=compare"]').click();
    await waitForApp(page);
    const chart = page.locator('.cke-chart[data-chart="mirror-trade"]');
    await chart.waitFor();
    assert.equal(await chart.locator('.cke-chart__key').count(), 2);
    assert.match(await textSaying(notice, /trade-total-kz-stats/), /trade-total-kz-stats/);
    assert.match(await notice.textContent(), new RegExp(`text/en\\.json: ${WORDS.ru.reasons[404]}`));
    assert.equal(await page.getByRole('alert').count(), 0);
    assert.deepEqual(appErrors(consoleErrors), []);
    await context.close();
  });
});

// -----------------------------------------------------------------------------------------------
// 3. Broken data in the browser
// -----------------------------------------------------------------------------------------------

/** Replaces `from` once in `text`, failing loudly if the data no longer contains it. */
function replaceOnce(text, from, to) {
  assert.ok(text.includes(from), `the data no longer contains ${from}`);
  return text.replace(from, to);
}

/** Serialises JSON after `change` edits a parsed copy of a real file. */
async function edited(file, change) {
  const value = await realJson(file);
  change(value);
  return JSON.stringify(value, null, 2);
}

/**
 * Broken versions of the data files. `message` must appear in the reader's notice (the
 * validator's own located message); `shows` says which parts of the overview survive (the
 * sector cards always do, since sectors.json is intact), `views` which other views still draw.
 */
const BROKEN = [
  {
    name: 'malformed JSON (a missing comma)',
    file: 'events.json',
    body: async () => replaceOnce(await realText('events.json'), '"status": "happened",', '"status": "happened"'),
    message: /events\.json:\d+:\d+ \$: invalid JSON: expected `,` or `}`/,
    shows: { headlines: 4, milestones: 0 },
    retry: true,
  },
  {
    name: 'a truncated file',
    file: 'figures.json',
    body: async () => (await realText('figures.json')).slice(0, 40_000),
    message: /figures\.json:\d+:\d+ \$: invalid JSON: EOF while parsing/,
    shows: { headlines: 0, milestones: 5 },
    retry: true,
  },
  {
    name: 'an empty file',
    file: 'comparisons.json',
    body: async () => '',
    message: /comparisons\.json:1:1 \$: file is empty/,
    shows: { headlines: 4, milestones: 5 },
    views: { compareCharts: 0 },
    retry: true,
  },
  {
    // Harmless: the mark is ignored (editors get a warning), the reader sees everything.
    name: 'a byte-order mark at the start',
    file: 'events.json',
    body: async () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), await realBytes('events.json')]),
    message: null,
    shows: { headlines: 4, milestones: 5 },
  },
  {
    // The browser would quietly turn the byte into U+FFFD; the reader must be told instead.
    name: 'invalid UTF-8 inside a source title',
    file: 'sources.json',
    body: async () => {
      const text = await realText('sources.json');
      const at = text.indexOf('"China-Kazakhstan relations grow stronger"');
      assert.ok(at > 0, 'the data no longer has the title this case breaks');
      const bytes = Buffer.from(text, 'utf8');
      const offset = Buffer.byteLength(text.slice(0, at + 1), 'utf8');
      bytes[offset] = 0xff;
      return bytes;
    },
    message: /sources\.json:\d+:\d+ \$: the file is not valid UTF-8: invalid byte at byte offset \d+/,
    shows: { headlines: 4, milestones: 5 },
    // A transfer can mangle bytes, so fetching again may mend it.
    retry: true,
  },
  {
    name: 'a value of the wrong type',
    file: 'events.json',
    body: () => edited('events.json', (data) => { data.events[0].factbase_row = '1'; }),
    message: /events\.json:\d+:\d+ \$\.events\[0\]\.factbase_row: expected a whole number \(0 or more\), found string "1"/,
    shows: { headlines: 4, milestones: 5 },
    // The event fails its shape check and is left out.
    views: { timeline: `Showing ${EVENT_COUNT - 1} of ${EVENT_COUNT - 1} events` },
  },
  {
    name: 'an unknown sector id',
    file: 'events.json',
    body: () => edited('events.json', (data) => { data.events[0].sectors.push('security'); }),
    message: /\$\.events\[0\]\.sectors\[\d+\]: unknown sector id "security"/,
    shows: { headlines: 4, milestones: 5 },
    views: { timeline: `Showing ${EVENT_COUNT} of ${EVENT_COUNT} events` },
  },
  {
    name: 'a duplicate id',
    file: 'figures.json',
    body: () => edited('figures.json', (data) => { data.figures.push({ ...data.figures[0] }); }),
    message: /figures\.json:\d+:\d+ \$\.figures\[\d+\]\.id: duplicate figure id "[a-z0-9-]+": already used by \$\.figures\[0\]/,
    shows: { headlines: 4, milestones: 5 },
  },
  {
    name: 'a dangling reference',
    file: 'events.json',
    // Only the reference is dropped: the event keeps its other source and stays.
    body: () => edited('events.json', (data) => { data.events[0].sources.push('no-such-source'); }),
    message: /\$\.events\[0\]\.sources\[\d+\]: unknown source id "no-such-source": there is no source with this id in sources\.json/,
    shows: { headlines: 4, milestones: 5 },
  },
  {
    name: 'NaN as a value',
    file: 'figures.json',
    body: async () => (await realText('figures.json')).replace(/"value": [0-9.]+/, '"value": NaN'),
    message: /figures\.json:\d+:\d+ \$: invalid JSON: expected value/,
    shows: { headlines: 0, milestones: 5 },
    retry: true,
  },
  {
    name: 'a negative value',
    file: 'figures.json',
    body: () => edited('figures.json', (data) => {
      data.figures.find((figure) => figure.id === 'trade-2024-cn-customs').value = -43.82;
    }),
    message: /\$\.figures\[\d+\]\.value: negative value -43\.82 is not allowed for unit usd-bn/,
    // Trade's headline falls back to its next key figure.
    shows: { headlines: 4, milestones: 5 },
  },
  {
    name: 'an absurd value',
    file: 'figures.json',
    body: () => edited('figures.json', (data) => {
      data.figures.find((figure) => figure.id === 'trade-2024-cn-customs').value = 1e308;
    }),
    message: /\$\.figures\[\d+\]\.value: value 1e308 is implausibly large/,
    shows: { headlines: 4, milestones: 5 },
    // The 309-digit number must not reach the page.
    absent: '000,000,000,000',
  },
  {
    name: 'an absurd value in a series',
    file: 'series.json',
    body: () => edited('series.json', (data) => { data.series[0].points[0].value = 1.7e308; }),
    message: /\$\.series\[0\]\.points\[0\]\.value: value 1\.7e308 is implausibly large/,
    shows: { headlines: 4, milestones: 5 },
    absent: '000,000,000,000',
  },
  {
    name: 'a 10 MB string',
    file: 'events.json',
    body: () => edited('events.json', (data) => { data.events[0].id = 'a'.repeat(10 * 1024 * 1024); }),
    message: /events\.json:1:1 \$: the file is too large: \d+ bytes; the limit is 4194304 bytes/,
    shows: { headlines: 4, milestones: 0 },
    retry: true,
  },
  {
    name: '10,000 levels of nesting',
    file: 'series.json',
    body: async () => `{"series": ${'['.repeat(10_000)}${']'.repeat(10_000)}}`,
    message: /series\.json:\d+:\d+ \$: invalid JSON: nested more than 128 levels deep/,
    shows: { headlines: 4, milestones: 5 },
    views: { compareCharts: 0 },
    retry: true,
  },
  {
    name: 'a file of the wrong kind (events.json served as figures.json)',
    file: 'figures.json',
    body: () => realText('events.json'),
    message: /figures\.json:\d+:\d+ \$\.events: unknown field "events"; expected one of figures/,
    shows: { headlines: 0, milestones: 5 },
    retry: true,
  },
];

describe('broken data', () => {
  test('each broken file ends in a calm, precise notice while every view that can be shown is shown', async () => {
    const full = await realJson('events.json');
    assert.equal(full.events.length, EVENT_COUNT, 'the cases above count on the real events');
    const failures = [];
    for (const broken of BROKEN) {
      const { context, page, consoleErrors } = await openPage(suite.browser, { reducedMotion: 'reduce' });
      try {
        const body = await broken.body();
        await page.route(`**/data/${broken.file}`, (route) =>
          route.fulfill({ status: 200, contentType: 'application/json; charset=utf-8', body }));
        await page.goto(`${suite.server.origin}/`);
        const { alert, notice } = await settled(page);
        assert.equal(await alert.count(), 0, 'an error box although the rest can be shown');
        const noticeSaysIt = async () => {
          if (broken.message) {
            const text = await textSaying(notice, broken.message);
            assert.match(text, broken.message);
            assert.deepEqual(filesNamed(text), [broken.file], 'the notice blames other files');
            assert.equal(
              await notice.getByRole('button', { name: 'Try again' }).count(),
              broken.retry ? 1 : 0,
              broken.retry ? 'no retry for a file that could not be read' : 'a retry for a fault a retry cannot mend',
            );
          } else {
            assert.equal(await notice.count(), 0, 'a notice for a harmless quirk');
          }
        };
        // The deferred files are checked when a view needs them: the overview, which shows
        // nothing of them, has nothing to report; compare (below) does.
        const chartFile = DEFERRED_FILES.has(broken.file);
        if (chartFile) assert.equal(await notice.count(), 0, 'a notice on the overview about deferred data');
        else await noticeSaysIt();
        await page.getByRole('heading', { level: 1, name: WORDS.en.overview }).waitFor();
        const count = (selector) => page.locator(selector).count();
        // An absurd number must reach no view (a 309-digit number would fill the screen).
        const absent = async (where) => {
          if (broken.absent && (await page.locator('.cke').innerText()).includes(broken.absent)) {
            throw new Error(`an absurd number is shown on ${where}`);
          }
        };
        await absent('the overview');
        assert.equal(await count('section[aria-labelledby="cke-sectors"] a.cke-card'), 11, 'sector cards');
        assert.equal(await count('section[aria-labelledby="cke-headlines"] .cke-figure'), broken.shows.headlines, 'headline figures');
        assert.equal(await count('section[aria-labelledby="cke-latest"] li.cke-event'), broken.shows.milestones, 'milestones');
        // The other views still draw whatever they can.
        await page.locator('.cke-nav').getByRole('link', { name: 'Timeline' }).click();
        const status = (await page.locator('.cke-tl-status').innerText()).replace(/, 1992 – \d+$/, '');
        const expectedTimeline = broken.views?.timeline
          ?? (broken.shows.milestones ? `Showing ${EVENT_COUNT} of ${EVENT_COUNT} events` : 'Showing 0 of 0 events');
        assert.equal(status, expectedTimeline, 'timeline');
        await page.locator('.cke-nav').getByRole('link', { name: 'Compare' }).click();
        await page.getByRole('heading', { level: 1, name: 'Compare' }).waitFor();
        await waitForApp(page);
        if (chartFile) await noticeSaysIt();
        const charts = await count('.cke-chart svg');
        if (broken.views?.compareCharts === 0) assert.equal(charts, 0, 'compare charts');
        else assert.equal(charts, 1, 'the compare view draws its chart');
        if (broken.absent) {
          await absent('the compare view');
          await page.locator('.cke-nav').getByRole('link', { name: 'Sectors' }).click();
          await page.locator('li[data-sector="trade"] a.cke-card').click();
          await page.getByRole('heading', { level: 1, name: 'Trade' }).waitFor();
          await absent('the trade page');
        }
        assert.deepEqual(appErrors(consoleErrors), [], 'console or page errors');
      } catch (error) {
        failures.push(`${broken.name} (${broken.file}): ${firstLines(error)}`);
      }
      await context.close();
    }
    assert.deepEqual(failures, [], `failing cases:\n${failures.join('\n')}`);
  });
});

// -----------------------------------------------------------------------------------------------
// 4. Hostile content
// -----------------------------------------------------------------------------------------------

const PAYLOADS = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=1</script>',
  '"><svg onload="window.__pwned=1">',
];

/** Addresses that must never become links. */
const HOSTILE_URLS = [
  'javascript:window.__pwned=1',
  'JavaScript:window.__pwned=1',
  ' javascript:window.__pwned=1',
  'data:text/html,<script>window.__pwned=1</script>',
  'vbscript:msgbox(1)',
  '//evil.example/',
];

/** Checks the page for anything the payloads could have produced; returns what it found. */
function injected(page) {
  return page.evaluate(() => {
    const found = [];
    if (window.__pwned !== undefined) found.push('window.__pwned was set');
    // The app draws no <img>, <script> or <iframe> and sets no inline handlers: any is injected.
    for (const element of document.querySelectorAll('.cke *')) {
      const tag = element.tagName.toLowerCase();
      if (tag === 'script' || tag === 'img' || tag === 'iframe' || tag === 'object') found.push(`a <${tag}> element`);
      for (const attribute of element.attributes) {
        if (attribute.name.startsWith('on')) found.push(`<${tag} ${attribute.name}>`);
      }
    }
    for (const link of document.querySelectorAll('a[href]')) {
      const url = new URL(link.href, location.href);
      if (!['http:', 'https:'].includes(url.protocol)) found.push(`a link to ${link.getAttribute('href')}`);
      if (url.origin !== location.origin && url.hostname === 'evil.example') found.push(`a link to ${url.href}`);
    }
    return found;
  });
}

describe('hostile content', () => {
  test('HTML and script in every text, in source titles and publishers, and hostile URLs stay inert text', async () => {
    // Every content text gets a payload, so every place that shows data text is covered.
    const en = await realJson('text/en.json');
    const keys = Object.keys(en.text);
    keys.forEach((key, i) => { en.text[key] = `${en.text[key]} ${PAYLOADS[i % PAYLOADS.length]}`; });
    const sources = await realJson('sources.json');
    sources.sources.forEach((source, i) => {
      source.title = `${source.title} ${PAYLOADS[i % PAYLOADS.length]}`;
      source.publisher = `${source.publisher} ${PAYLOADS[(i + 1) % PAYLOADS.length]}`;
    });
    // Sources of trade figures get the hostile addresses: the trade page shows all of them.
    const figures = await realJson('figures.json');
    const tradeSources = [...new Set(figures.figures
      .filter((figure) => figure.sectors.includes('trade') && figure.source)
      .map((figure) => figure.source))].slice(0, HOSTILE_URLS.length);
    assert.equal(tradeSources.length, HOSTILE_URLS.length, 'trade has too few sources for this test');
    const hostile = new Map(tradeSources.map((id, i) => [id, HOSTILE_URLS[i]]));
    for (const [id, url] of hostile) sources.sources.find((source) => source.id === id).url = url;

    const { context, page, consoleErrors } = await openPage(suite.browser, { reducedMotion: 'reduce' });
    await page.route('**/data/text/en.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(en) }));
    await page.route('**/data/sources.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(sources) }));
    const navigations = [];
    page.on('framenavigated', (frame) => { if (frame === page.mainFrame()) navigations.push(frame.url()); });

    const failures = [];
    // A mark on each loaded document: if anything the data did replaced the document (a link
    // followed, a redirect), the mark is gone.
    const mark = () => page.evaluate(() => { window.__loaded = true; });
    const check = async (where) => {
      for (const found of await injected(page)) failures.push(`${where}: ${found}`);
      if (!(await page.evaluate(() => window.__loaded))) failures.push(`${where}: the page navigated away`);
    };

    await page.goto(`${suite.server.origin}/`);
    await waitForApp(page);
    await mark();
    // The payloads are shown as the literal text they are, wherever data text is shown.
    const literally = async (where, locator) => {
      const text = await locator.first().innerText();
      if (!PAYLOADS.some((payload) => text.includes(payload))) failures.push(`${where}: no payload shown as text in ${text.slice(0, 80)}`);
    };
    const body = await page.locator('.cke-main').innerText();
    for (const payload of PAYLOADS) assert.ok(body.includes(payload), `${payload} is not shown as text`);
    await literally('sector name', page.locator('li[data-sector="trade"] h3'));
    await literally('figure label', page.locator('section[aria-labelledby="cke-headlines"] .cke-figure'));
    await literally('event title', page.locator('section[aria-labelledby="cke-latest"] li.cke-event h3'));
    await literally('event summary', page.locator('section[aria-labelledby="cke-latest"] li.cke-event p'));
    // The validator refused the non-http addresses, and the reader is told calmly.
    const notice = await textSaying(page.locator('.cke-main .cke-alert[role="status"]'), /is not an http:\/\/ or https:\/\/ address/);
    for (const [, url] of hostile) {
      assert.ok(notice.includes(`url "${url}" is not an http:// or https:// address`), `no problem reported for ${url}`);
    }
    await check('overview');
    for (const summary of await page.locator('.cke-figure summary').all()) await summary.click();
    // The footer's list of every source is built when opened.
    await page.locator('.cke-footer details > summary').first().click();
    await literally('footer source list', page.locator('.cke-footer details li'));
    await check('overview, sources open');

    await page.goto(`${suite.server.origin}/?view=sector&sector=trade`);
    await waitForApp(page);
    await mark();
    await openAllDetails(page);
    await literally('caveat', page.locator('#cke-caveats li'));
    await literally('source publisher', page.locator('.cke-source-details dd'));
    // Each hostile source is named as text without an address, not as a link, and clicking it
    // goes nowhere.
    for (const [id] of hostile) {
      const title = sources.sources.find((source) => source.id === id).title;
      const shown = page.locator('.cke-source-details dd').getByText(`${title} (address not known)`).first();
      await shown.waitFor();
      assert.equal(await shown.evaluate((element) => element.closest('a') === null), true, `${id} is a link`);
      await shown.click();
    }
    await check('trade sector, sources open');

    await page.goto(`${suite.server.origin}/?view=timeline`);
    await waitForApp(page);
    await mark();
    await page.locator('.cke-tl-event').first().click();
    await page.locator('#cke-tl-details').waitFor();
    await literally('timeline event details', page.locator('#cke-tl-details'));
    await check('timeline, event open');

    await page.goto(`${suite.server.origin}/?view=compare`);
    await waitForApp(page);
    await mark();
    await page.locator('.cke-chart svg').first().waitFor();
    await literally('chart', page.locator('.cke-chart'));
    await check('compare');

    assert.deepEqual(failures, []);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    // Every address the page had was the app's own (in-app navigation only changes the query).
    const away = navigations.filter((url) => !url.startsWith(`${suite.server.origin}/`) || new URL(url).pathname !== '/');
    assert.deepEqual(away, []);
    assert.deepEqual(appErrors(consoleErrors), []);
    await context.close();
  });
});

// -----------------------------------------------------------------------------------------------
// 5. Hostile and random URLs
// -----------------------------------------------------------------------------------------------

/** mulberry32: a small seeded generator, so every run tries the same URLs. */
function seeded(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KEYS = ['view', 'sector', 'year', 'event', 'chart', 'lang', 'theme', 'embed'];
const VIEWS = ['overview', 'sector', 'timeline', 'compare'];
const LANGS = ['en', 'zh', 'ru', 'kk'];
const THEMES = ['auto', 'light', 'dark'];

/** Hostile values; `\u` escapes keep this file ASCII. */
const NASTY = [
  '<script>window.__pwned=1</script>', '"><svg onload=window.__pwned=1>', 'javascript:alert(1)',
  '../../etc/passwd', '..%2F..%2Fetc', '-1', '0', '99999999999999999999', '1e3', '2013.5', ' 2013',
  'xx', 'EN', 'Timeline', 'timeline ', 'overview%00', '%', '%%', '%zz', '%E0%A4%A', '%FF%FE%FD',
  '%C0%AF', '%00', '+', '++', '%2B', '\u043e\u0431\u0437\u043e\u0440', '\u65f6\u95f4\u7ebf',
  '\ud83d\ude42', 'ti\u0301meline', '\u202etimeline', 'trade,,,energy', 'trade,trade,../x', 'null',
  'undefined', '[object Object]', '{}', '__proto__', 'constructor', '=', '==', '&', '?view=compare',
];
const JUNK_KEYS = ['foo', 'utm_source', '', '%00', 'VIEW', 'view ', 'v%69ew', 'lang[]', '__proto__', '\u00e9', '%%%'];

/** ~100 query strings: the cases the issue names first, then seeded random mixes. */
function hostileQueries() {
  const random = seeded(20_261_128);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const named = [
    '?view=%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E', '?view=<script>window.__pwned=1</script>',
    '?lang=xx', '?year=-1', '?year=1991', '?year=3000', '?sector=../../etc', '?sector=../../etc/passwd&view=sector',
    `?view=${'timeline'.repeat(2_000)}`, `?event=${'a'.repeat(50_000)}&view=timeline`, `?${'x='.repeat(5_000)}`,
    '?view=timeline&view=compare', '?view=bogus&view=compare', '?lang=ru&lang=zh', '?theme=dark&theme=neon',
    '?view=%', '?view=%E0%A4%A', '?view=%FF', '?%=%', '?&&&', '?=&=', '???view=compare', '?view=compare#view=timeline',
    '?view=sector&sector=\u0442\u043e\u0440\u0433\u043e\u0432\u043b\u044f', '?view=timeline&year=2013&event=..%2F..',
    '?chart=%3Csvg%20onload%3Dalert(1)%3E&view=compare', '?embed=1&view=timeline', '?embed=1&view=%3Cscript%3E',
    '?view=compare&lang=kk&theme=dark', '?view=sector&sector=trade,energy,trade',
  ];
  const queries = [...named];
  while (queries.length < 100) {
    const pairs = [];
    const n = 1 + Math.floor(random() * 6);
    for (let i = 0; i < n; i += 1) {
      const roll = random();
      const key = roll < 0.75 ? pick(KEYS) : pick(JUNK_KEYS);
      let value;
      const kind = random();
      if (kind < 0.3) {
        value = { view: pick(VIEWS), lang: pick(LANGS), theme: pick(THEMES), year: String(1992 + Math.floor(random() * 40)), sector: pick(['trade', 'energy', 'trade,energy']), embed: '1' }[key] ?? pick(NASTY);
      } else if (kind < 0.9) value = pick(NASTY);
      else value = pick(NASTY).repeat(200 + Math.floor(random() * 2_000));
      pairs.push(random() < 0.1 ? key : `${key}=${value}`);
    }
    queries.push(`?${pairs.join('&')}`);
  }
  return queries;
}

/** Decodes like the app's `url::percent_decode`: `%XX` and `+`, bad escapes kept, bad UTF-8 replaced. */
function percentDecode(input) {
  const bytes = [];
  const raw = new TextEncoder().encode(input);
  const hex = (byte) => {
    const c = String.fromCharCode(byte);
    return /[0-9a-fA-F]/.test(c) ? parseInt(c, 16) : null;
  };
  for (let i = 0; i < raw.length; i += 1) {
    const high = raw[i] === 0x25 && i + 2 < raw.length ? hex(raw[i + 1]) : null;
    const low = high === null ? null : hex(raw[i + 2]);
    if (low !== null) {
      bytes.push(high * 16 + low);
      i += 2;
    } else bytes.push(raw[i] === 0x2b ? 0x20 : raw[i]);
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

/** The view, language and theme the URL contract gives a query: first valid occurrence or default. */
function expectedSelection(search) {
  const chosen = { view: 'overview', lang: 'en', theme: 'auto', embed: false };
  const seen = new Set();
  for (const pair of search.replace(/^\?+/, '').split('&')) {
    const at = pair.indexOf('=');
    const key = percentDecode(at < 0 ? pair : pair.slice(0, at));
    const value = percentDecode(at < 0 ? '' : pair.slice(at + 1)).trim();
    if (seen.has(key) || !KEYS.includes(key)) continue;
    seen.add(key);
    if (key === 'view') chosen.view = VIEWS.includes(value) ? value : 'overview';
    if (key === 'lang') chosen.lang = LANGS.includes(value) ? value : 'en';
    if (key === 'theme') chosen.theme = THEMES.includes(value) ? value : 'auto';
    if (key === 'embed') chosen.embed = value === '1';
  }
  return chosen;
}

/** What only each view draws, inside the main area. */
const VIEW_MARKERS = {
  overview: '#cke-headlines',
  sector: '.cke-sector-title, .cke-main > .cke-lede + ul.cke-grid',
  timeline: '.cke-tl-status',
  compare: '.cke-main > h1 ~ .cke-lede + nav.cke-tabs',
};

/**
 * Runs in the page: what differs from the selection the URL should give (`want`). Self-contained,
 * since it is sent to the page as source.
 */
function pageProblems({ markers, want, app }) {
  const problems = [];
  // The app's own root (not a prerendered view it has yet to take over from).
  const root = document.querySelector(app);
  const main = root?.querySelector(':scope > .cke-main');
  if (!main || main.getAttribute('aria-busy') !== 'false') return ['still loading'];
  const lang = want.lang === 'zh' ? 'zh-Hans' : want.lang;
  if (document.documentElement.lang !== lang) problems.push(`lang ${document.documentElement.lang}, expected ${lang}`);
  if (root.dataset.theme !== want.theme) problems.push(`theme ${root.dataset.theme}, expected ${want.theme}`);
  if (root.dataset.embed !== String(want.embed)) problems.push(`embed ${root.dataset.embed}, expected ${want.embed}`);
  const heading = main.querySelector('h1')?.textContent.trim() ?? '';
  if (!heading || main.innerText.length < 100) problems.push('a blank page');
  const views = Object.entries(markers).filter(([, selector]) => root.querySelector(selector)).map(([view]) => view);
  if (views.join() !== want.view) problems.push(`views drawn: ${views.join() || 'none'}, expected ${want.view}`);
  if (root.querySelector('.cke-alert')) problems.push('an error or problem message');
  return problems;
}

/** Waits until the page shows the selection `want`; returns what is still wrong if it never does. */
async function viewProblems(page, want) {
  const call = `(${pageProblems})(${JSON.stringify({ markers: VIEW_MARKERS, want, app: APP })})`;
  try {
    await page.waitForFunction(`${call}.length === 0`);
    return [];
  } catch {
    return page.evaluate(call);
  }
}

describe('quick switches', () => {
  test('a sector left before its first frame: nothing reads it afterwards, nothing panics', async () => {
    // The sector row scrolls its current link into view in a frame callback; a view replaced
    // before that frame (a quick back/forward, a fast reader) must not be read from then.
    const { context, page, consoleErrors } = await suite.open('?view=compare', { viewport: { width: 375, height: 800 } });
    await page.evaluate(async () => {
      const go = (next) => {
        history.pushState(null, '', `${location.pathname}${next}`);
        dispatchEvent(new PopStateEvent('popstate'));
      };
      const task = () => new Promise((resolve) => setTimeout(resolve, 0));
      for (let i = 0; i < 10; i += 1) {
        go(`?view=sector&sector=${i % 2 ? 'trade' : 'energy'}`);
        await task();
        go('?view=timeline');
        await task();
      }
    });
    await waitForApp(page);
    await page.locator(`${APP} .cke-tl-status`).waitFor({ state: 'attached' });
    assert.deepEqual(appErrors(consoleErrors), []);
    assert.equal(await page.locator('[data-cke-crashed]').count(), 0);
    await context.close();
  });
});

describe('hostile URLs', () => {
  test('100 seeded hostile query strings: never blank, never an error, defaults where values are bad', async () => {
    const queries = hostileQueries();
    assert.equal(queries.length, 100);
    const failures = [];
    const { context, page, consoleErrors } = await openPage(suite.browser, { reducedMotion: 'reduce' });
    const navigations = [];
    page.on('framenavigated', (frame) => { if (frame === page.mainFrame()) navigations.push(frame.url()); });
    await page.goto(`${suite.server.origin}/`);
    await waitForApp(page);
    // Most queries are read the way back/forward makes the app read them (popstate on the running
    // app: quick enough for 100); every twentieth, and each with `embed` (which only a page load
    // can start), by a fresh page load instead.
    let embedded = false;
    for (const [i, query] of queries.entries()) {
      // Servers refuse request lines over ~8 KB (Node's limit is 16 KB) before the app is
      // reached, so longer queries are only read in the running page.
      const encoded = new URL(`${suite.server.origin}/${query}`).href.length;
      const fresh = encoded <= 8_000 && (i % 20 === 0 || /(^|[?&])embed=/.test(query));
      const label = `#${i} ${query.slice(0, 80)}`;
      try {
        if (fresh) {
          await page.goto(`${suite.server.origin}/${query}`);
        } else {
          // An embedded page ignores back/forward by design: start a plain page first.
          if (embedded) await page.goto(`${suite.server.origin}/`);
          await page.evaluate((next) => {
            history.pushState(null, '', `${location.pathname}${next}`);
            dispatchEvent(new PopStateEvent('popstate'));
          }, query);
        }
        const search = await page.evaluate(() => location.search);
        const expected = expectedSelection(search);
        // Embed mode only starts with a page load; on the running page it stays off.
        if (!fresh) expected.embed = false;
        embedded = expected.embed;
        for (const problem of await viewProblems(page, expected)) failures.push(`${label}: ${problem}`);
        if (await page.evaluate(() => window.__pwned) !== undefined) failures.push(`${label}: window.__pwned was set`);
      } catch (error) {
        failures.push(`${label}: ${firstLines(error)}`);
      }
      const errors = appErrors(consoleErrors.splice(0));
      if (errors.length) failures.push(`${label}: console or page errors: ${errors.join(' | ')}`);
    }
    // The app itself never navigated away: only the loads this test made.
    assert.deepEqual(failures, [], `failing queries:\n${failures.join('\n')}`);
    const away = navigations.filter((url) => new URL(url).origin !== suite.server.origin);
    assert.deepEqual(away, [], 'the page left the app');
    await context.close();
  });
});
