// For readers (issue 20): a phone's first screen shows each view's heading and the start of its
// content; the settings menu works by keyboard; a sector page opens with its story and keeps the
// rest on demand, with counts, within about four screens at 1280 px; a deep link into the rest
// still opens the figure; the print stylesheet prints the view without its chrome; axe finds
// nothing in the new parts, in both themes. No retries, no timed assertions.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, axeInBothThemes, openPage, twoAtATime, useServedApp, waitForApp } from './harness.mjs';

const SECTORS = [
  'diplomacy', 'trade', 'investment', 'energy', 'transport', 'urban', 'agriculture', 'medicine',
  'tourism', 'education', 'subnational',
];
const PHONE = { width: 375, height: 667 };
const readData = (file) => JSON.parse(readFileSync(join(DIST, 'data', file), 'utf8'));

const suite = useServedApp();

/** Opens `query` in a fresh context (`options` for its viewport etc.) and waits for the app. */
const { open } = suite;

/** Where the main heading is and where the content after it starts, in the viewport. */
const firstScreen = (page) => page.evaluate(() => {
  const main = document.querySelector('.cke:not([data-cke-pending]) .cke-main');
  const heading = main.querySelector('h1');
  const top = heading.getBoundingClientRect().top;
  // The heading's first following element with a box: the start of the view's content.
  let next = heading.nextElementSibling;
  while (next && next.getBoundingClientRect().height === 0) next = next.nextElementSibling;
  return {
    headingTop: top,
    headingBottom: heading.getBoundingClientRect().bottom,
    contentTop: next ? next.getBoundingClientRect().top : Infinity,
    scrolled: window.scrollY,
  };
});

describe('for readers: the phone-first frame', () => {
  for (const lang of ['en', 'ru']) {
    test(`at 375 × 667 every view's heading and the start of its content are on the first screen (${lang})`, async () => {
      const { context, page, consoleErrors } = await openPage(suite.browser, { viewport: PHONE });
      const queries = ['', 'view=sector&', ...SECTORS.map((s) => `view=sector&sector=${s}&`), 'view=timeline&', 'view=compare&'];
      const problems = [];
      for (const query of queries) {
        await page.goto(`${suite.server.origin}/?${query}lang=${lang}`);
        await waitForApp(page);
        const screen = await firstScreen(page);
        assert.equal(screen.scrolled, 0);
        // Everything above the heading is chrome: header, settings, views, sector picker.
        if (screen.headingTop > PHONE.height / 3) problems.push(`${query}: chrome ${screen.headingTop} px`);
        if (screen.headingBottom > PHONE.height) problems.push(`${query}: heading ends at ${screen.headingBottom} px`);
        if (screen.contentTop > PHONE.height - 24) problems.push(`${query}: content starts at ${screen.contentTop} px`);
      }
      assert.deepEqual(problems, []);
      assert.deepEqual(consoleErrors, []);
      await context.close();
    });
  }

  test('at 375 px the sector picker is one row that scrolls, with the current sector in it', async () => {
    const { context, page } = await open('?view=sector&sector=subnational', { viewport: PHONE });
    const row = page.locator('.cke-tabs ul');
    const box = await row.boundingBox();
    assert.ok(box.height < 60, `the sector picker is ${box.height} px tall`);
    assert.ok(await row.evaluate((ul) => ul.scrollWidth > ul.clientWidth), 'it scrolls sideways');
    // The current sector, the last, is scrolled into the row (the app does it on the next frame).
    await page.waitForFunction(() => {
      const ul = document.querySelector('.cke:not([data-cke-pending]) .cke-tabs ul');
      const current = ul.querySelector('a[aria-current="page"]').getBoundingClientRect();
      const shown = ul.getBoundingClientRect();
      return current.left >= shown.left && current.right <= shown.right;
    });
    // Every link is a target of at least 24 px.
    for (const link of await page.locator('.cke-tabs a, .cke-nav a, .cke-menu__button').all()) {
      const target = await link.boundingBox();
      assert.ok(target.height >= 24 && target.width >= 24, `${await link.innerText()}: ${target.width} × ${target.height}`);
    }
    await context.close();
  });

  test('at 375 px language and theme are in a menu: opened by keyboard, Escape closes it and focus returns', async () => {
    const { context, page } = await open('?lang=en', { viewport: PHONE });
    const button = page.locator('.cke-menu__button');
    assert.equal(await page.locator('#cke-lang').isVisible(), false, 'the language switch is tucked away');
    assert.equal(await button.getAttribute('aria-expanded'), 'false');
    // Tab order: skip link, title, the menu's button, then the views.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    assert.ok(await button.evaluate((el) => el === document.activeElement), 'the third Tab stop is the menu button');
    await page.keyboard.press('Enter');
    assert.equal(await button.getAttribute('aria-expanded'), 'true');
    assert.ok(await page.locator('#cke-lang').isVisible());
    await page.keyboard.press('Tab');
    assert.ok(await page.locator('#cke-lang').evaluate((el) => el === document.activeElement), 'the next Tab stop is the language');
    await page.keyboard.press('Tab');
    assert.ok(await page.locator('#cke-theme').evaluate((el) => el === document.activeElement), 'then the theme');
    await page.keyboard.press('Escape');
    assert.equal(await button.getAttribute('aria-expanded'), 'false');
    assert.equal(await page.locator('#cke-theme').isVisible(), false);
    assert.ok(await button.evaluate((el) => el === document.activeElement), 'focus returns to the button');
    // The menu's choice works like the switch always did.
    await page.keyboard.press('Space');
    await page.locator('#cke-theme').selectOption('dark');
    await page.locator('.cke[data-theme="dark"]').waitFor();
    assert.equal(new URL(page.url()).searchParams.get('theme'), 'dark');
    // Next views: the links after the menu.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Overview');
    await context.close();
  });

  test('at 1280 px the settings stay in the header row, without a menu button', async () => {
    const { context, page } = await open('?lang=en');
    assert.equal(await page.locator('.cke-menu__button').isVisible(), false);
    assert.ok(await page.locator('#cke-lang').isVisible());
    assert.ok(await page.locator('#cke-theme').isVisible());
    await context.close();
  });

  test('embedded at 375 px, only the views, a link out and the language menu remain above the view', async () => {
    const { context, page } = await open('?view=sector&sector=energy&embed=1', { viewport: PHONE });
    assert.equal(await page.locator('#cke-theme').count(), 0);
    assert.equal(await page.locator('.cke-header small').count(), 0, 'no subtitle');
    const screen = await firstScreen(page);
    assert.ok(screen.headingTop <= PHONE.height / 3, `chrome ${screen.headingTop} px`);
    await context.close();
  });
});

describe('for readers: sector pages with a hierarchy', () => {
  test('every sector opens with its story within about four screens at 1280 px, the rest on demand with counts', async () => {
    const figures = readData('figures.json').figures;
    const events = readData('events.json').events;
    const { context, page, consoleErrors } = await openPage(suite.browser);
    const heights = [];
    for (const sector of SECTORS) {
      await page.goto(`${suite.server.origin}/?view=sector&sector=${sector}`);
      await waitForApp(page);
      // The page's height down to its parts on demand (or to its end, when it has none).
      const height = await page.evaluate(() => {
        const more = document.querySelector('.cke:not([data-cke-pending]) .cke-more-parts');
        return more ? more.getBoundingClientRect().top + window.scrollY : document.documentElement.scrollHeight;
      });
      heights.push(`${sector} ${height}`);
      assert.ok(height <= 4 * 800, `${sector}: ${height} px before "more"`);
      const key = await page.locator('section[aria-labelledby="cke-figures"] .cke-figure').count();
      assert.ok(key >= 1 && key <= 4, `${sector}: ${key} key figures`);
      assert.ok(await page.locator('section[aria-labelledby="cke-events"] li.cke-event').count() <= 4);
      // The rest, with its count, built only when asked for.
      const inSector = figures.filter((figure) => figure.sectors.includes(sector)).length;
      const more = page.locator('#cke-more-figures');
      if (inSector > key) {
        assert.equal(await more.locator('summary').innerText(), `More figures (${inSector - key})`);
        assert.equal(await more.locator('.cke-figure').count(), 0, 'not built while closed');
        await more.locator('summary').click();
        await more.locator('.cke-figure').first().waitFor();
        assert.equal(await more.locator('.cke-figure').count(), inSector - key);
      }
      const eventsIn = events.filter((event) => event.sectors.includes(sector)).length;
      const shown = await page.locator('section[aria-labelledby="cke-events"] li.cke-event').count();
      if (eventsIn > shown) {
        const rest = page.locator('#cke-more-events');
        assert.equal(await rest.locator('summary').innerText(), `More events (${eventsIn - shown})`);
        await rest.locator('summary').click();
        await rest.locator('li.cke-event').first().waitFor();
        assert.equal(await rest.locator('li.cke-event').count(), eventsIn - shown);
      }
    }
    assert.deepEqual(consoleErrors, []);
    await context.close();
  });

  test('a deep link to a figure among the others opens them and the figure, in view', async () => {
    const { context, page } = await open('?view=sector&sector=trade#figure-cda-trade-2024');
    const figure = page.locator('#figure-cda-trade-2024');
    await figure.locator('details[open] .cke-figure__panel').waitFor();
    assert.equal(await page.locator('#cke-more-figures').evaluate((d) => d.open), true);
    assert.match(await figure.locator('.cke-figure__panel').innerText(), /Publisher\s+China Daily/);
    await page.waitForFunction(() => {
      const box = document.getElementById('figure-cda-trade-2024').getBoundingClientRect();
      return box.top < innerHeight && box.bottom > 0;
    });
    // A link to a key figure opens that figure's source too, and leaves the others closed.
    await context.close();
    const key = await open('?view=sector&sector=trade#figure-trade-2024-cn-customs');
    await key.page.locator('#figure-trade-2024-cn-customs details[open] .cke-figure__panel').waitFor();
    assert.equal(await key.page.locator('#cke-more-figures').evaluate((d) => d.open), false);
    await key.context.close();
  });

  test('following a link to a figure on the same page opens it', async () => {
    const { context, page } = await open('?view=sector&sector=energy');
    const target = readData('figures.json').figures.filter((f) => f.sectors.includes('energy'))
      .map((f) => f.id).find((id) => !readData('sectors.json').sectors.find((s) => s.id === 'energy').key_figures.slice(0, 4).includes(id));
    await page.evaluate((id) => { window.location.hash = `figure-${id}`; }, target);
    await page.locator(`#figure-${target} details[open] .cke-figure__panel`).waitFor();
    await context.close();
  });

  test('axe-core finds nothing on a sector page with every part opened, at 375 and 1280 px, in both themes', async () => {
    const violations = [];
    const pages = [PHONE, { width: 1280, height: 800 }]
      .flatMap((viewport) => ['en', 'zh', 'ru', 'kk'].map((lang) => ({ viewport, lang })));
    await twoAtATime(pages, async ({ viewport, lang }) => {
      const { context, page } = await open(`?view=sector&sector=energy&lang=${lang}&theme=light`, { viewport });
      if (viewport === PHONE) await page.locator('.cke-menu__button').click();
      for (const line of await axeInBothThemes(page)) violations.push(`${viewport.width} ${lang} ${line}`);
      await context.close();
    });
    assert.deepEqual(violations.sort(), []);
  });
});

describe('for readers: print', () => {
  test('a printed view has no chrome and shows where its links go', async () => {
    const { context, page } = await open('?view=sector&sector=trade');
    await page.emulateMedia({ media: 'print' });
    for (const chrome of ['.cke-header', '.cke-nav', '.cke-tabs', '.cke-more-parts', '.cke-skip']) {
      assert.equal(await page.locator(chrome).first().evaluate((el) => getComputedStyle(el).display), 'none', chrome);
    }
    assert.ok(await page.locator('h1').isVisible());
    const after = await page.locator('.cke-main a[href^="http"]').first()
      .evaluate((a) => getComputedStyle(a, '::after').content);
    assert.match(after, /http/);
    await context.close();
  });
});
