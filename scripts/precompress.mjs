// Writes a brotli (`.br`, quality 11) and a gzip (`.gz`, level 9) copy beside every file of the
// built site, for static hosts that serve precompressed files (nginx `brotli_static` /
// `gzip_static`, Caddy `precompressed`, `serve`/`http-server` with their flags …): the server
// then sends the smallest encoding the browser accepts without compressing on each request.
// A copy that would not be smaller than its file is not written. Idempotent: old copies are
// replaced, and copies are never compressed again.
//
// Run by Trunk as part of the post_build hook (scripts/post-build.mjs, after extract-loader, since
// Trunk runs the hooks of one stage concurrently) with TRUNK_STAGING_DIR set; or on its own:
//   node scripts/precompress.mjs [dir]
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COPY = /\.(br|gz)$/;
// Formats that are already compressed gain nothing; a host's own config files are not served.
const COMPRESSED = /\.(png|jpe?g|gif|webp|avif|woff2?|zip|br|gz)$/i;
const HOST_CONFIG = /(^|\/)(_headers|_redirects|_routes\.json)$/;

function* walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}

/** Writes `.br` and `.gz` beside every file under `dir`; returns the totals written. */
export function precompress(dir) {
  const totals = { files: 0, raw: 0, br: 0, gz: 0 };
  const paths = [...walk(dir)];
  for (const path of paths.filter((p) => COPY.test(p))) rmSync(path);
  for (const path of paths) {
    if (COPY.test(path) || COMPRESSED.test(path) || HOST_CONFIG.test(path)) continue;
    const body = readFileSync(path);
    const br = brotliCompressSync(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_LGWIN]: constants.BROTLI_MAX_WINDOW_BITS,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    });
    const gz = gzipSync(body, { level: constants.Z_BEST_COMPRESSION, memLevel: 9 });
    totals.files += 1;
    totals.raw += body.length;
    if (br.length < body.length) {
      writeFileSync(`${path}.br`, br);
      totals.br += br.length;
    }
    if (gz.length < body.length) {
      writeFileSync(`${path}.gz`, gz);
      totals.gz += gz.length;
    }
  }
  return totals;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
  if (!dir) throw new Error('usage: node scripts/precompress.mjs <dir> (or run as a Trunk hook with TRUNK_STAGING_DIR)');
  const t = precompress(dir);
  console.log(
    `precompress: ${t.files} files in ${relative(process.cwd(), dir) || '.'}: ${t.raw} B raw → ${t.br} B .br, ${t.gz} B .gz`,
  );
}
