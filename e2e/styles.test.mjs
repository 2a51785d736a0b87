// The view style sheets (charts, timeline, story, map: scripts/later-styles.mjs) are not in the
// page's head. The overview, which matches none of their rules, paints and is drawn without
// them, and they follow when the browser is idle; a view that needs them has them before its
// prerendered fragment is shown (scripts/preload-data.js) and before the app draws it
// (src/services/chunk.rs, view_styles); a sheet that cannot be fetched is a part that failed,
// with a retry that works.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openAllDetails, openPage, useServedApp, waitForApp } from './harness.mjs';

const suite = useServedApp();
const LATER = /\/(charts|timeline|story|map)-[0-9a-f]+\.css$/;
const later = (urls) => urls.filter((url) => LATER.test(new URL(url).pathname));
/** Console errors but Chromium's report of a resource the test blocked. */
const unexpected = (errors) => errors.filter((text) => !/Failed to load resource|ERR_FAILED|net::/.test(text));

/** The view style sheets in the page, loaded. */
const loadedSheets = (page) => page.evaluate((source) => [...document.styleSheets]
  .filter((sheet) => sheet.href && new RegExp(source).test(new URL(sheet.href).pathname))
  .map((sheet) => new URL(sheet.href).pathname), LATER.source);

test('the overview matches no rule of the view style sheets, which follow when the browser is idle', async () => {
  for (const [query, width] of [['', 1280], ['?lang=ru', 375], ['?lang=zh&theme=dark', 1280], ['?lang=kk&embed=1', 375]]) {
    const { context, page, requests, consoleErrors } = await openPage(suite.browser, { viewport: { width, height: 900 } });
    await page.goto(`${suite.server.origin}/${query}`);
    await waitForApp(page);
    // The idle preload starts a second after the view is drawn at the earliest (chunk.rs, SETTLE).
    assert.deepEqual(later(requests), [], `${query}: a view style sheet before the overview was drawn`);
    await page.waitForFunction((source) => [...document.styleSheets]
      .filter((sheet) => sheet.href && new RegExp(source).test(new URL(sheet.href).pathname)).length === 4, LATER.source);
    await openAllDetails(page);
    const matched = await page.evaluate((source) => {
      const found = [];
      // Any state a rule may style counts (hover, focus), not only the present one.
      const anyState = (selector) => selector
        .replace(/::?(before|after|marker|placeholder|backdrop|-webkit-[a-z-]+)/g, '')
        .replace(/:(hover|focus-visible|focus-within|focus|active|visited)/g, '')
        .replace(/:is\(\s*(,\s*)*\)/g, '');
      const walk = (rules, file) => {
        for (const rule of rules) {
          if (rule.selectorText === undefined) {
            if (rule.cssRules) walk(rule.cssRules, file);
            continue;
          }
          // Custom properties alone style nothing (charts.css gives `.cke` its series colours).
          if ([...rule.style].every((property) => property.startsWith('--'))) continue;
          const selector = anyState(rule.selectorText);
          if (selector.trim() && document.querySelector(selector)) found.push(`${file}: ${rule.selectorText}`);
        }
      };
      for (const sheet of document.styleSheets) {
        if (sheet.href && new RegExp(source).test(new URL(sheet.href).pathname)) walk(sheet.cssRules, new URL(sheet.href).pathname);
      }
      return found;
    }, LATER.source);
    assert.deepEqual(matched, [], `${query} at ${width} px: the overview uses rules of the view style sheets`);
    assert.deepEqual(unexpected(consoleErrors), []);
    await context.close();
  }
});

test('a view that needs the view style sheets has them before its prerendered fragment is shown', async () => {
  for (const query of ['?view=timeline', '?view=sector&sector=trade&lang=ru', '?view=story']) {
    const { context, page, consoleErrors } = await openPage(suite.browser);
    await page.addInitScript((source) => {
      new MutationObserver((records, observer) => {
        if (!document.querySelector('.cke[data-cke-prerender]')) return;
        window.__sheetsAtFragment = [...document.styleSheets]
          .filter((sheet) => sheet.href && new RegExp(source).test(new URL(sheet.href).pathname)).length;
        observer.disconnect();
      }).observe(document, { subtree: true, childList: true });
    }, LATER.source);
    await page.goto(`${suite.server.origin}/${query}`);
    await waitForApp(page);
    assert.equal(await page.evaluate(() => window.__sheetsAtFragment), 4, `${query}: the fragment was shown before its style sheets (or not at all)`);
    assert.equal((await loadedSheets(page)).length, 4);
    assert.deepEqual(unexpected(consoleErrors), []);
    await context.close();
  }
});

test('a view style sheet that cannot be fetched is a part that failed, and its retry works', async () => {
  const { context, page, consoleErrors } = await openPage(suite.browser);
  let failing = true;
  await page.route(/\/timeline-[0-9a-f]+\.css$/, (route) => (failing ? route.abort() : route.continue()));
  await page.goto(`${suite.server.origin}/`);
  await waitForApp(page);
  await page.locator('.cke-nav').getByRole('link', { name: 'Timeline' }).click();
  const note = page.locator('.cke-main [data-part-failed]');
  await note.waitFor();
  assert.match(await note.innerText(), /could not be loaded/);
  assert.equal(await page.locator('[data-cke-crashed]').count(), 0, 'no panic panel');
  failing = false;
  await note.getByRole('button', { name: 'Try again' }).click();
  await page.getByRole('heading', { level: 1, name: /Timeline/ }).waitFor();
  await note.waitFor({ state: 'detached' });
  assert.ok((await loadedSheets(page)).some((path) => /\/timeline-/.test(path)), 'the timeline sheet is loaded');
  assert.deepEqual(unexpected(consoleErrors), []);
  await context.close();
});
