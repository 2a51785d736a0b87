// Reader journeys through the comparative charts (`view=compare`), in headless Chromium against
// the release build: every chart by mouse and keyboard, its summary and sources, the data table
// against the downloaded CSV, the SVG and PNG downloads, and axe-core in both themes.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { AXE_TAGS, openPage, useServedApp, waitForApp } from './harness.mjs';

const suite = useServedApp();

const chart = (page) => page.locator('.cke-chart');

/** Opens `query` and waits for the chart. */
async function open(page, query) {
  await page.goto(`${suite.server.origin}/${query}`);
  await waitForApp(page);
  await chart(page).locator('svg.cke-chart__svg').waitFor();
}

/** Parses CSV text (RFC 4180 quoting) into rows of cells. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

/** The values of the open data table: `period|series|value` per filled cell. */
async function tableCells(page) {
  return chart(page)
    .locator('.cke-chart__table td[data-value]')
    .evaluateAll((cells) =>
      cells.map((td) => `${td.dataset.period}|${td.dataset.series}|${td.dataset.value}`),
    );
}

async function openTable(page) {
  const details = chart(page).locator('details.cke-chart__table');
  if (!(await details.evaluate((d) => d.open))) await details.locator('summary').click();
  await details.locator('table').waitFor();
}

describe('comparative charts', () => {
  test('every comparison shows its chart, title, subtitle, definition, summary and sources', async () => {
    const { context, page, consoleErrors } = await openPage(suite.browser);
    await open(page, '?view=compare');
    assert.match(await page.getByRole('heading', { level: 1 }).innerText(), /Compare/);
    const links = page.getByRole('navigation', { name: 'Comparisons' }).getByRole('link');
    const count = await links.count();
    assert.ok(count >= 8, `only ${count} comparisons`);
    for (let i = 0; i < count; i += 1) {
      const link = links.nth(i);
      const title = (await link.innerText()).trim();
      await link.click();
      const id = new URL(page.url()).searchParams.get('chart');
      assert.ok(id, 'the URL names the chart');
      const section = page.locator(`.cke-chart[data-chart="${id}"]`);
      await section.waitFor();
      assert.equal(await link.getAttribute('aria-current'), 'page');
      assert.equal((await section.getByRole('heading', { level: 2 }).innerText()).trim(), title);
      assert.ok((await section.locator('.cke-chart__subtitle').innerText()).length > 10, `${id} subtitle`);
      assert.ok((await section.locator('.cke-chart__definition').innerText()).length > 20, `${id} definition`);
      assert.match(await section.locator('.cke-chart__summary').innerText(), /Values as the sources state them, .*\. In /);
      const svg = section.locator('svg.cke-chart__svg');
      assert.equal(await svg.getAttribute('role'), 'img');
      assert.equal(await svg.locator('title').textContent(), title);
      assert.ok(await section.locator('.cke-chart__dot, .cke-chart__bar').count() > 0, `${id} draws values`);
      assert.ok(await section.locator('.cke-chart__sources li').count() > 0, `${id} names sources`);
      assert.ok(await section.locator('.cke-chart__legend button').count() > 0, `${id} legend`);
    }
    assert.deepEqual(consoleErrors, []);
    await context.close();
  });

  test('the mirror-statistics chart states both countries’ figures and the gap without rounding', async () => {
    const { context, page } = await openPage(suite.browser);
    await open(page, '?view=compare&chart=mirror-trade');
    const summary = await chart(page).locator('.cke-chart__summary').innerText();
    assert.match(
      summary,
      /In 2023, China's customs recorded US\$41\.02 bn and Kazakhstan's statistics US\$31\.4 bn: a gap of about US\$9\.62 bn, computed here\./,
    );
    assert.match(await chart(page).locator('.cke-chart__key-note').innerText(), /Shaded area: the gap/);
    assert.equal(await chart(page).locator('.cke-chart__area').count() > 0, true);
    await context.close();
  });

  test('the legend toggles a series by mouse and the table follows', async () => {
    const { context, page } = await openPage(suite.browser);
    await open(page, '?view=compare&chart=mirror-trade');
    const key = chart(page).locator('.cke-chart__key[data-series="trade-total-kz-stats"]');
    assert.equal(await key.getAttribute('aria-pressed'), 'true');
    assert.ok(await chart(page).locator('svg [data-series="trade-total-kz-stats"]').count() > 0);
    await key.click();
    assert.equal(await key.getAttribute('aria-pressed'), 'false');
    assert.equal(await chart(page).locator('svg [data-series="trade-total-kz-stats"]').count(), 0);
    await openTable(page);
    assert.equal(await chart(page).locator('td[data-series="trade-total-kz-stats"]').count(), 0);
    await key.click();
    assert.ok(await chart(page).locator('td[data-series="trade-total-kz-stats"]').count() > 0);
    await context.close();
  });

  test('by keyboard: Tab to the chart, arrows move the tooltip, Enter highlights the year in the URL', async () => {
    const { context, page } = await openPage(suite.browser);
    await open(page, '?view=compare&chart=mirror-trade');
    const plot = chart(page).locator('.cke-chart__plot');
    // Tab through the controls until the chart has the focus.
    for (let i = 0; i < 80 && !(await plot.evaluate((el) => el === document.activeElement)); i += 1) {
      await page.keyboard.press('Tab');
    }
    assert.ok(await plot.evaluate((el) => el === document.activeElement), 'the chart takes the focus');
    const tooltip = chart(page).locator('.cke-chart__tooltip');
    await tooltip.waitFor();
    assert.match(await tooltip.innerText(), /1992/);
    await page.keyboard.press('End');
    const last = await tooltip.innerText();
    assert.match(last, /2025/);
    assert.match(last, /US\$48\.7 bn/);
    await page.keyboard.press('ArrowLeft');
    assert.match(await tooltip.innerText(), /2024[\s\S]*US\$43\.82 bn/);
    await page.keyboard.press('ArrowLeft');
    assert.match(await tooltip.innerText(), /2023[\s\S]*US\$41\.02 bn/);
    await page.keyboard.press('ArrowDown');
    assert.match(await tooltip.innerText(), /Kazakhstan's statistics[\s\S]*US\$31\.4 bn/);
    assert.match(await chart(page).locator('[role="status"]').innerText(), /2023/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/year=2023/);
    assert.equal(await chart(page).locator('.cke-chart__year').count(), 1);
    assert.match(await chart(page).locator('.cke-chart__summary').innerText(), /In 2023/);
    await page.keyboard.press('Escape');
    assert.equal(await tooltip.count(), 0);
    // The highlighted year goes with the reader to the timeline.
    await page.getByRole('link', { name: 'Timeline' }).click();
    await page.waitForURL(/view=timeline/);
    assert.equal(new URL(page.url()).searchParams.get('year'), '2023');
    await context.close();
  });

  test('by mouse: hovering shows the value, clicking highlights its year, Clear removes it', async () => {
    const { context, page } = await openPage(suite.browser);
    await open(page, '?view=compare&chart=cn-exports-imports');
    const bar = chart(page).locator('.cke-chart__bar').last();
    await bar.hover();
    const tooltip = chart(page).locator('.cke-chart__tooltip');
    await tooltip.waitFor();
    assert.match(await tooltip.innerText(), /US\$/);
    assert.match(await tooltip.innerText(), /Sources:/);
    await bar.click();
    await page.waitForURL(/year=\d{4}/);
    assert.equal(await chart(page).locator('.cke-chart__bar[data-highlighted]').count() > 0, true);
    await chart(page).getByRole('button', { name: 'Clear' }).click();
    await page.waitForURL((url) => !url.searchParams.has('year'));
    assert.equal(await chart(page).locator('.cke-chart__bar[data-highlighted]').count(), 0);
    await context.close();
  });

  test('indexed and year-on-year views, and small multiples with a shared or independent axis', async () => {
    const { context, page } = await openPage(suite.browser);
    await open(page, '?view=compare&chart=mirror-trade');
    await chart(page).getByLabel('Change on a year earlier').check();
    assert.equal(await chart(page).locator('.cke-chart__unit').first().textContent(), '% change on a year earlier');
    assert.match(await chart(page).locator('.cke-chart__summary').innerText(), /^Change on the same period a year earlier/);
    await chart(page).getByLabel('Values as stated').check();
    await chart(page).getByLabel('One chart per series').check();
    const panels = chart(page).locator('.cke-chart__panel-title');
    assert.ok((await panels.count()) >= 2);
    const topTicks = async () =>
      chart(page).locator('svg').evaluate((svg) => {
        const ticks = [...svg.querySelectorAll('text')].filter((t) => t.getAttribute('text-anchor') === 'end');
        const tops = new Map();
        for (const t of ticks) {
          const x = t.getAttribute('x');
          if (!tops.has(x) || Number(t.getAttribute('y')) < Number(tops.get(x).getAttribute('y'))) tops.set(x, t);
        }
        return [...tops.values()].map((t) => t.textContent);
      });
    const shared = await topTicks();
    await chart(page).getByLabel('Independent').check();
    const independent = await topTicks();
    assert.notDeepEqual(independent, shared);
    await context.close();
  });

  test('the downloaded CSV holds exactly the values of the table; SVG and PNG carry title and sources', async () => {
    const { context, page } = await openPage(suite.browser, { acceptDownloads: true });
    await open(page, '?view=compare&chart=mirror-flows');
    // Hide one series: the download is what is shown.
    await chart(page).locator('.cke-chart__key').first().click();
    await openTable(page);
    const cells = (await tableCells(page)).sort();
    assert.ok(cells.length > 3);

    const [csvDownload] = await Promise.all([
      page.waitForEvent('download'),
      chart(page).getByRole('button', { name: 'CSV (the data shown)' }).click(),
    ]);
    assert.equal(csvDownload.suggestedFilename(), 'china-kazakhstan-mirror-flows.csv');
    const csv = (await readFile(await csvDownload.path(), 'utf8')).replace(/^\uFEFF/, '');
    const [header, ...rows] = parseCsv(csv);
    assert.deepEqual(header, ['period', 'series_id', 'series', 'value', 'unit', 'qualifier', 'derived', 'sources']);
    const fromCsv = rows.map(([period, series, , value]) => `${period}|${series}|${value}`).sort();
    assert.deepEqual(fromCsv, cells);
    for (const row of rows) assert.ok(row[7].length > 0, `every CSV value names its sources: ${row}`);

    const [svgDownload] = await Promise.all([
      page.waitForEvent('download'),
      chart(page).getByRole('button', { name: 'SVG image' }).click(),
    ]);
    const svg = await readFile(await svgDownload.path(), 'utf8');
    const title = await chart(page).locator('h2').innerText();
    assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'));
    assert.ok(svg.includes(`<title>${title.replaceAll("'", '&apos;')}</title>`), 'the SVG has the title');
    assert.match(svg, /Sources: /);

    const [pngDownload] = await Promise.all([
      page.waitForEvent('download'),
      chart(page).getByRole('button', { name: 'PNG image' }).click(),
    ]);
    assert.equal(pngDownload.suggestedFilename(), 'china-kazakhstan-mirror-flows.png');
    const png = await readFile(await pngDownload.path());
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    assert.ok(png.length > 5000, `a real image, not an empty canvas (${png.length} bytes)`);
    await context.close();
  });

  for (const theme of ['light', 'dark']) {
    test(`axe-core finds no violations in the ${theme} theme, with tooltip and table open`, async () => {
      const { context, page } = await openPage(suite.browser);
      await open(page, `?view=compare&chart=mirror-trade&theme=${theme}&year=2021`);
      await openTable(page);
      await chart(page).locator('.cke-chart__plot').focus();
      await page.keyboard.press('ArrowRight');
      await chart(page).locator('.cke-chart__tooltip').waitFor();
      const results = await new AxeBuilder({ page })
        .withTags(AXE_TAGS)
        .analyze();
      assert.deepEqual(
        results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        [],
      );
      await context.close();
    });
  }

  test('on the first load every chart is drawn once, at its final width', async () => {
    for (const width of [412, 1280]) {
      const { context, page } = await openPage(suite.browser, { viewport: { width, height: 800 } });
      // Every width any chart's SVG is ever given, from the first one built.
      await page.addInitScript(() => {
        window.__widths = [];
        new MutationObserver((records) => {
          for (const record of records) {
            const nodes = record.type === 'attributes' ? [record.target] : [...record.addedNodes];
            for (const node of nodes) {
              const svgs = node.matches?.('svg.cke-chart__svg') ? [node] : [...(node.querySelectorAll?.('svg.cke-chart__svg') ?? [])];
              for (const svg of svgs) window.__widths.push(svg.getAttribute('width'));
            }
          }
        }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['width'] });
      });
      await page.goto(`${suite.server.origin}/?view=sector&sector=trade`);
      await waitForApp(page);
      // The sector's main chart is drawn with the page, its others when the reader opens them.
      await page.locator('#cke-more-charts > summary').click();
      await page.locator('.cke-chart').nth(6).waitFor();
      await page.waitForTimeout(300);
      const final = await page.locator('.cke-chart__plot').first().evaluate((plot) => String(Math.floor(plot.getBoundingClientRect().width)));
      const widths = await page.evaluate(() => window.__widths);
      assert.ok(widths.length >= 7, `${widths.length} charts seen`);
      assert.deepEqual([...new Set(widths)], [final], `at ${width} px the charts were drawn at ${[...new Set(widths)]}`);
      await context.close();
    }
  });

  test('at 320 px every chart fits without horizontal overflow', async () => {
    const { context, page } = await openPage(suite.browser, { viewport: { width: 320, height: 640 } });
    await open(page, '?view=compare');
    const ids = await page
      .getByRole('navigation', { name: 'Comparisons' })
      .getByRole('link')
      .evaluateAll((links) => links.map((a) => new URL(a.href).searchParams.get('chart')));
    for (const id of ids) {
      await open(page, `?view=compare&chart=${id}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${id} overflows by ${overflow}px at 320px`);
      const width = Number(await chart(page).locator('svg.cke-chart__svg').getAttribute('width'));
      assert.ok(width <= 320, `${id} is drawn ${width}px wide`);
    }
    await context.close();
  });

  test('the 2023 mirror-gap note is drawn at its point at 1280 px and listed under the chart at 375 px', async () => {
    for (const lang of ['en', 'ru']) {
      const texts = JSON.parse(await readFile(new URL(`../public/data/text/${lang}.json`, import.meta.url), 'utf8'));
      const note = texts.text['comparison.mirror-trade.annotation.2023'];
      assert.ok(note, `the ${lang} note exists`);
      const query = `?view=compare&chart=mirror-trade&lang=${lang}`;

      const wide = await openPage(suite.browser, { viewport: { width: 1280, height: 900 } });
      await open(wide.page, query);
      const section = wide.page.locator('.cke-chart[data-chart="mirror-trade"]');
      const label = (await section.locator('svg .cke-chart__note').allTextContents()).join(' ');
      assert.equal(label, note, `${lang}: the label at 1280 px is the whole note`);
      assert.equal(await section.locator('svg .cke-chart__leader').count(), 1);
      assert.equal(await section.locator('.cke-chart__notes').count(), 0, 'nothing listed under a wide chart');
      // Inside the plot: the label's box is within the SVG, right of the value axis's labels.
      const [svgBox, labelBoxes, tickRight] = await section.evaluate((el) => {
        const box = (n) => n.getBoundingClientRect();
        const ticks = [...el.querySelectorAll('svg text.cke-chart__tick')].map((t) => box(t).right);
        return [
          box(el.querySelector('svg.cke-chart__svg')).toJSON(),
          [...el.querySelectorAll('svg .cke-chart__note')].map((n) => box(n).toJSON()),
          Math.min(...ticks.filter((r) => r < box(el.querySelector('svg.cke-chart__svg')).left + 80)),
        ];
      });
      for (const b of labelBoxes) {
        assert.ok(b.left >= tickRight && b.right <= svgBox.right && b.top >= svgBox.top && b.bottom <= svgBox.bottom,
          `${lang}: label line ${JSON.stringify(b)} inside ${JSON.stringify(svgBox)}`);
      }
      assert.ok((await section.locator('.cke-chart__summary').innerText()).includes(note), `${lang}: the summary reads the note`);
      await wide.context.close();

      const narrow = await openPage(suite.browser, { viewport: { width: 375, height: 800 } });
      await open(narrow.page, query);
      const small = narrow.page.locator('.cke-chart[data-chart="mirror-trade"]');
      assert.deepEqual(await small.locator('svg .cke-chart__note-marker').allTextContents(), ['1']);
      assert.equal(await small.locator('svg .cke-chart__note').count(), 0, 'no label on a narrow chart');
      assert.deepEqual(await small.locator('ol.cke-chart__notes > li').allTextContents(), [note]);
      const overflow = await narrow.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${lang}: overflows by ${overflow}px at 375 px`);
      const results = await new AxeBuilder({ page: narrow.page })
        .include('.cke-chart')
        .withTags(AXE_TAGS)
        .analyze();
      assert.deepEqual(results.violations.map((v) => v.id), []);
      await narrow.context.close();
    }
  });
});
