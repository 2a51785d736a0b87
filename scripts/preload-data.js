// The page's one script tag. Runs in <head> (async, as soon as it has arrived) and, for the view
// the URL names:
// 1. shows that view's prerendered markup (scripts/prerender.mjs) as soon as <body> exists and
//    the view's style sheets have arrived, so the reader reads it before the wasm has arrived;
//    the app takes over from it without a jump (src/services/takeover.rs);
// 2. then starts the app's downloads (its JS and wasm, and the first view's data, which the app's
//    own fetches in src/services/load/ then take) and the app itself (Trunk's loader). It starts
//    them once the prerendered view is painted, or known to be missing: the fragment's few KB do
//    not share a slow link with the app's 400 KB, and the view is shown first even where the
//    wasm comes as fast as the fragment (a cache, a loopback, Lighthouse's unthrottled load);
// 3. meanwhile, loads the browser's locale data for the reader's language (`Intl`).
// Written into dist/ by scripts/extract-loader.mjs, which fills in the neutral files (every
// data/*.json of the build), the loader's name and the preloads Trunk wrote for the app's JS and
// wasm, and hashes the file's name. A file, never
// inline: the page runs under a strict CSP. It must never show the wrong markup: whenever it
// cannot be sure, it shows none.

// 2. first, so that nothing below can keep the app from starting: once, when the fragment is
// painted or missing, and after 3 s in any case (a stalled fragment must not hold the app back;
// it may still replace the app's skeleton until the app shows its view).
const preload = (attributes) => {
  const link = document.createElement('link');
  for (const [name, value] of Object.entries(attributes)) link.setAttribute(name, value);
  document.head.append(link);
};
let started = false;
const start = () => {
  if (started) return;
  started = true;
  // The first view's data, and the reader's language's text only. A view without charts is
  // drawn without the charts' files, the map's places and the caveats, which the app fetches after it
  // (data::Collection::DEFERRED, View::needs_deferred). The app's fetch is a same-origin CORS request; a preload only serves
  // one that matches. A wrong guess costs a download, never a wrong page.
  try {
    // Marks the end of what the first paint can need: bench/run.mjs counts only the files asked
    // for before it (on a loopback, the app's files can arrive before the paint is timed).
    performance.mark('cke-app-downloads');
    // (View::needs_deferred: the views with charts, and the map, which needs the places.)
    const needsDeferred = ['sector', 'compare', 'map'].includes(view);
    const neutral = NEUTRAL_FILES.filter((file) => needsDeferred || !['series.json', 'comparisons.json', 'places.json', 'caveats.json'].includes(file));
    for (const file of [...neutral, `text/${lang}.json`]) {
      preload({ rel: 'preload', as: 'fetch', crossorigin: 'anonymous', href: `data/${file}` });
    }
    // The app's JS and wasm, as Trunk had preloaded them, beside the loader.
    for (const attributes of APP_PRELOADS) preload(attributes);
  } catch {
    // Preloads only save time: the app fetches what it needs.
  }
  const run = () => import(LOADER);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run, { once: true });
  else run();
};
setTimeout(start, 3000);
// Once the page has painted (a frame, then a task), or after 1 s if it does not paint (a hidden
// tab paints nothing; style sheets still on the way hold the paint back).
const afterPaint = (then) => {
  if (document.hidden) return then();
  requestAnimationFrame(() => setTimeout(then, 0));
  setTimeout(then, 1000);
};

const LANGUAGES = ['en', 'zh', 'ru', 'kk'];
const VIEWS = ['overview', 'story', 'sector', 'timeline', 'compare', 'map'];
const THEMES = ['auto', 'light', 'dark'];
const SECTORS = ['diplomacy', 'trade', 'investment', 'energy', 'transport', 'urban', 'agriculture',
  'medicine', 'tourism', 'education', 'subnational'];

// The query string read exactly as core/src/url.rs (Selection::from_query) reads it: leading `?`s
// dropped, pairs split at `&` and their first `=`, keys and values percent-decoded (`+` is a
// space, malformed escapes kept, bad UTF-8 replaced), values trimmed of Unicode White_Space (as
// Rust's str::trim), the first occurrence of a key counts.
const SPACE = '[\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const TRIM = new RegExp(`^${SPACE}+|${SPACE}+$`, 'g');
const HEX = /^[0-9a-fA-F]{2}$/;
const decode = (text) => {
  const bytes = new TextEncoder().encode(text);
  const out = [];
  for (let index = 0; index < bytes.length;) {
    const escape = String.fromCharCode(bytes[index + 1] ?? 0, bytes[index + 2] ?? 0);
    if (bytes[index] === 0x25 && index + 2 < bytes.length && HEX.test(escape)) {
      out.push(parseInt(escape, 16));
      index += 3;
    } else {
      out.push(bytes[index] === 0x2b ? 0x20 : bytes[index]);
      index += 1;
    }
  }
  // ignoreBOM: a byte order mark is kept, as Rust's from_utf8_lossy keeps it.
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(new Uint8Array(out));
};
const query = new Map();
for (const pair of location.search.replace(/^\?+/, '').split('&')) {
  const split = pair.indexOf('=');
  const key = decode(split < 0 ? pair : pair.slice(0, split));
  if (!query.has(key)) query.set(key, decode(split < 0 ? '' : pair.slice(split + 1)).replace(TRIM, ''));
}

// The reader's language as src/services/clock.rs picks it: `?lang=` if supported, else the
// first supported language of the browser (primary subtag, `zh-CN` → `zh`), else English.
const asked = LANGUAGES.includes(query.get('lang')) ? query.get('lang') : null;
const preferred = [...(navigator.languages ?? []), navigator.language]
  .filter(Boolean)
  .map((tag) => tag.split(/[-_]/)[0].toLowerCase())
  .find((lang) => LANGUAGES.includes(lang));
const lang = asked ?? preferred ?? 'en';
const view = VIEWS.includes(query.get('view')) ? query.get('view') : 'overview';

// 1. The prerendered view. The build writes its manifest into index.html (no manifest in a
// debug build: nothing to show). See scripts/prerender.mjs for what each field means.
const manifest = (() => {
  try {
    return JSON.parse(document.querySelector('meta[name="cke-prerender"]')?.content ?? 'null');
  } catch {
    return null;
  }
})();
// Which fragment the URL names, or none: the sector list, a year, an event, a chosen chart, a
// story's step or a timeline filter change what the app draws (and what its links carry), so they have none.
const sectors = SECTORS.filter((id) => (query.get('sector') ?? '').split(',').some((item) => item.replace(TRIM, '') === id));
const chosen = ['year', 'event', 'chart', 'step', 'place'].some((key) => query.has(key));
const key = chosen ? null
  : view === 'sector' ? (sectors.length === 1 ? `sector-${sectors[0]}` : null)
  : sectors.length === 0 ? view : null;
const theme = THEMES.includes(query.get('theme')) ? query.get('theme') : 'auto';
const embed = query.get('embed') === '1';

// The reader's local date, as the app's clock reads it.
const today = () => {
  const now = new Date();
  const two = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
};

// The fragment's file name for this reader, or null.
function fragmentName() {
  const entry = manifest?.views?.[key];
  if (!entry) return null;
  // A view drawn from today's date is the same only on the day it was drawn, or, if only its
  // "today" marker and not-yet-covered band move (the timeline), from that day to the end of
  // its year, those two moved here (moveToday); the others from the data's date on.
  const date = today();
  const sameYear = date >= manifest.day && date.slice(0, 4) === manifest.day.slice(0, 4);
  if (entry.day ? date !== manifest.day : entry.year ? !sameYear : date < manifest.from) return null;
  let width = '';
  if (entry.width) {
    // Charts and the timeline's axis are drawn at the width of the page's column. The narrow
    // markup keeps every chart's box (only the inside of a chart is redrawn), the wide one is
    // exact wherever the column has its full width; between them, or at another root font
    // size, nothing is shown.
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
    if (rem !== manifest.rem) return null;
    if (innerWidth <= manifest.narrow.max) width = '.narrow';
    else if (innerWidth >= manifest.wide.min) width = '.wide';
    else return null;
  }
  return `${key}-${lang}${embed ? '-embed' : ''}${width}.html`;
}

// Rewrites an in-app link of the fragment (drawn at `/` with the default settings) for this
// page's path and settings, as the app's links carry them (Selection::with_settings_from,
// to_query: lang, theme, embed last, in that order; Nav::href).
function appHref(captured) {
  const [, search = ''] = captured.split('?');
  const pairs = search ? search.split('&') : [];
  const kept = pairs.filter((pair) => !/^(lang|theme|embed)=/.test(pair));
  if (asked) kept.push(`lang=${asked}`);
  if (theme !== 'auto') kept.push(`theme=${theme}`);
  if (pairs.includes('embed=1')) kept.push('embed=1');
  return kept.length ? `${location.pathname}?${kept.join('&')}` : location.pathname;
}

// Rust's `{:.1}`: one decimal, an exact tie rounded to even. A double is an exact tie at one
// decimal only when its fraction is .25 or .75 (x.x5 is not a binary fraction otherwise), and
// toFixed rounds .25 up where Rust gives .2.
const oneDecimal = (value) => {
  const whole = Math.floor(value);
  return value - whole === 0.25 ? `${whole}.2` : value.toFixed(1);
};

// Moves the timeline's "today" marker and its band of days not yet covered from the day the
// fragment was drawn (manifest.day) to the reader's `date`, as the app places them: the
// marker's data-cke-scale is the scale (window start, span in days, width in px) and
// x(day) = (day − start) × (width ÷ span) (core/src/timeline/scale.rs, Scale::x); the marker
// stands at today + ½, the band runs from its data-cke-from to the end of today, cut to the
// axis, its label across it from 120 px (coverage.rs, components/freshness.rs); both names
// spell the date with the app's formatter (services/intl.rs, format_date).
function moveToday(root, date) {
  const marker = root.querySelector('.cke-tl-today[data-cke-scale]');
  if (!marker || date === manifest.day) return;
  const [start, span, width] = marker.dataset.ckeScale.split(' ').map(Number);
  const dayNumber = (text) => Date.UTC(Number(text.slice(0, 4)), Number(text.slice(5, 7)) - 1, Number(text.slice(8, 10))) / 86_400_000;
  const x = (day) => (day - start) * (span > 0 ? width / span : 0);
  const today = dayNumber(date);
  const spell = (text) => new Intl.DateTimeFormat(lang === 'zh' ? 'zh-Hans' : lang, {
    year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC',
  }).format(new Date(dayNumber(text) * 86_400_000));
  const [drawnOn, readerDay] = [spell(manifest.day), spell(date)];
  const rename = (element) => element.setAttribute('aria-label', element.getAttribute('aria-label').replace(drawnOn, readerDay));
  marker.style.left = `${oneDecimal(x(today + 0.5))}px`;
  rename(marker);
  const band = root.querySelector('.cke-tl-uncovered[data-cke-from]');
  if (band) {
    const left = Math.max(x(Number(band.dataset.ckeFrom)), 0);
    const right = Math.min(x(today + 1), width);
    band.style.left = `${oneDecimal(left)}px`;
    band.style.width = `${oneDecimal(right - left)}px`;
    band.dataset.across = String(right - left >= 120);
    rename(band);
  }
}

// Parses a fragment and makes it what the app draws on this page; null if it is not one.
function build(text) {
  const template = document.createElement('template');
  template.innerHTML = text;
  const root = template.content.firstElementChild;
  if (!root?.matches('.cke[data-cke-prerender]')) return null;
  // Inline styles were moved to data-cke-style by the build: a strict CSP (style-src 'self')
  // blocks style attributes parsed from markup, never styles set through the CSSOM. The
  // attribute keeps its place among the element's attributes.
  for (const element of root.querySelectorAll('[data-cke-style]')) {
    const attributes = [...element.attributes];
    const at = attributes.findIndex((attribute) => attribute.name === 'data-cke-style');
    for (const attribute of attributes.slice(at)) element.removeAttribute(attribute.name);
    element.style.cssText = attributes[at].value;
    for (const attribute of attributes.slice(at + 1)) element.setAttribute(attribute.name, attribute.value);
  }
  for (const link of root.querySelectorAll('a[href^="/"]')) link.setAttribute('href', appHref(link.getAttribute('href')));
  moveToday(root, today());
  root.setAttribute('data-theme', theme);
  for (const option of root.querySelectorAll('#cke-theme option')) option.toggleAttribute('selected', option.value === theme);
  // At another narrow width than the one drawn, each chart keeps the box the app will draw.
  if (name.endsWith('.narrow.html') && innerWidth !== manifest.narrow.drawn) {
    for (const svg of root.querySelectorAll('svg.cke-chart__svg[height]')) svg.style.height = `${svg.getAttribute('height')}px`;
  }
  // Without the wasm (blocked, too old), the language and theme switches still work, by a
  // full page load; the app's own root replaces these.
  for (const select of root.querySelectorAll('#cke-lang, #cke-theme')) {
    select.addEventListener('change', () => {
      const url = new URL(location.href);
      url.searchParams.set(select.id === 'cke-lang' ? 'lang' : 'theme', select.value);
      location.assign(url);
    });
  }
  document.documentElement.lang = root.dataset.ckeLang ?? document.documentElement.lang;
  document.title = root.dataset.ckeTitle ?? document.title;
  root.removeAttribute('data-cke-lang');
  root.removeAttribute('data-cke-title');
  return root;
}

// The view style sheets the build took out of the head (scripts/later-styles.mjs): every view
// but the overview needs them. Such a view's fragment waits for them (a sheet that fails is
// removed, so that the app adds it again, and no fragment is shown); the overview's app loads
// them when the browser is idle (src/services/chunk.rs, view_styles, which finds these links).
const styled = (() => {
  if (view === 'overview') return Promise.resolve();
  try {
    const hrefs = (document.querySelector('meta[name="cke-later-styles"]')?.content ?? '').split(/\s+/).filter(Boolean);
    return Promise.all(hrefs.map((href) => new Promise((loaded, failed) => {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = href;
      link.setAttribute('blocking', 'render');
      link.addEventListener('load', loaded, { once: true });
      link.addEventListener('error', () => {
        link.remove();
        failed(new Error(href));
      }, { once: true });
      document.head.append(link);
    })));
  } catch (error) {
    return Promise.reject(error);
  }
})();
// Without a fragment to show, a failed sheet is the app's to report (with a retry).
styled.catch(() => {});

let name = null;
try {
  name = key && fragmentName();
} catch {
  name = null;
}
if (!name) start();
else {
  fetch(`${manifest.dir}/${name}`)
    .then((response) => (response.ok ? response.text() : Promise.reject(new Error(response.status))))
    .then((text) => styled.then(() => text))
    .then((text) => {
      const insert = () => {
        // Too late once the app shows its own view (src/services/takeover.rs).
        if (document.documentElement.hasAttribute('data-cke-shown')) return;
        let root = null;
        try {
          root = build(text);
        } catch {
          root = null;
        }
        if (!root) return start();
        // An app that has started meanwhile waits hidden behind this view, as it would have.
        for (const app of document.querySelectorAll('body > .cke')) app.setAttribute('data-cke-pending', '');
        document.body.prepend(root);
        // A map drawn wider than a phone's screen opens where the app would open it
        // (components/locator.rs: data-cke-pan is the fraction of its width to centre).
        for (const pan of root.querySelectorAll('[data-cke-pan]')) {
          pan.scrollLeft = Number(pan.getAttribute('data-cke-pan')) * pan.scrollWidth - pan.clientWidth / 2;
        }
        afterPaint(start);
      };
      if (document.body) insert();
      else document.addEventListener('DOMContentLoaded', insert, { once: true });
    })
    .catch(start);
}

// 3. While the fragment and the app are on their way, the browser's locale data for the reader's
// language is loaded, one formatter per task: the first `Intl.NumberFormat` or
// `Intl.DateTimeFormat` of a page loads it, which took 20–30 ms of a fast CPU inside the app's
// first draw (src/services/intl.rs); made here, in the wait for the network, the app's own
// formatters cost little. The options are the app's (NumberStyle::Exact, Compact, a day's date).
{
  const locale = lang === 'zh' ? 'zh-Hans' : lang;
  const warm = [
    () => new Intl.NumberFormat(locale, { maximumFractionDigits: 20 }).format(1.5),
    () => new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(0),
    () => new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(15000),
  ];
  const next = () => {
    const step = warm.shift();
    if (!step) return;
    try {
      step();
    } catch {
      // Only saves time: the app makes its own formatters.
    }
    setTimeout(next, 0);
  };
  setTimeout(next, 0);
}
