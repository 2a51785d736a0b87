// The prerendered first views (scripts/prerender.mjs, scripts/preload-data.js,
// src/services/takeover.rs): for every view in every language the release build has a
// fragment; with the wasm blocked the page still shows the view; with it, the app takes over
// from markup that is exactly what it draws, with no layout shift; under the strict CSP, in a
// sandboxed embed, for query-string URLs, at a phone's width, and never the wrong view.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { drawnMarkup } from '../scripts/prerender.mjs';
import { APP, DIST, launchBrowser, openPage, serveDist, waitForApp } from './harness.mjs';

const LANGUAGES = ['en', 'zh', 'ru', 'kk'];
const SHOTS = join(import.meta.dirname, 'artifacts', 'prerender');
const CSP = readFileSync(join(DIST, '_headers'), 'utf8').match(/^\s+Content-Security-Policy:\s*(.+)$/m)[1];

/** The manifest the build wrote into index.html, or null. */
function readManifest() {
  const meta = readFileSync(join(DIST, 'index.html'), 'utf8').match(/<meta name="cke-prerender" content="([^"]*)">/);
  return meta && JSON.parse(meta[1].replaceAll('&quot;', '"'));
}
const manifest = readManifest();
const KEYS = Object.keys(manifest?.views ?? {});

/** The query string of a view's canonical URL. */
const queryOf = (key, extra = '') => {
  const [view, sector] = key.split('-');
  const pairs = [];
  if (view !== 'overview') pairs.push(`view=${view}`);
  if (sector) pairs.push(`sector=${sector}`);
  if (extra) pairs.push(extra);
  return pairs.length ? `?${pairs.join('&')}` : '';
};
const NARROW_PHONE = { width: 412, height: 823 };
const locale = (lang) => ({ en: 'en-US', zh: 'zh-CN', ru: 'ru-RU', kk: 'kk-KZ' })[lang];

// Records, from the page's first script on: the prerendered root's insertion, and at its
// removal (the takeover, a microtask after the frame callback that swaps, before the paint) the
// markup of both roots, as drawn; the layout shifts; the first contentful paint; and which
// parts of its frame the app's root had when it was first mounted behind the prerendered one.
const RECORDER = `(() => {
  const drawnMarkup = ${drawnMarkup};
  const log = (window.__cke = { inserted: 0, takeovers: [], shifts: 0, mounted: null });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) log.shifts += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
  const prerendered = (node) => node.nodeType === 1 && node.hasAttribute('data-cke-prerender');
  new MutationObserver((records) => {
    const hidden = document.querySelector('body > .cke[data-cke-pending]');
    if (!log.mounted && hidden?.querySelector('.cke-main')) {
      log.mounted = { header: !!hidden.querySelector('.cke-header'), footer: !!hidden.querySelector('.cke-footer') };
    }
    for (const record of records) {
      for (const node of record.addedNodes) if (prerendered(node)) log.inserted += 1;
      for (const node of record.removedNodes) {
        if (!prerendered(node)) continue;
        const app = document.querySelector('body > .cke:not([data-cke-prerender])');
        log.takeovers.push({
          prerendered: drawnMarkup(node, { fragment: false })
            .replace(' data-cke-prerender=""', '')
            .replaceAll(' name="prerender-', ' name="'),
          app: app ? drawnMarkup(app, { fragment: false }) : null,
          pending: app?.hasAttribute('data-cke-pending'),
        });
      }
    }
  }).observe(document, { childList: true, subtree: true });
})()`;

/** Fails with the first difference of two long strings and its surroundings. */
function assertSameMarkup(actual, expected, what) {
  if (actual === expected) return;
  let at = 0;
  while (actual[at] === expected[at]) at += 1;
  assert.fail(`${what}: the markups differ at ${at}:\n  prerendered …${expected.slice(Math.max(0, at - 200), at + 200)}…\n  app         …${actual.slice(Math.max(0, at - 200), at + 200)}…`);
}

/** The text a reader sees of a page's view: its heading and its main region. */
const visibleText = (page, root) => page.evaluate((selector) => {
  const main = document.querySelector(`${selector} > .cke-main`);
  return { heading: main?.querySelector('h1')?.innerText, main: main?.innerText };
}, root);

let server;
let browser;
before(async () => {
  assert.ok(manifest, 'dist/index.html has the prerender manifest: build with trunk build --release');
  server = await serveDist();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Opens `path` twice: with the wasm blocked (the prerendered view alone: returns what it
 * shows), then with it (checks that the app took over from exactly its markup, with no layout
 * shift, and shows the same text).
 */
async function checkTakeover(path, { viewport = { width: 1280, height: 800 }, lang = 'en', origin = server.origin } = {}) {
  const options = { viewport, locale: locale(lang) };
  const blocked = await openPage(browser, options);
  await blocked.page.route('**/*.wasm', (route) => route.abort());
  await blocked.page.goto(`${origin}/${path}`);
  const prerendered = blocked.page.locator('.cke[data-cke-prerender] > .cke-main h1');
  await prerendered.waitFor();
  const shown = await visibleText(blocked.page, '.cke[data-cke-prerender]');
  assert.ok(shown.heading && shown.main.length > shown.heading.length, `${path}: the prerendered view shows its heading and content`);
  assert.equal(await blocked.page.locator('.cke').count(), 1, `${path}: only the prerendered root without the wasm`);
  assert.equal(await blocked.page.locator('body > noscript').count(), 1, `${path}: the <noscript> note stays`);
  await blocked.context.close();

  const { context, page, consoleErrors } = await openPage(browser, options);
  await page.addInitScript(RECORDER);
  await page.goto(`${origin}/${path}`);
  await waitForApp(page);
  await page.waitForTimeout(250);
  const log = await page.evaluate(() => window.__cke);
  assert.equal(log.inserted, 1, `${path}: the prerendered view was shown`);
  assert.equal(log.takeovers.length, 1, `${path}: the app took over`);
  const [takeover] = log.takeovers;
  assert.equal(takeover.pending, false, `${path}: the app's root is shown as the prerendered one goes`);
  assert.deepEqual(log.mounted, { header: false, footer: false }, `${path}: the app's header and footer are drawn in tasks after its root`);
  assertSameMarkup(takeover.app, takeover.prerendered, path);
  assert.equal(log.shifts, 0, `${path}: no layout shift`);
  assert.equal(await page.locator('.cke').count(), 1);
  assert.deepEqual(await visibleText(page, APP), shown, `${path}: the app shows what the prerendered view showed`);
  assert.deepEqual(consoleErrors, []);
  await context.close();
  return shown;
}

describe('the build', () => {
  test('has a fragment for every view, language and mode, with no inline style or script', () => {
    const sectors = ['diplomacy', 'trade', 'investment', 'energy', 'transport', 'urban', 'agriculture', 'medicine', 'tourism', 'education', 'subnational'];
    assert.deepEqual(KEYS, ['overview', 'story', ...sectors.map((id) => `sector-${id}`), 'timeline', 'compare', 'map']);
    assert.match(manifest.dir, /^prerender-[0-9a-f]{16}$/);
    const missing = [];
    for (const key of KEYS) {
      for (const lang of LANGUAGES) {
        for (const mode of ['', '-embed']) {
          for (const width of manifest.views[key].width ? ['.narrow', '.wide'] : ['']) {
            const file = join(DIST, manifest.dir, `${key}-${lang}${mode}${width}.html`);
            if (!existsSync(file)) {
              missing.push(file);
              continue;
            }
            const html = readFileSync(file, 'utf8');
            assert.doesNotMatch(html, /<[^>]*\sstyle="/, `${file} has no style attribute (a strict CSP would block it)`);
            assert.doesNotMatch(html, /<script/i, file);
            assert.match(html, /^<div class="cke" [^>]*data-cke-prerender=""/, file);
          }
        }
      }
    }
    assert.deepEqual(missing, []);
    // Only the timeline draws today's date, and only in its "today" marker and its band of days
    // not yet covered: its axis runs to the end of the year, so it is shown all year.
    assert.deepEqual(KEYS.filter((key) => manifest.views[key].day || manifest.views[key].year), ['timeline']);
    assert.equal(manifest.views.timeline.year, 1);
  });
});

describe('every view in every language', () => {
  for (const key of KEYS) {
    for (const lang of LANGUAGES) {
      test(`${key} in ${lang}: readable without the wasm, taken over without a change`, async () => {
        await checkTakeover(queryOf(key), { lang });
      });
    }
  }
});

describe('at a phone\'s width', () => {
  for (const key of KEYS) {
    test(`${key} at 412 px: taken over without a change`, async () => {
      await checkTakeover(queryOf(key), { viewport: { width: 412, height: 823 } });
    });
  }

  test('at 375 px the charts keep their boxes: nothing below them moves at takeover', async () => {
    const path = queryOf('sector-trade');
    const places = (page, root) => page.evaluate((selector) =>
      [...document.querySelectorAll(`${selector} .cke-main :is(h1, h2, h3, .cke-chart__svg)`)]
        .map((element) => { const box = element.getBoundingClientRect(); return [element.tagName, box.top, box.height]; }), root);
    const options = { viewport: { width: 375, height: 800 } };
    const blocked = await openPage(browser, options);
    await blocked.page.route('**/*.wasm', (route) => route.abort());
    await blocked.page.goto(`${server.origin}/${path}`);
    await blocked.page.locator('.cke[data-cke-prerender] h1').waitFor();
    const before = await places(blocked.page, '.cke[data-cke-prerender]');
    await blocked.context.close();
    const { context, page } = await openPage(browser, options);
    await page.addInitScript(RECORDER);
    await page.goto(`${server.origin}/${path}`);
    await waitForApp(page);
    assert.equal(await page.evaluate(() => window.__cke.takeovers.length), 1);
    assert.ok(before.some(([tag]) => tag === 'svg'), 'the trade page has charts');
    assert.deepEqual(await places(page, APP), before);
    assert.equal(await page.evaluate(() => window.__cke.shifts), 0);
    await context.close();
  });

  test('between a phone and a full column, views drawn at the column\'s width have none; the others do', async () => {
    for (const [key, expected] of [['sector-trade', 0], ['timeline', 0], ['compare', 0], ['overview', 1], ['sector-medicine', 1]]) {
      const { context, page } = await openPage(browser, { viewport: { width: 800, height: 800 } });
      await page.addInitScript(RECORDER);
      await page.goto(`${server.origin}/${queryOf(key)}`);
      await waitForApp(page);
      assert.equal(await page.evaluate(() => window.__cke.inserted), expected, key);
      await context.close();
    }
  });
});

describe('URLs', () => {
  test('query-string settings: the language asked for, the theme, links that carry them', async () => {
    const shown = await checkTakeover('?view=sector&sector=energy&lang=ru&theme=dark', { lang: 'en' });
    assert.equal(shown.heading, 'Энергетика');
    const { context, page } = await openPage(browser, { locale: 'en-US' });
    await page.route('**/*.wasm', (route) => route.abort());
    await page.goto(`${server.origin}/?view=sector&sector=energy&lang=ru&theme=dark`);
    const root = page.locator('.cke[data-cke-prerender]');
    await root.waitFor();
    assert.equal(await root.getAttribute('data-theme'), 'dark');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'ru');
    assert.equal(await root.locator('.cke-nav a').first().getAttribute('href'), '/?lang=ru&theme=dark');
    await context.close();
  });

  test('written in any way the app reads the same: escapes, spaces, repeats, unknown parameters', async () => {
    await checkTakeover('?%76iew=+timeline+&view=compare&utm_source=x&lang=zh');
    await checkTakeover('??view=compare&embed=0&childId=x');
    // Rust's trim takes U+0085 but not U+FEFF: the timeline, then the overview.
    assert.match((await checkTakeover('?view=%C2%85timeline')).heading, /^Timeline/);
    assert.equal((await checkTakeover('?view=%EF%BB%BFtimeline')).heading, 'China and Kazakhstan since 1992');
  });

  test('a URL whose view has no fragment, or whose fragment could be wrong, shows none', async () => {
    const { context, page } = await openPage(browser);
    await page.route('**/*.wasm', (route) => route.abort());
    const paths = [
      '?view=sector', '?view=sector&sector=trade,energy', '?view=timeline&year=2013',
      '?view=timeline&sector=trade', '?view=compare&chart=mirror-trade', '?sector=trade',
      '?view=timeline&event=x', '?view=sector&sector=',
    ];
    for (const path of paths) {
      await page.goto(`${server.origin}/${path}`);
      await page.waitForLoadState('networkidle');
      assert.equal(await page.locator('.cke').count(), 0, path);
    }
    await context.close();
  });

  test('under a sub-path, links keep it', async () => {
    const shown = await openPage(browser);
    // Any path serves the site, as a host publishing it under /explainers/ckz/ would.
    await shown.page.route(/\/explainers\/ckz\//, async (route) => {
      const url = new URL(route.request().url());
      await route.continue({ url: `${server.origin}/${url.pathname.slice('/explainers/ckz/'.length)}${url.search}` });
    });
    await shown.page.route('**/*.wasm', (route) => route.abort());
    await shown.page.goto(`${server.origin}/explainers/ckz/?view=timeline`);
    await shown.page.locator('.cke[data-cke-prerender] h1').waitFor();
    assert.equal(await shown.page.locator('.cke-nav a').nth(2).getAttribute('href'), '/explainers/ckz/?view=sector');
    await shown.context.close();
  });
});

describe('without the wasm', () => {
  test('links navigate by a full page load, and the language switch still works', async () => {
    const { context, page } = await openPage(browser);
    await page.route('**/*.wasm', (route) => route.abort());
    await page.goto(`${server.origin}/`);
    await page.locator('.cke[data-cke-prerender] h1').waitFor();
    await page.locator('.cke-nav').getByRole('link', { name: 'Timeline' }).click();
    await page.waitForURL(/\?view=timeline$/);
    await page.getByRole('heading', { level: 1, name: /^Timeline/ }).waitFor();
    await page.locator('#cke-lang').selectOption('kk');
    await page.waitForURL(/\?view=timeline&lang=kk$/);
    await page.locator('.cke[data-cke-prerender] h1').waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'kk');
    await context.close();
  });

  test('screenshots at 375 and 1280 px, for review (e2e/artifacts/prerender/)', async () => {
    mkdirSync(SHOTS, { recursive: true });
    for (const key of ['overview', 'sector-trade', 'timeline', 'compare']) {
      for (const width of [375, 1280]) {
        const { context, page } = await openPage(browser, { viewport: { width, height: 800 } });
        await page.route('**/*.wasm', (route) => route.abort());
        await page.goto(`${server.origin}/${queryOf(key)}`);
        await page.locator('.cke[data-cke-prerender] h1').waitFor();
        await page.screenshot({ path: join(SHOTS, `${key}-${width}.png`), fullPage: false });
        await context.close();
      }
    }
  });

  test('with JavaScript off, the <noscript> note is what shows', async () => {
    const { context, page } = await openPage(browser, { javaScriptEnabled: false });
    await page.goto(`${server.origin}/`);
    assert.ok(await page.locator('.cke-noscript').first().isVisible());
    assert.equal(await page.locator('.cke').count(), 0);
    await context.close();
  });
});

describe('timing', () => {
  test('a stalled fragment holds the app back 3 s at most; once the app shows its view, it is dropped', async () => {
    const { context, page, consoleErrors } = await openPage(browser);
    await page.addInitScript(RECORDER);
    let release;
    const held = new Promise((resolve) => (release = resolve));
    await page.route(/\/prerender-[0-9a-f]+\//, async (route) => {
      await held;
      await route.continue();
    });
    const begun = Date.now();
    await page.goto(`${server.origin}/?view=compare`);
    await waitForApp(page);
    assert.ok(Date.now() - begun < 15_000);
    release();
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(200);
    assert.equal(await page.evaluate(() => window.__cke.inserted), 0);
    assert.equal(await page.locator('.cke').count(), 1);
    assert.deepEqual(consoleErrors, []);
    await context.close();
  });

  test('a fragment that arrives while the app still loads replaces its skeleton, then the app takes over', async () => {
    const { context, page, consoleErrors } = await openPage(browser);
    await page.addInitScript(RECORDER);
    const gate = () => {
      let open;
      const promise = new Promise((resolve) => (open = resolve));
      return { promise, open };
    };
    const fragment = gate();
    const events = gate();
    await page.route(/\/prerender-[0-9a-f]+\//, async (route) => {
      await fragment.promise;
      await route.continue();
    });
    await page.route('**/data/events.json', async (route) => {
      await events.promise;
      await route.continue();
    });
    await page.goto(`${server.origin}/?view=timeline`);
    // After 3 s the app starts without it, and shows its skeleton.
    await page.locator(`${APP} .cke-skeleton`).waitFor();
    fragment.open();
    await page.locator('.cke[data-cke-prerender] h1').waitFor();
    assert.equal(await page.locator('body > .cke[data-cke-pending] .cke-skeleton').count(), 1, 'the app waits hidden');
    events.open();
    await waitForApp(page);
    await page.waitForTimeout(250);
    const log = await page.evaluate(() => window.__cke);
    assert.equal(log.takeovers.length, 1);
    assertSameMarkup(log.takeovers[0].app, log.takeovers[0].prerendered, 'late fragment');
    assert.equal(log.shifts, 0);
    assert.deepEqual(consoleErrors, []);
    await context.close();
  });

  test('a data file that fails: the app takes over from the prerendered view to say so', async () => {
    const { context, page } = await openPage(browser);
    await page.addInitScript(RECORDER);
    await page.route('**/data/sectors.json', (route) => route.fulfill({ status: 500, body: 'boom' }));
    await page.goto(`${server.origin}/`);
    const alert = page.locator(`${APP} [role="alert"]`);
    await alert.waitFor();
    assert.match(await alert.innerText(), /could not be loaded/);
    const log = await page.evaluate(() => window.__cke);
    assert.deepEqual([log.inserted, log.takeovers.length, log.shifts], [1, 1, 0]);
    assert.equal(await page.locator('.cke').count(), 1);
    await context.close();
  });

  test('the reader\'s focus and an opened source carry over to the app', async () => {
    const { context, page } = await openPage(browser);
    let release;
    const held = new Promise((resolve) => (release = resolve));
    await page.route('**/*.wasm', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${server.origin}/`);
    const root = page.locator('.cke[data-cke-prerender]');
    await root.locator('h1').waitFor();
    await root.locator('.cke-figure__details > summary').first().click();
    await root.locator('.cke-nav a').nth(3).focus();
    release();
    await waitForApp(page);
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Timeline');
    assert.equal(await page.evaluate((app) => document.activeElement?.closest(app) !== null, APP), true);
    // The app builds a source panel's contents when it opens.
    await page.locator(`${APP} .cke-figure__details[open] a`).first().waitFor();
    await context.close();
  });

  test('only on the dates it is the same: the timeline\'s from the day it was drawn to the end of that year, its "today" moved; the others from the data\'s date on', async () => {
    const day = new Date(`${manifest.day}T12:00:00`);
    const year = day.getFullYear();
    const toYearEnd = Math.round((new Date(`${year}-12-31T12:00:00`) - day) / 86_400_000);
    // Built on 31 December, the timeline has no later day of its year to be shown on.
    const later = toYearEnd > 0 ? [
      [toYearEnd, 'timeline', 1, '', NARROW_PHONE], [Math.ceil(toYearEnd / 2), 'timeline', 1, 'lang=kk'],
      [toYearEnd, 'timeline', 1, 'lang=zh'],
    ] : [];
    const cases = [
      [1, 'overview', 1], [400, 'compare', 1], [0, 'timeline', 1], ...later,
      [toYearEnd + 1, 'timeline', 0], [-1, 'timeline', 0],
    ];
    for (const [days, key, expected, extra = '', viewport] of cases) {
      const { context, page } = await openPage(browser, viewport && { viewport });
      const date = new Date(day);
      date.setDate(date.getDate() + days);
      await page.clock.setFixedTime(date);
      await page.addInitScript(RECORDER);
      await page.goto(`${server.origin}/${queryOf(key, extra)}`);
      await waitForApp(page);
      await page.waitForTimeout(100);
      const log = await page.evaluate(() => window.__cke);
      const what = `${key} ${extra}${viewport ? ` at ${viewport.width} px` : ''}, ${days} days on`;
      assert.equal(log.inserted, expected, what);
      if (expected) assertSameMarkup(log.takeovers[0].app, log.takeovers[0].prerendered, what);
      // The band and the marker were moved: the names say the reader's day, not the build's.
      if (expected && key === 'timeline' && days > 0) {
        const lang = extra.replace('lang=', '') || 'en';
        const file = `timeline-${lang}.${viewport ? 'narrow' : 'wide'}.html`;
        const drawnOn = readFileSync(join(DIST, manifest.dir, file), 'utf8');
        const named = (html, name) => html.match(new RegExp(`<div class="cke-tl-${name}"[^>]*aria-label="([^"]*)"`))?.[1];
        for (const name of ['today', 'uncovered']) {
          assert.ok(named(log.takeovers[0].prerendered, name), `${what}: ${name}`);
          assert.notEqual(named(log.takeovers[0].prerendered, name), named(drawnOn, name), `${what}: ${name} moved`);
        }
      }
      await context.close();
    }
    // Before the data's date (a wrong clock): none.
    const { context, page } = await openPage(browser);
    await page.clock.setFixedTime(new Date(`${manifest.from}T12:00:00`).getTime() - 2 * 86_400_000);
    await page.addInitScript(RECORDER);
    await page.goto(`${server.origin}/`);
    await waitForApp(page);
    assert.equal(await page.evaluate(() => window.__cke.inserted), 0);
    await context.close();
  });
});

describe('hosted strictly and embedded', () => {
  let strict;
  let host;
  before(async () => {
    const headers = { 'content-security-policy': CSP, 'access-control-allow-origin': '*' };
    strict = await serveDist(undefined, { headers });
    host = createServer((request, response) => {
      const url = new URL(request.url, 'http://127.0.0.1');
      if (url.pathname !== '/') return response.writeHead(204).end();
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><html><head>
        <meta charset="utf-8"><title>Host</title></head><body><h1>A news story</h1>
        <iframe sandbox="allow-scripts" title="Explainer" width="${Number(url.searchParams.get('width'))}" height="900" src="${url.searchParams.get('src')}"></iframe>
        </body></html>`);
    });
    await new Promise((ready) => host.listen(0, '127.0.0.1', ready));
    host.origin = `http://127.0.0.1:${host.address().port}`;
  });
  after(async () => {
    await strict?.close();
    await new Promise((done) => (host ? host.close(done) : done()));
  });

  test('under the strict CSP of public/_headers: styles applied through the CSSOM, no violation, no console error', async () => {
    for (const path of ['?view=timeline', '?lang=kk']) {
      await checkTakeover(path, { origin: strict.origin });
      const { context, page, consoleErrors } = await openPage(browser);
      await page.addInitScript(() => {
        window.cspViolations = [];
        document.addEventListener('securitypolicyviolation', (event) => window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`));
      });
      await page.goto(`${strict.origin}/${path}`);
      await waitForApp(page);
      await page.waitForLoadState('networkidle');
      assert.deepEqual(await page.evaluate(() => window.cspViolations), [], path);
      assert.deepEqual(consoleErrors, [], path);
      await context.close();
    }
    // Without the wasm, the timeline's marks stand where their styles put them.
    const { context, page } = await openPage(browser);
    await page.route('**/*.wasm', (route) => route.abort());
    await page.addInitScript(() => {
      window.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (event) => window.cspViolations.push(event.violatedDirective));
    });
    await page.goto(`${strict.origin}/?view=timeline`);
    const today = page.locator('.cke[data-cke-prerender] .cke-tl-today');
    await today.waitFor();
    const left = await today.evaluate((element) => [element.style.left, getComputedStyle(element).left]);
    assert.ok(left[0] && left[0] === left[1], `the today marker is placed (${left})`);
    assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
    await context.close();
  });

  // An article's column (the overview's markup does not depend on the width) and a phone's.
  for (const [query, width, heading] of [
    ['?lang=kk&embed=1', 700, '1992 жылдан бергі Қытай мен Қазақстан'],
    ['?view=sector&sector=energy&lang=ru&embed=1', 412, 'Энергетика'],
  ]) {
    test(`embedded (${query}) in a sandboxed iframe ${width} px wide on another origin`, async () => {
      const src = `${strict.origin}/${query}`;
      const { context, page, consoleErrors } = await openPage(browser);
      await page.addInitScript(RECORDER);
      await page.goto(`${host.origin}/?width=${width}&src=${encodeURIComponent(src)}`);
      const frame = await (await page.waitForSelector('iframe')).contentFrame();
      await waitForApp(frame);
      await frame.waitForTimeout(250);
      const log = await frame.evaluate(() => window.__cke);
      assert.equal(log.inserted, 1, 'the prerendered view was shown in the frame');
      assert.equal(log.takeovers.length, 1);
      assertSameMarkup(log.takeovers[0].app, log.takeovers[0].prerendered, 'embed');
      assert.match(log.takeovers[0].app, /^<div class="cke" data-theme="auto" data-embed="true">/);
      assert.equal(log.shifts, 0);
      assert.equal(await frame.locator(`${APP} h1`).innerText(), heading);
      // The link out of the embed: the same view, full page, in the same language.
      const full = frame.locator(`${APP} .cke-header a.cke-out[target="_blank"]`);
      assert.equal(await full.getAttribute('href'), `/${query.replace('&embed=1', '')}`);
      assert.deepEqual(consoleErrors, []);
      await context.close();
    });
  }
});
