// Trunk post-build hook: moves Trunk's inline module loader (if any: the split build of
// scripts/split.mjs has none, its loader `boot.js` is already a file) out of index.html into its
// own content-hashed file, so that the page runs under a strict Content-Security-Policy
// (`script-src 'self' 'wasm-unsafe-eval'`, no 'unsafe-inline'); and puts in its place the data
// preloader (scripts/preload-data.js, also content-hashed), which shows the prerendered view and
// then starts the downloads of the app's JS, wasm and data, and the loader. Run by Trunk with
// TRUNK_STAGING_DIR set; fails loudly when the page has more than one inline loader, or neither
// an inline loader nor a module script.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const hashed = (prefix, code) => `${prefix}-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run this as a Trunk post_build hook');
const indexPath = join(dir, 'index.html');
const html = readFileSync(indexPath, 'utf8');
const inline = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)];
if (inline.length > 1) throw new Error(`expected at most one inline module script in index.html, found ${inline.length}`);
let tag;
let loaderUrl;
if (inline.length === 1) {
  const [found, code] = inline[0];
  const name = hashed('loader', code);
  writeFileSync(join(dir, name), `${code.trim()}\n`);
  tag = found;
  loaderUrl = `./${name}`;
} else {
  // The split build's boot script (scripts/split.mjs), already a file.
  const found = html.match(/<script type="module" src="([^"]+)"><\/script>/);
  if (!found) throw new Error('index.html has neither an inline loader nor a module script');
  [tag, loaderUrl] = found;
}

// The language-neutral data files are every data/*.json of the build (the text files are in
// data/text/, one per language).
const neutral = readdirSync(join(dir, 'data')).filter((file) => file.endsWith('.json')).sort();
if (neutral.length === 0) throw new Error('no data/*.json in the build to preload');
// Trunk's preloads of the app's JS and wasm leave the page's head: the preloader adds them once
// the prerendered view is painted (with the same attributes, so that the loader's requests take
// their answers).
const appPreloads = [...html.matchAll(/<link rel="(?:modulepreload|preload)" [^>]*>/g)].map(([link]) => link);
if (appPreloads.length === 0) throw new Error('expected Trunk\'s preloads of the app\'s JS and wasm in index.html');
const attributesOf = (link) => Object.fromEntries([...link.matchAll(/([a-z-]+)="([^"]*)"/g)].map(([, key, value]) => [key, value]));
const preloader = readFileSync(join(import.meta.dirname, 'preload-data.js'), 'utf8')
  .replace(/^\s*\/\/.*\n/gm, '')
  .replace('NEUTRAL_FILES', JSON.stringify(neutral))
  .replace('LOADER', JSON.stringify(loaderUrl))
  .replace('APP_PRELOADS', JSON.stringify(appPreloads.map(attributesOf)));
const preloadName = hashed('preload', preloader);
writeFileSync(join(dir, preloadName), preloader);

// The preloader is `async`: it runs as soon as it has arrived, beside the style sheets' downloads,
// rather than after them and the whole document as a deferred script would. It starts the app
// itself (importing the loader), once the prerendered view is painted or known to be missing,
// and never before the document is parsed.
let page = html.replace(tag, `<script type="module" async src="./${preloadName}"></script>`);
for (const link of appPreloads) page = page.replace(link, '');
writeFileSync(indexPath, page);
console.log(`extract-loader: the loader ${loaderUrl} is started by the data preloader ${preloadName} (which preloads ${neutral.length} data files and the reader's text)`);
