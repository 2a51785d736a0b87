// Screenshots of the guided story and the timeline at 375 and 1280 px, for a reader's look at
// them (target/screens/story-*.png): `node scripts/screens-story.mjs [dist]` after a release
// build. Writes files only; asserts nothing (the e2e tests do).
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchChromium, serveStatic } from './browser.mjs';

const dist = resolve(process.argv[2] ?? resolve(import.meta.dirname, '..', 'dist'));
const out = resolve(import.meta.dirname, '..', 'target', 'screens');
mkdirSync(out, { recursive: true });
const pages = (process.env.CKE_SCREENS ?? 'overview:,story:?view=story,story-10:?view=story&step=10,story-ru:?view=story&step=4&lang=ru,story-dark:?view=story&step=14&theme=dark,timeline:?view=timeline,timeline-event:?view=timeline&event=2005-07-strategic-partnership')
  .split(',').map((item) => item.split(/:(.*)/s).slice(0, 2));
const server = await serveStatic(dist);
const browser = await launchChromium();
try {
  for (const [width, height] of [[375, 667], [1280, 800]]) {
    const context = await browser.newContext({ viewport: { width, height }, locale: 'en-GB' });
    const page = await context.newPage();
    for (const [name, query] of pages) {
      await page.goto(`${server.origin}/${query}`);
      await page.locator('.cke:not([data-cke-prerender]):not([data-cke-pending]) > .cke-main[aria-busy="false"] h1').waitFor();
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: `${out}/story-${name}-${width}.png`, fullPage: process.env.CKE_FULL === '1' });
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`screens: ${pages.length * 2} files in target/screens/`);
