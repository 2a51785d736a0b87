// The first-load byte budget: everything a browser fetches to show the overview, compressed
// with brotli, must stay within the budget recorded in README.md. Deterministic: it counts the
// bytes of the files requested, not timings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { compressedSizes, readmeBudget } from '../scripts/size-report.mjs';
import { DIST, openPage, useServedApp, waitForApp } from './harness.mjs';

const suite = useServedApp();

test('the first load of the overview stays within the README budget', async () => {
  const { context, page, requests } = await openPage(suite.browser);
  await page.goto(`${suite.server.origin}/`);
  await waitForApp(page);
  await page.waitForLoadState('networkidle');
  const files = [...new Set(requests)]
    .filter((url) => url.startsWith(suite.server.origin))
    .map((url) => decodeURIComponent(new URL(url).pathname))
    .map((path) => (path.endsWith('/') ? `${path}index.html` : path));
  const rows = files.map((path) => ({ path, ...compressedSizes(readFileSync(join(DIST, path))) }));
  const total = rows.reduce((sum, row) => ({ raw: sum.raw + row.raw, brotli: sum.brotli + row.brotli }), {
    raw: 0,
    brotli: 0,
  });
  for (const row of rows) console.log(`first load: ${row.path} ${row.raw} B raw, ${row.brotli} B brotli`);
  console.log(`first load: ${rows.length} files, ${total.raw} B raw, ${total.brotli} B brotli`);
  const budget = readmeBudget(resolve(import.meta.dirname, '..', 'README.md'));
  assert.ok(total.brotli <= budget, `first load is ${total.brotli} B brotli, over the ${budget} B budget`);
  await context.close();
});
