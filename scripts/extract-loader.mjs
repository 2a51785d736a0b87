// Trunk post-build hook: moves Trunk's inline module loader out of index.html into its own
// content-hashed file, so that the page runs under a strict Content-Security-Policy
// (`script-src 'self' 'wasm-unsafe-eval'`, no 'unsafe-inline'). Run by Trunk with
// TRUNK_STAGING_DIR set; fails loudly when the page has no loader or more than one.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run this as a Trunk post_build hook');
const indexPath = join(dir, 'index.html');
const html = readFileSync(indexPath, 'utf8');
const inline = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)];
if (inline.length !== 1) throw new Error(`expected one inline module script in index.html, found ${inline.length}`);
const [tag, code] = inline[0];
const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
const name = `loader-${hash}.js`;
writeFileSync(join(dir, name), `${code.trim()}\n`);
writeFileSync(indexPath, html.replace(tag, `<script type="module" src="./${name}"></script>`));
console.log(`extract-loader: moved the inline loader to ${name}`);
