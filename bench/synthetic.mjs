// Synthetic timelines for the benchmark and the scale test: a copy of a built site (dist/) whose
// data/events.json and data/text/en.json hold the real events plus generated ones, up to a given
// count. Generated events are valid data (real source ids, real sectors, dates up to 2025), so
// the app loads them like the real ones; the generator is seeded, so every run is the same.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SECTORS = [
  'diplomacy', 'trade', 'investment', 'energy', 'transport', 'urban', 'agriculture', 'medicine',
  'tourism', 'education', 'subnational',
];
const CONFIDENCE = ['high', 'medium', 'low'];

/** A small seeded PRNG (mulberry32): the same seed gives the same dataset. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n) => String(n).padStart(2, '0');
const iso = (date) => `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;

/**
 * The real events and texts plus `count - real` generated ones (none when `count` is at most
 * the real number). Returns `{ events, texts }` in the files' shapes.
 */
export function synthesize(realEvents, realTexts, count, seed = 1992) {
  const next = random(seed);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const sources = [...new Set(realEvents.events.flatMap((event) => event.sources))];
  const first = Date.UTC(1992, 0, 1);
  const last = Date.UTC(2025, 11, 31);
  const day = 86_400_000;
  const events = [...realEvents.events];
  const text = { ...realTexts.text };
  for (let i = 1; events.length < count; i += 1) {
    const id = `synthetic-${String(i).padStart(5, '0')}`;
    const start = new Date(first + Math.floor(next() * ((last - first) / day)) * day);
    const precision = next();
    let date;
    let end = null;
    if (precision < 0.55) date = iso(start);
    else if (precision < 0.85) date = iso(start).slice(0, 7);
    else if (precision < 0.93) date = iso(start).slice(0, 4);
    else {
      date = iso(start);
      end = iso(new Date(Math.min(last, start.getTime() + (1 + Math.floor(next() * 60)) * day)));
    }
    const sectors = [pick(SECTORS)];
    for (let extra = Math.floor(next() * 3); extra > 0; extra -= 1) {
      const sector = pick(SECTORS);
      if (!sectors.includes(sector)) sectors.push(sector);
    }
    const cited = [pick(sources)];
    if (next() < 0.4) {
      const more = pick(sources);
      if (!cited.includes(more)) cited.push(more);
    }
    events.push({
      id,
      date,
      end,
      status: 'happened',
      sectors,
      sources: cited,
      confidence: pick(CONFIDENCE),
      in_advertorial: 'no',
      factbase_row: 1 + Math.floor(next() * 76),
    });
    text[`event.${id}.title`] = `Synthetic event ${i}: ${sectors.join(', ')} milestone`;
    text[`event.${id}.summary`] =
      `A generated event for the timeline benchmark, filed under ${sectors.join(', ')}.`;
  }
  return { events: { events }, texts: { ...realTexts, text } };
}

/**
 * Copies the built site `dist` into a fresh temporary folder and replaces its events and
 * English text with a synthetic timeline of `count` events. Returns the folder and a cleanup.
 */
export async function syntheticSite(dist, count) {
  const dir = await mkdtemp(join(tmpdir(), `cke-timeline-${count}-`));
  await cp(dist, dir, { recursive: true });
  const realEvents = JSON.parse(await readFile(join(dist, 'data', 'events.json'), 'utf8'));
  const realTexts = JSON.parse(await readFile(join(dist, 'data', 'text', 'en.json'), 'utf8'));
  const { events, texts } = synthesize(realEvents, realTexts, count);
  await writeFile(join(dir, 'data', 'events.json'), JSON.stringify(events));
  await writeFile(join(dir, 'data', 'text', 'en.json'), JSON.stringify(texts));
  return { dir, count: events.events.length, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
