// The timeline at a glance (1280 px): titles on two lines, and none cut without its full text
// reachable by hover and by focus; few clusters that say what they hold ("7 events: Diplomacy
// and security; Energy…"), with nothing lost; era names whole on hover and focus. On a phone
// the list stays the main form.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DIST, openPage, useServedApp, waitForApp } from './harness.mjs';

const suite = useServedApp();
const { events } = JSON.parse(await readFile(join(DIST, 'data', 'events.json'), 'utf8'));
const texts = JSON.parse(await readFile(join(DIST, 'data', 'text', 'en.json'), 'utf8')).text;

async function open(query = '', viewport = { width: 1280, height: 800 }) {
  const opened = await openPage(suite.browser, { reducedMotion: 'reduce', viewport });
  await opened.page.goto(`${suite.server.origin}/?view=timeline${query}`);
  await waitForApp(opened.page);
  await opened.page.locator('.cke-tl-list').waitFor();
  return opened;
}

/** Whether an element's text is cut (clamped or ellipsed). */
const CUT = (element) => element.scrollHeight > element.clientHeight + 1 || element.scrollWidth > element.clientWidth + 1;

describe('the timeline at a glance', () => {
  for (const [name, query] of [['the whole span', ''], ['a crowded year', '&year=2025'], ['a zoomed decade', '&year=2005']]) {
    test(`no title is cut without its full text on hover and focus (${name})`, async () => {
      const { context, page, consoleErrors } = await open(query);
      // What the axis draws at first: each title, whole in the button's title (hover) and name.
      const drawn = await page.locator('.cke-tl-event').evaluateAll((buttons, cut) => buttons.map((b) => {
        const label = b.querySelector('.cke-tl-label');
        return { id: b.dataset.id, title: b.getAttribute('title'), name: b.getAttribute('aria-label'), text: label.textContent, cut: new Function(`return (${cut})`)()(label) };
      }), CUT.toString());
      assert.ok(drawn.length >= 3);
      const ids = drawn.map((item) => item.id);
      for (const item of drawn) {
        const full = texts[`event.${item.id}.title`];
        assert.equal(item.title, full);
        assert.equal(item.text, full);
        assert.ok(item.name.includes(full), item.id);
      }
      const cutIds = drawn.filter((item) => item.cut).map((item) => item.id);
      const cut = cutIds.length;
      // Focused (the focused event keeps its place on the axis), a cut label shows its whole text.
      for (const id of cutIds) {
        const button = page.locator(`.cke-tl-event[data-id="${id}"]`);
        // Focusing the one before may have moved this one into a cluster: then it is not drawn.
        if ((await button.count()) === 0) continue;
        await button.evaluate((element) => element.focus());
        await page.waitForFunction((id) => document.activeElement?.dataset.id === id, id);
        assert.equal(await page.locator(`.cke-tl-event[data-id="${id}"] .cke-tl-label`).evaluate(CUT), false, `${id} focused`);
      }
      // Most titles are whole at a glance (two lines).
      assert.ok(cut <= ids.length / 2, `${cut} of ${ids.length} titles cut`);
      // Hovered, too.
      await page.evaluate(() => document.activeElement?.blur());
      const first = page.locator('.cke-tl-event').first();
      await first.hover();
      assert.equal(await first.locator('.cke-tl-label').evaluate(CUT), false);
      assert.deepEqual(consoleErrors, []);
      await context.close();
    });
  }

  test('clusters are few and say what they hold, and nothing is lost', async () => {
    const { context, page } = await open();
    const clusters = await page.locator('.cke-tl-cluster').evaluateAll((buttons) => buttons.map((b) => ({
      count: Number(b.dataset.count),
      text: b.innerText,
      title: b.getAttribute('title'),
      name: b.getAttribute('aria-label'),
    })));
    assert.ok(clusters.length >= 1 && clusters.length <= 7, `${clusters.length} clusters`);
    const sectorNames = Object.entries(texts).filter(([key]) => /^sector\.[a-z]+\.name$/.test(key)).map(([, name]) => name);
    for (const cluster of clusters) {
      assert.match(cluster.text, new RegExp(`^${cluster.count} events?\\n`));
      assert.doesNotMatch(cluster.text, /^\+/);
      assert.match(cluster.title, new RegExp(`^${cluster.count} events?, \\d{4}( – \\d{4})?: `));
      const named = sectorNames.filter((sector) => cluster.title.includes(sector));
      assert.ok(named.length >= 1, cluster.title);
      assert.ok(cluster.text.includes(named[0].slice(0, 8)), `${cluster.text} names ${named[0]}`);
      assert.match(cluster.name, /Zoom in$/);
    }
    const drawn = await page.locator('.cke-tl-event').count();
    assert.equal(drawn + clusters.reduce((sum, c) => sum + c.count, 0), events.length);
    // A cluster still zooms in.
    const before = await page.locator('.cke-tl-event').count();
    await page.locator('.cke-tl-cluster').last().click();
    await page.waitForFunction((before) => document.querySelectorAll('.cke-tl-event').length !== before
      || document.querySelector('.cke-tl-status')?.textContent.match(/Showing (\d+)/)?.[1] !== String(before), before);
    await context.close();
  });

  test('era names are whole in their names, and on hover and focus', async () => {
    const { context, page } = await open();
    const eras = page.locator('button.cke-tl-era');
    const count = await eras.count();
    assert.ok(count >= 5);
    for (let index = 0; index < count; index += 1) {
      const era = eras.nth(index);
      const name = await era.locator('span').textContent();
      assert.ok((await era.getAttribute('aria-label')).includes(name));
      await era.focus();
      assert.equal(await era.locator('span').evaluate(CUT), false, name);
    }
    await context.close();
  });

  test('on a phone the list stays the main form', async () => {
    const { context, page } = await open('', { width: 375, height: 667 });
    assert.equal(await page.locator('.cke-tl-axis').isVisible(), false);
    assert.ok(await page.locator('.cke-tl-item').count() > 5);
    await context.close();
  });
});
