// Screenshots of every view at a phone's and a laptop's width, for looking at the app as a reader
// does and for comparing a change before and after it.
//
//   node scripts/screens.mjs LABEL [BUILD]
//
// serves BUILD (default dist/) on 127.0.0.1, opens each view of the list below in headless
// Chromium at 375 × 667 and 1280 × 800, and writes two PNGs per view and width to
// target/screens/LABEL/: `<name>-<width>-first.png` (the first screen, what the reader sees
// before scrolling) and `<name>-<width>.png` (the whole page). It also writes `heights.json`: each
// page's height and the height of the chrome above its `<main>`, for the note that compares runs.
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { launchChromium, serveStatic } from './browser.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const [label, build = join(ROOT, 'dist')] = process.argv.slice(2);
if (!label || !/^[\w.-]+$/.test(label)) {
  console.error('usage: node scripts/screens.mjs LABEL [BUILD]  (LABEL: letters, digits, . _ -)');
  process.exit(2);
}
const SECTORS = [
  'diplomacy', 'trade', 'investment', 'energy', 'transport', 'urban', 'agriculture', 'medicine',
  'tourism', 'education', 'subnational',
];
// Every view in English; the views with the longest words (Russian) and other script (Chinese)
// for the main views; the dark theme and embed mode for one view each.
const VIEWS = [
  ['overview-en', 'lang=en'],
  ['sectors-en', 'view=sector&lang=en'],
  ...SECTORS.map((sector) => [`sector-${sector}-en`, `view=sector&sector=${sector}&lang=en`]),
  ['timeline-en', 'view=timeline&lang=en'],
  ['compare-en', 'view=compare&lang=en'],
  ['story-en', 'view=story&lang=en'],
  ['story-step-5-en', 'view=story&step=5&lang=en'],
  ['map-en', 'view=map&lang=en'],
  ['map-khorgos-en', 'view=map&place=khorgos&lang=en'],
  ['story-ru', 'view=story&lang=ru'],
  ['map-zh', 'view=map&lang=zh'],
  ['overview-ru', 'lang=ru'],
  ['sector-trade-ru', 'view=sector&sector=trade&lang=ru'],
  ['timeline-ru', 'view=timeline&lang=ru'],
  ['compare-ru', 'view=compare&lang=ru'],
  ['overview-zh', 'lang=zh'],
  ['sector-energy-zh', 'view=sector&sector=energy&lang=zh'],
  ['sector-trade-en-dark', 'view=sector&sector=trade&lang=en&theme=dark'],
  ['overview-en-dark', 'lang=en&theme=dark'],
  ['sector-trade-en-embed', 'view=sector&sector=trade&lang=en&embed=1'],
];
const WIDTHS = [
  [375, 667],
  [1280, 800],
];
// The app's own root once it has drawn its view (as e2e/harness.mjs waits for it).
const DRAWN = '.cke:not([data-cke-prerender]):not([data-cke-pending]) > .cke-main[aria-busy="false"]';

const out = join(ROOT, 'target', 'screens', label);
await mkdir(out, { recursive: true });
const server = await serveStatic(build);
const browser = await launchChromium();
const heights = {};
try {
  for (const [width, height] of WIDTHS) {
    const context = await browser.newContext({ viewport: { width, height }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    for (const [name, query] of VIEWS) {
      await page.goto(`${server.origin}/?${query}`);
      await page.locator(DRAWN).waitFor();
      // The sector page draws its charts a frame after its figures when switched to; a first
      // load draws them at once, but fonts and layout settle after the next frames.
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      await page.screenshot({ path: join(out, `${name}-${width}-first.png`) });
      await page.screenshot({ path: join(out, `${name}-${width}.png`), fullPage: true });
      heights[`${name}-${width}`] = await page.evaluate(() => ({
        page: document.documentElement.scrollHeight,
        chrome: Math.round(document.querySelector('.cke:not([data-cke-pending]) > .cke-main')?.getBoundingClientRect().top ?? 0),
        heading: Math.round(document.querySelector('.cke:not([data-cke-pending]) h1')?.getBoundingClientRect().bottom ?? 0),
      }));
      console.log(name, width, JSON.stringify(heights[`${name}-${width}`]));
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
await writeFile(join(out, 'heights.json'), `${JSON.stringify(heights, null, 2)}\n`);
console.log(`wrote ${Object.keys(heights).length * 2} screenshots to target/screens/${label}/`);
