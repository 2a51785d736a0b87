// Prints the raw, gzip and brotli size of every file in dist/ and their totals.
// Usage: node scripts/size-report.mjs [dist-dir]
// The byte budget itself is checked by e2e/budget.test.mjs against what a browser really fetches.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { fileURLToPath } from 'node:url';

/** Raw, gzip (level 9) and brotli (quality 11) byte counts of a buffer. */
export function compressedSizes(buffer) {
  return {
    raw: buffer.length,
    gzip: gzipSync(buffer, { level: 9 }).length,
    brotli: brotliCompressSync(buffer, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buffer.length },
    }).length,
  };
}

function* walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}

/** Every file under `dist` (skipping precompressed copies) with its sizes. */
export function distSizes(dist) {
  return [...walk(dist)]
    .filter((path) => !/\.(br|gz)$/.test(path))
    .map((path) => ({ file: relative(dist, path), ...compressedSizes(readFileSync(path)) }));
}

/** A byte budget (brotli) recorded in README.md as "<name>: N bytes brotli". */
export function readmeBudget(readmePath, name = 'First-load budget') {
  const match = readFileSync(readmePath, 'utf8').match(new RegExp(`${name}: ([\\d,]+) bytes brotli`));
  if (!match) throw new Error(`${readmePath} has no line "${name}: N bytes brotli"`);
  return Number(match[1].replaceAll(',', ''));
}

function printTable(rows) {
  const width = Math.max(4, ...rows.map((row) => row.file.length));
  const line = (file, raw, gzip, brotli) =>
    `${file.padEnd(width)}  ${String(raw).padStart(9)}  ${String(gzip).padStart(9)}  ${String(brotli).padStart(9)}`;
  console.log(line('file', 'raw', 'gzip', 'brotli'));
  for (const row of rows) console.log(line(row.file, row.raw, row.gzip, row.brotli));
  const sum = (key) => rows.reduce((total, row) => total + row[key], 0);
  console.log(line('total (all files)', sum('raw'), sum('gzip'), sum('brotli')));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dist = process.argv[2] ?? 'dist';
  printTable(distSizes(dist));
}
