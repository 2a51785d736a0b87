// The map (view=map&place=<id>) in headless Chromium against the release build: the region with
// every place of the data, each sourced; a keyboard and screen-reader journey from a mark to its
// card and back; a deep link to a place in embed mode; axe in four languages; and the map's
// outlines fetched only when a map is shown. No retries, no timed assertions.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { APP, AXE_TAGS, openPage, useServedApp } from './harness.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const DATA = join(ROOT, 'public', 'data');
const PLACES = JSON.parse(readFileSync(join(DATA, 'places.json'), 'utf8')).places;
const SOURCES = new Set(JSON.parse(readFileSync(join(DATA, 'sources.json'), 'utf8')).sources.map((source) => source.id));
const text = (lang) => JSON.parse(readFileSync(join(DATA, 'text', `${lang}.json`), 'utf8')).text;
const EN = text('en');
const SHOTS = join(ROOT, 'e2e', 'artifacts', 'map');
const MARKS = `${APP} .cke-map-marks`;

const suite = useServedApp();

const { open } = suite;

describe('the map', () => {
  test('the data has the four crossings, the oil and gas pipelines, rail lines and at least ten project sites, each sourced', () => {
    const count = (kinds) => PLACES.filter((place) => kinds.includes(place.kind)).length;
    const line = (id) => PLACES.find((place) => place.id === id && place.points.length > 1);
    assert.ok(count(['crossing']) >= 4, 'four border crossings');
    assert.ok(line('kazakhstan-china-oil-pipeline')?.kind === 'pipeline', 'the oil pipeline drawn as a line');
    assert.ok(line('central-asia-china-gas-pipeline')?.kind === 'pipeline', 'the gas pipeline drawn as a line');
    assert.ok(count(['rail']) >= 3, 'rail corridors drawn as lines');
    assert.ok(line('dostyk-moiynty-railway')?.kind === 'rail', 'the railway from the Dostyk crossing inland');
    assert.ok(count(['site']) >= 10, 'ten project sites');
    assert.ok(count(['port', 'dry-port']) >= 3, 'ports and dry ports');
    for (const place of PLACES) {
      assert.ok(SOURCES.has(place.coordinates_source), `${place.id}: its coordinates have a source`);
      for (const point of place.points) {
        assert.ok(!point.source || SOURCES.has(point.source), `${place.id}: a point's own source is known`);
      }
      assert.ok(EN[`place.${place.id}.name`] && EN[`place.${place.id}.summary`], `${place.id}: texts`);
    }
  });

  test('view=map draws the region, a mark for every place, the summary and the credit', async () => {
    const { context, page, consoleErrors, requests } = await open('?view=map');
    await page.locator(`${APP} .cke-map-land-focus`).first().waitFor();
    assert.ok(await page.locator(`${APP} .cke-map-land`).count() > 10, 'the neighbours are drawn too');
    assert.equal(await page.locator(`${MARKS} > li`).count(), PLACES.length);
    for (const kind of ['crossing', 'pipeline', 'rail', 'site', 'port', 'dry-port']) {
      const expected = PLACES.filter((place) => place.kind === kind).length;
      assert.equal(await page.locator(`${MARKS} > li[data-kind="${kind}"]`).count(), expected, kind);
    }
    assert.equal(await page.locator(`${APP} path.cke-map-line`).count(), PLACES.filter((p) => p.points.length > 1).length);
    assert.match(await page.locator(`${APP} .cke-map-summary`).innerText(), new RegExp(`^Places shown: ${PLACES.length}\\.`));
    assert.match(await page.locator(`${APP} .cke-map-credit`).innerText(), /Natural Earth/);
    assert.equal(await page.locator(`${APP} .cke-map-list li`).count(), PLACES.length, 'the list has every place');
    assert.ok(requests.some((url) => url.endsWith('/data/geo/region.json')), 'the outlines were fetched');
    assert.ok(requests.every((url) => url.startsWith(suite.server.origin)), 'no third-party request');
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'map-1280.png'), fullPage: true });
    assert.deepEqual(consoleErrors, []);
    await context.close();
  });

  test('the outlines are fetched only when a map is shown', async () => {
    const { context, page, requests } = await open('');
    await page.waitForLoadState('networkidle');
    assert.ok(!requests.some((url) => url.includes('/data/geo/')), 'the overview fetches no outlines');
    await page.getByRole('link', { name: 'Map', exact: true }).click();
    await page.locator(`${APP} .cke-map-land-focus`).first().waitFor();
    assert.ok(requests.some((url) => url.endsWith('/data/geo/region.json')));
    await context.close();
  });

  test('by keyboard: Tab to a mark, Enter opens its card, its name is announced, Close returns', async () => {
    const { context, page, consoleErrors } = await open('?view=map');
    const first = PLACES[0];
    const name = EN[`place.${first.id}.name`];
    // Tab until the focus is on the first mark.
    for (let presses = 0; presses < 60; presses += 1) {
      await page.keyboard.press('Tab');
      const onMark = await page.evaluate((selector) => !!document.activeElement?.closest(selector), MARKS);
      if (onMark) break;
    }
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
    assert.equal(focused, name, 'the first mark is focused and named by its place');
    // The mark's name shows beside it when focused.
    assert.ok(await page.locator(`${MARKS} a:focus-visible .cke-map-name`).isVisible());
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`\\?view=map&place=${first.id}$`));
    const card = page.locator(`${APP} .cke-map-card`);
    await card.getByRole('heading', { level: 2, name }).waitFor();
    // What a screen reader gets: the card is a region named by its heading, the mark is current.
    const tree = await page.locator(`${APP} .cke-map-layout`).ariaSnapshot();
    assert.match(tree, new RegExp(`region "${name}"`));
    assert.equal(await page.locator(`${MARKS} a[aria-current="page"]`).count(), 1);
    assert.ok(await card.locator('.cke-map-coords a').count() === 1, 'the coordinates name their source');
    await card.getByRole('link', { name: 'Close' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\?view=map$/);
    assert.equal(await page.locator(`${APP} .cke-map-card`).count(), 0);
    assert.deepEqual(consoleErrors, []);
    await context.close();
  });

  test('a sector filter and a year hide what does not match', async () => {
    const { context, page } = await open('?view=map&sector=energy');
    const energy = PLACES.filter((place) => place.sectors.includes('energy'));
    await page.locator(`${APP} .cke-map-land-focus`).first().waitFor();
    assert.equal(await page.locator(`${MARKS} > li`).count(), energy.length);
    await context.close();
    // In 2013 the Zhanatas wind farm (in full operation from 2021) is not there yet.
    const early = await open('?view=map&year=2013');
    const exactly = (name) => new RegExp(`^${name}$`);
    assert.equal(await early.page.locator(`${MARKS} a`, { hasText: exactly(EN['place.zhanatas-wind.name']) }).count(), 0);
    assert.equal(await early.page.locator(`${MARKS} a`, { hasText: exactly(EN['place.khorgos.name']) }).count(), 1, 'opening year unknown: shown');
    assert.equal(await early.page.locator(`${MARKS} a`, { hasText: exactly(EN['place.khorgos-eastern-gate.name']) }).count(), 0, 'opened in 2015: hidden');
    await early.context.close();
  });

  test('a deep link to a place works in embed mode, inside an iframe, without touching the host', async () => {
    const { context, page, consoleErrors } = await openPage(suite.browser);
    const place = PLACES.find((p) => p.id === 'aktau-port');
    const host = `${suite.server.origin}/host-page.html`;
    await page.route(host, (route) => route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><title>Host</title><link rel="icon" href="data:,"></head><body><iframe title="map" style="width:800px;height:900px" src="${suite.server.origin}/?view=map&place=${place.id}&embed=1"></iframe></body></html>`,
    }));
    await page.goto(host);
    const frame = page.frameLocator('iframe');
    await frame.locator(`${APP} .cke-map-card`).getByRole('heading', { level: 2, name: EN['place.aktau-port.name'] }).waitFor();
    assert.equal(await frame.locator(`${APP} header nav`).count(), 0, 'no site navigation in embed mode');
    const before = page.url();
    await frame.locator(`${MARKS} a`, { hasText: EN['place.zhanatas-wind.name'] }).click();
    await frame.locator(`${APP} .cke-map-card`).getByRole('heading', { level: 2, name: EN['place.zhanatas-wind.name'] }).waitFor();
    assert.equal(page.url(), before, 'the host page URL is untouched');
    assert.deepEqual(consoleErrors, []);
    await context.close();
  });

  test('on a phone the map pans sideways, its marks keep their 24 px targets apart, and a focused mark is in view', async () => {
    const { context, page, consoleErrors } = await open('?view=map', { viewport: { width: 375, height: 740 } });
    await page.locator(`${APP} .cke-map-land-focus`).first().waitFor();
    const pan = page.locator(`${APP} .cke-map-pan`);
    const [scrollWidth, clientWidth] = await pan.evaluate((element) => [element.scrollWidth, element.clientWidth]);
    assert.ok(scrollWidth > clientWidth, `the map is wider than the screen (${scrollWidth} > ${clientWidth}) and pans`);
    const centres = await page.locator(`${MARKS} a`).evaluateAll((links) => links.map((link) => {
      const box = link.getBoundingClientRect();
      return [box.x + box.width / 2, box.y + box.height / 2, box.width, box.height];
    }));
    for (const [, , width, height] of centres) assert.ok(width >= 24 && height >= 24, 'a target of 24 × 24 px');
    const close = [];
    centres.forEach((a, i) => centres.slice(i + 1).forEach((b) => {
      const apart = Math.hypot(a[0] - b[0], a[1] - b[1]);
      if (apart < 23.5) close.push(apart.toFixed(1));
    }));
    assert.deepEqual(close, [], 'no two marks closer than a target');
    // It opens on the border, where most places are: Khorgos is on the screen without panning.
    const khorgos = await page.locator(`${MARKS} a`, { hasText: new RegExp(`^${EN['place.khorgos.name']}$`) }).boundingBox();
    assert.ok(khorgos.x >= 0 && khorgos.x + khorgos.width <= 375, `Khorgos is on the screen (x = ${khorgos.x})`);
    // The easternmost place (Lianyungang) starts off the screen; focusing it brings it in.
    const east = page.locator(`${MARKS} a`, { hasText: new RegExp(`^${EN['place.lianyungang-terminal.name']}$`) });
    await east.focus();
    const box = await east.boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 375, `the focused mark is on the screen (x = ${box.x})`);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'map-375.png'), fullPage: true });
    assert.deepEqual(consoleErrors, []);
    await context.close();
  });

  test('an event opened on the timeline links to its place on the map', async () => {
    const { context, page, consoleErrors } = await open('?view=timeline&event=2012-12-khorgos-railway');
    const details = page.locator(`${APP} #cke-tl-details`);
    const link = details.locator('.cke-event-places').getByRole('link', { name: EN['place.zhetygen-khorgos-railway.name'] });
    await link.click();
    await page.waitForURL(/view=map&place=zhetygen-khorgos-railway/);
    await page.locator(`${APP} .cke-map-card`).getByRole('heading', { level: 2, name: EN['place.zhetygen-khorgos-railway.name'] }).waitFor();
    // A line drawn through towns names the source of each town's coordinates.
    assert.equal(await page.locator(`${APP} .cke-map-card .cke-map-coords a`).count(), 2);
    assert.deepEqual(consoleErrors, []);
    await context.close();
  });

  test('a story step with a place shows it on a small map whose mark opens its card', async () => {
    const steps = JSON.parse(readFileSync(join(DATA, 'story.json'), 'utf8')).steps;
    const number = steps.findIndex((step) => step.place === 'zhanatas-wind') + 1;
    assert.ok(number > 0, 'a step is at the Zhanatas wind farm');
    const { context, page, consoleErrors } = await open(`?view=story&step=${number}`);
    const where = page.locator(`${APP} .cke-story__where`);
    await where.locator('.cke-map-land-focus').first().waitFor();
    assert.equal(await where.locator('.cke-map-marks a').count(), 1, 'the step\'s one place');
    const axe = await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).withTags(AXE_TAGS).analyze();
    assert.deepEqual(axe.violations.map((violation) => violation.id), []);
    await where.locator('.cke-map-marks a').click();
    await page.waitForURL(/view=map&place=zhanatas-wind/);
    await page.locator(`${APP} .cke-map-card`).getByRole('heading', { level: 2, name: EN['place.zhanatas-wind.name'] }).waitFor();
    // The first step has no place: no map, so its prerendered view needs no outlines.
    const first = await open('?view=story');
    assert.equal(await first.page.locator(`${APP} .cke-story__where`).count(), 0);
    await first.context.close();
    assert.deepEqual(consoleErrors, []);
    await context.close();
  });

  test("a sector page lists its places and shows them on a map when asked, both opening a place's card", async () => {
    const inSector = PLACES.filter((place) => place.sectors.includes('energy')).map((place) => place.id).sort();
    assert.ok(inSector.length >= 3, 'energy has places');
    const { context, page, requests, consoleErrors } = await open('?view=sector&sector=energy');
    const section = page.locator(`${APP} .cke-sector-places`);
    // The map is built, and its outlines fetched, only when the reader opens it.
    assert.equal(await section.locator('.cke-map').count(), 0, 'no map before it is asked for');
    assert.ok(!requests.some((url) => url.includes('/data/geo/')), 'no outlines fetched');
    await section.getByText('Show them on a map').click();
    await section.locator('.cke-map-land').first().waitFor();
    const placesOf = (links) => links.evaluateAll((all) => all.map((a) => new URL(a.href).searchParams.get('place')).sort());
    assert.deepEqual(await placesOf(section.locator('.cke-map-marks a')), inSector, 'a mark for every place');
    assert.deepEqual(await placesOf(section.locator('ul.cke-list a')), inSector, 'and the list');
    const axe = await new AxeBuilder({ page }).include('.cke-sector-places').options({ resultTypes: ['violations'] }).withTags(AXE_TAGS).analyze();
    assert.deepEqual(axe.violations.map((violation) => violation.id), []);
    await section.locator('.cke-map-marks a[href*="place=shymkent-refinery"]').click();
    await page.waitForURL(/view=map&sector=energy&place=shymkent-refinery/);
    await page.locator(`${APP} .cke-map-card`).getByRole('heading', { level: 2, name: EN['place.shymkent-refinery.name'] }).waitFor();
    assert.deepEqual(consoleErrors, []);
    await context.close();
  });

  test('a place id that is not in the data shows every place and says so', async () => {
    const { context, page } = await open('?view=map&place=atlantis');
    await page.locator(`${APP} .cke-notice`).waitFor();
    assert.equal(await page.locator(`${APP} .cke-map-card`).count(), 0);
    assert.equal(await page.locator(`${MARKS} > li`).count(), PLACES.length);
    await context.close();
  });

  test('axe finds nothing on the map with a card open, in four languages and both themes', async () => {
    const problems = [];
    for (const lang of ['en', 'zh', 'ru', 'kk']) {
      for (const theme of ['light', 'dark']) {
        const { context, page } = await open(`?view=map&place=zhanatas-wind&lang=${lang}&theme=${theme}`);
        await page.locator(`${APP} .cke-map-land-focus`).first().waitFor();
        const axe = new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).withTags(AXE_TAGS);
        const result = await axe.analyze();
        for (const violation of result.violations) {
          problems.push(`${lang}/${theme}: ${violation.id} ${violation.help}: ${violation.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
        }
        if (lang === 'en' && theme === 'light') {
          mkdirSync(SHOTS, { recursive: true });
          await page.setViewportSize({ width: 375, height: 800 });
          await page.screenshot({ path: join(SHOTS, 'map-375.png'), fullPage: true });
        }
        await context.close();
      }
    }
    assert.deepEqual(problems, []);
  });
});
