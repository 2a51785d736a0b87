// The explainer in each of its four languages: every view renders with the right `<html lang>`,
// with no text left in English (neither an interface string nor a content text) and no
// fallback marker, fetches only its own language's text, passes axe-core, and is saved as a
// screenshot at 375 and 1280 px for review (e2e/artifacts/languages/).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { AXE_TAGS, openAllDetails, openPage, useServedApp, waitForApp } from './harness.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const SHOTS = join(ROOT, 'e2e', 'artifacts', 'languages');

const LANGUAGES = [
  { lang: 'en', tag: 'en', switcher: 'English' },
  { lang: 'zh', tag: 'zh-Hans', switcher: '中文' },
  { lang: 'ru', tag: 'ru', switcher: 'Русский' },
  { lang: 'kk', tag: 'kk', switcher: 'Қазақша' },
];

const VIEWS = [
  { name: 'overview', query: '' },
  { name: 'sector', query: 'view=sector&sector=trade&' },
  { name: 'timeline', query: 'view=timeline&event=2013-09-silk-road-economic-belt&' },
  { name: 'compare', query: 'view=compare&' },
];

/** The English interface strings of `core/src/strings/en.rs`, each form of a plural template. */
function englishInterfaceStrings() {
  const source = readFileSync(join(ROOT, 'core', 'src', 'strings', 'en.rs'), 'utf8');
  const strings = [];
  for (const [, literal] of source.matchAll(/Ui::\w+ => ("(?:[^"\\]|\\.)*")/g)) {
    for (const form of JSON.parse(literal).split('|')) {
      // The fixed part of a template: its longest stretch between placeholders.
      const fixed = form.split(/\{[a-zA-Z]+\}/).sort((a, b) => b.length - a.length)[0].trim();
      strings.push(fixed);
    }
  }
  return strings;
}

/** English content texts long enough that finding one on a page cannot be a coincidence. */
function englishContentTexts() {
  const { text } = JSON.parse(readFileSync(join(ROOT, 'public', 'data', 'text', 'en.json'), 'utf8'));
  return Object.values(text);
}

/** Phrases that look English on any page because they are names, not text to translate. */
const NAMES = new Set(['China Daily', 'CGTN', 'CSV', 'SVG', 'PNG', 'TEU', 'Enter', 'Escape', 'Home', 'End']);

/**
 * The English interface strings (of two words or more) and content texts found in the page's
 * visible text, leaving out the sources' own titles and publishers (cited as published) and
 * the language switcher (each language named in itself).
 */
async function englishLeftOn(page, interfaceStrings, contentTexts) {
  const visible = await page.evaluate(() => {
    const root = document.querySelector('.cke').cloneNode(true);
    root.querySelectorAll('.cke-source, .cke-source-details, .cke-footer details, #cke-lang, [lang]')
      .forEach((node) => node.remove());
    return root.textContent;
  });
  const found = interfaceStrings.filter(
    (text) => text.split(' ').length >= 2 && !NAMES.has(text) && visible.includes(text),
  );
  found.push(...contentTexts.filter((text) => text.length >= 12 && visible.includes(text)));
  return [...new Set(found)];
}

const suite = useServedApp();

describe('four languages', () => {
  const interfaceStrings = englishInterfaceStrings();
  const contentTexts = englishContentTexts();
  mkdirSync(SHOTS, { recursive: true });

  for (const { lang, tag, switcher } of LANGUAGES.filter(({ lang }) => lang !== 'en')) {
    test(`${switcher}: every view is in ${lang}, fetches only its own text, and passes axe-core`, async () => {
      const { context, page, consoleErrors, requests } = await openPage(suite.browser);
      const problems = [];
      for (const view of VIEWS) {
        await page.goto(`${suite.server.origin}/?${view.query}lang=${lang}`);
        await waitForApp(page);
        await openAllDetails(page);
        assert.equal(await page.getAttribute('html', 'lang'), tag, `${view.name}: <html lang>`);
        if (/China|Explorer/.test(await page.title())) problems.push(`${view.name}: the page title is in English`);
        const body = await page.locator('.cke').innerText();
        if (body.includes('⟦')) problems.push(`${view.name}: a fallback marker is shown`);
        if (/\{[a-zA-Z]+\}/.test(body)) problems.push(`${view.name}: an unfilled placeholder is shown`);
        for (const text of await englishLeftOn(page, interfaceStrings, contentTexts)) {
          problems.push(`${view.name}: still in English: ${JSON.stringify(text)}`);
        }
        const axe = await new AxeBuilder({ page })
          .withTags(AXE_TAGS)
          .analyze();
        for (const violation of axe.violations) {
          problems.push(`${view.name}: axe ${violation.id} (${violation.nodes.length}) ${violation.nodes[0]?.target}`);
        }
      }
      const texts = requests.filter((url) => url.includes('/data/text/'));
      assert.ok(texts.length > 0, 'a text file was fetched');
      assert.deepEqual(
        [...new Set(texts.map((url) => new URL(url).pathname))],
        [`/data/text/${lang}.json`],
        'only the reader’s language is fetched',
      );
      assert.deepEqual(problems, []);
      assert.deepEqual(consoleErrors, []);
      await context.close();
    });
  }

  test('the switch changes the language in place, into the URL, and back', async () => {
    const { context, page } = await openPage(suite.browser);
    let release;
    const arrived = new Promise((resolve) => (release = resolve));
    await page.route('**/data/text/kk.json', async (route) => {
      await arrived;
      await route.continue();
    });
    await page.goto(`${suite.server.origin}/?view=timeline`);
    await waitForApp(page);
    await page.locator('#cke-lang').selectOption('kk');
    await page.locator('html[lang="kk"]').waitFor();
    // While the Kazakh text is on the way, the English page stays, marked busy.
    assert.equal(await page.locator('.cke-main').getAttribute('aria-busy'), 'true');
    assert.equal(await page.locator('h1').first().innerText(), 'Timeline since 1992');
    release();
    await page.locator('.cke-main[aria-busy="false"]').waitFor();
    assert.equal(new URL(page.url()).search, '?view=timeline&lang=kk');
    assert.equal(await page.locator('#cke-lang').inputValue(), 'kk');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    assert.match(await page.locator('h1').first().innerText(), /[әғқңөұүһі]/i);
    await page.goBack();
    await page.locator('html[lang="en"]').waitFor();
    assert.equal(new URL(page.url()).search, '?view=timeline');
    await context.close();
  });

  test('the browser’s language is the default, and the URL wins over it', async () => {
    const { context, page, requests } = await openPage(suite.browser, { locale: 'ru-RU' });
    // The preloader (scripts/preload-data.js) must pick the same language as the app, or a
    // second text file is downloaded.
    const texts = () => [...new Set(requests.splice(0).filter((url) => url.includes('/data/text/'))
      .map((url) => new URL(url).pathname))];
    await page.goto(`${suite.server.origin}/`);
    await waitForApp(page);
    assert.equal(await page.getAttribute('html', 'lang'), 'ru');
    assert.deepEqual(texts(), ['/data/text/ru.json']);
    await page.goto(`${suite.server.origin}/?lang=zh`);
    await waitForApp(page);
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-Hans');
    assert.deepEqual(texts(), ['/data/text/zh.json']);
    // The first `lang=` wins; an unknown one leaves the browser's language.
    await page.goto(`${suite.server.origin}/?lang=%20kk&lang=zh`);
    await waitForApp(page);
    assert.equal(await page.getAttribute('html', 'lang'), 'kk');
    assert.deepEqual(texts(), ['/data/text/kk.json']);
    await page.goto(`${suite.server.origin}/?lang=xx&lang=zh`);
    await waitForApp(page);
    assert.equal(await page.getAttribute('html', 'lang'), 'ru');
    assert.deepEqual(texts(), ['/data/text/ru.json']);
    await context.close();
  });

  test('numbers and dates are spelt by the browser for each language', async () => {
    const { context, page } = await openPage(suite.browser);
    const seen = {};
    for (const { lang } of LANGUAGES) {
      await page.goto(`${suite.server.origin}/?view=sector&sector=trade&lang=${lang}`);
      await waitForApp(page);
      seen[lang] = await page.locator('.cke-main').innerText();
    }
    // China's customs' 2024 trade: US$43.82 bn, with the locale's decimal separator.
    assert.match(seen.en, /43\.82/);
    assert.match(seen.ru, /43,82/);
    assert.match(seen.kk, /43,82/);
    assert.match(seen.zh, /43\.82/);
    // A month name from Intl in each language.
    assert.match(seen.ru, /(января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря)/);
    assert.match(seen.zh, /\d{4}年\d{1,2}月/);
    assert.match(seen.kk, /(қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан)/);
    await context.close();
  });

  for (const width of [375, 1280]) {
    test(`screenshots of every view in every language at ${width} px, with no sideways scroll`, async () => {
      const { context, page } = await openPage(suite.browser, { viewport: { width, height: 900 } });
      const overflowing = [];
      for (const { lang } of LANGUAGES) {
        for (const view of VIEWS) {
          await page.goto(`${suite.server.origin}/?${view.query}lang=${lang}`);
          await waitForApp(page);
          const wide = await page.evaluate(() => document.documentElement.scrollWidth);
          if (wide > width) overflowing.push(`${lang} ${view.name}: ${wide} px`);
          await page.screenshot({ path: join(SHOTS, `${lang}-${view.name}-${width}.png`), fullPage: true });
        }
      }
      assert.deepEqual(overflowing, []);
      await context.close();
    });
  }

  test('long Russian and Kazakh labels fit a 320 px screen', async () => {
    const { context, page } = await openPage(suite.browser, { viewport: { width: 320, height: 800 } });
    const overflowing = [];
    for (const lang of ['ru', 'kk']) {
      for (const view of VIEWS) {
        await page.goto(`${suite.server.origin}/?${view.query}lang=${lang}`);
        await waitForApp(page);
        const wide = await page.evaluate(() => document.documentElement.scrollWidth);
        if (wide > 320) overflowing.push(`${lang} ${view.name}: ${wide} px`);
      }
    }
    assert.deepEqual(overflowing, []);
    await context.close();
  });
});
