// Trunk post-build hook: moves Trunk's inline module loader (if any: the split build of
// scripts/split.mjs has none, its loader is already a file) out of index.html into its own
// content-hashed file, so that the page runs under a strict Content-Security-Policy
// (`script-src 'self' 'wasm-unsafe-eval'`, no 'unsafe-inline'); and puts before it the data
// preloader (scripts/preload-data.js, also content-hashed), which starts the data downloads
// while the wasm downloads. Run by Trunk with TRUNK_STAGING_DIR set; fails loudly when the page
// has more than one inline loader, or neither an inline loader nor a module script.
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
let loader = '';
if (inline.length === 1) {
  const [found, code] = inline[0];
  const name = hashed('loader', code);
  writeFileSync(join(dir, name), `${code.trim()}\n`);
  tag = found;
  loader = `<script type="module" src="./${name}"></script>`;
} else {
  // The split build's boot script: the preloader goes before it.
  tag = html.match(/<script type="module" src="[^"]+"><\/script>/)?.[0];
  if (!tag) throw new Error('index.html has neither an inline loader nor a module script');
  loader = tag;
}

// The language-neutral data files are every data/*.json of the build (the text files are in
// data/text/, one per language).
const neutral = readdirSync(join(dir, 'data')).filter((file) => file.endsWith('.json')).sort();
if (neutral.length === 0) throw new Error('no data/*.json in the build to preload');
const preloader = readFileSync(join(import.meta.dirname, 'preload-data.js'), 'utf8')
  .replace(/^\s*\/\/.*\n/gm, '')
  .replace('NEUTRAL_FILES', JSON.stringify(neutral));
const preloadName = hashed('preload', preloader);
writeFileSync(join(dir, preloadName), preloader);

writeFileSync(indexPath, html.replace(tag,
  `<script type="module" src="./${preloadName}"></script>${loader}`));
console.log(`extract-loader: loader ${loader.match(/src="([^"]+)"/)[1]}; data preloader ${preloadName} (${neutral.length} files and the reader's text)`);
