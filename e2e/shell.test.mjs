// Reader journeys through the app shell, in headless Chromium against the release build.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, useServedApp, waitForApp, withoutPrerender } from './harness.mjs';

const suite = useServedApp();

/** Every request of the page went to the app's own origin (no third-party request). */
function assertSameOrigin(requests) {
  const foreign = requests.filter((url) => !url.startsWith(suite.server.origin) && !url.startsWith('data:'));
  assert.deepEqual(foreign, [], 'requests left the page origin');
}

describe('the app shell', () => {
  test('opens on the overview with title, navigation and footer, without console errors', async () => {
    const { context, page, consoleErrors, requests } = await openPage(suite.browser);
    await page.goto(`${suite.server.origin}/`);
    await waitForApp(page);
    assert.equal(await page.title(), 'China–Kazakhstan Explorer');
    assert.equal(await page.getByRole('navigation', { name: 'Views' }).getByRole('link').count(), 6);
    assert.equal(
      await page.getByRole('link', { name: 'Overview' }).getAttribute('aria-current'),
      'page',
    );
    assert.match(await page.locator('footer').innerText(), /Data as of .*\d{4}.* public sources/);
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    assert.deepEqual(consoleErrors, []);
    assertSameOrigin(requests);
    await context.close();
  });

  test('navigates by clicking, keeps the URL in step, and the back button restores the view', async () => {
    const { context, page, consoleErrors } = await openPage(suite.browser);
    await page.goto(`${suite.server.origin}/`);
    await waitForApp(page);
    await page.getByRole('link', { name: 'Timeline' }).click();
    await page.getByRole('heading', { level: 1, name: /Timeline/ }).waitFor();
    assert.equal(new URL(page.url()).search, '?view=timeline');
    assert.equal(await page.getByRole('link', { name: 'Timeline' }).getAttribute('aria-current'), 'page');
    assert.equal(await page.title(), 'Timeline · China–Kazakhstan Explorer');

    await page.getByRole('link', { name: 'Compare' }).click();
    await page.getByRole('heading', { level: 1, name: /Compare/ }).waitFor();
    assert.equal(new URL(page.url()).search, '?view=compare');

    await page.goBack();
    await page.getByRole('heading', { level: 1, name: /Timeline/ }).waitFor();
    assert.equal(new URL(page.url()).search, '?view=timeline');
    await page.goBack();
    await page.getByRole('link', { name: 'Overview' }).and(page.locator('[aria-current="page"]')).waitFor();
    assert.equal(new URL(page.url()).search, '');
    assert.deepEqual(consoleErrors, []);
    await context.close();
  });

  test('after a change of view, focus moves to its heading and the change is announced', async () => {
    const { context, page } = await openPage(suite.browser);
    await page.goto(`${suite.server.origin}/`);
    await waitForApp(page);
    await page.getByRole('link', { name: 'Compare' }).click();
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Compare');
    assert.equal(await page.locator('[aria-live="polite"].cke-visually-hidden').textContent(), 'Compare');
    await context.close();
  });

  test('a deep link restores the view and unknown values fall back to defaults', async () => {
    const { context, page } = await openPage(suite.browser);
    await page.goto(`${suite.server.origin}/?view=sector&sector=trade&lang=xx&theme=neon`);
    await waitForApp(page);
    await page.getByRole('heading', { level: 1, name: 'Trade' }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Sectors' }).getAttribute('aria-current'), 'page');
    assert.equal(await page.locator('.cke').getAttribute('data-theme'), 'auto');

    await page.goto(`${suite.server.origin}/?view=nowhere&year=1800`);
    await waitForApp(page);
    assert.equal(await page.getByRole('link', { name: 'Overview' }).getAttribute('aria-current'), 'page');
    await context.close();
  });

  test('links are real links that open in a new tab with the same state', async () => {
    const { context, page } = await openPage(suite.browser);
    await page.goto(`${suite.server.origin}/?theme=dark`);
    await waitForApp(page);
    assert.equal(
      await page.getByRole('link', { name: 'Compare' }).getAttribute('href'),
      '/?view=compare&theme=dark',
    );
    await context.close();
  });

  test('the dark theme applies from the URL, the switch and the system preference', async () => {
    const background = (page) =>
      page.locator('.cke').evaluate((element) => getComputedStyle(element).backgroundColor);
    const light = 'rgb(255, 255, 255)';
    const dark = 'rgb(17, 24, 32)';

    const { context, page } = await openPage(suite.browser);
    await page.goto(`${suite.server.origin}/?theme=dark`);
    await waitForApp(page);
    assert.equal(await background(page), dark);
    await page.locator('#cke-theme').selectOption('light');
    assert.equal(await background(page), light);
    assert.equal(new URL(page.url()).search, '?theme=light');
    await context.close();

    const system = await openPage(suite.browser, { colorScheme: 'dark' });
    await system.page.goto(`${suite.server.origin}/`);
    await waitForApp(system.page);
    assert.equal(await background(system.page), dark);
    await system.context.close();
  });

  test('at 320 px nothing overflows horizontally', async () => {
    const { context, page } = await openPage(suite.browser, { viewport: { width: 320, height: 640 } });
    for (const query of ['', '?view=sector', '?view=sector&sector=energy', '?view=timeline', '?view=compare']) {
      await page.goto(`${suite.server.origin}/${query}`);
      await waitForApp(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${query || 'overview'} overflows by ${overflow}px at 320px`);
    }
    await context.close();
  });

  test('works by keyboard alone: skip link, navigation, visible focus', async () => {
    const { context, page } = await openPage(suite.browser);
    await page.goto(`${suite.server.origin}/`);
    await waitForApp(page);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    assert.equal(await skip.evaluate((element) => element === document.activeElement), true);
    const outline = await skip.evaluate((element) => getComputedStyle(element).outlineStyle);
    assert.equal(outline, 'solid');

    // Tab to the Compare tab and follow it with Enter.
    let guard = 0;
    while (!(await page.evaluate(() => document.activeElement?.textContent === 'Compare'))) {
      await page.keyboard.press('Tab');
      assert.ok((guard += 1) < 20, 'the Compare link is not reachable by Tab');
    }
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /Compare/ }).waitFor();
    assert.equal(new URL(page.url()).search, '?view=compare');
    await context.close();
  });

  // With no prerendered view to show (a debug build, a view or URL without a fragment); with
  // one, e2e/prerender.test.mjs checks the takeover.
  test('shows a skeleton while loading, then the content without any layout shift', async () => {
    const { context, page } = await openPage(suite.browser);
    await withoutPrerender(page);
    let release;
    const gate = new Promise((resolve) => (release = resolve));
    await page.route('**/data/events.json', async (route) => {
      await gate;
      await route.continue();
    });
    await page.addInitScript(() => {
      window.__cls = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__cls += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`${suite.server.origin}/`);
    await page.locator('.cke-skeleton').waitFor();
    assert.equal(await page.locator('.cke-main').getAttribute('aria-busy'), 'true');
    release();
    await waitForApp(page);
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.__cls), 0);
    await context.close();
  });

  test('a file that fails to load degrades only what depends on it, with a retry', async () => {
    const { context, page } = await openPage(suite.browser);
    let failures = 1;
    await page.route('**/data/series.json', async (route) => {
      if (failures > 0) {
        failures -= 1;
        await route.fulfill({ status: 404, body: 'gone' });
      } else {
        await route.continue();
      }
    });
    await page.goto(`${suite.server.origin}/`);
    await waitForApp(page);
    // The overview needs no series: it is all there, with a calm note naming the missing file.
    await page.getByRole('heading', { level: 1, name: 'China and Kazakhstan since 1992' }).waitFor();
    assert.equal(await page.locator('a.cke-card').count(), 11);
    const notice = page.getByRole('status').filter({ hasText: 'Part of the data' });
    assert.match(await notice.textContent(), /series\.json: the server answered 404/);
    assert.equal(await page.getByRole('alert').count(), 0, 'no error box: the page is usable');
    await notice.getByRole('button', { name: 'Try again' }).click();
    await notice.waitFor({ state: 'detached' });
    await waitForApp(page);
    assert.equal(failures, 0);
    await context.close();
  });

  test('a failed fetch shows what failed and a retry that works', async () => {
    const { context, page } = await openPage(suite.browser);
    let failures = 1;
    await page.route('**/data/sectors.json', async (route) => {
      if (failures > 0) {
        failures -= 1;
        await route.fulfill({ status: 500, body: 'boom' });
      } else {
        await route.continue();
      }
    });
    await page.goto(`${suite.server.origin}/`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), /could not be loaded/);
    assert.match(await alert.textContent(), /sectors\.json: the server answered 500/);
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('alert').waitFor({ state: 'detached' });
    await waitForApp(page);
    await page.getByRole('heading', { level: 1, name: 'China and Kazakhstan since 1992' }).waitFor();
    assert.equal(failures, 0);
    await context.close();
  });
});
