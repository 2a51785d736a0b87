// How fresh the data is, as a reader sees it, against the release build and the bundled data:
// the data's as-of date right under every view's heading; the days from it to the reader's today
// drawn on the timeline as a hatched "not yet covered" band with an accessible name; a disputed
// date as one mark with a "Date disputed" line naming who gives which date; and a plan whose date
// has passed shown as "Planned for … · no update since …", not as still upcoming.
//
// The expectations are read from the data in dist/, so the editors' yearly refresh (a new as-of
// date, plans resolved) does not break them.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DIST, STALE_PLAN, launchBrowser, openPage, serveDist, waitForApp, withStalePlan } from './harness.mjs';

let server;
let browser;
let asOf;
let events;
let sources;
before(async () => {
  server = await serveDist();
  browser = await launchBrowser();
  const read = async (name) => JSON.parse(await readFile(join(DIST, 'data', name), 'utf8'));
  asOf = (await read('sectors.json')).as_of;
  events = (await read('events.json')).events;
  sources = new Map((await read('sources.json')).sources.map((source) => [source.id, source]));
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** A data date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) as English `Intl` spells it, like the app. */
function spell(date) {
  const [year, month, day] = date.split('-').map(Number);
  const fields = { year: 'numeric', timeZone: 'UTC' };
  if (month) fields.month = 'long';
  if (day) fields.day = 'numeric';
  return new Intl.DateTimeFormat('en', fields).format(new Date(Date.UTC(year, (month ?? 1) - 1, day ?? 1)));
}

/** The first and the last day a data date can mean, as UTC milliseconds. */
function firstDay(date) {
  const [year, month, day] = date.split('-').map(Number);
  return Date.UTC(year, (month ?? 1) - 1, day ?? 1);
}
function lastDay(date) {
  const [year, month, day] = date.split('-').map(Number);
  if (day) return Date.UTC(year, month - 1, day);
  if (month) return Date.UTC(year, month, 0);
  return Date.UTC(year, 11, 31);
}

/** Planned events whose date (the first, for a range) has wholly passed by the as-of date. */
const stalePlans = () => events.filter((event) => event.status === 'planned' && lastDay(event.date) < firstDay(asOf));
const disputed = () => events.filter((event) => (event.other_dates ?? []).length > 0);

async function open(path, options = {}) {
  const opened = await openPage(browser, { reducedMotion: 'reduce', ...options });
  await opened.page.goto(`${server.origin}${path}`);
  await waitForApp(opened.page);
  return opened;
}

describe('the data as-of date', () => {
  const VIEWS = [
    '/',
    '/?view=sector',
    '/?view=sector&sector=energy',
    '/?view=timeline',
    '/?view=compare',
  ];
  for (const path of VIEWS) {
    test(`${path} says how far the data reaches right under its heading`, async () => {
      const { context, page, consoleErrors } = await open(path);
      const line = page.locator('.cke-main h1 + .cke-as-of');
      await line.waitFor();
      assert.equal(await line.innerText(), `Data as of ${spell(asOf)}`);
      assert.equal(await line.getAttribute('data-as-of'), asOf);
      // Near the top: on the first screen, above everything but the heading.
      const box = await line.boundingBox();
      assert.ok(box && box.y < 400, `the as-of line is at ${box?.y} px`);
      assert.deepEqual(consoleErrors, []);
      await context.close();
    });
  }

  test('no view title claims the data reaches today', async () => {
    const { context, page } = await open('/?view=timeline');
    const title = await page.locator('.cke-main h1').innerText();
    assert.doesNotMatch(title, /today|current|latest/i);
    await page.goto(`${server.origin}/`);
    await waitForApp(page);
    const headings = await page.locator('.cke-main :is(h1, h2)').allInnerTexts();
    for (const heading of headings) assert.doesNotMatch(heading, /\b(today|current|latest)\b/i, heading);
    await context.close();
  });
});

describe('the timeline after the as-of date', () => {
  test('the days from the as-of date to today are a hatched band, named, ending at today', async () => {
    const { context, page, consoleErrors } = await open('/?view=timeline');
    const band = page.locator('.cke-tl-uncovered');
    await band.waitFor();
    assert.equal(await band.getAttribute('role'), 'img');
    const name = await band.getAttribute('aria-label');
    const dayAfter = new Date(lastDay(asOf) + 86_400_000).toISOString().slice(0, 10);
    assert.equal(name.startsWith(`Not yet covered by the data: from ${spell(dayAfter)} to today, `), true, name);
    // Hatched, unlike an empty year inside the data.
    const image = await band.evaluate((element) => getComputedStyle(element).backgroundImage);
    assert.match(image, /repeating-linear-gradient/);
    // It ends where the reader's today stands.
    const today = await page.locator('.cke-tl-today').boundingBox();
    const box = await band.boundingBox();
    assert.ok(Math.abs(box.x + box.width - (today.x + 1)) < 3, `band ends at ${box.x + box.width}, today at ${today.x}`);
    assert.ok(box.width > 4, `the band is ${box.width} px wide`);
    // The legend says what it means and where the data stops.
    const legend = await page.locator('.cke-tl-legend [data-kind="uncovered"]').innerText();
    assert.equal(legend.trim(), `not yet covered: the data stops at its as-of date, ${spell(asOf)}`);
    // Zoomed to the reader's year, its label reads across it.
    const year = new Date().getUTCFullYear();
    await page.goto(`${server.origin}/?view=timeline&year=${year}`);
    await waitForApp(page);
    const label = page.locator('.cke-tl-uncovered__label');
    assert.equal(await label.innerText(), 'Not yet covered');
    assert.equal(await page.locator('.cke-tl-uncovered').getAttribute('data-across'), 'true');
    assert.deepEqual(consoleErrors, []);
    await context.close();
  });
});

describe('a disputed date', () => {
  test('is one mark at its own date, marked ≠, and its details say who gives which date', async () => {
    const list = disputed();
    assert.ok(list.length >= 1, 'the data has a disputed date');
    const { context, page, consoleErrors } = await open('/?view=timeline');
    for (const event of list) {
      const mark = page.locator(`.cke-tl-event[data-id="${event.id}"]`);
      // The axis shows every event of the whole span, or counts it in a cluster; open by link.
      await page.goto(`${server.origin}/?view=timeline&event=${event.id}`);
      await waitForApp(page);
      assert.equal(await mark.getAttribute('data-disputed'), 'true');
      assert.notEqual(await mark.getAttribute('data-precision'), 'range');
      assert.match(await mark.getAttribute('aria-label'), /date disputed/);
      const details = page.locator('#cke-tl-details');
      assert.equal(await details.locator('.cke-tl-details__date time').innerText(), spell(event.date));
      const publishers = (ids) => [...new Set(ids.map((id) => sources.get(id).publisher))].join('; ');
      const expected = [[event.date, event.sources], ...event.other_dates.map((other) => [other.date, other.sources])]
        .map(([date, ids]) => `${spell(date)} (${publishers(ids)})`)
        .join(' · ');
      assert.equal(await details.locator('.cke-disputed').innerText(), `Date disputed: ${expected}`);
      // The sources of every date are listed in full.
      const all = new Set([...event.sources, ...event.other_dates.flatMap((other) => other.sources)]);
      assert.equal(await details.locator('.cke-tl-sources > li').count(), all.size);
      // And in the sector's list of events.
      await page.goto(`${server.origin}/?view=sector&sector=${event.sectors[0]}`);
      await waitForApp(page);
      await showEvent(page, event.id);
      const item = page.locator(`#event-${event.id}`);
      assert.equal(await item.locator('.cke-disputed').innerText(), `Date disputed: ${expected}`);
      assert.equal(await item.locator('time').innerText(), spell(event.date));
    }
    assert.deepEqual(consoleErrors, []);
    await context.close();
  });
});

/** A sector page shows its key events first and the others on demand: opens them if needed. */
async function showEvent(page, id) {
  if (await page.locator(`#event-${id}`).count()) return;
  await page.locator('#cke-more-events > summary').click();
  await page.locator(`#event-${id}`).waitFor();
}

describe('a stale plan', () => {
  test('says when it was planned for and that nothing is known since the as-of date', async () => {
    // The data's own stale plans, or, once editors have resolved them all, the fixture's.
    const own = stalePlans();
    const list = own.length > 0
      ? own
      : [{ ...events.find((event) => event.id === STALE_PLAN.id), ...STALE_PLAN, status: 'planned' }];
    const { context, page, consoleErrors } = await open('/?view=timeline');
    if (own.length === 0) await withStalePlan(context);
    for (const event of list) {
      const when = event.end ? null : spell(event.date);
      const line = (text) => {
        assert.match(text, new RegExp(`^Planned for .+ · no update since ${spell(asOf)}$`));
        if (when) assert.equal(text, `Planned for ${when} · no update since ${spell(asOf)}`);
      };
      await page.goto(`${server.origin}/?view=timeline&event=${event.id}`);
      await waitForApp(page);
      const details = page.locator('#cke-tl-details');
      line(await details.locator('.cke-plan[data-stale="true"]').innerText());
      const mark = page.locator(`.cke-tl-event[data-id="${event.id}"]`);
      assert.equal(await mark.getAttribute('data-stale'), 'true');
      assert.match(await mark.getAttribute('aria-label'), /no update since/);
      line(await page.locator(`.cke-tl-list [data-id="${event.id}"] .cke-plan`).innerText());
      await page.goto(`${server.origin}/?view=sector&sector=${event.sectors[0]}`);
      await waitForApp(page);
      await showEvent(page, event.id);
      line(await page.locator(`#event-${event.id} .cke-plan[data-stale="true"]`).innerText());
    }
    assert.deepEqual(consoleErrors, []);
    await context.close();
  });
});
