// The guided story (view=story&step=N) in headless Chromium against the release build: the
// overview offers it first; each step shows what happened with its sources, the number that
// shows it with its source and the small timeline with its year; the ← and → keys, a swipe and
// the buttons move between steps and the URL follows (deep links, back button, out-of-range
// steps); embedded, the host's URL is left alone; axe-core finds nothing in four languages.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { AXE_TAGS, DIST, openPage, useServedApp, waitForApp } from './harness.mjs';

const suite = useServedApp();
const LANGS = ['en', 'zh', 'ru', 'kk'];

const readJson = async (path) => JSON.parse(await readFile(join(DIST, 'data', path), 'utf8'));
const { steps } = await readJson('story.json');
const texts = Object.fromEntries(await Promise.all(LANGS.map(async (lang) => [lang, (await readJson(`text/${lang}.json`)).text])));
const heading = (lang, number) => texts[lang][`step.${steps[number - 1].id}.title`];

async function open(query, options = {}) {
  const opened = await openPage(suite.browser, { reducedMotion: 'reduce', ...options });
  await opened.page.goto(`${suite.server.origin}/${query}`);
  await waitForApp(opened.page);
  return opened;
}
const step = (page) => new URL(page.url()).searchParams.get('step');
/** Waits until the story shows step `number` (1-based) in `lang`. */
async function shows(page, number, lang = 'en') {
  await page.locator(`.cke-story__step[data-step="${number}"]`).waitFor();
  assert.equal(await page.locator('.cke-story__step h2').innerText(), heading(lang, number));
}

describe('the guided story', () => {
  test('has 10 to 15 steps, and the overview offers it first', async () => {
    assert.ok(steps.length >= 10 && steps.length <= 15, `${steps.length} steps`);
    const { context, page, consoleErrors } = await open('');
    // The story's entry is the first thing after the overview's heading, lines and lede.
    const first = await page.locator('.cke-main a').first();
    assert.match(await first.getAttribute('class'), /cke-story-entry/);
    await first.click();
    await page.getByRole('heading', { level: 1, name: 'The story since 1992' }).waitFor();
    assert.equal(new URL(page.url()).searchParams.get('view'), 'story');
    await shows(page, 1);
    assert.deepEqual(consoleErrors, []);
    await context.close();
  });

  test('each step shows what happened with its sources, the number with its source, and its year on the timeline', async () => {
    const { context, page } = await open('?view=story');
    for (let number = 1; number <= steps.length; number += 1) {
      if (number > 1) await page.keyboard.press('ArrowRight');
      await shows(page, number);
      const { event, figure } = steps[number - 1];
      assert.equal(await page.locator('.cke-story__event').innerText(), texts.en[`event.${event}.title`]);
      assert.ok(await page.locator('.cke-story__text .cke-sources li').count() >= 1);
      const card = page.locator(`.cke-story__number #figure-${figure}`);
      assert.match(await card.locator('.cke-figure__details > summary').innerText(), /^Source: /);
      assert.match(await page.locator('.cke-story__counter').innerText(), new RegExp(`^Step ${number} of ${steps.length}$`, 'i'));
      // The small timeline marks the step's year, and its step dot.
      const year = await page.locator('.cke-story-axis__year').textContent();
      assert.match(await page.locator('.cke-story__date time').getAttribute('datetime'), new RegExp(`^${year}`));
      assert.equal(await page.locator('.cke-story-axis__step[data-current]').count(), 1);
      assert.match(await page.locator('.cke-story-axis svg').getAttribute('aria-label'), new RegExp(`${year} marked`));
    }
    assert.equal(year1992(await page.locator('.cke-story-axis__end').first().textContent()), true);
    await context.close();
  });

  test('the arrow keys, the buttons and a swipe move between steps, and the URL follows', async () => {
    const { context, page, consoleErrors } = await open('?view=story');
    await shows(page, 1);
    assert.equal(step(page), null);
    // ← on the first step stays there; → goes on.
    assert.equal(await page.locator('.cke-story__prev').getAttribute('aria-disabled'), 'true');
    await page.keyboard.press('ArrowLeft');
    await shows(page, 1);
    await page.keyboard.press('ArrowRight');
    await shows(page, 2);
    assert.equal(step(page), '2');
    await page.keyboard.press('ArrowRight');
    await shows(page, 3);
    await page.keyboard.press('ArrowLeft');
    await shows(page, 2);
    // The buttons, by mouse and by keyboard (Enter on a focused link).
    await page.locator('.cke-story__next').click();
    await shows(page, 3);
    await page.locator('.cke-story__prev').focus();
    await page.keyboard.press('Enter');
    await shows(page, 2);
    assert.equal(step(page), '2');
    // A numbered step.
    await page.locator('.cke-story__dots a').nth(steps.length - 1).click();
    await shows(page, steps.length);
    assert.equal(await page.locator('.cke-story__next').getAttribute('aria-disabled'), 'true');
    assert.equal(await page.locator('.cke-story__dots a[aria-current="page"] > [aria-hidden]').innerText(), String(steps.length));
    // The back button steps back through the steps.
    await page.goBack();
    await shows(page, 2);
    // A sideways swipe (touch pointer events): right to left is the next step.
    const swipe = (from, to) => page.locator('.cke-story__stage').evaluate((stage, [from, to]) => {
      const at = (type, x) => stage.dispatchEvent(new PointerEvent(type, { pointerType: 'touch', clientX: x, clientY: 300, bubbles: true }));
      at('pointerdown', from);
      at('pointerup', to);
    }, [from, to]);
    await swipe(300, 100);
    await shows(page, 3);
    await swipe(100, 300);
    await shows(page, 2);
    // A short or vertical move does nothing.
    await swipe(200, 180);
    await shows(page, 2);
    // Keys typed in a field are left alone: the language menu keeps its arrows.
    await page.locator('.cke-header select').first().focus();
    await page.keyboard.press('ArrowRight');
    assert.equal(step(page), '2');
    assert.deepEqual(consoleErrors, []);
    await context.close();
  });

  test('a deep link opens its step, in its language; a step out of range opens the first', async () => {
    for (const lang of LANGS) {
      const { context, page } = await open(`?view=story&step=5&lang=${lang}`);
      await shows(page, 5, lang);
      assert.equal(await page.locator('html').getAttribute('lang'), lang === 'zh' ? 'zh-Hans' : lang);
      await context.close();
    }
    for (const bad of ['0', '99', 'x', '-3']) {
      const { context, page } = await open(`?view=story&step=${bad}`);
      await shows(page, 1);
      await context.close();
    }
    // A link to the event on the timeline keeps the reader's settings.
    const { context, page } = await open('?view=story&step=4&theme=dark');
    await page.locator('.cke-story__event a').click();
    await page.getByRole('heading', { level: 1, name: /Timeline/ }).waitFor();
    const search = new URL(page.url()).searchParams;
    assert.equal(search.get('event'), steps[3].event);
    assert.equal(search.get('theme'), 'dark');
    assert.equal(search.get('step'), null);
    await context.close();
  });

  test('embedded, the story moves inside the frame and leaves the URL alone', async () => {
    const { context, page } = await open('?view=story&step=2&embed=1');
    await shows(page, 2);
    const before = page.url();
    await page.keyboard.press('ArrowRight');
    await shows(page, 3);
    assert.equal(page.url(), before);
    await context.close();
  });

  test('on a phone the step fits the width and its buttons are large enough to touch', async () => {
    const { context, page } = await open('?view=story&step=6', { viewport: { width: 375, height: 667 } });
    await shows(page, 6);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 375));
    for (const box of await page.locator('.cke-story__btn, .cke-story__dots a').evaluateAll((links) => links.map((link) => link.getBoundingClientRect()))) {
      assert.ok(box.width >= 24 && box.height >= 24, JSON.stringify(box));
    }
    await context.close();
  });

  test('axe-core finds no violations in the story in four languages and both themes', async () => {
    for (const lang of LANGS) {
      for (const theme of ['light', 'dark']) {
        const { context, page } = await open(`?view=story&step=3&lang=${lang}&theme=${theme}`);
        await shows(page, 3, lang);
        const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
        const summary = results.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target).join(' | ')}`);
        assert.deepEqual(summary, [], `${lang} ${theme}`);
        await context.close();
      }
    }
  });
});

function year1992(text) {
  return text.trim() === '1992';
}
