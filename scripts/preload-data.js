// Starts the data downloads while the wasm downloads, instead of after it has run: the app's
// own fetches (src/load.rs) then take these answers, and the first view is drawn sooner.
// Written into dist/ by scripts/extract-loader.mjs, which fills in the neutral files (every
// data/*.json of the build) and hashes the name. The text file is the reader's language only,
// chosen as src/url.rs does: `?lang=` if supported, else the first supported language of the
// browser (primary subtag, `zh-CN` → `zh`), else English. A wrong guess costs a download,
// never a wrong page: the app still fetches what it needs.
const LANGUAGES = ['en', 'zh', 'ru', 'kk'];
// The first `lang=` counts, trimmed, as in src/url.rs (Selection::from_query).
const asked = new URLSearchParams(location.search).get('lang')?.trim();
const preferred = [...(navigator.languages ?? []), navigator.language]
  .filter(Boolean)
  .map((tag) => tag.split(/[-_]/)[0].toLowerCase())
  .find((lang) => LANGUAGES.includes(lang));
const lang = LANGUAGES.includes(asked) ? asked : preferred ?? 'en';
for (const file of [...NEUTRAL_FILES, `text/${lang}.json`]) {
  const link = document.createElement('link');
  link.rel = 'preload';
  link.as = 'fetch';
  // The app's fetch is a same-origin CORS request; a preload only serves one that matches.
  link.crossOrigin = 'anonymous';
  link.href = `data/${file}`;
  document.head.append(link);
}
