// Synthetic data ×k for the growth measures of bench/run.mjs: a copy of a built site whose
// data/ holds k times the events (the real ones plus seeded, valid generated ones, from
// bench/synthetic.mjs) and k times the series (each real series plus k − 1 seeded variants of
// it, listed in the same comparisons, so the trade chart draws k times the lines). Both the app
// and the peer page read this data/ unchanged.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { precompress } from '../scripts/precompress.mjs';
import { synthesize } from './synthetic.mjs';

/** The series, comparisons and texts with k − 1 variants of every series added. */
export function multiplySeries(series, comparisons, texts, k) {
  const copies = new Map();
  const out = [...series.series];
  const text = { ...texts.text };
  for (const s of series.series) {
    const ids = [];
    for (let c = 1; c < k; c += 1) {
      const id = `${s.id}-x${c}`;
      // A deterministic wobble of ±15 % keeps values plausible and lines apart.
      const factor = 1 + 0.15 * Math.sin(c * 12.9898 + s.id.length);
      out.push({
        ...s,
        id,
        points: s.points.map((p) => ({ ...p, value: Math.round(p.value * factor * 1000) / 1000, derived: null })),
      });
      text[`series.${id}.name`] = `${texts.text[`series.${s.id}.name`] ?? s.id} (variant ${c})`;
      ids.push(id);
    }
    copies.set(s.id, ids);
  }
  const comps = comparisons.comparisons.map((c) => ({
    ...c,
    series: c.series.flatMap((id) => [id, ...(copies.get(id) ?? [])]),
  }));
  return { series: { series: out }, comparisons: { comparisons: comps }, texts: { ...texts, text } };
}

/** Copies `dist` to a temporary folder with its data multiplied by `k`. */
export async function grownSite(dist, k) {
  const dir = await mkdtemp(join(tmpdir(), `cke-bench-x${k}-`));
  await cp(dist, dir, { recursive: true });
  const read = async (name) => JSON.parse(await readFile(join(dist, 'data', name), 'utf8'));
  const events = await read('events.json');
  const texts = await read('text/en.json');
  const grownEvents = synthesize(events, texts, events.events.length * k, 1992 + k);
  const grown = multiplySeries(await read('series.json'), await read('comparisons.json'), grownEvents.texts, k);
  const write = (name, value) => writeFile(join(dir, 'data', name), JSON.stringify(value));
  await write('events.json', grownEvents.events);
  await write('series.json', grown.series);
  await write('comparisons.json', grown.comparisons);
  await write('text/en.json', grown.texts);
  // Fresh .br/.gz copies, as a build would write (compressing megabytes at brotli's best
  // quality takes seconds: not something to do per request).
  precompress(join(dir, 'data'));
  return {
    dir,
    events: grownEvents.events.events.length,
    series: grown.series.series.length,
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}
