// The benchmark's static server: serves a built site on 127.0.0.1 the way a production static
// host does, so that what the browser (and Lighthouse) measures is what readers get:
//  - compressed answers: the precompressed `file.br` / `file.gz` beside a file when the build
//    wrote them (scripts/precompress.mjs), else compressed once on the fly and kept in memory
//    (brotli quality 11 / gzip 9, what a host with precompressed files sends);
//  - the headers of the site's `_headers` file (Netlify/Cloudflare Pages format), when it has one.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.eot': 'application/vnd.ms-fontobject',
  '.png': 'image/png',
};
const COMPRESSIBLE = /\.(html|js|mjs|wasm|css|json|svg|txt|md|ttf|eot)$/;

/** Parses a `_headers` file: `[{ pattern: RegExp, headers: [[name, value]] }]`. */
export function parseHeaders(text) {
  const rules = [];
  let current = null;
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (/^\s/.test(line)) {
      const match = line.trim().match(/^([^:]+):\s*(.*)$/);
      if (current && match) current.headers.push([match[1].trim(), match[2].trim()]);
    } else {
      const path = line.trim();
      const source = path
        .split('*')
        .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z_]+/g, '[^/]+'))
        .join('.*');
      current = { pattern: new RegExp(`^${source}$`), headers: [] };
      rules.push(current);
    }
  }
  return rules;
}

/**
 * Serves `root` on an ephemeral loopback port. Returns `{ origin, close }`.
 * `headersFile: false` ignores the site's `_headers`.
 */
export async function serveSite(root, { headersFile = true } = {}) {
  let rules = [];
  if (headersFile) {
    try {
      rules = parseHeaders(await readFile(join(root, '_headers'), 'utf8'));
    } catch {
      rules = [];
    }
  }
  const cache = new Map();
  const server = createServer(async (request, response) => {
    const url = new URL(request.url, 'http://127.0.0.1');
    const pathname = decodeURIComponent(url.pathname);
    let path = normalize(join(root, pathname));
    const extra = {};
    for (const rule of rules) {
      if (rule.pattern.test(pathname)) for (const [name, value] of rule.headers) extra[name] = value;
    }
    if (!path.startsWith(root) || /\.(br|gz)$/.test(path)) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    try {
      if ((await stat(path)).isDirectory()) path = join(path, 'index.html');
      const accepts = String(request.headers['accept-encoding'] ?? '');
      const headers = {
        ...extra,
        'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
        vary: 'Accept-Encoding',
      };
      let body;
      if (COMPRESSIBLE.test(path) && /\b(br|gzip)\b/.test(accepts)) {
        const encoding = /\bbr\b/.test(accepts) ? 'br' : 'gzip';
        const suffix = encoding === 'br' ? '.br' : '.gz';
        const key = path + suffix;
        body = cache.get(key);
        if (!body) {
          try {
            body = await readFile(key);
          } catch {
            const raw = await readFile(path);
            body = encoding === 'br'
              ? brotliCompressSync(raw, {
                params: {
                  [constants.BROTLI_PARAM_QUALITY]: 11,
                  [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
                },
              })
              : gzipSync(raw, { level: 9 });
            if (body.length >= raw.length) body = null;
          }
          if (body) cache.set(key, body);
        }
        if (body) headers['content-encoding'] = encoding;
      }
      body ??= await readFile(path);
      headers['content-length'] = body.length;
      response.writeHead(200, headers);
      response.end(request.method === 'HEAD' ? undefined : body);
    } catch {
      response.writeHead(404, { ...extra, 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ready) => server.listen(0, '127.0.0.1', ready));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    close: () => new Promise((done) => {
      server.closeAllConnections?.();
      server.close(done);
    }),
  };
}
