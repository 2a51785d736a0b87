// A plain static server on 127.0.0.1 and Debian's headless Chromium, shared by the build's
// prerender step (scripts/prerender.mjs) and the end-to-end tests (e2e/harness.mjs).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves the directory `root` on an ephemeral loopback port, like any plain static host would
 * (the same index.html for every query string); `headers` are added to every answer (CSP,
 * CORS…), and so are those that `headersFor(pathname)` returns for a path (per-path rules, like
 * a host's `_headers` file). Returns the origin and a `close()`.
 */
export async function serveStatic(root, { headers = {}, headersFor = () => ({}) } = {}) {
  const base = resolve(root);
  const server = createServer(async (request, response) => {
    const url = new URL(request.url, 'http://127.0.0.1');
    const answer = { ...headers, ...headersFor(url.pathname) };
    let path = normalize(join(base, decodeURIComponent(url.pathname)));
    if (!path.startsWith(base)) {
      response.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(path)).isDirectory()) path = join(path, 'index.html');
      const body = await readFile(path);
      response.writeHead(200, { ...answer, 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404, { ...answer, 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ready) => server.listen(0, '127.0.0.1', ready));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, close: () => new Promise((done) => server.close(done)) };
}

/** Launches headless Chromium (`CHROMIUM`, else Debian's) with the flags these machines need
 * (root, closed network). playwright-core downloads no browser. */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
    ],
  });
}
