// Chart benchmark: render and update times of every comparison, and of a synthetic comparison of
// 100 series × 35 years, in headless Chromium against a release build (dist/, or CKE_DIST).
//
//   node bench/charts.mjs [--json]      (BENCH_RUNS=<runs per measure, default 5>, CKE_DIST=<build>)
//
// The synthetic comparison is added to a copy of the build's data (the app is not changed):
// 100 yearly series 1992–2026 with a gap every seventh year, so lines break as in the real data.
// Each time is the median of the runs, in milliseconds, from the reader's action (a click, a
// key) to the DOM updated, and to the next painted frame after it: what the reader waits for.
// Builds dist/ first if it is missing. Not part of scripts/test.sh: timings depend on the machine.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const runs = Number(process.env.BENCH_RUNS ?? 5);
const asJson = process.argv.includes('--json');
const ROOT = resolve(import.meta.dirname, '..');
const source = resolve(process.env.CKE_DIST ?? join(ROOT, 'dist'));
if (!existsSync(join(source, 'index.html'))) {
  console.log(`No build in ${source}: running trunk build --release --offline …`);
  const PATH = [join(homedir(), '.cargo', 'bin'), join(ROOT, 'node_modules', '.bin'), process.env.PATH].join(':');
  const built = spawnSync('trunk', ['build', '--release', '--offline', '--dist', source], {
    cwd: ROOT, stdio: 'inherit', env: { ...process.env, PATH, RUST_BACKTRACE: '0' },
  });
  if (built.status !== 0) {
    console.error('The build failed; run `bash scripts/setup.sh` first.');
    process.exit(1);
  }
}
const copy = await mkdtemp(join(tmpdir(), 'cke-bench-'));
await cp(source, copy, { recursive: true });
process.env.CKE_DIST = copy;
// The harness reads CKE_DIST when imported, so it is imported after the copy exists.
const { launchBrowser, openPage, serveDist, waitForApp } = await import('../e2e/harness.mjs');

const BIG = 'bench-100-series-35-years';
async function addSyntheticComparison(dir) {
  const path = (name) => join(dir, 'data', name);
  const series = JSON.parse(await readFile(path('series.json'), 'utf8'));
  const comparisons = JSON.parse(await readFile(path('comparisons.json'), 'utf8'));
  const text = JSON.parse(await readFile(path('text/en.json'), 'utf8'));
  const sourceId = series.series[0].points[0].sources[0];
  const ids = [];
  for (let s = 0; s < 100; s += 1) {
    const id = `bench-series-${s}`;
    ids.push(id);
    const points = [];
    for (let year = 1992; year <= 2026; year += 1) {
      if ((year + s) % 7 === 0) continue;
      const value = Math.round((10 + s * 0.7 + (year - 1992) * (1 + (s % 5) / 4) + 5 * Math.sin(year + s)) * 100) / 100;
      points.push({ period: String(year), value, qualifier: 'exact', sources: [sourceId], confidence: 'high', derived: null });
    }
    series.series.push({ id, sector: 'trade', unit: 'usd-bn', reporter: null, flow: null, points });
    text.text[`series.${id}.name`] = `Synthetic series ${s + 1}`;
  }
  comparisons.comparisons.push({ id: BIG, sectors: ['trade'], mark: 'line', series: ids });
  text.text[`comparison.${BIG}.title`] = 'Benchmark: 100 series × 35 years';
  text.text[`comparison.${BIG}.subtitle`] = 'Synthetic data for the benchmark (US$ bn)';
  text.text[`comparison.${BIG}.definition`] = 'Synthetic values, not data.';
  await writeFile(path('series.json'), JSON.stringify(series));
  await writeFile(path('comparisons.json'), JSON.stringify(comparisons));
  await writeFile(path('text/en.json'), JSON.stringify(text));
}
await addSyntheticComparison(copy);

/**
 * Runs `act` in the page; resolves `[dom, frame]`: ms until `done` holds after a DOM change,
 * and until the next animation frame after that has run.
 */
async function timed(page, act, done) {
  return page.evaluate(
    ({ act, done }) =>
      new Promise((resolveTime, reject) => {
        const actFn = new Function(act);
        const doneFn = new Function(`return (${done})`);
        const start = performance.now();
        const finish = () => {
          const dom = performance.now() - start;
          requestAnimationFrame(() => setTimeout(() => resolveTime([dom, performance.now() - start]), 0));
        };
        const observer = new MutationObserver(() => {
          if (doneFn()) {
            observer.disconnect();
            finish();
          }
        });
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
        setTimeout(() => {
          observer.disconnect();
          reject(new Error(`timed out waiting for ${done}`));
        }, 20000);
        actFn();
        if (doneFn()) {
          observer.disconnect();
          finish();
        }
      }),
    { act, done },
  );
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

const server = await serveDist();
const browser = await launchBrowser();
const results = [];
try {
  const { page, consoleErrors } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(`${server.origin}/?view=compare`);
  await waitForApp(page);
  const ids = await page
    .locator('nav.cke-tabs a')
    .evaluateAll((links) => links.map((a) => new URL(a.href).searchParams.get('chart')));
  const chartSel = (id) => `.cke-chart[data-chart="${id}"] svg.cke-chart__svg`;
  for (const id of ids) {
    const samples = { render: [], toggle: [], measure: [], multiples: [], tooltip: [], year: [], resize: [] };
    for (let run = 0; run < runs; run += 1) {
      // Start from another chart, so that each run renders this one afresh.
      const other = ids.find((x) => x !== id);
      await page.locator(`nav.cke-tabs a[href*="chart=${other}"]`).click();
      await page.locator(chartSel(other)).waitFor();
      samples.render.push(
        await timed(page, `document.querySelector('nav.cke-tabs a[href*="chart=${id}"]').click()`, `!!document.querySelector('${chartSel(id)}')`),
      );
      const chart = `.cke-chart[data-chart="${id}"]`;
      // Toggle the first series off (and back on, untimed).
      samples.toggle.push(
        await timed(page, `document.querySelector('${chart} .cke-chart__key').click()`, `!document.querySelector('${chart} svg [data-series="' + document.querySelector('${chart} .cke-chart__key').dataset.series + '"]')`),
      );
      await page.locator(`${chart} .cke-chart__key`).first().click();
      // Another measure, where the chart offers one.
      if (await page.locator(`${chart} input[value="Indexed"], ${chart} input[value="Change"]`).count()) {
        samples.measure.push(
          await timed(page, `document.querySelector('${chart} input[value="Indexed"], ${chart} input[value="Change"]').click()`, `[...document.querySelectorAll('${chart} .cke-chart__unit')].some((t) => /Index|change/.test(t.textContent))`),
        );
        await page.locator(`${chart} input[value="Absolute"]`).check();
      }
      if (await page.locator(`${chart} .cke-chart__choice input[type=radio]`).nth(0).count()) {
        const layout = page.getByLabel('One chart per series');
        if (await layout.count()) {
          samples.multiples.push(
            await timed(page, `[...document.querySelectorAll('${chart} label')].find((l) => l.textContent.includes('One chart per series')).querySelector('input').click()`, `!!document.querySelector('${chart} .cke-chart__panel-title')`),
          );
          await page.getByLabel('One chart', { exact: true }).check();
        }
      }
      // The tooltip by keyboard, and the highlighted year.
      await page.locator(`${chart} .cke-chart__plot`).focus();
      samples.tooltip.push(
        await timed(page, `document.querySelector('${chart} .cke-chart__plot').dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }))`, `!!document.querySelector('${chart} .cke-chart__tooltip')`),
      );
      samples.year.push(
        await timed(page, `document.querySelector('${chart} .cke-chart__plot').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }))`, `!!document.querySelector('${chart} .cke-chart__year')`),
      );
      await page.locator(`${chart} .cke-chart__year-line button`).click();
      // A narrower container: the ResizeObserver re-places the chart.
      samples.resize.push(
        await timed(page, `document.querySelector('${chart}').style.maxWidth = '480px'`, `document.querySelector('${chart} svg.cke-chart__svg').getAttribute('width') === '480'`),
      );
      await page.locator(chart).evaluate((el) => {
        el.style.maxWidth = '';
      });
    }
    const values = await page.locator(`.cke-chart[data-chart="${id}"]`).evaluate((el) => ({
      series: el.querySelectorAll('.cke-chart__key').length,
      marks: el.querySelectorAll('.cke-chart__dot, .cke-chart__bar').length,
    }));
    const row = { chart: id, ...values };
    const round = (value) => Math.round(value * 10) / 10;
    for (const [name, list] of Object.entries(samples)) {
      row[name] = list.length
        ? { dom: round(median(list.map(([dom]) => dom))), frame: round(median(list.map(([, frame]) => frame))) }
        : null;
    }
    results.push(row);
  }
  if (consoleErrors.length) throw new Error(`console errors: ${consoleErrors.join('\n')}`);
} finally {
  await browser.close();
  await server.close();
  await rm(copy, { recursive: true, force: true });
}

if (asJson) {
  console.log(JSON.stringify(results, null, 2));
} else {
  const columns = ['chart', 'series', 'marks', 'render', 'toggle', 'measure', 'multiples', 'tooltip', 'year', 'resize'];
  console.log(`median of ${runs} runs, ms from the action to the DOM updated / to the next frame; headless Chromium, 1280 px`);
  const cell = (value) => (value === null || value === undefined ? '–' : typeof value === 'object' ? `${value.dom}/${value.frame}` : String(value));
  console.log(columns.map((c, i) => (i === 0 ? c.padEnd(28) : c.padStart(i < 3 ? 7 : 12))).join(''));
  for (const row of results) {
    console.log(columns.map((c, i) => (i === 0 ? String(row[c]).padEnd(28) : cell(row[c]).padStart(i < 3 ? 7 : 12))).join(''));
  }
}
