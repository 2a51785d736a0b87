// Starts the first view's data downloads while the wasm downloads, instead of after it has run:
// the app's own fetches (src/services/load/) then take these answers, and the first view is drawn sooner.
// Written into dist/ by scripts/extract-loader.mjs, which fills in the neutral files (every
// data/*.json of the build) and hashes the name. The text file is the reader's language only,
// chosen as src/url.rs does: `?lang=` if supported, else the first supported language of the
// browser (primary subtag, `zh-CN` → `zh`), else English. A wrong guess costs a download,
// never a wrong page: the app still fetches what it needs.
const LANGUAGES = ['en', 'zh', 'ru', 'kk'];
// The first `lang=` counts, trimmed, as in src/url.rs (Selection::from_query).
const query = new URLSearchParams(location.search);
const asked = query.get('lang')?.trim();
const preferred = [...(navigator.languages ?? []), navigator.language]
  .filter(Boolean)
  .map((tag) => tag.split(/[-_]/)[0].toLowerCase())
  .find((lang) => LANGUAGES.includes(lang));
const lang = LANGUAGES.includes(asked) ? asked : preferred ?? 'en';
// Only the first view's data: a view without charts is drawn without the charts' files, which
// the app fetches after it (src/services/load/; data::CHART_FILES, View::draws_charts in src/url.rs).
const CHART_FILES = ['series.json', 'comparisons.json'];
const drawsCharts = ['sector', 'compare'].includes(query.get('view')?.trim());
const neutral = NEUTRAL_FILES.filter((file) => drawsCharts || !CHART_FILES.includes(file));
for (const file of [...neutral, `text/${lang}.json`]) {
  const link = document.createElement('link');
  link.rel = 'preload';
  link.as = 'fetch';
  // The app's fetch is a same-origin CORS request; a preload only serves one that matches.
  link.crossOrigin = 'anonymous';
  link.href = `data/${file}`;
  document.head.append(link);
}
