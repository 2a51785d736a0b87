// The prerendered first views. Part of the release build (scripts/post-build.mjs, before the
// precompression): serves the staged site on 127.0.0.1, opens every view (the overview, each
// sector, the timeline, compare) in every language, as a full page and embedded (`embed=1`), in
// headless Chromium, waits until the app has drawn it, and saves the app's root as a fragment:
//
//   <staging>/prerender-<hash>/<view>[-<sector>]-<lang>[-embed][.narrow|.wide].html
//
// plus a manifest in index.html (`<meta name="cke-prerender">`) that the data preloader
// (scripts/preload-data.js) reads to fetch the fragment the URL names and show it before the
// wasm has arrived; the app then takes over from it (src/services/takeover.rs). A fragment is
// exactly what the app draws for its URL, with these changes (see drawnMarkup):
// - `style="…"` attributes become `data-cke-style="…"` (a strict CSP blocks parsed inline
//   styles; the preloader sets them back through the CSSOM, which it allows);
// - radio groups are renamed `prerender-<name>`, apart from the app's own while both are there;
// - the state the app keeps in properties (a checkbox's `checked`, a range's `value`, a radio's
//   `disabled`…) is written as attributes, so the markup shows what the app shows;
// - the root carries `data-cke-prerender`, and the document's `lang` and `title`.
// In-app links are drawn at `/` with the default settings; the preloader rewrites them for the
// page's path, language, theme and embed mode, as the app's links carry them.
//
// Manifest fields: `dir` (the fragments' directory, named by their hash, so they can be cached
// for a year), `day` (the date they were drawn), `from` (the data's `as_of`: no fact is newer,
// so views that do not draw today's date are the same on any later day), `rem` (the root font
// size they were drawn at), `narrow`/`wide` (the window widths each width's fragments are
// shown at, and were drawn at), and per view `width` (its markup depends on the column's width:
// charts, the timeline's axis), `day` (it draws today's date: only shown on `day`) or `year`
// (it draws today's date only in its "today" marker and not-yet-covered band: shown from `day`
// to the end of its year, the preloader moving those two).
// These facts are found out here, by drawing each view at both widths and on other dates.
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, serveStatic } from './browser.mjs';

const LANGUAGES = { en: 'en-US', zh: 'zh-CN', ru: 'ru-RU', kk: 'kk-KZ' };
// Lighthouse's phone, and the end-to-end tests' desktop.
const NARROW = { width: 412, height: 823 };
const WIDE = { width: 1280, height: 800 };
// The widest window the narrow fragments are shown at. Up to a 440 px column (a 472 px window
// at 16 px rem) a chart's box does not depend on the width (core/src/charts/layout/: a lone
// chart is 220 px high, small multiples are one column of 200 px panels), so only the inside of
// a chart is redrawn at takeover; up to 480 px the timeline's axis is hidden (style/timeline.css).
const NARROW_MAX = 472;
// Room for a classic scrollbar beside a column at its full width.
const SCROLLBAR = 20;
// How long a view may take to be drawn.
const TIMEOUT = 30_000;

/**
 * Marks up a drawn root, in the page: what it shows, with the state the app keeps in properties
 * written as attributes (the tests compare the app's and the prerendered root with it). As a
 * `fragment` (the default), also the two changes a fragment needs to sit beside the app's root
 * under a strict CSP: inline styles moved to `data-cke-style`, and radio groups renamed
 * (`prerender-<name>`): two copies of a group in one document would be one group, and the app's
 * hidden root checking its radio would clear the prerendered view's.
 */
export function drawnMarkup(root, { fragment = true } = {}) {
  const copy = root.cloneNode(true);
  const fields = 'input, select, textarea, option, button';
  const originals = [...root.querySelectorAll(fields)];
  const copies = [...copy.querySelectorAll(fields)];
  originals.forEach((element, index) => {
    const written = copies[index];
    if (element.matches('input[type=checkbox], input[type=radio]')) written.toggleAttribute('checked', element.checked);
    else if (element.matches('input')) written.setAttribute('value', element.value);
    if (element.matches('option')) written.toggleAttribute('selected', element.selected);
    else written.toggleAttribute('disabled', element.disabled);
  });
  if (fragment) {
    for (const radio of copy.querySelectorAll('input[type=radio][name]')) radio.name = `prerender-${radio.name}`;
    for (const element of copy.querySelectorAll('[style]')) {
      const attributes = [...element.attributes];
      for (const attribute of attributes) element.removeAttribute(attribute.name);
      for (const { name, value } of attributes) element.setAttribute(name === 'style' ? 'data-cke-style' : name, value);
    }
  }
  return copy.outerHTML;
}

/** The query string of a view's page. */
const queryOf = (key, embed) => {
  const [view, sector] = key.split('-');
  const pairs = [];
  if (view !== 'overview') pairs.push(`view=${view}`);
  if (sector) pairs.push(`sector=${sector}`);
  if (embed) pairs.push('embed=1');
  return pairs.length ? `?${pairs.join('&')}` : '';
};

/** Opens `url` and returns the app's drawn root as a fragment, with what the build checks. */
async function draw(page, url) {
  const errors = [];
  const onConsole = (message) => message.type() === 'error' && errors.push(message.text());
  const onError = (error) => errors.push(String(error));
  page.on('console', onConsole);
  page.on('pageerror', onError);
  try {
    await page.goto(url);
    await page.locator('body > .cke > .cke-main[aria-busy="false"] h1').first().waitFor({ timeout: TIMEOUT });
    // The charts' files follow the first paint of a view without charts; then nothing moves.
    await page.waitForLoadState('networkidle');
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const drawn = await page.evaluate(`(() => {
      const roots = document.querySelectorAll('body > .cke');
      if (roots.length !== 1) return { roots: roots.length };
      const root = roots[0];
      const copy = document.createElement('template');
      copy.innerHTML = (${drawnMarkup})(root);
      const fragment = copy.content.firstElementChild;
      fragment.setAttribute('data-cke-prerender', '');
      fragment.setAttribute('data-cke-lang', document.documentElement.lang);
      fragment.setAttribute('data-cke-title', document.title);
      const now = new Date();
      const two = (n) => String(n).padStart(2, '0');
      return {
        roots: 1,
        html: fragment.outerHTML,
        hrefs: [...root.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')),
        cards: [...root.querySelectorAll('a.cke-card')].map((a) => a.getAttribute('href')),
        scripts: root.querySelectorAll('script').length,
        day: now.getFullYear() + '-' + two(now.getMonth() + 1) + '-' + two(now.getDate()),
        rem: parseFloat(getComputedStyle(document.documentElement).fontSize),
        page: parseFloat(getComputedStyle(root.querySelector('.cke-main')).maxWidth),
      };
    })()`);
    const problem = (what) => new Error(`prerender: ${url}: ${what}`);
    if (drawn.roots !== 1) throw problem(`${drawn.roots} app roots`);
    if (errors.length) throw problem(`console errors:\n${errors.join('\n')}`);
    if (drawn.scripts) throw problem('a <script> in the markup');
    // In-app links are `/` plus a query (Nav::href at `/`); the others leave the page.
    const odd = drawn.hrefs.filter((href) => !/^(\/(\?.*)?|#.*|https?:\/\/.*)$/.test(href));
    if (odd.length) throw problem(`links the preloader could not rewrite: ${odd.join(' ')}`);
    return drawn;
  } finally {
    page.off('console', onConsole);
    page.off('pageerror', onError);
  }
}

/** Runs `jobs` (async functions) two at a time: the build machines have two cores. */
async function pool(jobs, width = 2) {
  const results = [];
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < jobs.length) {
      const index = next++;
      results[index] = await jobs[index]();
    }
  }));
  return results;
}

/** Draws every view of the built site in `dir` and writes the fragments and the manifest. */
export async function prerender(dir) {
  const started = Date.now();
  const server = await serveStatic(dir);
  const browser = await launchChromium();
  try {
    // The sectors: the overview's sector cards, which must be the preloader's list too.
    const probe = await browser.newContext({ viewport: WIDE, locale: LANGUAGES.en });
    const overview = await draw(await probe.newPage(), `${server.origin}/`);
    await probe.close();
    const sectors = overview.cards.map((href) => new URLSearchParams(href.split('?')[1]).get('sector'));
    const preloader = readFileSync(join(import.meta.dirname, 'preload-data.js'), 'utf8');
    const listed = JSON.parse(preloader.match(/const SECTORS = (\[[^\]]*\])/)[1].replaceAll("'", '"'));
    if (JSON.stringify(sectors) !== JSON.stringify(listed)) {
      throw new Error(`prerender: the app's sectors ${sectors} are not the preloader's ${listed}`);
    }
    // The map too: the app takes it over only once its outlines have arrived (the locator keeps
    // the main region busy until then), so its fragment is what the app draws.
    const keys = ['overview', 'story', ...sectors.map((id) => `sector-${id}`), 'timeline', 'compare', 'map'];

    // Every view in every language, full page and embedded, at both widths.
    const drawn = new Map();
    const jobs = [];
    for (const [lang, locale] of Object.entries(LANGUAGES)) {
      for (const [width, viewport] of [['narrow', NARROW], ['wide', WIDE]]) {
        jobs.push(async () => {
          const context = await browser.newContext({ viewport, locale });
          const page = await context.newPage();
          for (const key of keys) {
            for (const embed of [false, true]) {
              drawn.set(`${key}|${lang}|${embed}|${width}`, await draw(page, `${server.origin}/${queryOf(key, embed)}`));
            }
          }
          await context.close();
        });
      }
    }
    await pool(jobs);
    const first = drawn.get(`overview|en|false|wide`);

    // Which views draw today's date: drawn again on the data's date and a year on.
    const asOf = JSON.parse(readFileSync(join(dir, 'data', 'sectors.json'), 'utf8')).as_of;
    const from = asOf && asOf <= first.day ? asOf : first.day;
    const later = new Date(`${first.day}T12:00:00`);
    later.setDate(later.getDate() + 400);
    const dayBound = new Set();
    for (const date of [new Date(`${from}T12:00:00`), later]) {
      const context = await browser.newContext({ viewport: WIDE, locale: LANGUAGES.en });
      const page = await context.newPage();
      await page.clock.setFixedTime(date);
      for (const key of keys) {
        const again = await draw(page, `${server.origin}/${queryOf(key, false)}`);
        if (again.html !== drawn.get(`${key}|en|false|wide`).html) dayBound.add(key);
      }
      await context.close();
    }
    // Of those, the ones whose only difference on the last day of the year drawn is the "today"
    // marker and the band of days not yet covered (the timeline: its axis runs to the year's
    // end, core/src/timeline/scale.rs) are shown all that year from the day drawn, the preloader
    // moving those two for the reader's day (moveToday in scripts/preload-data.js).
    const withoutToday = (html) => html.replace(/<div class="cke-tl-(today|uncovered)"[^>]*>/g, '<div class="cke-tl-$1">');
    const yearEnd = new Date(`${first.day.slice(0, 4)}-12-31T12:00:00`);
    const yearBound = new Set();
    if (dayBound.size) {
      const context = await browser.newContext({ viewport: WIDE, locale: LANGUAGES.en });
      const page = await context.newPage();
      await page.clock.setFixedTime(yearEnd);
      for (const key of dayBound) {
        const again = await draw(page, `${server.origin}/${queryOf(key, false)}`);
        if (withoutToday(again.html) === withoutToday(drawn.get(`${key}|en|false|wide`).html)) yearBound.add(key);
      }
      await context.close();
    }

    // The files: one per view, language and mode, or one per width when the width matters.
    const files = new Map();
    const views = {};
    for (const key of keys) {
      const byWidth = Object.entries(LANGUAGES).flatMap(([lang]) => [false, true].map((embed) => {
        const base = `${key}-${lang}${embed ? '-embed' : ''}`;
        const at = (width) => drawn.get(`${key}|${lang}|${embed}|${width}`).html;
        return { base, narrow: at('narrow'), wide: at('wide') };
      }));
      const width = byWidth.some(({ narrow, wide }) => narrow !== wide);
      for (const { base, narrow, wide } of byWidth) {
        if (width) {
          files.set(`${base}.narrow.html`, narrow);
          files.set(`${base}.wide.html`, wide);
        } else {
          files.set(`${base}.html`, wide);
        }
      }
      const dated = yearBound.has(key) ? { year: 1 } : dayBound.has(key) ? { day: 1 } : {};
      views[key] = { ...(width && { width: 1 }), ...dated };
    }
    const hash = createHash('sha256');
    for (const [name, html] of [...files].sort()) hash.update(`${name}\n${html}\n`);
    const directory = `prerender-${hash.digest('hex').slice(0, 16)}`;
    mkdirSync(join(dir, directory), { recursive: true });
    for (const [name, html] of files) writeFileSync(join(dir, directory, name), `${html}\n`);

    const manifest = {
      dir: directory,
      day: first.day,
      from,
      rem: first.rem,
      narrow: { max: NARROW_MAX, drawn: NARROW.width },
      wide: { min: first.page + SCROLLBAR, drawn: WIDE.width },
      views,
    };
    writeManifest(dir, manifest);
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    const widthViews = keys.filter((key) => views[key].width).length;
    console.log(`prerender: ${files.size} fragments in ${directory}/ (${keys.length} views × ${Object.keys(LANGUAGES).length} languages × full page and embedded; ${widthViews} views per width; drawn on ${first.day}${[...dayBound].map((key) => `, ${key} only shown ${yearBound.has(key) ? 'that year from that day' : 'that day'}`).join('')}) in ${seconds} s`);
    return manifest;
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Gives the page in `dir` the manifest, just before the preloader that reads it. */
function writeManifest(dir, manifest) {
  const indexPath = join(dir, 'index.html');
  const html = readFileSync(indexPath, 'utf8');
  const at = html.indexOf('<script type="module" async src="./preload-');
  if (at < 0) throw new Error('prerender: index.html has no data preloader to give the manifest to');
  const meta = `<meta name="cke-prerender" content="${JSON.stringify(manifest).replaceAll('"', '&quot;')}">`;
  writeFileSync(indexPath, `${html.slice(0, at)}${meta}${html.slice(at)}`);
}

/**
 * Gives the staged build in `dir` the fragments and the manifest of `built`, a finished release
 * build of the same sources, instead of drawing them again (three minutes). Only for a build
 * whose views are drawn exactly as `built`'s: the test build with the `test-panic` feature,
 * which only adds a trigger (scripts/test.sh). Its fragments are compared with nothing, so a
 * build of other sources must never take them.
 */
export function prerenderFrom(dir, built) {
  const page = readFileSync(join(built, 'index.html'), 'utf8');
  const content = page.match(/<meta name="cke-prerender" content="([^"]*)">/)?.[1];
  if (!content) throw new Error(`prerender: ${built} has no prerendered views to take`);
  const manifest = JSON.parse(content.replaceAll('&quot;', '"'));
  // The .br and .gz copies are made again for this build, with every other file's.
  cpSync(join(built, manifest.dir), join(dir, manifest.dir), {
    recursive: true,
    filter: (source) => !/\.(br|gz)$/.test(source),
  });
  writeManifest(dir, manifest);
  console.log(`prerender: the fragments of ${built} (${manifest.dir}/, drawn on ${manifest.day}) taken`);
}
