// The explainer embedded in host pages served from another origin: by a plain iframe with our
// host script, by pym.js's Parent (the real library from npm), sandboxed, and under a strict
// Content-Security-Policy. The iframe must size itself, leave the host URL alone, ignore
// foreign and malformed messages, and request nothing from anyone but the app's origin.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchBrowser, openPage, serveDist, waitForApp } from './harness.mjs';

/** The strict policy documented in README ("Embedding"). */
const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self'; frame-ancestors *; base-uri 'none'; form-action 'none'; object-src 'none'";

const PYM = readFileSync(resolve(import.meta.dirname, '..', 'node_modules', 'pym.js', 'dist', 'pym.v1.min.js'));

let app;
let strictApp;
let host;
let browser;

/** A host page server on its own port (another origin): `pages` maps a path to its HTML. */
async function serveHost(pages) {
  const server = createServer((request, response) => {
    const path = new URL(request.url, 'http://127.0.0.1').pathname;
    if (path === '/favicon.ico') {
      response.writeHead(204).end();
    } else if (path === '/pym.v1.min.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(PYM);
    } else if (pages[path]) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(pages[path]());
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise((ready) => server.listen(0, '127.0.0.1', ready));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((done) => server.close(done)) };
}

const page = (body) => `<!doctype html><html><head><meta charset="utf-8"><title>Host</title></head>
<body style="margin:0"><h1>A news story</h1>${body}<p>After the explainer.</p></body></html>`;

before(async () => {
  // Static hosts serving the explainer to sandboxed iframes need CORS (README, "Embedding").
  app = await serveDist(undefined, { headers: { 'access-control-allow-origin': '*' } });
  strictApp = await serveDist(undefined, {
    headers: { 'content-security-policy': STRICT_CSP, 'access-control-allow-origin': '*', 'x-content-type-options': 'nosniff' },
  });
  host = await serveHost({
    '/script.html': () =>
      page(`<iframe data-cke-embed title="Explainer" style="border:0;width:100%" height="300"
        src="${app.origin}/?embed=1"></iframe><script src="${app.origin}/embed.js" async></script>`),
    '/sandboxed.html': () =>
      page(`<iframe data-cke-embed sandbox="allow-scripts" title="Explainer" style="border:0;width:100%" height="300"
        src="${app.origin}/?embed=1"></iframe><script src="${app.origin}/embed.js" async></script>`),
    '/strict.html': () =>
      page(`<iframe data-cke-embed title="Explainer" style="border:0;width:100%" height="300"
        src="${strictApp.origin}/?embed=1"></iframe><script src="${strictApp.origin}/embed.js" async></script>`),
    '/pym.html': () =>
      page(`<div id="explainer"></div><script src="/pym.v1.min.js"></script>
        <script>window.pymParent = new pym.Parent('explainer', '${app.origin}/?embed=1', { title: 'Explainer' });</script>`),
    '/meddler.html': () =>
      page(`<iframe data-cke-embed title="Explainer" style="border:0;width:100%" height="300"
        src="${app.origin}/?embed=1"></iframe><script src="${app.origin}/embed.js" async></script>
        <iframe id="meddler" title="Other" srcdoc="<script>window.meddle = () => parent.frames[0].postMessage(JSON.stringify({type:'cke:settings',theme:'dark'}), '*');</script>"></iframe>`),
  });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await Promise.all([app?.close(), strictApp?.close(), host?.close()]);
});

/** The frame showing the explainer, once its data has loaded. */
async function explainerFrame(hostPage) {
  const element = await hostPage.waitForSelector('iframe:not(#meddler)');
  const frame = await element.contentFrame();
  await waitForApp(frame);
  return { element, frame };
}

/** Waits until the iframe is as tall as its content (within 2 px) and returns both heights. */
async function settledHeights({ element, frame }) {
  const deadline = Date.now() + 10_000;
  let last;
  while (Date.now() < deadline) {
    const outer = (await element.boundingBox()).height;
    const inner = await frame.evaluate(() => document.querySelector('.cke').getBoundingClientRect().height);
    last = { outer, inner };
    if (Math.abs(outer - inner) <= 2) return last;
    await new Promise((wait) => setTimeout(wait, 100));
  }
  assert.fail(`the iframe never matched its content: ${JSON.stringify(last)}`);
}

/** Loads a host page and checks height after load and after switching views, up and down. */
async function checkSizing(path) {
  const { context, page: hostPage, consoleErrors, requests } = await openPage(browser);
  const url = `${host.origin}${path}`;
  await hostPage.goto(url);
  const explainer = await explainerFrame(hostPage);
  const first = await settledHeights(explainer);
  assert.ok(first.inner > 300, 'the explainer grew past the iframe\'s initial height');

  await explainer.frame.getByRole('link', { name: 'Timeline' }).click();
  await explainer.frame.getByRole('heading', { level: 1, name: /Timeline/ }).waitFor();
  const timeline = await settledHeights(explainer);

  await explainer.frame.getByRole('link', { name: 'Sectors' }).click();
  await explainer.frame.getByRole('heading', { level: 1, name: 'Sectors' }).waitFor();
  const sectors = await settledHeights(explainer);
  assert.ok(timeline.inner > first.inner + 50, `the iframe grew with the timeline: ${JSON.stringify({ first, timeline })}`);
  assert.ok(sectors.inner < timeline.inner - 50, `the iframe shrank back: ${JSON.stringify({ timeline, sectors })}`);
  assert.deepEqual(await context.cookies(), [], 'no cookies');

  assert.equal(hostPage.url(), url, 'the host page URL was left alone');
  assert.deepEqual(consoleErrors, []);
  const origins = new Set(requests.map((request) => new URL(request).origin));
  for (const origin of origins) {
    assert.ok([host.origin, app.origin, strictApp.origin, 'null'].includes(origin), `request to ${origin}`);
  }
  await context.close();
  return { first, timeline, sectors };
}

describe('embedding', () => {
  test('a plain iframe with our host script sizes itself, up and down', async () => {
    await checkSizing('/script.html');
  });

  test("pym.js's Parent sizes the iframe from the app's pym messages", async () => {
    await checkSizing('/pym.html');
  });

  test('a sandboxed iframe (allow-scripts only, opaque origin) loads and sizes itself', async () => {
    await checkSizing('/sandboxed.html');
  });

  test('under a strict Content-Security-Policy the app loads with no violation', async () => {
    const { context, page: hostPage, consoleErrors } = await openPage(browser);
    await hostPage.goto(`${host.origin}/strict.html`);
    const explainer = await explainerFrame(hostPage);
    await settledHeights(explainer);
    assert.equal(await explainer.frame.locator('h1').first().innerText(), 'China and Kazakhstan since 1992');
    // The map places its marks through the CSSOM, which the policy allows (a style attribute
    // would be blocked and every mark would sit in the corner).
    await explainer.frame.goto(`${strictApp.origin}/?view=map&embed=1`);
    await explainer.frame.locator('body > .cke:not([data-cke-prerender]) .cke-map-land-focus').first().waitFor();
    const lefts = await explainer.frame.locator('body > .cke:not([data-cke-prerender]) .cke-map-marks > li').evaluateAll((marks) => marks.map((mark) => mark.style.left));
    assert.ok(lefts.length > 10 && lefts.every((left) => left.endsWith('%')), `marks placed: ${lefts.join(' ')}`);
    assert.ok(new Set(lefts).size > 10, 'the marks are apart');
    assert.deepEqual(consoleErrors, []);
    await context.close();
  });

  test('embed mode has no site chrome and links out to the full explainer at the same state', async () => {
    const { context, page: hostPage } = await openPage(browser);
    await hostPage.goto(`${host.origin}/script.html`);
    const { frame } = await explainerFrame(hostPage);
    assert.equal(await frame.locator('#cke-theme').count(), 0, 'no theme switch in an embed');
    assert.equal(await frame.locator('.cke-embed').count(), 0, 'no embed-code generator in an embed');
    await frame.getByRole('link', { name: 'Compare' }).click();
    const out = frame.getByRole('link', { name: 'Open the full explainer' });
    assert.equal(await out.getAttribute('target'), '_blank');
    assert.equal(new URL(await out.getAttribute('href'), app.origin).search, '?view=compare');
    await context.close();
  });

  test('the host may set theme and language; foreign and malformed messages are ignored', async () => {
    const { context, page: hostPage } = await openPage(browser);
    await hostPage.goto(`${host.origin}/meddler.html`);
    const { frame } = await explainerFrame(hostPage);
    const theme = () => frame.locator('.cke').getAttribute('data-theme');
    const post = (message) =>
      hostPage.evaluate((data) => document.querySelector('iframe').contentWindow.postMessage(data, '*'), message);

    // Another frame on the host page is not the parent: ignored.
    await hostPage.frameLocator('#meddler').locator('body').waitFor({ state: 'attached' });
    await hostPage.frames().find((f) => f.name() === '' && f.url() === 'about:srcdoc')?.evaluate(() => window.meddle());
    for (const junk of ['{"type":"cke:settings","theme":"neon"}', 'not json', '{"type":"cke:settings","theme":"dark","x":1}', 42, { theme: 'dark' }]) {
      await post(junk);
    }
    await new Promise((wait) => setTimeout(wait, 300));
    assert.equal(await theme(), 'auto');

    await post(JSON.stringify({ type: 'cke:settings', theme: 'dark' }));
    await frame.locator('.cke[data-theme="dark"]').waitFor();
    assert.equal(hostPage.url(), `${host.origin}/meddler.html`);
    await context.close();
  });
});

describe('the embed-code generator', () => {
  test('gives iframe, host-script and pym.js code for the chosen view and theme', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${app.origin}/`);
    await waitForApp(page);
    await page.getByText('Embed this explainer').click();
    await page.locator('#cke-embed-view').selectOption('sector');
    await page.locator('#cke-embed-sector').selectOption('energy');
    await page.locator('#cke-embed-theme').selectOption('dark');
    const plain = await page.locator('#cke-embed-code-0').inputValue();
    assert.match(plain, /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?view=sector&amp;sector=energy&amp;theme=dark&amp;embed=1" title="China–Kazakhstan Explorer" loading="lazy"/);
    assert.match(await page.locator('#cke-embed-code-1').inputValue(), /data-cke-embed[\s\S]*embed\.js" async><\/script>$/);
    assert.match(await page.locator('#cke-embed-code-2').inputValue(), /new pym\.Parent\(/);
    await page.locator('#cke-embed-view').selectOption('timeline');
    await page.locator('#cke-embed-year').selectOption('2013');
    await page.locator('#cke-embed-lang').selectOption('ru');
    assert.match(
      await page.locator('#cke-embed-code-2').inputValue(),
      /\?view=timeline&amp;sector=energy&amp;year=2013&amp;lang=ru&amp;theme=dark&amp;embed=1/,
    );
    assert.equal(new URL(page.url()).search, '', 'choosing in the generator does not navigate');
    await context.close();
  });
});
