// Shared end-to-end harness: serves dist/ on 127.0.0.1 and drives Debian's headless Chromium
// through playwright-core (which downloads no browser). No retries: a flaky journey fails.
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { after, before } from 'node:test';
import { launchChromium, serveStatic } from '../scripts/browser.mjs';

// CKE_DIST lets parallel work serve its own build; the test command always uses dist/.
export const DIST = resolve(process.env.CKE_DIST ?? resolve(import.meta.dirname, '..', 'dist'));

/**
 * Serves `dist/` (or another built site, `root`) on an ephemeral loopback port, like any plain
 * static host would; `headers` are added to every answer (CSP, CORS…), and so are those that
 * `headersFor(pathname)` returns for a path (per-path rules, like a host's `_headers` file).
 */
export function serveDist(root = DIST, options = {}) {
  return serveStatic(root, options);
}

/** Launches headless Chromium with the flags these machines need (root, closed network). */
export function launchBrowser() {
  return launchChromium();
}

/**
 * Opens a fresh page that records console errors, page errors and every request's URL.
 * `options` go to `browser.newContext` (viewport, colorScheme, reducedMotion…).
 */
export async function openPage(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const page = await context.newPage();
  const consoleErrors = [];
  const requests = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  page.on('request', (request) => requests.push(request.url()));
  return { context, page, consoleErrors, requests };
}

/**
 * The app's own root once it is shown: not a prerendered view (`data-cke-prerender`, drawn by
 * the build and shown before the wasm has arrived), nor the app's root while it waits hidden
 * behind one (`data-cke-pending`; src/services/takeover.rs).
 */
export const APP = '.cke:not([data-cke-prerender]):not([data-cke-pending])';
/** The app's main region once its view is drawn. */
export const DRAWN = `${APP} > .cke-main[aria-busy="false"]`;

/** Waits until the app has mounted, the data has loaded (the skeleton is gone) and the app has
 * taken over from the prerendered view, if one was shown. `page` may be a frame. */
export async function waitForApp(page) {
  await page.locator(DRAWN).waitFor();
}

/** Serves `page` its documents without the prerender manifest, as a build without prerendered
 * views (`trunk serve`) would: for tests of what the app itself shows while it loads (the
 * skeleton, failures while the first view's data is on the way). */
export async function withoutPrerender(page) {
  await page.route((url) => url.pathname.endsWith('/') || url.pathname.endsWith('/index.html'), async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace(/<meta name="cke-prerender"[^>]*>/, '');
    await route.fulfill({ response, body });
  });
}

/** The plan the stale-plan fixture restores: Line C's start, planned for October 2014 (Platts),
 * as the data stood before sources showed it began in June 2014. */
export const STALE_PLAN = { id: '2014-06-gas-pipeline-line-c', date: '2014-10' };

/**
 * Serves `target` (a page or a browser context) the bundled events with one plan whose date has
 * passed with no update (`STALE_PLAN`): the data's plans get resolved as editors update it, and
 * the tests of how a plan and a stale plan read must not lose their subject when none is left.
 */
export async function withStalePlan(target) {
  await target.route((url) => url.pathname.endsWith('/data/events.json'), async (route) => {
    const response = await route.fetch();
    const data = await response.json();
    const event = data.events.find((candidate) => candidate.id === STALE_PLAN.id);
    if (!event) throw new Error(`the stale-plan fixture needs the event ${STALE_PLAN.id}`);
    Object.assign(event, { date: STALE_PLAN.date, status: 'planned' });
    await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(data) });
  });
}

/**
 * Serves the built app and launches Chromium for the test file that calls it (once, before its
 * tests), and closes both after them. Read `suite.server.origin` and `suite.browser` in tests;
 * `suite.open(query, options)` opens a new page (`openPage`'s options) at `/<query>` and waits
 * until the app has drawn it.
 */
export function useServedApp() {
  const suite = {
    server: null,
    browser: null,
    async open(query, options = {}) {
      const opened = await openPage(suite.browser, options);
      await opened.page.goto(`${suite.server.origin}/${query}`);
      await waitForApp(opened.page);
      return opened;
    },
  };
  before(async () => {
    suite.server = await serveDist();
    suite.browser = await launchBrowser();
  });
  after(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}

/**
 * Opens every `<details>` of the app and waits until each shows its contents: figure source
 * panels, the footer's list of sources and chart tables are built on the `toggle` event, which
 * fires after the attribute changed.
 */
export async function openAllDetails(page) {
  // Opened parts may hold more disclosures (a sector's other figures, each with its source):
  // open until none is left closed.
  for (;;) {
    const opened = await page.evaluate(() => {
      const closed = [...document.querySelectorAll('.cke details:not([open])')];
      closed.forEach((d) => (d.open = true));
      return closed.length;
    });
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.cke details[open]')].every((d) => d.querySelector(':scope > :not(summary)')));
    if (opened === 0) return;
  }
}

/** The WCAG levels axe-core checks the app against. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * axe-core's violations on `page`, which shows the light theme, as lines `<theme>: <rule> (<n>)
 * <first target>`: first under every rule of AXE_TAGS; then, after switching to the dark theme
 * in place as a reader would (`#cke-theme` must be reachable: on a phone, open the menu first),
 * only under the rules whose result can depend on colours. The theme changes colour tokens and
 * nothing else, so every other rule would repeat its light result on the same DOM. Every
 * disclosure is opened in both states (what a switch draws again is checked too).
 */
export async function axeInBothThemes(page) {
  const found = [];
  for (const theme of ['light', 'dark']) {
    if (theme === 'dark') {
      await page.locator('#cke-theme').selectOption('dark');
      await page.locator('.cke[data-theme="dark"]').waitFor();
    }
    await openAllDetails(page);
    const axe = new AxeBuilder({ page }).options({ resultTypes: ['violations'] });
    if (theme === 'light') axe.withTags(AXE_TAGS);
    else axe.withRules(['color-contrast', 'link-in-text-block']);
    for (const violation of (await axe.analyze()).violations) {
      found.push(`${theme}: ${violation.id} (${violation.nodes.length}) ${violation.nodes[0]?.target}`);
    }
  }
  return found;
}

/**
 * Runs `work(item)` for every item of `items`, two at a time: the machines have two cores, and
 * a long check of many pages (axe-core's) mostly waits for one of them.
 */
export async function twoAtATime(items, work) {
  const queue = [...items];
  const worker = async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
  };
  await Promise.all([worker(), worker()]);
}
