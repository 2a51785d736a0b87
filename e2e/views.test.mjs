// Reader journeys through the overview and the sector views, and their accessibility.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, axeInBothThemes, openPage, twoAtATime, useServedApp, waitForApp } from './harness.mjs';

const SECTORS = [
  'diplomacy', 'trade', 'investment', 'energy', 'transport', 'urban', 'agriculture', 'medicine',
  'tourism', 'education', 'subnational',
];
const readData = (file) => JSON.parse(readFileSync(join(DIST, 'data', file), 'utf8'));

const suite = useServedApp();

const search = (page) => new URL(page.url()).search;
const focusedText = (page) => page.evaluate(() => document.activeElement?.textContent);

describe('overview and sector views', () => {
  test('the overview shows attributed headline figures, eleven sectors and the latest milestones', async () => {
    const { context, page, consoleErrors } = await openPage(suite.browser);
    await page.goto(`${suite.server.origin}/`);
    await waitForApp(page);
    const headlines = page.locator('section[aria-labelledby="cke-headlines"] .cke-figure');
    assert.ok((await headlines.count()) >= 3);
    for (const figure of await headlines.all()) {
      assert.match(await figure.locator('summary').innerText(), /^Source: .+/);
    }
    const cards = page.locator('section[aria-labelledby="cke-sectors"] a.cke-card');
    assert.equal(await cards.count(), 11);
    for (const card of await cards.all()) {
      assert.doesNotMatch(await card.innerText(), /No figure in the data/);
    }
    assert.equal(await page.locator('section[aria-labelledby="cke-latest"] li.cke-event').count(), 5);
    assert.deepEqual(consoleErrors, []);
    await context.close();
  });

  test('a sector opens by click, by deep link, and the back button returns', async () => {
    const { context, page } = await openPage(suite.browser);
    await page.goto(`${suite.server.origin}/`);
    await waitForApp(page);
    await page.getByRole('link', { name: /^Energy / }).click();
    await page.getByRole('heading', { level: 1, name: 'Energy' }).waitFor();
    assert.equal(search(page), '?view=sector&sector=energy');
    await page.locator('.cke-tabs').getByRole('link', { name: 'Tourism' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tourism' }).waitFor();
    assert.equal(search(page), '?view=sector&sector=tourism');
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Energy' }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: /since 1992/ }).waitFor();

    await page.goto(`${suite.server.origin}/?view=sector&sector=medicine`);
    await waitForApp(page);
    await page.getByRole('heading', { level: 1, name: 'Medicine' }).waitFor();
    assert.equal(
      await page.locator('.cke-tabs').getByRole('link', { name: 'Medicine' }).getAttribute('aria-current'),
      'page',
    );
    await context.close();
  });

  test('view=sector without a sector lists all eleven', async () => {
    const { context, page } = await openPage(suite.browser);
    await page.goto(`${suite.server.origin}/?view=sector&sector=nowhere`);
    await waitForApp(page);
    await page.getByRole('heading', { level: 1, name: 'Sectors' }).waitFor();
    assert.equal(await page.locator('a.cke-card').count(), 11);
    await context.close();
  });

  test('a switch of sector paints the title and figures first, the charts and events next', async () => {
    const { context, page, consoleErrors } = await openPage(suite.browser);
    await page.goto(`${suite.server.origin}/?view=sector&sector=energy`);
    await waitForApp(page);
    // The first load builds the whole page at once: nothing painted moves afterwards.
    assert.equal(await page.locator('[data-sector="energy"][aria-busy]').count(), 0);
    assert.ok(await page.locator('.cke-chart').count() > 0);
    // A frame callback registered after the click runs after the app's own, in the frame that
    // answers the click: the title and figures are there, the lower part is not yet.
    const frame = await page.evaluate(() => new Promise((resolve) => {
      document.querySelector('.cke-tabs [data-sector="trade"] a').click();
      queueMicrotask(() => requestAnimationFrame(() => resolve({
        title: document.querySelector('h1').textContent,
        figures: document.querySelectorAll('.cke-figures > li').length,
        busy: document.querySelector('div[data-sector="trade"]')?.getAttribute('aria-busy'),
        charts: document.querySelectorAll('.cke-chart').length,
        events: document.querySelectorAll('section[aria-labelledby="cke-events"]').length,
      })));
    }));
    assert.equal(frame.title, 'Trade');
    // The key figures (the rest waits behind "More figures").
    assert.equal(frame.figures, 4, `${frame.figures} figures in the first frame`);
    assert.deepEqual([frame.busy, frame.charts, frame.events], ['true', 0, 0]);
    // Then the main chart and the key events follow, and the page is no longer busy.
    await page.locator('div[data-sector="trade"]:not([aria-busy])').waitFor();
    assert.equal(await page.locator('.cke-chart').count(), 1);
    assert.ok(await page.locator('section[aria-labelledby="cke-events"] li.cke-event').count() > 0);
    assert.deepEqual(consoleErrors, []);
    await context.close();
  });

  test('arrow keys, Home and End switch sectors in place and focus follows', async () => {
    const { context, page } = await openPage(suite.browser);
    await page.goto(`${suite.server.origin}/?view=sector&sector=trade`);
    await waitForApp(page);
    await page.locator('.cke-tabs').getByRole('link', { name: 'Trade' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.getByRole('heading', { level: 1, name: 'Investment' }).waitFor();
    assert.equal(search(page), '?view=sector&sector=investment');
    assert.equal(await focusedText(page), 'Investment');
    await page.keyboard.press('End');
    await page.getByRole('heading', { level: 1, name: 'Regions and cities' }).waitFor();
    assert.equal(await focusedText(page), 'Regions and cities');
    await page.keyboard.press('ArrowRight');
    await page.getByRole('heading', { level: 1, name: 'Diplomacy and security' }).waitFor();
    await page.keyboard.press('ArrowLeft');
    await page.getByRole('heading', { level: 1, name: 'Regions and cities' }).waitFor();
    await page.keyboard.press('Home');
    await page.getByRole('heading', { level: 1, name: 'Diplomacy and security' }).waitFor();
    assert.equal(search(page), '?view=sector&sector=diplomacy');
    await context.close();
  });

  test('opening a figure by keyboard shows its full source and the competing figures', async () => {
    const { context, page } = await openPage(suite.browser);
    await page.goto(`${suite.server.origin}/?view=sector&sector=trade`);
    await waitForApp(page);
    // The advertorial's figure is among the sector's other figures, shown on demand.
    await page.locator('#cke-more-figures > summary').click();
    const figure = page.locator('#figure-cda-trade-2024');
    assert.equal(await figure.locator('.cke-figure__value').innerText(), 'over US$44 bn');
    assert.match(await figure.locator('summary').innerText(), /China Daily.*Advertorial/s);
    await figure.locator('summary').focus();
    await page.keyboard.press('Enter');
    const panel = figure.locator('.cke-figure__panel');
    await panel.waitFor();
    const details = await panel.innerText();
    assert.match(details, /Publisher\s+China Daily/);
    assert.match(details, /Type\s+Advertorial/);
    assert.match(details, /Confidence\s+\w+/);
    assert.match(details, /Other figures for the same thing/);
    assert.match(details, /US\$43\.82 bn/);

    // A source with an address links to it.
    const customs = page.locator('#figure-trade-2024-cn-customs');
    await customs.locator('summary').click();
    const href = await customs.locator('.cke-source-details a').getAttribute('href');
    assert.match(href, /^https?:\/\//);
    await context.close();
  });

  test('every figure of the China Daily advertorial is on a sector page, attributed to it', async () => {
    const advertorial = readData('figures.json').figures.filter((figure) => figure.advertorial_items?.length);
    const checklist = new Set(advertorial.flatMap((figure) => figure.advertorial_items));
    for (let item = 1; item <= 41; item += 1) assert.ok(checklist.has(item), `checklist item ${item} is not in the data`);

    const { context, page } = await openPage(suite.browser);
    const found = new Set();
    for (const sector of SECTORS) {
      await page.goto(`${suite.server.origin}/?view=sector&sector=${sector}`);
      await waitForApp(page);
      // A sector's figures beyond its key ones are one click away.
      if (await page.locator('#cke-more-figures').count()) {
        await page.locator('#cke-more-figures > summary').click();
        await page.locator('#cke-more-figures .cke-figure').first().waitFor();
      }
      for (const figure of advertorial) {
        const card = page.locator(`#figure-${figure.id}`);
        if ((await card.count()) === 0) continue;
        found.add(figure.id);
        if (figure.source === 'chinadaily-2025-advertorial') {
          assert.match(await card.locator('summary').innerText(), /China Daily.*Advertorial/s, figure.id);
        }
      }
    }
    const missing = advertorial.map((figure) => figure.id).filter((id) => !found.has(id));
    assert.deepEqual(missing, []);
    await context.close();
  });

  test("links keep the reader's theme after it was changed", async () => {
    const { context, page } = await openPage(suite.browser);
    await page.goto(`${suite.server.origin}/?theme=dark`);
    await waitForApp(page);
    await page.locator('#cke-theme').selectOption('light');
    await page.getByRole('link', { name: /^Trade / }).click();
    await page.getByRole('heading', { level: 1, name: 'Trade' }).waitFor();
    assert.equal(search(page), '?view=sector&sector=trade&theme=light');
    await context.close();
  });

  test('axe-core finds no violations on the overview and every sector, in both themes', async () => {
    const violations = [];
    await twoAtATime(['', ...SECTORS.map((sector) => `view=sector&sector=${sector}&`)], async (query) => {
      const { context, page } = await openPage(suite.browser);
      await page.goto(`${suite.server.origin}/?${query}theme=light`);
      await waitForApp(page);
      for (const line of await axeInBothThemes(page)) violations.push(`${query || 'overview'} ${line}`);
      await context.close();
    });
    assert.deepEqual(violations.sort(), []);
  });
});
