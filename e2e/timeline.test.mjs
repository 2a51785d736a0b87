// Reader journeys through the timeline (view=timeline) in headless Chromium against the release
// build: the axis, the sector filter, selecting and closing events by mouse and keyboard, deep
// links and the back button, zoom and scrub, the phone layout, reduced motion, axe-core in both
// themes, and 10,000 synthetic events.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { AXE_TAGS, DIST, launchBrowser, openPage, serveDist, waitForApp } from './harness.mjs';
import { syntheticSite } from '../bench/synthetic.mjs';

let server;
let browser;
let texts;
// The number of events and the last one in time, read from the data (which editors extend).
let TOTAL;
let LAST;
before(async () => {
  server = await serveDist();
  browser = await launchBrowser();
  texts = JSON.parse(await readFile(join(DIST, 'data', 'text', 'en.json'), 'utf8')).text;
  const { events } = JSON.parse(await readFile(join(DIST, 'data', 'events.json'), 'utf8'));
  TOTAL = events.length;
  // Chronological by first day, a coarser date before a finer one of the same first day.
  const key = (date) => {
    const [year, month = '01', day = '01'] = date.split('-');
    return `${year}-${month}-${day}:${date.length}`;
  };
  LAST = events.map((event) => [key(event.date), event.id]).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).at(-1)[1];
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const FIRST = '1992-01-diplomatic-ties';
const SECOND = '1992-02-tereshchenko-visit';
const SILK_ROAD = '2013-09-silk-road-economic-belt';
const title = (id) => texts[`event.${id}.title`];

/** Opens the timeline at `query` with motion reduced (so geometry is final at once). */
async function open(query = '', options = {}) {
  const opened = await openPage(browser, { reducedMotion: 'reduce', ...options });
  await opened.page.goto(`${server.origin}/?view=timeline${query}`);
  await waitForApp(opened.page);
  await opened.page.locator('.cke-tl-list').waitFor();
  return opened;
}

const search = (page) => new URL(page.url()).searchParams;

/** How many events the list holds: its items, or, once it is paged, the sum of its pages. */
async function listed(page) {
  const pages = await page.locator('.cke-tl-pages button').allInnerTexts();
  if (pages.length === 0) return page.locator('.cke-tl-item').count();
  return pages.reduce((sum, label) => sum + Number(label.match(/\((\d+)\)$/)[1]), 0);
}
const focusedId = (page) => page.evaluate(() => document.activeElement?.getAttribute('data-id'));
const details = (page) => page.locator('#cke-tl-details');

/** Pairs of boxes (DOMRects as plain objects) that overlap by more than half a pixel. */
function overlaps(boxes) {
  const found = [];
  for (let i = 0; i < boxes.length; i += 1) {
    for (let j = i + 1; j < boxes.length; j += 1) {
      const [a, b] = [boxes[i], boxes[j]];
      const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (x > 0.5 && y > 0.5) found.push([a.id, b.id]);
    }
  }
  return found;
}

async function labelBoxes(page) {
  return page.$$eval('.cke-tl-event', (buttons) =>
    buttons.map((button) => {
      const label = button.querySelector('.cke-tl-label').getBoundingClientRect();
      const box = button.getBoundingClientRect();
      return {
        id: button.dataset.id,
        left: label.left, right: label.right, top: label.top, bottom: label.bottom,
        inside: label.left >= box.left - 0.5 && label.right <= box.right + 0.5,
      };
    }));
}

describe('the timeline', () => {
  test('draws January 1992 to today with eras, a today marker and events by precision, labels apart', async () => {
    const { context, page, consoleErrors } = await open();
    await page.getByRole('heading', { level: 1, name: /Timeline/ }).waitFor();
    const eras = page.getByRole('group', { name: 'Eras of the partnership' }).locator('.cke-tl-era');
    assert.equal(await eras.count(), 6);
    assert.match(await eras.first().innerText(), /Diplomatic ties/);
    assert.match(await eras.last().getAttribute('aria-label'), /Community with a shared future, from .*2022/);
    const labels = await page.locator('.cke-tl-tick__label').allInnerTexts();
    assert.equal(labels[0], '1992');
    const today = page.getByRole('img', { name: /^Today, .*20\d\d$/ });
    const axis = await page.locator('.cke-tl-axis').boundingBox();
    const marker = await today.boundingBox();
    assert.ok(axis.x + axis.width - marker.x < 4, 'today stands at the right end of the whole span');
    for (const precision of ['day', 'month', 'year', 'range']) {
      assert.ok(await page.locator(`.cke-tl-event[data-precision="${precision}"]`).count() > 0, precision);
    }
    const shapes = await page.$$eval('.cke-tl-event .cke-tl-mark', (marks) =>
      [...new Set(marks.map((mark) => `${mark.parentElement.dataset.precision}:${getComputedStyle(mark).borderRadius}:${getComputedStyle(mark).borderStyle}`))]);
    assert.ok(shapes.length >= 4, `each precision looks different: ${shapes}`);
    const boxes = await labelBoxes(page);
    assert.deepEqual(overlaps(boxes), []);
    assert.ok(boxes.every((box) => box.inside));
    // Whatever does not fit is counted in clusters: nothing is lost.
    const drawn = await page.locator('.cke-tl-event').count();
    const clustered = (await page.locator('.cke-tl-cluster').evaluateAll((clusters) => clusters.map((c) => c.dataset.count)))
      .reduce((sum, count) => sum + Number(count), 0);
    assert.equal(drawn + clustered, TOTAL);
    assert.match(await page.locator('.cke-tl-status').innerText(), new RegExp(`Showing ${TOTAL} of ${TOTAL} events, 1992 – 20\\d\\d`));
    assert.deepEqual(consoleErrors, []);
    await context.close();
  });

  test('filters by several sectors, keeps them in the URL, and the back button restores them', async () => {
    const { context, page } = await open();
    await page.getByLabel('Energy', { exact: true }).check();
    await page.waitForURL(/sector=energy/);
    assert.equal(search(page).get('sector'), 'energy');
    const energyOnly = await page.locator('.cke-tl-item').count();
    assert.ok(energyOnly > 0 && energyOnly < TOTAL);
    await page.getByLabel('Tourism', { exact: true }).check();
    await page.waitForURL(/sector=energy,tourism/);
    const both = await page.locator('.cke-tl-item').count();
    assert.ok(both > energyOnly);
    assert.match(await page.locator('.cke-tl-status').innerText(), new RegExp(`of ${both} events`));
    const sectors = await page.$$eval('.cke-tl-event', (buttons) => buttons.map((b) => b.dataset.id));
    assert.ok(sectors.length > 0);
    await page.goBack();
    await page.waitForURL((url) => url.searchParams.get('sector') === 'energy');
    assert.equal(await page.getByLabel('Tourism', { exact: true }).isChecked(), false);
    assert.equal(await page.locator('.cke-tl-item').count(), energyOnly);
    await page.getByRole('button', { name: 'All sectors' }).click();
    await page.waitForURL((url) => !url.searchParams.has('sector'));
    assert.equal(await listed(page), TOTAL);
    await context.close();
  });

  test('selecting an event opens its summary, sources, confidence and figures; Escape closes it', async () => {
    const { context, page } = await open('&year=2023');
    const event = page.locator('.cke-tl-event[data-id="2023-05-tcm-centre-operation"]');
    await event.click();
    await page.waitForURL(/event=2023-05-tcm-centre-operation/);
    const panel = details(page);
    await panel.getByRole('heading', { level: 2, name: title('2023-05-tcm-centre-operation') }).waitFor();
    assert.match(await panel.innerText(), new RegExp(texts['event.2023-05-tcm-centre-operation.summary'].slice(0, 40).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    assert.ok(await panel.locator('.cke-tl-sources > li').count() >= 1);
    assert.match(await panel.innerText(), /Confidence/);
    assert.ok(await panel.locator('.cke-figure').count() >= 1, 'figures of the same year and sector');
    assert.equal(await event.getAttribute('aria-current'), 'true');
    await page.keyboard.press('Escape');
    await page.waitForURL((url) => !url.searchParams.has('event'));
    await panel.waitFor({ state: 'detached' });
    assert.equal(await focusedId(page), '2023-05-tcm-centre-operation');
    // Every event shows its sources, in the list too.
    const withoutSources = await page.$$eval('.cke-tl-item', (items) =>
      items.filter((item) => item.querySelectorAll('.cke-sources li').length === 0).length);
    assert.equal(withoutSources, 0);
    await context.close();
  });

  test('arrows move between events, Home and End go to the ends, Enter opens, Escape closes', async () => {
    const { context, page } = await open();
    await page.locator('.cke-tl-event[tabindex="0"]').focus();
    assert.equal(await focusedId(page), FIRST);
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((id) => document.activeElement?.dataset.id === id, SECOND);
    await page.keyboard.press('End');
    await page.waitForFunction((id) => document.activeElement?.dataset.id === id, LAST);
    await page.keyboard.press('ArrowLeft');
    // Another event of the axis has the focus (not merely "not the last one": the page's body
    // is not it either).
    await page.waitForFunction((id) => document.activeElement?.matches('.cke-tl-event')
      && document.activeElement.dataset.id !== id, LAST);
    await page.keyboard.press('Home');
    await page.waitForFunction((id) => document.activeElement?.dataset.id === id, FIRST);
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((id) => document.activeElement?.dataset.id === id, SECOND);
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`event=${SECOND}`));
    await details(page).getByRole('heading', { level: 2, name: title(SECOND) }).waitFor();
    assert.equal(await focusedId(page), SECOND, 'focus stays on the axis, so arrows keep working');
    await page.keyboard.press('Escape');
    await details(page).waitFor({ state: 'detached' });
    assert.equal(search(page).get('event'), null);
    assert.equal(await focusedId(page), SECOND);
    await context.close();
  });

  test('a deep link restores year, event and filter exactly, and back steps through choices', async () => {
    const { context, page, consoleErrors } = await open(`&sector=trade,diplomacy&year=2013&event=${SILK_ROAD}`);
    assert.equal(await page.locator('#cke-tl-year').inputValue(), '2013');
    assert.equal(await page.getByLabel('Trade', { exact: true }).isChecked(), true);
    assert.equal(await page.getByLabel('Diplomacy and security', { exact: true }).isChecked(), true);
    assert.equal(await page.getByLabel('Energy', { exact: true }).isChecked(), false);
    await details(page).getByRole('heading', { level: 2, name: title(SILK_ROAD) }).waitFor();
    assert.equal(await page.locator(`.cke-tl-event[data-id="${SILK_ROAD}"]`).getAttribute('aria-current'), 'true');
    assert.match(await page.locator('.cke-tl-status').innerText(), /, 2013$/);
    await page.locator('.cke-tl-chosen-year').waitFor();
    assert.match(await page.locator('#cke-tl-list-title').innerText(), /^Events of 2013/);
    assert.ok(await page.locator(`.cke-tl-list [data-index] a:text("${title(SILK_ROAD)}")`).count() === 1);

    await page.locator('#cke-tl-year').selectOption('2015');
    await page.waitForURL(/year=2015/);
    // Written back canonically: the sectors' own order, whatever the link said.
    assert.equal(search(page).get('sector'), 'diplomacy,trade');
    assert.match(await page.locator('#cke-tl-list-title').innerText(), /^Events of 2015/);
    assert.match(await page.locator('.cke-tl-status').innerText(), /, 2015$/);
    await page.goBack();
    await page.waitForURL(/year=2013/);
    assert.match(await page.locator('#cke-tl-list-title').innerText(), /^Events of 2013/);
    assert.match(await page.locator('.cke-tl-status').innerText(), /, 2013$/);
    await page.getByRole('button', { name: 'All years' }).click();
    await page.waitForURL((url) => !url.searchParams.has('year'));
    assert.equal(await page.locator('#cke-tl-year').inputValue(), '');

    // An event the data does not have is said so, calmly.
    await page.goto(`${server.origin}/?view=timeline&event=no-such-event`);
    await waitForApp(page);
    await details(page).getByText('This event is not in the data.').waitFor();
    assert.deepEqual(consoleErrors, []);
    await context.close();
  });

  test('zooms from the whole span to one year, scrubs by buttons, slider and drag, and clusters zoom in', async () => {
    const { context, page } = await open();
    const status = () => page.locator('.cke-tl-status').innerText();
    const years = async () => {
      const [, first, last] = (await status()).match(/, (\d{4})(?: – (\d{4}))?$/);
      return [Number(first), Number(last ?? first)];
    };
    const [first, last] = await years();
    assert.equal(first, 1992);
    await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
    let [a, b] = await years();
    assert.ok(b - a < last - first, 'zooming in narrows the window');
    while (await page.getByRole('button', { name: 'Zoom in', exact: true }).isEnabled()) {
      await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
    }
    [a, b] = await years();
    assert.ok(b - a <= 1, `down to one year: ${a}–${b}`);
    const before = await status();
    await page.getByRole('button', { name: 'Later' }).click();
    assert.notEqual(await status(), before);
    await page.getByRole('button', { name: 'Earlier' }).click();
    assert.equal(await status(), before);
    // Drag the axis to the left: later years come into view.
    const axis = await page.locator('.cke-tl-ticks').boundingBox();
    await page.mouse.move(axis.x + axis.width / 2, axis.y + 10);
    await page.mouse.down();
    await page.mouse.move(axis.x + axis.width / 4, axis.y + 10, { steps: 5 });
    await page.mouse.up();
    const [dragged] = await years();
    assert.ok(dragged >= a, 'dragging left scrubs later');
    assert.notEqual(await status(), before);
    // The scrub slider moves the window.
    const slider = page.getByLabel('Scrub through time');
    await slider.focus();
    await page.keyboard.press('Home');
    assert.equal((await years())[0], 1992);
    await page.getByRole('button', { name: 'Whole span' }).click();
    assert.deepEqual(await years(), [first, last]);
    // A cluster zooms in on its place.
    const cluster = page.locator('.cke-tl-cluster').first();
    if (await cluster.count()) {
      await cluster.click();
      const [c, d] = await years();
      assert.ok(d - c < last - first);
    }
    // An era band shows that era.
    await page.getByRole('button', { name: 'Whole span' }).click();
    await page.locator('.cke-tl-era', { hasText: 'Strategic partnership' }).first().click();
    assert.deepEqual(await years(), [2005, 2011]);
    await context.close();
  });

  test('on a phone the timeline is a vertical list that opens events, without overflow', async () => {
    const { context, page } = await open('', { viewport: { width: 375, height: 740 } });
    assert.equal(await page.locator('.cke-tl-axis').isVisible(), false);
    const items = page.locator('.cke-tl-item');
    assert.equal(await listed(page), TOTAL);
    const [one, two] = [await items.nth(0).boundingBox(), await items.nth(1).boundingBox()];
    assert.equal(one.x, two.x);
    assert.ok(two.y >= one.y + one.height - 1, 'events run downwards');
    const link = items.nth(1).locator('a.cke-tl-item__link');
    await link.click();
    await page.waitForURL(new RegExp(`event=${SECOND}`));
    await page.waitForFunction(() => document.activeElement?.id === 'cke-tl-details-title');
    assert.ok(await details(page).locator('.cke-tl-sources > li').count() >= 1);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `overflows by ${overflow}px`);
    await page.keyboard.press('Escape');
    await details(page).waitFor({ state: 'detached' });
    assert.equal(await link.evaluate((element) => element === document.activeElement), true);
    await context.close();

    const narrow = await open(`&year=2013&event=${SILK_ROAD}`, { viewport: { width: 320, height: 640 } });
    const width = await narrow.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(width <= 0, `overflows by ${width}px at 320 px`);
    await narrow.context.close();
  });

  test('nothing animates under prefers-reduced-motion', async () => {
    const animation = async (reducedMotion) => {
      const { context, page } = await open(`&event=${SILK_ROAD}`, { reducedMotion });
      const name = await details(page).evaluate((element) => getComputedStyle(element).animationName);
      await context.close();
      return name;
    };
    assert.equal(await animation('reduce'), 'none');
    assert.equal(await animation('no-preference'), 'cke-tl-appear');
  });

  test('axe-core finds no violations in the light and dark themes', async () => {
    for (const theme of ['light', 'dark']) {
      for (const query of [`&theme=${theme}`, `&theme=${theme}&year=2013&event=${SILK_ROAD}`]) {
        const { context, page } = await open(query);
        const results = await new AxeBuilder({ page })
          .withTags(AXE_TAGS)
          .analyze();
        const summary = results.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target).join(' | ')}`);
        assert.deepEqual(summary, [], `${query}`);
        await context.close();
      }
    }
  });

  test('with 10,000 events only the visible ones are drawn and interactions stay quick', async () => {
    const site = await syntheticSite(DIST, 10_000);
    const big = await serveDist(site.dir);
    try {
      const { context, page, consoleErrors } = await openPage(browser, { reducedMotion: 'reduce' });
      await page.goto(`${big.origin}/?view=timeline`);
      await waitForApp(page);
      await page.locator('.cke-tl-event').first().waitFor();
      assert.match(await page.locator('.cke-tl-status').innerText(), /Showing 10,000 of 10,000 events/);
      assert.equal(await page.locator('.cke-alert').count(), 0, 'the synthetic data is valid');
      const drawn = () => page.locator('.cke-tl-event, .cke-tl-cluster').count();
      assert.ok((await drawn()) < 150, `only what fits is drawn: ${await drawn()}`);
      assert.ok((await page.locator('.cke-tl-item').count()) <= 150, 'the list is paged');
      assert.deepEqual(overlaps(await labelBoxes(page)), []);
      const elapsed = await page.evaluate(async () => {
        const status = document.querySelector('.cke-tl-status');
        const before = status.textContent;
        const start = performance.now();
        [...document.querySelectorAll('.cke-tl-zoom button')].find((b) => b.textContent === 'Zoom in').click();
        while (status.textContent === before) await new Promise((r) => requestAnimationFrame(r));
        return performance.now() - start;
      });
      assert.ok(elapsed < 2000, `zooming took ${elapsed} ms`);
      assert.ok((await drawn()) < 150);
      await page.locator('.cke-tl-event[tabindex="0"]').focus();
      // The dataset is chronological, so the last event has the highest index.
      await page.keyboard.press('End');
      await page.waitForFunction(() => document.activeElement?.dataset.index === '9999');
      await page.keyboard.press('ArrowLeft');
      await page.waitForFunction(() => document.activeElement?.dataset.index === '9998');
      assert.deepEqual(consoleErrors, []);
      await context.close();
    } finally {
      await big.close();
      await site.cleanup();
    }
  });
});
