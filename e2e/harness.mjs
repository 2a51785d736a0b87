// Shared end-to-end harness: serves dist/ on 127.0.0.1 and drives Debian's headless Chromium
// through playwright-core (which downloads no browser). No retries: a flaky journey fails.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

// CKE_DIST lets parallel work serve its own build; the test command always uses dist/.
export const DIST = resolve(process.env.CKE_DIST ?? resolve(import.meta.dirname, '..', 'dist'));

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves `dist/` (or another built site, `root`) on an ephemeral loopback port, like any plain
 * static host would; `headers` are added to every answer (CSP, CORS…), and so are those that
 * `headersFor(pathname)` returns for a path (per-path rules, like a host's `_headers` file).
 */
export async function serveDist(root = DIST, { headers = {}, headersFor = () => ({}) } = {}) {
  const server = createServer(async (request, response) => {
    const url = new URL(request.url, 'http://127.0.0.1');
    const answer = { ...headers, ...headersFor(url.pathname) };
    let path = normalize(join(root, decodeURIComponent(url.pathname)));
    if (!path.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(path)).isDirectory()) path = join(path, 'index.html');
      const body = await readFile(path);
      response.writeHead(200, { ...answer, 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404, { ...answer, 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ready) => server.listen(0, '127.0.0.1', ready));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, close: () => new Promise((done) => server.close(done)) };
}

/** Launches headless Chromium with the flags these machines need (root, closed network). */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
    ],
  });
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

/** Waits until the app has mounted and the data has loaded (the skeleton is gone). */
export async function waitForApp(page) {
  await page.locator('.cke').waitFor();
  await page.locator('.cke-main[aria-busy="false"]').waitFor();
}

/**
 * Serves the built app and launches Chromium for the test file that calls it (once, before its
 * tests), and closes both after them. Read `suite.server.origin` and `suite.browser` in tests.
 */
export function useServedApp() {
  const suite = { server: null, browser: null };
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
  await page.evaluate(() => document.querySelectorAll('.cke details').forEach((d) => (d.open = true)));
  await page.waitForFunction(() =>
    [...document.querySelectorAll('.cke details')].every((d) => d.querySelector(':scope > :not(summary)')));
}
