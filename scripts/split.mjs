// The split build (issue 18): the wasm is cut into a main module (the shell, the loader and what
// the first view draws) and chunks fetched on demand (the timeline, the charts, compare, the
// downloads, the embed-code generator; see src/services/chunk.rs). Trunk 0.21 cannot split, so
// index.html marks its rust link `data-trunk-skip` and this script does the rust pipeline:
//
//   node scripts/split.mjs build   Trunk's `build` hook: cargo (feature `split`, linked with
//                                  --emit-relocs) → wasm-split-cli → wasm-bindgen → wasm-opt
//                                  (release) → boot.js → all of it into a content-hashed
//                                  folder `wasm-<16 hex>/` of the staging dir.
//   splitPostBuild(dir)            called by scripts/post-build.mjs (post_build hooks run
//                                  concurrently, so ordered steps live there): removes the
//                                  skipped rust link from index.html and adds the module
//                                  preloads and the boot script.
//
// Trunk passes no `--features` to hooks: extra cargo features come from CKE_FEATURES
// (comma-separated), and, so that `trunk build --features test-panic` keeps meaning what it
// says, from the `--features` argument of the Trunk process that runs this hook (read from
// /proc on Linux). The tool versions are checked here, since Trunk's [tools] pins do not apply.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const APP = 'china-kazakhstan-explorer';
const WASM_OPT_FLAGS = [
  '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
  '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue',
];
const FOLDER = /^wasm-[0-9a-f]{16}$/;

const run = (command, args, options = {}) =>
  execFileSync(command, args, { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', ...options });

/** The cargo features of this build: `split`, CKE_FEATURES and Trunk's own `--features`. */
export function features(env = process.env, parentArgs = trunkArgs()) {
  const extra = (env.CKE_FEATURES ?? '').split(/[\s,]+/).filter(Boolean);
  for (let i = 0; i < parentArgs.length; i += 1) {
    const arg = parentArgs[i];
    if (arg === '--features' || arg === '-F') extra.push(...(parentArgs[i + 1] ?? '').split(/[\s,]+/));
    else if (arg.startsWith('--features=')) extra.push(...arg.slice('--features='.length).split(/[\s,]+/));
  }
  return [...new Set(['split', ...extra.filter(Boolean)])];
}

function trunkArgs() {
  try {
    const args = readFileSync(`/proc/${process.ppid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    return args.some((arg) => /(^|\/)trunk$/.test(arg)) ? args : [];
  } catch {
    return [];
  }
}

function checkTools(root) {
  const lock = readFileSync(join(root, 'Cargo.lock'), 'utf8');
  const want = lock.match(/name = "wasm-bindgen"\nversion = "([^"]+)"/)?.[1];
  const have = run('wasm-bindgen', ['--version']).trim();
  if (have !== `wasm-bindgen ${want}`) throw new Error(`${have} on PATH, Cargo.lock has wasm-bindgen ${want}: run scripts/setup.sh`);
  const opt = run('wasm-opt', ['--version']);
  if (!/version 132\b/.test(opt)) throw new Error(`wasm-opt ${opt.trim()} on PATH, want version 132 (npm binaryen@132): run npm ci`);
  try {
    run('wasm-split-cli', ['--help'], { stdio: 'ignore' });
  } catch {
    throw new Error('wasm-split-cli is not installed: run scripts/setup.sh');
  }
}

const hash = (buffer) => createHash('sha256').update(buffer).digest('hex');

export function splitBuild(env = process.env) {
  const root = env.TRUNK_SOURCE_DIR ?? resolve(import.meta.dirname, '..');
  const staging = env.TRUNK_STAGING_DIR;
  if (!staging) throw new Error('TRUNK_STAGING_DIR is not set: run this as a Trunk build hook');
  const release = env.TRUNK_PROFILE === 'release';
  checkTools(root);
  const cargoEnv = { ...process.env, RUST_BACKTRACE: '0' };
  const targetDir = JSON.parse(run('cargo', ['metadata', '--format-version', '1', '--no-deps', '--offline'], { cwd: root, env: cargoEnv })).target_directory;
  const wanted = features(env);
  const started = Date.now();
  // `cargo rustc … --` passes the flag to the final link only: the dependencies keep the cache
  // they share with `cargo build` and the tests.
  execFileSync('cargo', [
    'rustc', '--bin', APP, '--target', 'wasm32-unknown-unknown', '--offline', '--quiet',
    ...(release ? ['--release'] : []), '--features', wanted.join(','),
    '--', '-C', 'link-arg=--emit-relocs',
  ], { cwd: root, env: cargoEnv, stdio: 'inherit' });
  const work = join(targetDir, 'split', release ? 'release' : 'debug');
  rmSync(work, { recursive: true, force: true });
  const splitDir = join(work, 'split');
  const out = join(work, 'out');
  mkdirSync(out, { recursive: true });
  const raw = join(targetDir, 'wasm32-unknown-unknown', release ? 'release' : 'debug', `${APP}.wasm`);
  run('wasm-split-cli', [raw, splitDir, '--out-name', APP]);
  run('wasm-bindgen', [
    '--target', 'web', '--keep-lld-exports', '--no-demangle', '--no-typescript',
    '--out-name', APP, '--out-dir', out, join(splitDir, `${APP}.wasm`),
  ]);
  const chunks = readdirSync(splitDir).filter((name) => /^(split|chunk)_.*\.wasm$/.test(name) || name === '__wasm_split.js');
  for (const name of chunks) cpSync(join(splitDir, name), join(out, name));
  if (release) {
    for (const name of readdirSync(out).filter((name) => name.endsWith('.wasm'))) {
      const file = join(out, name);
      run('wasm-opt', ['-Oz', ...WASM_OPT_FLAGS, file, '-o', file], { stdio: ['ignore', 'pipe', 'pipe'] });
    }
  }
  const bundled = bundleSmallChunks(out);
  // What Trunk's loader did: start the app, expose the bindings, say it started.
  writeFileSync(join(out, 'boot.js'), `import init, * as bindings from './${APP}.js';
const wasm = await init({ module_or_path: new URL('./${APP}_bg.wasm', import.meta.url) });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
`);
  const names = readdirSync(out).sort();
  const digest = createHash('sha256');
  for (const name of names) digest.update(name).update('\0').update(hash(readFileSync(join(out, name))));
  const folder = `wasm-${digest.digest('hex').slice(0, 16)}`;
  cpSync(out, join(staging, folder), { recursive: true });
  console.log(`split: ${features(env).join(',')} ${release ? 'release' : 'debug'} → ${folder}/ (${names.length} files: ${names.filter((n) => /^(split|chunk)_.*\.wasm$/.test(n)).length} chunks and ${bundled} small ones in ${BUNDLE}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

// The shared chunks below this size are fetched as one file. The splitter makes a chunk for each
// set of entry points that share code, so a view needs many small ones (compare: 22, most under
// 2 KB), and a fetch() per chunk cost the first draw of such a view up to 80 ms of a phone's CPU
// (measured at 4× throttling), besides a request each. The bigger shared chunks and the entry
// chunks (split_*) stay apart, so that a view fetches only the large code it draws.
// The file is itself a valid wasm module with no code, each chunk one custom section (named as
// the chunk), so every host serves and compresses it as `application/wasm`.
const BUNDLED_BELOW = 8 * 1024;
export const BUNDLE = 'chunks-shared.wasm';

const leb128 = (value) => {
  const bytes = [];
  let rest = value;
  do {
    const low = rest & 0x7f;
    rest >>>= 7;
    bytes.push(rest ? low | 0x80 : low);
  } while (rest);
  return Buffer.from(bytes);
};

/** Joins the small shared chunks of `out` into BUNDLE and makes the loader read them from it;
 * returns how many it joined. */
export function bundleSmallChunks(out) {
  const loaderPath = join(out, '__wasm_split.js');
  if (!existsSync(loaderPath)) return 0;
  let loader = readFileSync(loaderPath, 'utf8');
  const small = readdirSync(out)
    .filter((name) => /^chunk_\d+\.wasm$/.test(name))
    .filter((name) => readFileSync(join(out, name)).length < BUNDLED_BELOW)
    .sort();
  if (small.length < 2) return 0;
  const parts = [Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00])];
  let offset = parts[0].length;
  for (const name of small) {
    const bytes = readFileSync(join(out, name));
    const title = Buffer.concat([leb128(name.length), Buffer.from(name)]);
    const header = Buffer.concat([Buffer.from([0]), leb128(title.length + bytes.length), title]);
    parts.push(header);
    offset += header.length;
    // What wasm-split writes for each chunk; anything else means its loader changed.
    const fetched = `const src = fetch(new URL("./${name}", import.meta.url));`;
    const instantiated = 'return async (imports) => (WebAssembly.instantiateStreaming(src, imports));';
    const at = loader.indexOf(fetched);
    const end = loader.indexOf(instantiated, at);
    if (at < 0 || end < 0) throw new Error(`split: the loader does not fetch ${name} as expected`);
    loader = `${loader.slice(0, at)}const src = bundled(${offset}, ${bytes.length});${loader.slice(at + fetched.length, end)}`
      + `return async (imports) => (WebAssembly.instantiate(await src, imports));${loader.slice(end + instantiated.length)}`;
    parts.push(bytes);
    offset += bytes.length;
    rmSync(join(out, name));
  }
  writeFileSync(join(out, BUNDLE), Buffer.concat(parts));
  // One fetch for all of them, kept once it succeeded (a failed one is tried again, as the
  // loader does for a chunk).
  loader += `
let bundle = undefined;
function bundled(start, length) {
    if (bundle === undefined) {
        const thisFetch = fetch(new URL("./${BUNDLE}", import.meta.url))
            .then((response) => (response.ok ? response.arrayBuffer() : Promise.reject(new Error(\`${BUNDLE}: \${response.status}\`))));
        thisFetch.catch(() => {
            if (bundle === thisFetch) bundle = undefined;
        });
        bundle = thisFetch;
    }
    return bundle.then((buffer) => new Uint8Array(buffer, start, length));
}
`;
  writeFileSync(loaderPath, loader);
  return small.length;
}

/** post_build: the page loads the split build instead of the skipped rust pipeline. */
export function splitPostBuild(dir, publicUrl = process.env.TRUNK_PUBLIC_URL ?? './') {
  const folders = readdirSync(dir).filter((name) => FOLDER.test(name));
  // A page whose rust link Trunk built itself (no data-trunk-skip) is not split: nothing to do.
  if (folders.length === 0 && !readFileSync(join(dir, 'index.html'), 'utf8').includes('data-trunk-skip')) return;
  if (folders.length !== 1) throw new Error(`expected one wasm-<hash>/ folder in ${dir}, found ${folders.length}: did the build hook run?`);
  const base = `${publicUrl}${folders[0]}`;
  const indexPath = join(dir, 'index.html');
  const html = readFileSync(indexPath, 'utf8');
  const skipped = /<link[^>]*data-trunk-skip[^>]*>\s*/g;
  if ((html.match(skipped) ?? []).length !== 1) throw new Error('expected one skipped rust link in index.html');
  const tags = [
    `<link rel="modulepreload" href="${base}/${APP}.js">`,
    `<link rel="preload" href="${base}/${APP}_bg.wasm" as="fetch" type="application/wasm" crossorigin>`,
    `<script type="module" src="${base}/boot.js"></script>`,
  ].join('');
  writeFileSync(indexPath, html.replace(skipped, '').replace('</head>', `${tags}</head>`));
  if (!existsSync(join(dir, folders[0], 'boot.js'))) throw new Error(`no boot.js in ${folders[0]}/`);
  console.log(`split: index.html loads ${folders[0]}/boot.js`);
}

if (process.argv[2] === 'build') splitBuild();
