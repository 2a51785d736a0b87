// Accessible to every reader (WCAG 2.2 AA), in headless Chromium against the release build:
//
// 1. one keyboard-only journey through every task, checking after every key press that the
//    focused element is visible, not hidden behind anything, and drawn with a focus indicator
//    that is not clipped away, and that the focus order is logical;
// 2. the structure a screen reader gets (Chromium's own accessibility tree): landmarks, one h1
//    per view and no skipped heading level, names for every control, charts with title,
//    summary and table, the timeline's chronological list, live regions for loading and
//    errors, and nothing said by colour alone;
// 3. what readers with low vision or other settings get: chart marks at 3:1 against their
//    background in both themes, reflow at 320 CSS px with text at 200 %, forced colours,
//    reduced motion, and targets of at least 24 × 24 px;
// 4. axe-core on every view × theme × language.
//
// No retries, no timed assertions: every wait is for a state of the page.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { AXE_TAGS, openAllDetails, openPage, useServedApp, waitForApp, withoutPrerender, withStalePlan } from './harness.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const SHOTS = join(ROOT, 'e2e', 'artifacts', 'accessibility');
const TEXTS = JSON.parse(readFileSync(join(ROOT, 'public', 'data', 'text', 'en.json'), 'utf8')).text;
const SILK_ROAD = '2013-09-silk-road-economic-belt';
/** An interface string of `core/src/strings/<lang>.rs`. */
const interfaceString = (lang, key) =>
  JSON.parse(readFileSync(join(ROOT, 'core', 'src', 'strings', `${lang}.rs`), 'utf8').match(new RegExp(`Ui::${key} => ("(?:[^"\\\\]|\\\\.)*")`))[1]);

const VIEWS = [
  { name: 'overview', query: '' },
  { name: 'sector', query: 'view=sector&sector=trade&' },
  { name: 'timeline', query: `view=timeline&event=${SILK_ROAD}&` },
  { name: 'compare', query: 'view=compare&' },
];
const LANGUAGES = ['en', 'zh', 'ru', 'kk'];

const suite = useServedApp();

/** Opens `query` in a fresh context with `options` and waits for the data. */
const { open } = suite;


// ---------------------------------------------------------------------------------------------
// 1. The keyboard
// ---------------------------------------------------------------------------------------------

/**
 * Runs in the page: where the focus is and whether a sighted keyboard user can see it. Returns
 * whether the focused element matches `selector` (and has exactly the text `text`), the landmark
 * it is in, and the problems with it: not visible, obscured, no focus indicator, or one whose
 * sides are clipped away by a scrolling or clipping ancestor.
 */
function focusProbe({ selector, text }) {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) {
    return { none: true, matches: false, problems: ['focus was lost to the document body'] };
  }
  const label = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${
    typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : ''
  } "${(el.getAttribute('aria-label') || el.textContent || el.value || '').trim().replace(/\s+/g, ' ').slice(0, 50)}"`;
  const matches = Boolean(selector) && el.matches(selector)
    && (text == null || el.textContent.trim() === text);
  // The landmark, main first: the chart's own <footer> and the sector links' <nav> are inside it.
  const landmark = el.closest('main') ? 'main'
    : el.closest('header') ? 'banner'
      : el.closest('nav') ? 'navigation'
        : el.closest('footer') ? 'contentinfo'
          : 'none';
  const problems = [];
  const style = getComputedStyle(el);
  const rect = el.getBoundingClientRect();

  // The part of the page that can show the element: the viewport, cut by every ancestor that
  // clips or scrolls on an axis (at its padding box).
  const clip = { left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight };
  for (let node = el.parentElement; node; node = node.parentElement) {
    const s = getComputedStyle(node);
    const box = node.getBoundingClientRect();
    const left = box.left + node.clientLeft;
    const top = box.top + node.clientTop;
    if (s.overflowX !== 'visible') {
      clip.left = Math.max(clip.left, left);
      clip.right = Math.min(clip.right, left + node.clientWidth);
    }
    if (s.overflowY !== 'visible') {
      clip.top = Math.max(clip.top, top);
      clip.bottom = Math.min(clip.bottom, top + node.clientHeight);
    }
  }
  const visible = rect.width > 0 && rect.height > 0 && style.visibility === 'visible'
    && Math.min(rect.right, clip.right) - Math.max(rect.left, clip.left) >= 1
    && Math.min(rect.bottom, clip.bottom) - Math.max(rect.top, clip.top) >= 1;
  if (!visible) problems.push('not visible');

  // Not entirely hidden by other content (WCAG 2.4.11): some point of it is on top.
  if (visible) {
    const x0 = Math.max(rect.left, clip.left);
    const x1 = Math.min(rect.right, clip.right);
    const y0 = Math.max(rect.top, clip.top);
    const y1 = Math.min(rect.bottom, clip.bottom);
    const points = [[0.5, 0.5], [0.2, 0.2], [0.8, 0.2], [0.2, 0.8], [0.8, 0.8]];
    const onTop = points.some(([fx, fy]) => {
      const hit = document.elementFromPoint(x0 + (x1 - x0) * fx, y0 + (y1 - y0) * fy);
      return hit && (hit === el || el.contains(hit) || hit.control === el || hit.closest('label')?.control === el);
    });
    if (!onTop) problems.push('obscured by other content');
  }

  // The indicator: an outline of at least 2 px in a colour that is not transparent, or a ring
  // drawn with box-shadow. The landing point of the skip link (<main tabindex=-1>) is a region,
  // not a control (WCAG 2.4.7 asks for an indicator on user interface components): it is exempt.
  const exempt = el.matches('main');
  const width = parseFloat(style.outlineWidth) || 0;
  const colour = style.outlineColor;
  const transparent = colour === 'transparent' || /rgba\(.*,\s*0\)$/.test(colour);
  const outline = style.outlineStyle !== 'none' && width >= 2 && !transparent;
  const shadow = style.boxShadow !== 'none';
  if (!exempt && !outline && !shadow) {
    problems.push(`no focus indicator (outline ${style.outlineStyle} ${style.outlineWidth}, box-shadow ${style.boxShadow})`);
  }
  // Each side of the outline must show: an outline clipped by a scrolling ancestor (a list
  // that scrolls sideways, an axis that hides what overflows) is not a visible indicator.
  if (!exempt && outline && visible) {
    const grow = width + (parseFloat(style.outlineOffset) || 0);
    const outer = { left: rect.left - grow, top: rect.top - grow, right: rect.right + grow, bottom: rect.bottom + grow };
    const strips = {
      top: { ...outer, bottom: outer.top + width },
      bottom: { ...outer, top: outer.bottom - width },
      left: { ...outer, right: outer.left + width },
      right: { ...outer, left: outer.right - width },
    };
    for (const [side, strip] of Object.entries(strips)) {
      const w = Math.min(strip.right, clip.right) - Math.max(strip.left, clip.left);
      const h = Math.min(strip.bottom, clip.bottom) - Math.max(strip.top, clip.top);
      if (w < 1 || h < 1) problems.push(`the ${side} side of the focus outline is clipped`);
    }
  }
  return { label, matches, landmark, problems };
}

/** Drives the page by keyboard only and checks the focus after every key press. */
class Keyboard {
  constructor(page) {
    this.page = page;
    this.trail = [];
  }

  /**
   * Presses `key`; `until` (a function run in the page) is waited for first when the key
   * changes something asynchronously (a new view), and `settle` waits two more frames for
   * what the app does on the next frame (moving the focus).
   */
  async press(key, { until, arg, settle = false, selector, text } = {}) {
    await this.page.keyboard.press(key);
    if (until) await this.page.waitForFunction(until, arg);
    if (settle) await nextFrames(this.page);
    const focus = await this.page.evaluate(focusProbe, { selector, text });
    // The keys pressed so far and where the focus went, for the failure message (A11Y_TRAIL=n
    // shows the last n steps instead of 6).
    this.trail.push(`${key} → ${focus.label ?? 'body'}`);
    assert.deepEqual(focus.problems, [], `after ${key} on ${new URL(this.page.url()).search}: ${focus.label}\n${this.trail.slice(-(Number(process.env.A11Y_TRAIL) || 6)).join('\n')}`);
    return focus;
  }

  /** Presses Tab (or Shift+Tab) until the focus is on `selector` (with `text`). */
  async tabTo(selector, { text, back = false, max = 200 } = {}) {
    const visited = [];
    for (let i = 0; i < max; i += 1) {
      const focus = await this.press(back ? 'Shift+Tab' : 'Tab', { selector, text });
      visited.push(focus);
      if (focus.matches) return visited;
    }
    return assert.fail(`${selector} ${text ?? ''} is not reached by ${back ? 'Shift+Tab' : 'Tab'}`);
  }

  /** Whether the focused element matches `selector`. */
  async focusIs(selector) {
    return this.page.evaluate((s) => Boolean(document.activeElement?.matches(s)), selector);
  }
}

/** Resolves after two animation frames (what the app does "on the next frame" is done). */
const nextFrames = (page) =>
  page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

const h1Focused = (name) => document.activeElement?.tagName === 'H1'
  && (name == null || document.activeElement.textContent === name);

describe('accessibility', () => {
  test('every task by keyboard alone, with the focus always visible and in a logical order', async () => {
    const { context, page, consoleErrors } = await openPage(suite.browser, { colorScheme: 'light' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.server.origin });
    await page.goto(`${suite.server.origin}/`);
    await waitForApp(page);
    const keys = new Keyboard(page);

    // The skip link comes first; then the header's controls, the views, the content.
    const skip = await keys.press('Tab', { selector: '.cke-skip' });
    assert.ok(skip.matches, `the first Tab stop is the skip link, not ${skip.label}`);
    const order = [];
    for (let i = 0; i < 12; i += 1) {
      const focus = await keys.press('Tab');
      order.push(focus);
      if (focus.landmark === 'main') break;
    }
    const landmarks = order.map((focus) => focus.landmark);
    const rank = ['banner', 'navigation', 'main'];
    assert.deepEqual([...new Set(landmarks)], rank, `Tab from the skip link: ${order.map((f) => f.label).join(', ')}`);
    assert.ok(landmarks.every((l, i) => i === 0 || rank.indexOf(l) >= rank.indexOf(landmarks[i - 1])), 'never back up');
    const labels = order.map((focus) => focus.label);
    assert.ok(labels.some((l) => l.startsWith('select#cke-lang')) && labels.some((l) => l.startsWith('select#cke-theme')),
      `the header's language and theme switches: ${labels}`);
    assert.deepEqual(
      order.filter((f) => f.landmark === 'navigation').map((f) => f.label.match(/"(.*)"/)[1]),
      ['Overview', 'Story', 'Sectors', 'Timeline', 'Compare', 'Map'],
    );

    // Back to the skip link: Enter lands in the main content, and the next Tab is inside it.
    await keys.tabTo('.cke-skip', { back: true });
    await keys.press('Enter', { until: () => document.activeElement?.id === 'main' });
    assert.equal((await keys.press('Tab')).landmark, 'main');

    // Views by the navigation links: focus goes to the new view's heading.
    await keys.tabTo('.cke-nav a', { text: 'Sectors', back: true });
    await keys.press('Enter', { until: h1Focused, arg: 'Sectors' });

    // A sector from the list of sectors: focus goes to its heading, not back to the page top.
    await keys.tabTo('[data-sector="trade"] > a.cke-card');
    // The app moves focus on the next frame; two frames later it has happened or never will.
    await keys.press('Enter', { until: () => document.querySelector('.cke-main h1')?.textContent === 'Trade', settle: true });
    assert.ok(await keys.focusIs('h1'), 'after choosing a sector, focus is on its heading');

    // The sector links (above the heading): arrow keys switch sectors in place, focus follows.
    await keys.tabTo('.cke-tabs a[aria-current="page"]', { back: true });
    await keys.press('End', { until: () => document.querySelector('.cke-main h1')?.textContent === 'Regions and cities' });
    assert.ok(await keys.focusIs('.cke-tabs [data-sector="subnational"] a'));
    await keys.press('Home', { until: () => document.querySelector('.cke-main h1')?.textContent === 'Diplomacy and security' });
    await keys.press('ArrowRight', { until: () => document.querySelector('.cke-main h1')?.textContent === 'Trade' });
    assert.ok(await keys.focusIs('.cke-tabs [data-sector="trade"] a[aria-current="page"]'));

    // The sector's other figures, by keyboard: Enter on their heading builds and opens them.
    await keys.tabTo('#cke-more-figures > summary');
    await keys.press('Enter', { until: () => document.querySelector('#figure-cda-trade-2024') });
    // A figure's source: Enter opens its details, Space closes and opens them again.
    await keys.tabTo('#figure-cda-trade-2024 summary');
    const figure = page.locator('#figure-cda-trade-2024 details');
    await keys.press('Enter');
    assert.equal(await figure.evaluate((d) => d.open), true, 'Enter opens the source');
    const source = await figure.locator('.cke-figure__panel').innerText();
    assert.match(source, /Publisher\s+China Daily/);
    assert.match(source, /Type\s+Advertorial/);
    await keys.press(' ');
    assert.equal(await figure.evaluate((d) => d.open), false, 'Space closes it');
    await keys.press(' ');
    assert.equal(await figure.evaluate((d) => d.open), true, 'Space opens it again');

    // The timeline: filter by a sector with Space, walk the events with the arrow keys, open
    // one with Enter and close it with Escape.
    await keys.tabTo('.cke-nav a', { text: 'Timeline', back: true });
    await keys.press('Enter', { until: h1Focused });
    await keys.tabTo('#cke-tl-sector-energy');
    // (The sector chosen before, trade, came along with the link: energy is added to it.)
    await keys.press(' ', { until: () => new URL(location.href).searchParams.get('sector')?.split(',').includes('energy') });
    assert.ok(await keys.focusIs('#cke-tl-sector-energy:checked'), 'the box is checked and keeps the focus');
    const kept = await page.locator('.cke-tl-list li.cke-tl-item').count();
    assert.ok(kept > 0 && kept < 76, `the list is filtered: ${kept}`);
    // The axis is one Tab stop; the arrow keys move along it.
    await keys.tabTo('.cke-tl-event[tabindex="0"]');
    const firstId = await page.evaluate(() => document.activeElement.dataset.id);
    await keys.press('ArrowRight', { until: (id) => document.activeElement?.dataset.id && document.activeElement.dataset.id !== id, arg: firstId });
    const second = await page.evaluate(() => document.activeElement.dataset.id);
    await keys.press('ArrowRight', { until: (id) => document.activeElement?.dataset.id !== id, arg: second });
    await keys.press('ArrowLeft', { until: (id) => document.activeElement?.dataset.id === id, arg: second });
    // The panel opens below the axis and the page scrolls to it: the focused event stays in sight.
    await keys.press('Enter', { until: (id) => document.querySelector(`#cke-tl-details[data-id="${id}"] h2`), arg: second, settle: true });
    assert.ok(await page.locator('#cke-tl-details h2').evaluate((h) => h.getBoundingClientRect().top < innerHeight),
      'the panel\'s heading is on screen');
    assert.equal(new URL(page.url()).searchParams.get('event'), second);
    assert.ok(await keys.focusIs(`.cke-tl-event[data-id="${second}"]`), 'focus stays on the event');
    await keys.press('Escape', { until: () => !document.querySelector('#cke-tl-details') });
    assert.ok(await keys.focusIs(`.cke-tl-event[data-id="${second}"]`), 'Escape returns to the event');
    assert.ok(await page.locator('.cke-tl-list li.cke-tl-item').count() > 0, 'the list is there too');

    // Compare: pick a comparison, Tab to the chart, read it point by point.
    await keys.tabTo('.cke-nav a', { text: 'Compare', back: true });
    await keys.press('Enter', { until: h1Focused, arg: 'Compare' });
    const statements = TEXTS['comparison.official-statements.title'];
    await keys.tabTo('.cke-tabs a', { text: statements });
    await keys.press('Enter', { until: () => document.querySelector('.cke-chart[data-chart="official-statements"]') });
    assert.ok(await keys.focusIs('.cke-tabs a[aria-current="page"]'), 'focus stays on the chosen comparison');
    const chart = page.locator('.cke-chart[data-chart="official-statements"]');
    await keys.tabTo('.cke-chart__plot');
    const tooltip = chart.locator('.cke-chart__tooltip');
    await tooltip.waitFor();
    const readings = [await tooltip.innerText()];
    const spoken = [await chart.locator('p[role="status"]').innerText()];
    assert.ok(spoken[0].length > 0, 'the first value is announced');
    for (const key of ['ArrowRight', 'ArrowRight', 'End', 'ArrowLeft']) {
      const before = readings.at(-1);
      await keys.press(key, {
        until: (text) => document.querySelector('.cke-chart[data-chart="official-statements"] .cke-chart__tooltip')?.innerText !== text,
        arg: before,
      });
      readings.push(await tooltip.innerText());
      spoken.push(await chart.locator('p[role="status"]').innerText());
    }
    assert.equal(new Set(readings).size, readings.length, `every key shows another value: ${readings.join(' | ')}`);
    assert.equal(new Set(spoken).size, spoken.length, `and announces it: ${spoken.join(' | ')}`);

    // The legend: Space hides a series, Enter shows it again.
    await keys.tabTo('.cke-chart__key', { back: true });
    const series = await page.evaluate(() => document.activeElement.dataset.series);
    await keys.press(' ', { until: () => document.activeElement.getAttribute('aria-pressed') === 'false' });
    assert.equal(await chart.locator(`svg [data-series="${series}"]`).count(), 0, 'Space hides the series');
    await keys.press('Enter', { until: () => document.activeElement.getAttribute('aria-pressed') === 'true' });
    assert.ok(await chart.locator(`svg [data-series="${series}"]`).count() > 0, 'Enter shows it again');

    // The measure: radio buttons, moved by arrow keys.
    await keys.tabTo('.cke-chart input[type="radio"][value="Absolute"]', { back: true });
    const stated = await chart.locator('.cke-chart__summary').innerText();
    await keys.press('ArrowDown', { until: () => document.activeElement?.type === 'radio' && document.activeElement.checked && document.activeElement.value !== 'Absolute' });
    assert.notEqual(await chart.locator('.cke-chart__summary').innerText(), stated, 'the chart shows the other measure');
    await keys.press('ArrowUp', { until: () => document.activeElement?.value === 'Absolute' && document.activeElement.checked });
    assert.equal(await chart.locator('.cke-chart__summary').innerText(), stated);

    // The language, by keyboard on the select: the page changes language in place and the
    // focus stays on the switch.
    await keys.tabTo('#cke-lang', { back: true });
    await keys.press('ArrowDown', { until: () => document.documentElement.lang === 'zh-Hans' });
    await page.locator('.cke-main[aria-busy="false"]').waitFor();
    assert.ok(await keys.focusIs('#cke-lang'), 'focus stays on the language switch');
    assert.equal(new URL(page.url()).searchParams.get('lang'), 'zh');

    // The footer: open "Embed this explainer" and copy the code with the Copy button.
    await keys.tabTo('details.cke-embed > summary');
    // (Its code is a wasm chunk: fetched now if the browser has not been idle yet.)
    await keys.press('Enter', { until: () => document.querySelector('details.cke-embed').open && document.querySelector('.cke-embed__code') });
    await keys.tabTo('.cke-embed__code .cke-button');
    const copy = await page.evaluate(() => ({
      label: document.activeElement.textContent,
      code: document.activeElement.parentElement.querySelector('textarea').value,
    }));
    await keys.press('Enter', { until: (label) => document.activeElement.textContent !== label, arg: copy.label });
    assert.equal(await page.evaluate(() => document.activeElement.textContent), interfaceString('zh', 'EmbedCopied'));
    const clipboard = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(clipboard, copy.code);
    assert.match(clipboard, /<iframe [^>]*src="[^"]*view=compare[^"]*lang=zh[^"]*embed=1/);
    assert.deepEqual(consoleErrors, []);
    await context.close();
  });

  test('screen readers get landmarks, one h1, ordered headings, named controls and charts as text', async () => {
    const { context, page } = await openPage(suite.browser);
    const problems = [];
    for (const view of [...VIEWS, { name: 'sectors', query: 'view=sector&' }, { name: 'map', query: 'view=map&place=khorgos&' }]) {
      await page.goto(`${suite.server.origin}/?${view.query}`);
      await waitForApp(page);
      await openAllDetails(page);
      const nodes = await accessibilityTree(page);
      const count = (role) => nodes.filter((node) => node.role === role).length;
      for (const role of ['banner', 'main', 'contentinfo']) {
        if (count(role) !== 1) problems.push(`${view.name}: ${count(role)} ${role} landmarks`);
      }
      if (!nodes.some((node) => node.role === 'navigation' && node.name === 'Views')) {
        problems.push(`${view.name}: no navigation landmark named "Views"`);
      }
      const headings = nodes.filter((node) => node.role === 'heading');
      const h1 = headings.filter((node) => node.level === 1);
      if (h1.length !== 1) problems.push(`${view.name}: ${h1.length} h1 (${h1.map((n) => n.name)})`);
      if (headings[0]?.level !== 1) problems.push(`${view.name}: the first heading is not the h1`);
      headings.forEach((heading, i) => {
        const previous = headings[i - 1];
        if (previous && heading.level > previous.level + 1) {
          problems.push(`${view.name}: h${previous.level} "${previous.name}" is followed by h${heading.level} "${heading.name}"`);
        }
      });
      // Every heading and link the page shows is in the accessibility tree: nothing shown is
      // left out of it (as content-visibility: auto does with what is off screen).
      const shown = await page.evaluate(() => {
        const count = (selector) => [...document.querySelectorAll(selector)]
          .filter((element) => element.checkVisibility() && !element.closest('[aria-hidden="true"]')).length;
        return { headings: count('h1, h2, h3, h4, h5, h6'), links: count('a[href]') };
      });
      if (headings.length !== shown.headings) {
        problems.push(`${view.name}: ${shown.headings} headings shown, ${headings.length} in the accessibility tree`);
      }
      if (count('link') !== shown.links) {
        problems.push(`${view.name}: ${shown.links} links shown, ${count('link')} in the accessibility tree`);
      }
      for (const node of nodes) {
        if (NAMED_ROLES.has(node.role) && !node.name.trim()) {
          problems.push(`${view.name}: a ${node.role} without a name (${node.html})`);
        }
      }
      // Every chart: a title, a text summary generated from its values, and a data table.
      for (const chart of await page.locator('.cke-chart').all()) {
        const id = await chart.getAttribute('data-chart');
        const svg = chart.locator('svg.cke-chart__svg');
        const name = nodes.find((node) => node.role === 'image' && node.name === (TEXTS[`comparison.${id}.title`] ?? ''));
        if (!name) problems.push(`${view.name}: the chart ${id} is not an image named by its title`);
        const summary = (await chart.locator('.cke-chart__summary').innerText()).trim();
        if (summary.length < 40) problems.push(`${view.name}: ${id} has no summary`);
        if ((await svg.locator('desc').textContent()).trim() !== summary) problems.push(`${view.name}: ${id}'s description is not its summary`);
        const rows = await chart.locator('.cke-chart__table table tbody tr').count();
        if (rows === 0) problems.push(`${view.name}: ${id} has no data table`);
        if (await chart.locator('.cke-chart__table caption').count() !== 1) problems.push(`${view.name}: ${id}'s table has no caption`);
      }
    }
    // The timeline as a chronological list: every event, in order, dated in text.
    await page.goto(`${suite.server.origin}/?view=timeline`);
    await waitForApp(page);
    // Past 100 events the list is paged (by decade): every page, in turn.
    const dated = () => page.locator('.cke-tl-list li.cke-tl-item time').evaluateAll((times) =>
      times.map((time) => ({ date: time.getAttribute('datetime'), text: time.textContent })));
    const pageButtons = page.locator('.cke-tl-pages button');
    const list = [];
    if (await pageButtons.count() === 0) list.push(...await dated());
    for (let i = 0; i < await pageButtons.count(); i += 1) {
      await pageButtons.nth(i).click();
      await page.locator(`.cke-tl-pages li:nth-child(${i + 1}) button[aria-current="true"]`).waitFor();
      list.push(...await dated());
    }
    const { events } = JSON.parse(readFileSync(join(ROOT, 'public', 'data', 'events.json'), 'utf8'));
    assert.equal(list.length, events.length, 'the list holds every event');
    assert.ok(list.every((item, i) => i === 0 || item.date >= list[i - 1].date), 'in chronological order');
    assert.ok(list.every((item) => item.text.trim().length > 0));
    assert.equal(await page.locator('h2#cke-tl-list-title').count(), 1, 'under a heading of its own');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('loading is announced as busy, a failure as an alert', async () => {
    const { context, page } = await openPage(suite.browser);
    // The app's own loading state (with a prerendered view, the reader reads the view instead).
    await withoutPrerender(page);
    let release;
    const gate = new Promise((resolve) => (release = resolve));
    await page.route('**/data/events.json', async (route) => {
      await gate;
      await route.continue();
    });
    await page.goto(`${suite.server.origin}/`);
    await page.locator('.cke-skeleton').waitFor();
    assert.equal(await page.locator('main').getAttribute('aria-busy'), 'true');
    assert.equal(await page.getByRole('status').filter({ hasText: 'Loading' }).count(), 1, 'a status says it loads');
    release();
    await waitForApp(page);
    assert.equal(await page.locator('main').getAttribute('aria-busy'), 'false');
    // The change of view is announced in a polite live region.
    assert.equal(await page.locator('[aria-live="polite"]').count() >= 1, true);

    const failing = await openPage(suite.browser);
    await failing.page.route('**/data/sectors.json', (route) => route.fulfill({ status: 500, body: 'boom' }));
    await failing.page.goto(`${suite.server.origin}/`);
    const alert = failing.page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), /could not be loaded/);
    assert.equal(await alert.getByRole('button', { name: 'Try again' }).count(), 1);
    assert.equal(await failing.page.locator('main').getAttribute('aria-busy'), 'false', 'no longer busy: it failed');
    await failing.context.close();
    await context.close();
  });

  test('nothing is said by colour alone', async () => {
    const { context, page } = await open('?view=compare&chart=mirror-trade');
    await openAllDetails(page);
    const chart = page.locator('.cke-chart');
    // Derived values: hollow dots (a shape), a key in words, and a mark in the table.
    const dots = await chart.locator('.cke-chart__dot').evaluateAll((all) =>
      all.map((dot) => ({ derived: dot.hasAttribute('data-derived'), fill: getComputedStyle(dot).fill, stroke: getComputedStyle(dot).stroke })));
    const derived = dots.filter((dot) => dot.derived);
    assert.ok(derived.length > 0, 'this chart has derived values');
    const background = await page.locator('.cke').evaluate((el) => getComputedStyle(el).backgroundColor);
    assert.ok(derived.every((dot) => dot.fill === background && dot.stroke !== background), 'derived dots are hollow rings');
    assert.ok(dots.filter((dot) => !dot.derived).every((dot) => dot.fill === dot.stroke), 'stated values are solid dots');
    assert.match(await chart.locator('.cke-chart__key-note').innerText(), /Hollow dots/);
    assert.ok(await chart.locator('td[data-value]').filter({ hasText: /\*$/ }).count() > 0, 'derived cells are starred');
    // Derived bars: dashed outlines.
    await page.goto(`${suite.server.origin}/?view=compare&chart=import-gap`);
    await waitForApp(page);
    const bars = await page.locator('.cke-chart__bar[data-derived]').evaluateAll((all) =>
      all.map((bar) => getComputedStyle(bar).strokeDasharray));
    assert.ok(bars.length > 0 && bars.every((dash) => dash !== 'none'), `derived bars are dashed: ${bars}`);
    // A hidden series is struck through as well as greyed; the pressed state is in the tree.
    const key = page.locator('.cke-chart__key').first();
    await key.click();
    assert.equal(await key.getAttribute('aria-pressed'), 'false');
    assert.match(await key.evaluate((el) => getComputedStyle(el).textDecorationLine), /line-through/);
    // The advertorial tag says so in words; the chosen view and sector are marked for screen
    // readers and by weight or an underline bar, not by colour only.
    await page.goto(`${suite.server.origin}/?view=sector&sector=trade`);
    await waitForApp(page);
    // The advertorial's figures are among the sector's other figures, built when opened.
    await openAllDetails(page);
    const tags = await page.locator('.cke-tag[data-kind="advertorial"]').allTextContents();
    assert.ok(tags.length > 0 && tags.every((tag) => tag.trim() === 'Advertorial'), `tags: ${tags}`);
    const current = page.locator('.cke-tabs a[aria-current="page"]');
    assert.equal(await current.evaluate((el) => getComputedStyle(el).fontWeight), '600');
    const nav = page.locator('.cke-nav a[aria-current="page"]');
    assert.equal(await nav.evaluate((el) => getComputedStyle(el).fontWeight), '600');
    // Planned events on the timeline: a dashed outline (shape) and the word in their name; a
    // plan whose date has passed with no update (the fixture's, 2014) a dotted one, and says so.
    await withStalePlan(page);
    await page.goto(`${suite.server.origin}/?view=timeline&year=2014`);
    await waitForApp(page);
    const planned = page.locator('.cke-tl-event[data-status="planned"]').first();
    const stale = (await planned.getAttribute('data-stale')) === 'true';
    assert.match(await planned.getAttribute('aria-label'), stale ? /Planned for .* · no update since/ : /Planned/i);
    assert.equal(await planned.locator('.cke-tl-mark').evaluate((el) => getComputedStyle(el).outlineStyle), stale ? 'dotted' : 'dashed');
    await context.close();
  });

  test('chart marks stand out at 3:1 against the chart in both themes', async () => {
    const problems = [];
    for (const theme of ['light', 'dark']) {
      const { context, page } = await open(`?view=compare&theme=${theme}`);
      const ids = await page.getByRole('navigation', { name: 'Comparisons' }).getByRole('link')
        .evaluateAll((links) => links.map((a) => new URL(a.href).searchParams.get('chart')));
      assert.ok(ids.length >= 10);
      for (const id of ids) {
        // Every comparison, switched in place.
        await page.getByRole('navigation', { name: 'Comparisons' }).locator(`a[href*="chart=${id}&"], a[href$="chart=${id}"]`).click();
        const chart = page.locator(`.cke-chart[data-chart="${id}"]`);
        await chart.locator('svg').waitFor();
        const low = await chart.evaluate(markContrasts);
        if (low.count === 0) problems.push(`${theme} ${id}: no marks measured`);
        for (const mark of low.failing) problems.push(`${theme} ${id}: ${mark}`);
      }
      await context.close();
    }
    assert.deepEqual(problems, []);
  });

  test('with text at 200 % everything reflows at 320 CSS px: no sideways scrolling, no clipped text', async () => {
    // How: a reader who zooms a 640 px window to 200 % gets a layout viewport of 320 CSS px with
    // every CSS pixel drawn as 2 device pixels. That is exactly a 320 px viewport with a device
    // scale factor of 2, which is what this context is: media queries, rem and px all see what
    // they see under browser zoom (unlike a root font size, which only zooms text sized in rem,
    // or Emulation.setPageScaleFactor, which is a pinch zoom and does not reflow at all). It is
    // also WCAG 1.4.10's own definition (1280 px at 400 % = 320 CSS px).
    const { context, page } = await openPage(suite.browser, { viewport: { width: 320, height: 640 }, deviceScaleFactor: 2 });
    const problems = [];
    for (const view of [...VIEWS, { name: 'sectors', query: 'view=sector&' }, { name: 'map', query: 'view=map&place=khorgos&' }]) {
      await page.goto(`${suite.server.origin}/?${view.query}`);
      await waitForApp(page);
      await openAllDetails(page);
      assert.equal(await page.evaluate(() => window.innerWidth), 320);
      for (const problem of await page.evaluate(reflowProblems)) problems.push(`${view.name}: ${problem}`);
    }
    // The same in a reader's own larger text: 200 % text in a 640 px window (a browser's font
    // size setting scales every rem; nothing may clip it).
    await page.setViewportSize({ width: 640, height: 800 });
    for (const view of VIEWS) {
      await page.goto(`${suite.server.origin}/?${view.query}`);
      await waitForApp(page);
      await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
      await openAllDetails(page);
      for (const problem of await page.evaluate(reflowProblems)) problems.push(`${view.name} (text 200 % at 640 px): ${problem}`);
    }
    assert.deepEqual(problems, []);
    await context.close();
  });

  test('forced colours keep every chart mark visible and the series apart without colour', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const problems = [];
    for (const [query, shot] of [
      ['?view=compare&chart=mirror-trade', 'forced-colors-chart.png'],
      ['?view=compare&chart=mirror-flows', 'forced-colors-bars.png'],
      ['?view=sector&sector=trade', 'forced-colors-sector-chart.png'],
    ]) {
      const { context, page } = await open(query, { forcedColors: 'active' });
      assert.equal(await page.evaluate(() => matchMedia('(forced-colors: active)').matches), true);
      const chart = page.locator('.cke-chart').first();
      await chart.scrollIntoViewIfNeeded();
      await chart.locator('.cke-chart__plot').screenshot({ path: join(SHOTS, shot) });
      const found = await chart.evaluate(forcedColourMarks);
      for (const problem of found) problems.push(`${query}: ${problem}`);
      await context.close();
    }
    assert.deepEqual(problems, []);
  });

  test('with reduced motion nothing animates or transitions, on any view', async () => {
    const problems = [];
    // While loading (the skeleton pulses when motion is welcome).
    for (const reducedMotion of ['reduce', 'no-preference']) {
      const { context, page } = await openPage(suite.browser, { reducedMotion });
      await withoutPrerender(page);
      let release;
      const gate = new Promise((resolve) => (release = resolve));
      await page.route('**/data/events.json', async (route) => {
        await gate;
        await route.continue();
      });
      await page.goto(`${suite.server.origin}/`);
      await page.locator('.cke-skeleton').waitFor();
      const moving = await page.evaluate(motionOnPage);
      if (reducedMotion === 'reduce') problems.push(...moving.map((m) => `loading: ${m}`));
      // The probe is not blind: the same page animates when motion is welcome.
      else assert.ok(moving.length > 0, 'the skeleton pulses without the preference');
      release();
      await waitForApp(page);
      await context.close();
    }
    const { context, page } = await openPage(suite.browser, { reducedMotion: 'reduce' });
    for (const view of VIEWS) {
      await page.goto(`${suite.server.origin}/?${view.query}`);
      await waitForApp(page);
      await openAllDetails(page);
      if (view.name === 'compare') {
        await page.locator('.cke-chart__plot').focus();
        await page.keyboard.press('ArrowRight');
        await page.locator('.cke-chart__tooltip').waitFor();
      }
      problems.push(...(await page.evaluate(motionOnPage)).map((m) => `${view.name}: ${m}`));
    }
    await context.close();
    assert.deepEqual(problems, []);
  });

  test('every target is at least 24 × 24 px or spaced as WCAG 2.5.8 allows', async () => {
    const problems = [];
    for (const width of [1280, 375]) {
      const { context, page } = await openPage(suite.browser, { viewport: { width, height: 900 } });
      for (const view of [...VIEWS, { name: 'sectors', query: 'view=sector&' }, { name: 'map', query: 'view=map&place=khorgos&' }]) {
        await page.goto(`${suite.server.origin}/?${view.query}`);
        await waitForApp(page);
        await openAllDetails(page);
        for (const problem of await page.evaluate(smallTargets)) problems.push(`${width} px ${view.name}: ${problem}`);
      }
      await context.close();
    }
    assert.deepEqual(problems, []);
  });

  test('axe-core finds nothing on every view × theme × language (details and tables open)', async () => {
    // 16 pages (view × language), each checked in the light theme and then, switched in place
    // as a reader would switch it, in the dark one: 32 page states. In the dark state only the
    // rules whose result can depend on colours run (color-contrast, link-in-text-block): the
    // theme changes colour tokens and nothing else, so every other rule would repeat its light
    // result on the same DOM. Two pages work through the list side by side (the machine's two
    // cores), which keeps the run near two minutes.
    const pages = LANGUAGES.flatMap((lang) => VIEWS.map((view) => ({ lang, view })));
    const problems = [];
    const checked = [];
    const worker = async () => {
      const { context, page } = await openPage(suite.browser);
      // A planned event to check the names of (the bundled data may have none left).
      await withStalePlan(page);
      for (let next = pages.shift(); next; next = pages.shift()) {
        const { lang, view } = next;
        await page.goto(`${suite.server.origin}/?${view.query}lang=${lang}&theme=light`);
        await waitForApp(page);
        for (const theme of ['light', 'dark']) {
          if (theme === 'dark') {
            await page.locator('#cke-theme').selectOption('dark');
            await page.locator('.cke[data-theme="dark"]').waitFor();
          }
          await openAllDetails(page);
          if (view.name === 'compare') {
            // With the keyboard tooltip showing, as a reader reading values sees it.
            await page.locator('.cke-chart__plot').focus();
            await page.keyboard.press('ArrowRight');
            await page.locator('.cke-chart__tooltip').waitFor();
          }
          const state = `${lang} ${view.name} ${theme}`;
          const axe = new AxeBuilder({ page }).options({ resultTypes: ['violations'] });
          if (theme === 'light') axe.withTags(AXE_TAGS);
          else axe.withRules(['color-contrast', 'link-in-text-block']);
          const result = await axe.analyze();
          checked.push(state);
          for (const violation of result.violations) {
            const where = violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join(' | ');
            problems.push(`${state}: ${violation.id} (${violation.nodes.length}) ${violation.help}: ${where}`);
          }
          // The names of controls are in the reader's language too (axe checks only that they
          // exist): a planned event's status was once spelt in English in every language.
          if (view.name === 'timeline' && theme === 'light') {
            if (await page.locator('.cke-tl-event[data-status="planned"]').count() === 0) {
              problems.push(`${state}: no planned event drawn to check`);
            }
            const english = await page.locator('[aria-label*="(planned)"]').count();
            if (lang !== 'en' && english) problems.push(`${state}: ${english} names say "(planned)" in English`);
          }
        }
      }
      await context.close();
    };
    await Promise.all([worker(), worker()]);
    assert.equal(checked.length, 32);
    assert.deepEqual(problems.sort(), []);
  });
});

/** The roles whose elements must have an accessible name. */
const NAMED_ROLES = new Set([
  'button', 'link', 'checkbox', 'radio', 'combobox', 'textbox', 'slider', 'DisclosureTriangle',
  'switch', 'tab', 'menuitem', 'spinbutton', 'searchbox', 'listbox', 'image', 'region', 'navigation',
]);

/**
 * Chromium's accessibility tree, the one screen readers read (Playwright's
 * `page.accessibility.snapshot()` is gone; the DevTools protocol gives the full tree), as the
 * list of its nodes in reading order, without the ignored ones.
 */
async function accessibilityTree(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const html = new Map();
  for (const node of nodes) {
    if (node.backendDOMNodeId && !node.ignored && NAMED_ROLES.has(node.role?.value) && !(node.name?.value ?? '').trim()) {
      const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: node.backendDOMNodeId });
      const { result } = await cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId,
        functionDeclaration: 'function () { return this.outerHTML.slice(0, 160); }',
        returnByValue: true,
      });
      html.set(node.nodeId, result.value);
    }
  }
  await cdp.detach();
  const byId = new Map(nodes.map((node) => [node.nodeId, node]));
  const ordered = [];
  const walk = (node) => {
    ordered.push(node);
    for (const child of node.childIds ?? []) if (byId.has(child)) walk(byId.get(child));
  };
  for (const node of nodes.filter((n) => !n.parentId)) walk(node);
  return ordered
    .filter((node) => !node.ignored)
    .map((node) => ({
      role: node.role?.value,
      name: node.name?.value ?? '',
      level: node.properties?.find((p) => p.name === 'level')?.value?.value,
      html: html.get(node.nodeId),
    }));
}


/**
 * Runs in the page, on one chart: the contrast of every line, dot and bar against what it is
 * drawn on (WCAG 1.4.11, 3:1 for graphical objects). A mark counts by its stroke where it has
 * one, else by its fill (composited with its opacity); colours are read as the browser resolved
 * them, through a canvas, so that light-dark() and any colour syntax are covered.
 */
function markContrasts(chart) {
  const canvas = document.createElement('canvas');
  canvas.width = 1;
  canvas.height = 1;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  const rgba = (colour) => {
    ctx.clearRect(0, 0, 1, 1);
    ctx.fillStyle = '#000';
    ctx.fillStyle = colour;
    ctx.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data;
    return [r, g, b, a / 255];
  };
  const over = ([r, g, b, a], [R, G, B]) => [r * a + R * (1 - a), g * a + G * (1 - a), b * a + B * (1 - a)];
  const luminance = (rgb) => {
    const [r, g, b] = rgb.map((v) => {
      const c = v / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a, b) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  // The chart's background: the first opaque background up the tree.
  let node = chart.querySelector('.cke-chart__plot');
  let background = [255, 255, 255];
  for (; node; node = node.parentElement) {
    const colour = rgba(getComputedStyle(node).backgroundColor);
    if (colour[3] > 0) {
      background = colour.slice(0, 3);
      break;
    }
  }
  const failing = [];
  const marks = [...chart.querySelectorAll('.cke-chart__line, .cke-chart__dot, .cke-chart__bar')];
  for (const mark of marks) {
    const style = getComputedStyle(mark);
    const strokeWidth = parseFloat(style.strokeWidth) || 0;
    const candidates = [];
    if (style.stroke !== 'none' && strokeWidth >= 1) {
      candidates.push(over([...rgba(style.stroke).slice(0, 3), rgba(style.stroke)[3] * Number(style.strokeOpacity)], background));
    }
    if (style.fill !== 'none' && !mark.classList.contains('cke-chart__line')) {
      const fill = rgba(style.fill);
      candidates.push(over([...fill.slice(0, 3), fill[3] * Number(style.fillOpacity)], background));
    }
    const best = Math.max(0, ...candidates.map((colour) => ratio(colour, background)));
    if (best < 3) {
      failing.push(`${mark.getAttribute('class')} of ${mark.dataset.series} (colour ${mark.dataset.colour}${mark.hasAttribute('data-derived') ? ', derived' : ''}) at ${best.toFixed(2)}:1`);
    }
  }
  return { count: marks.length, failing: [...new Set(failing)] };
}

/**
 * Runs in the page, at 320 CSS px: what would need sideways scrolling or is cut off. The page
 * must not be wider than the viewport; no element may reach past its right edge; an element
 * that clips its overflow must not hide text; only data tables may scroll sideways (WCAG 1.4.10
 * exempts content that needs two dimensions).
 */
function reflowProblems() {
  const problems = [];
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth > width) {
    problems.push(`the page is ${document.documentElement.scrollWidth} px wide`);
  }
  // Exempt: what is not rendered, data tables (they may scroll), and the timeline's axis, a
  // two-dimensional graphic whose events and eras are all in the list below it as text (it is
  // only drawn above 480 px); the sector picker, one row that scrolls sideways on a phone on
  // purpose (issue 20: the sector's title on the first screen), every sector also in the list of
  // sectors; the locator map, which pans sideways in a narrow column to keep its marks 24 px apart
  // (a map is two-dimensional content, which WCAG 1.4.10 exempts), every place also in the list
  // beside it; and the settings button's words, visually hidden on a phone like .cke-visually-hidden.
  const hidden = (el) => el.closest('.cke-visually-hidden, .cke-menu__label, [hidden], .cke-table-wrap, .cke-tl-axis, .cke-tabs, .cke-map-pan') || el.getClientRects().length === 0;
  const name = (el) => `${el.tagName.toLowerCase()}.${String(el.className).trim().split(/\s+/).join('.')} "${el.textContent.trim().slice(0, 40)}"`;
  for (const el of document.querySelectorAll('.cke *')) {
    if (hidden(el) || el instanceof SVGElement) continue;
    const style = getComputedStyle(el);
    const rect = el.getBoundingClientRect();
    if (rect.right > width + 1 && style.position !== 'fixed') {
      problems.push(`${name(el)} reaches ${Math.round(rect.right)} px`);
    }
    const clips = (axis) => ['hidden', 'clip', 'auto', 'scroll'].includes(axis);
    const scrolls = (axis) => ['auto', 'scroll'].includes(axis);
    const text = el.textContent.trim().length > 0;
    if (text && clips(style.overflowX) && el.scrollWidth > el.clientWidth + 1) {
      problems.push(`${name(el)} ${scrolls(style.overflowX) ? 'scrolls sideways' : 'cuts off text'} (${el.scrollWidth} > ${el.clientWidth} px)`);
    }
    if (text && clips(style.overflowY) && !scrolls(style.overflowY) && el.scrollHeight > el.clientHeight + 1) {
      problems.push(`${name(el)} cuts off text at the bottom (${el.scrollHeight} > ${el.clientHeight} px)`);
    }
    if (text && style.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth + 1) {
      problems.push(`${name(el)} is shortened with an ellipsis`);
    }
  }
  return [...new Set(problems)];
}

/**
 * Runs in the page, on a chart in forced colours: every line, dot and bar keeps a stroke that
 * is drawn (not none, not transparent, at least 1 px), everything in the chart is painted in
 * the reader's system colours (the browser does not force SVG fills and strokes: the style
 * sheet must), and the series differ in something other than colour — the dash pattern of
 * lines and outlines, or the fill of bars — as do their keys in the legend.
 */
function forcedColourMarks(chart) {
  const problems = [];
  const transparent = (colour) => colour === 'transparent' || /rgba\(.*,\s*0\)$/.test(colour) || colour === 'none';
  const probe = document.createElement('span');
  chart.append(probe);
  const system = new Set(['CanvasText', 'Canvas', 'GrayText', 'Highlight', 'HighlightText', 'LinkText', 'ButtonText', 'ButtonFace']
    .map((name) => {
      probe.style.color = name;
      return getComputedStyle(probe).color;
    }));
  probe.remove();
  const paint = [...chart.querySelectorAll('.cke-chart__svg *')].filter((el) => !['title', 'desc', 'svg', 'g'].includes(el.tagName));
  for (const el of paint) {
    const style = getComputedStyle(el);
    for (const [property, value] of [['fill', style.fill], ['stroke', style.stroke]]) {
      if (value !== 'none' && !system.has(value)) {
        problems.push(`${el.tagName} ${el.getAttribute('class')} has ${property} ${value}, not a system colour`);
      }
    }
  }
  const marks = [...chart.querySelectorAll('.cke-chart__line, .cke-chart__dot, .cke-chart__bar')];
  if (marks.length === 0) problems.push('no marks drawn');
  const looks = new Map();
  for (const mark of marks) {
    const style = getComputedStyle(mark);
    if (transparent(style.stroke) || (parseFloat(style.strokeWidth) || 0) < 1 || Number(style.strokeOpacity) === 0) {
      problems.push(`${mark.getAttribute('class')} of ${mark.dataset.series} has no visible stroke (${style.stroke} ${style.strokeWidth})`);
    }
    if (mark.hasAttribute('data-derived') || mark.classList.contains('cke-chart__dot')) continue;
    const look = `${mark.tagName}:${style.strokeDasharray}:${mark.classList.contains('cke-chart__line') ? '' : style.fill}`;
    const series = mark.dataset.series;
    looks.set(series, new Set([...(looks.get(series) ?? []), look]));
  }
  const seen = new Map();
  for (const [series, set] of looks) {
    for (const look of set) {
      if (seen.has(look) && seen.get(look) !== series) problems.push(`${series} looks like ${seen.get(look)} (${look})`);
      seen.set(look, series);
    }
  }
  // The legend shows the same distinction: no two keys look alike.
  const keys = [...chart.querySelectorAll('.cke-chart__key .cke-chart__swatch')].map((swatch) => {
    const style = getComputedStyle(swatch);
    return `${style.borderTopStyle}:${style.backgroundImage}:${style.backgroundColor}`;
  });
  if (new Set(keys).size !== keys.length) problems.push(`legend keys look alike: ${keys.join(' | ')}`);
  return [...new Set(problems)];
}

/**
 * Runs in the page: animations and transitions that would still run (every running animation,
 * and every element whose computed animation or transition lasts longer than 0 s), and smooth
 * scrolling.
 */
function motionOnPage() {
  const found = new Set();
  for (const animation of document.getAnimations()) {
    found.add(`running ${animation.animationName ?? animation.constructor.name} on ${animation.effect?.target?.className}`);
  }
  const long = (list) => list.split(',').some((d) => parseFloat(d) > 0);
  for (const el of document.querySelectorAll('*')) {
    const style = getComputedStyle(el);
    if (style.animationName !== 'none' && long(style.animationDuration)) {
      found.add(`animation ${style.animationName} ${style.animationDuration} on ${el.tagName.toLowerCase()}.${el.className}`);
    }
    if (long(style.transitionDuration)) {
      found.add(`transition ${style.transitionProperty} ${style.transitionDuration} on ${el.tagName.toLowerCase()}.${el.className}`);
    }
    if (style.scrollBehavior === 'smooth') found.add(`smooth scrolling on ${el.tagName.toLowerCase()}.${el.className}`);
  }
  return [...found];
}

/**
 * Runs in the page: targets smaller than 24 × 24 CSS px that also fail WCAG 2.5.8's spacing
 * exception (a 24 px circle centred on each undersized target may intersect neither another
 * target nor another undersized target's circle). A control's target includes its label.
 * Links inside running text (in a paragraph or a line of text of a list item) are exempt.
 */
function smallTargets() {
  const selector = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
  const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility === 'visible'
    && !el.closest('.cke-visually-hidden, [aria-hidden="true"]') && el.getBoundingClientRect().width > 0;
  const inRunningText = (el) => {
    if (el.tagName !== 'A' || getComputedStyle(el).display !== 'inline') return false;
    if (el.closest('p')) return true;
    const line = el.closest('li, dd, td');
    if (!line) return false;
    const copy = line.cloneNode(true);
    copy.querySelectorAll('a, .cke-tag, ul, ol').forEach((node) => node.remove());
    return /\p{L}/u.test(copy.textContent);
  };
  const targets = [...document.querySelectorAll(`.cke ${selector.split(', ').join(', .cke ')}`)]
    .filter((el) => shown(el) && !inRunningText(el) && !el.disabled)
    .map((el) => {
      let rect = el.getBoundingClientRect();
      const label = el.labels?.[0];
      if (label && shown(label)) {
        const l = label.getBoundingClientRect();
        rect = new DOMRect(Math.min(rect.left, l.left), Math.min(rect.top, l.top),
          Math.max(rect.right, l.right) - Math.min(rect.left, l.left),
          Math.max(rect.bottom, l.bottom) - Math.min(rect.top, l.top));
      }
      return { el, rect, small: rect.width < 23.5 || rect.height < 23.5 };
    });
  const centre = (r) => [r.left + r.width / 2, r.top + r.height / 2];
  const distanceToRect = ([x, y], r) => Math.hypot(Math.max(r.left - x, 0, x - r.right), Math.max(r.top - y, 0, y - r.bottom));
  const problems = [];
  for (const target of targets.filter((t) => t.small)) {
    const c = centre(target.rect);
    const clash = targets.find((other) => other !== target && !other.el.contains(target.el) && !target.el.contains(other.el)
      && (distanceToRect(c, other.rect) < 12 || (other.small && Math.hypot(c[0] - centre(other.rect)[0], c[1] - centre(other.rect)[1]) < 24)));
    if (clash) {
      const name = (el) => `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ')[0]}` : ''} "${(el.getAttribute('aria-label') || el.textContent).trim().slice(0, 30)}"`;
      problems.push(`${name(target.el)} is ${Math.round(target.rect.width)} × ${Math.round(target.rect.height)} px and too close to ${name(clash.el)}`);
    }
  }
  return [...new Set(problems)];
}
