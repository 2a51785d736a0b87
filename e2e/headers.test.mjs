// The hosting headers of public/_headers (README, "Hosting: headers"): Trunk copies the file into
// dist/, it sets every header the README promises, every file gets exactly one caching rule,
// and the explainer — every view, every language, a chart download, an embed on another
// origin — works under exactly those headers, applied per path as Netlify and Cloudflare Pages
// apply them, with no console error and no Content-Security-Policy violation.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { DIST, launchBrowser, openPage, serveDist, waitForApp } from './harness.mjs';

const SOURCE = readFileSync(resolve(import.meta.dirname, '..', 'public', '_headers'), 'utf8');

/** Parses a `_headers` file: rules of a path pattern and its indented `Name: value` lines. */
function parseHeaders(text) {
  const rules = [];
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: trimmed, headers: [] });
      continue;
    }
    const colon = trimmed.indexOf(':');
    assert.ok(rules.length > 0 && colon > 0, `a header line outside a rule or without a name: ${line}`);
    rules.at(-1).headers.push([trimmed.slice(0, colon).trim().toLowerCase(), trimmed.slice(colon + 1).trim()]);
  }
  return rules;
}

/** Cloudflare Pages' matching: `*` is a splat (any characters, `/` too), `:name` one segment. */
function matches(pattern, pathname) {
  const escape = (part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z]\w*/g, '[^/]+');
  return new RegExp(`^${pattern.split('*').map(escape).join('.*')}$`).test(pathname);
}

/** The headers for one path: every matching rule's, a repeated header's values joined by a
 * comma, as the hosts do (so two Cache-Control rules for one file would show here). */
function headersFor(rules, pathname) {
  const out = {};
  for (const rule of rules.filter((rule) => matches(rule.pattern, pathname))) {
    for (const [name, value] of rule.headers) out[name] = out[name] ? `${out[name]}, ${value}` : value;
  }
  return out;
}

const RULES = parseHeaders(SOURCE);
const IMMUTABLE = 'public, max-age=31536000, immutable';
/**
 * Trunk's (and scripts/extract-loader.mjs's) content-hashed names. Trunk prints its 64-bit hash
 * in hex without leading zeros, so one build in sixteen has 15 digits (`…-f57af2d8f46d6a6.js`).
 * The split build (scripts/split.mjs) puts the wasm, its JS and its chunks in a folder named by
 * their hash, `wasm-<16 hex>/`.
 */
const HASHED = /-[0-9a-f]{1,16}(_bg)?\.(js|wasm|css)$|^\/(wasm|prerender)-[0-9a-f]{16}\//;

function* files(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield `/${relative(DIST, path).split('\\').join('/')}`;
  }
}

let app;
let host;
let restrictive;
let browser;

before(async () => {
  app = await serveDist(undefined, { headersFor: (pathname) => headersFor(RULES, pathname) });
  // The same headers, but embedding limited to the app's own origin, as the README tells sites
  // that want to restrict it: proves the policy really reaches the browser.
  const selfOnly = parseHeaders(SOURCE.replace('frame-ancestors *', "frame-ancestors 'self'"));
  restrictive = await serveDist(undefined, { headersFor: (pathname) => headersFor(selfOnly, pathname) });
  host = createServer((request, response) => {
    const url = new URL(request.url, 'http://127.0.0.1');
    const target = url.searchParams.get('app');
    // Nothing else (the browser's favicon request) is an error of the app's.
    if (url.pathname !== '/' || !target) return response.writeHead(204).end();
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><html><head>
      <meta charset="utf-8"><title>Host</title></head><body style="margin:0"><h1>A news story</h1>
      <iframe data-cke-embed title="Explainer" style="border:0;width:100%" height="300" src="${target}/?embed=1"></iframe>
      <script src="${target}/embed.js" async></script></body></html>`);
  });
  await new Promise((ready) => host.listen(0, '127.0.0.1', ready));
  host.origin = `http://127.0.0.1:${host.address().port}`;
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await Promise.all([app?.close(), restrictive?.close(), new Promise((done) => (host ? host.close(done) : done()))]);
});

/** A page (and its frames) that records Content-Security-Policy violations, and the browser's
 * warnings about a header it cannot read (an unknown feature or directive is only a warning). */
async function open(options) {
  const opened = await openPage(browser, options);
  opened.page.on('console', (message) => {
    if (/Permissions-Policy|Content.Security.Policy/i.test(message.text())) opened.consoleErrors.push(message.text());
  });
  await opened.context.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  return opened;
}

describe('public/_headers', () => {
  test('is copied into dist/ and sets every header the README promises', () => {
    assert.equal(readFileSync(join(DIST, '_headers'), 'utf8'), SOURCE, 'dist/_headers is public/_headers');
    const all = headersFor(RULES, '/');
    const csp = Object.fromEntries(
      all['content-security-policy'].split(';').map((directive) => {
        const [name, ...values] = directive.trim().split(/\s+/);
        return [name, values.join(' ')];
      }),
    );
    assert.deepEqual(csp, {
      'default-src': "'self'",
      'script-src': "'self' 'wasm-unsafe-eval'",
      'style-src': "'self'",
      'img-src': "'self' data: blob:",
      'connect-src': "'self'",
      'object-src': "'none'",
      'base-uri': "'none'",
      'form-action': "'none'",
      'frame-ancestors': '*',
    });
    assert.equal(all['x-content-type-options'], 'nosniff');
    assert.equal(all['referrer-policy'], 'strict-origin-when-cross-origin');
    const denied = all['permissions-policy'].split(',').map((entry) => entry.trim());
    for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) {
      assert.ok(denied.includes(`${feature}=()`), `Permissions-Policy denies ${feature}`);
    }
    assert.ok(denied.every((entry) => entry.endsWith('=()')), 'Permissions-Policy only denies');
    // Sandboxed iframes have an opaque origin: their requests for the app's files need CORS.
    assert.equal(all['access-control-allow-origin'], '*');
    // X-Frame-Options would forbid the embedding that frame-ancestors allows.
    assert.equal(all['x-frame-options'], undefined);
  });

  test('every file gets one Cache-Control: immutable when content-hashed, else revalidated', () => {
    // Precompressed copies (scripts/precompress.mjs) are never requested by name: the host
    // answers the plain path with them, under that path's rules.
    const served = [...files(DIST)].filter((path) => path !== '/_headers' && !/\.(br|gz)$/.test(path));
    assert.ok(served.some((path) => path.endsWith('.wasm')), 'a built dist/');
    for (const path of ['/', ...served]) {
      const expected = HASHED.test(path) ? IMMUTABLE : 'no-cache';
      assert.equal(headersFor(RULES, path)['cache-control'], expected, path);
    }
  });
});

describe('the app under these headers', () => {
  const pages = [
    '', '?view=sector&sector=trade', '?view=timeline', '?view=compare',
    '?lang=zh', '?lang=ru', '?lang=kk', '?view=timeline&lang=kk&theme=dark',
  ];
  for (const query of pages) {
    test(`/${query} loads with no console error and no CSP violation`, async () => {
      const { context, page, consoleErrors } = await open();
      const assets = new Map();
      page.on('response', (response) => assets.set(new URL(response.url()).pathname, response.headers()));
      const answer = await page.goto(`${app.origin}/${query}`);
      assert.match(answer.headers()['content-security-policy'], /wasm-unsafe-eval/, 'the headers are served');
      assert.equal(answer.headers()['cache-control'], 'no-cache');
      await waitForApp(page);
      await page.waitForLoadState('networkidle');
      assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
      assert.deepEqual(consoleErrors, []);
      assert.equal(await page.evaluate(() => document.featurePolicy?.allowsFeature('camera')), false, 'Permissions-Policy applies');
      const wasm = [...assets].find(([path]) => path.endsWith('.wasm'));
      assert.equal(wasm?.[1]['cache-control'], IMMUTABLE);
      assert.ok([...assets].some(([path, headers]) => path.startsWith('/data/') && headers['cache-control'] === 'no-cache'));
      await context.close();
    });
  }

  test("a chart's PNG download (drawn from a blob: image) works", async () => {
    const { context, page, consoleErrors } = await open({ acceptDownloads: true });
    await page.goto(`${app.origin}/?view=compare`);
    await waitForApp(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'PNG image' }).first().click(),
    ]);
    assert.match(download.suggestedFilename(), /\.png$/);
    assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
    assert.deepEqual(consoleErrors, []);
    await context.close();
  });

  test('embedded in a page on another origin it loads under frame-ancestors', async () => {
    const { context, page, consoleErrors } = await open();
    await page.goto(`${host.origin}/?app=${encodeURIComponent(app.origin)}`);
    const frame = await (await page.waitForSelector('iframe')).contentFrame();
    await waitForApp(frame);
    assert.equal(await frame.locator('h1').first().innerText(), 'China and Kazakhstan since 1992');
    // embed.js (served under the same headers) sized the iframe to its content.
    await page.waitForFunction(() => document.querySelector('iframe').getBoundingClientRect().height > 400);
    assert.deepEqual(await frame.evaluate(() => window.cspViolations), []);
    assert.deepEqual(consoleErrors, []);
    await context.close();
  });

  test("with frame-ancestors narrowed to the app's origin, another origin cannot embed it", async () => {
    const { context, page, consoleErrors } = await open();
    await page.goto(`${host.origin}/?app=${encodeURIComponent(restrictive.origin)}`);
    const element = await page.waitForSelector('iframe');
    await page.waitForFunction(() => window.performance.getEntriesByType('navigation')[0]?.loadEventEnd > 0);
    await page.waitForTimeout(500);
    const frame = await element.contentFrame();
    assert.equal(await frame.locator('.cke').count(), 0, 'the explainer was framed');
    assert.ok(consoleErrors.some((text) => /frame-ancestors/.test(text)), JSON.stringify(consoleErrors));
    await context.close();
  });
});
