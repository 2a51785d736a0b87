// The panic hook (src/services/panic.rs) end to end. A release build with the test-only cargo feature
// `test-panic` (built by scripts/test.sh into target/dist-panic) panics on purpose when its URL
// has `panic=1`. With `panic = "abort"` the wasm instance is dead after that, so the hook itself
// must log the panic and leave a calm, accessible error panel in the reader's language, under
// the strict Content-Security-Policy of public/_headers. The normal build has no trigger.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { AXE_TAGS, launchBrowser, openPage, serveDist, waitForApp } from './harness.mjs';

// CKE_PANIC_DIST lets parallel work serve its own test-panic build.
const PANIC_DIST = resolve(
  process.env.CKE_PANIC_DIST ?? resolve(import.meta.dirname, '..', 'target', 'dist-panic'),
);
const PANIC_MESSAGE = 'test-panic: a deliberate panic, asked for by ?panic=1';

/** The Content-Security-Policy that public/_headers gives every page. */
const CSP = readFileSync(resolve(import.meta.dirname, '..', 'public', '_headers'), 'utf8')
  .match(/^\s+Content-Security-Policy:\s*(.+)$/m)[1];

let panicking;
let normal;
let browser;

before(async () => {
  assert.ok(
    existsSync(resolve(PANIC_DIST, 'index.html')),
    `no test-panic build in ${PANIC_DIST}: run trunk build --release --offline --features test-panic --dist target/dist-panic`,
  );
  const headers = { 'content-security-policy': CSP };
  panicking = await serveDist(PANIC_DIST, { headers });
  normal = await serveDist(undefined, { headers });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await Promise.all([panicking?.close(), normal?.close()]);
});

/** A page that records console.error calls, uncaught errors and CSP violations apart. */
async function open(options = {}) {
  const opened = await openPage(browser, options);
  opened.loggedErrors = [];
  opened.page.on('console', (message) => {
    if (message.type() === 'error') opened.loggedErrors.push(message.text());
  });
  await opened.page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  return opened;
}

/** Waits for the error panel and returns what the reader sees of it. */
async function panel(page) {
  const alert = page.locator('.cke[data-cke-crashed] .cke-main [role="alert"]');
  await alert.waitFor();
  const link = alert.getByRole('link');
  return {
    heading: await alert.getByRole('heading', { level: 1 }).innerText(),
    sentence: await alert.locator('p').first().innerText(),
    link: await link.innerText(),
    href: await link.getAttribute('href'),
  };
}

describe('a panic in a release build', () => {
  test('leaves a calm error panel with a reload link, and logs the panic', async () => {
    const { context, page, loggedErrors } = await open();
    const url = `${panicking.origin}/?panic=1&theme=dark`;
    await page.goto(url);
    // The page had a prerendered view to show (taken from dist/, scripts/test.sh): the panel
    // must replace it too.
    assert.equal(await page.locator('meta[name="cke-prerender"]').count(), 1);
    const shown = await panel(page);
    assert.deepEqual(shown, {
      heading: 'The explainer stopped',
      sentence: 'The explainer stopped after an internal error; reloading the page usually brings it back.',
      link: 'Reload the page',
      href: url,
    });
    // The panic's own message and place went to the console, through console.error.
    assert.ok(
      loggedErrors.some((text) => text.includes('China–Kazakhstan Explorer stopped') && text.includes(PANIC_MESSAGE)),
      `console.error: ${JSON.stringify(loggedErrors)}`,
    );
    // The dead app is gone (its controls would only throw); the panel is the one root, styled
    // by the stylesheet (.cke-alert's border) and in the reader's theme.
    assert.equal(await page.locator('.cke').count(), 1);
    assert.equal(await page.locator('.cke-header, nav').count(), 0);
    const root = page.locator('.cke');
    assert.equal(await root.getAttribute('data-theme'), 'dark');
    assert.equal(await root.getAttribute('lang'), 'en');
    const border = await page.locator('.cke-alert').evaluate((alert) => getComputedStyle(alert).borderLeftWidth);
    assert.equal(border, '6px');
    // Focus moved to the panel's heading, so keyboard and screen-reader users land on it.
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1');
    assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
    const axe = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
    assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);

    // The link works although no script does any more: it loads the page again.
    await Promise.all([page.waitForEvent('load'), page.getByRole('link', { name: 'Reload the page' }).click()]);
    await panel(page);
    await context.close();
  });

  test("speaks the URL's language, else the browser's, also when embedded", async () => {
    const ru = await open();
    await ru.page.goto(`${panicking.origin}/?panic=1&lang=ru`);
    assert.deepEqual(await panel(ru.page), {
      heading: 'Путеводитель перестал работать',
      sentence: 'Путеводитель перестал работать из-за внутренней ошибки; обычно помогает перезагрузка страницы.',
      link: 'Перезагрузить страницу',
      href: `${panicking.origin}/?panic=1&lang=ru`,
    });
    assert.equal(await ru.page.locator('.cke').getAttribute('lang'), 'ru');
    await ru.context.close();

    for (const [locale, heading] of [['zh-CN', '本解读已停止运行'], ['kk-KZ', 'Жолсілтеме тоқтап қалды']]) {
      const { context, page } = await open({ locale });
      await page.goto(`${panicking.origin}/?embed=1&panic=1`);
      const shown = await panel(page);
      assert.equal(shown.heading, heading, locale);
      assert.equal(await page.locator('.cke').getAttribute('data-embed'), 'true');
      await context.close();
    }
  });

  test('without panic=1 the same test build works normally', async () => {
    const { context, page, consoleErrors } = await open();
    await page.goto(`${panicking.origin}/?view=timeline`);
    await waitForApp(page);
    await page.getByRole('heading', { level: 1, name: /Timeline/ }).waitFor();
    // Longer than the trigger's delay: nothing happens later either.
    await page.waitForTimeout(500);
    assert.equal(await page.locator('[data-cke-crashed]').count(), 0);
    assert.deepEqual(consoleErrors, []);
    await context.close();
  });
});

describe('the normal release build', () => {
  test('has no panic trigger: panic=1 shows the overview', async () => {
    const { context, page, consoleErrors } = await open();
    await page.goto(`${normal.origin}/?panic=1`);
    await waitForApp(page);
    await page.waitForTimeout(500);
    assert.equal(await page.locator('h1').first().innerText(), 'China and Kazakhstan since 1992');
    assert.equal(await page.locator('[data-cke-crashed]').count(), 0);
    assert.deepEqual(consoleErrors, []);
    await context.close();
  });
});
