// Builds public/data/geo/region.json, the map's outlines: China, Kazakhstan and their
// neighbours from Natural Earth's 1:50m countries (public domain, as the npm package world-atlas
// carries them as TopoJSON), projected with the same Albers equal-area conic projection as the
// places (core/src/geo.rs), clipped to the region, simplified and written as SVG path data.
// Run by editors when the projection or the region changes: `node scripts/build-map.mjs`; its
// output is committed. The file records the projection's parameters and a few control points,
// and core/tests/geo.rs checks that the core's projection agrees with them.

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';

const root = resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const topology = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8'));
const worldAtlasVersion = JSON.parse(readFileSync(join(dirname(require.resolve('world-atlas/countries-50m.json')), 'package.json'), 'utf8')).version;

// The projection: these numbers must equal core/src/geo.rs's (the core test compares them).
const PARALLELS = [40, 50];
const CENTER = [80, 45];
const SCALE = 950;
const TRANSLATE = [420, 250];
const WIDTH = 1000;
const HEIGHT = 520;

const rad = Math.PI / 180;
const n = (Math.sin(PARALLELS[0] * rad) + Math.sin(PARALLELS[1] * rad)) / 2;
const c = Math.cos(PARALLELS[0] * rad) ** 2 + 2 * n * Math.sin(PARALLELS[0] * rad);
const rho0 = Math.sqrt(c - 2 * n * Math.sin(CENTER[1] * rad)) / n;
const project = ([lon, lat]) => {
  const rho = Math.sqrt(Math.max(0, c - 2 * n * Math.sin(lat * rad))) / n;
  const theta = n * (lon - CENTER[0]) * rad;
  const x = rho * Math.sin(theta);
  const y = rho0 - rho * Math.cos(theta);
  return [TRANSLATE[0] + SCALE * x, TRANSLATE[1] - SCALE * y];
};

// Sutherland–Hodgman clipping of a ring against the view's rectangle (with a margin, so that
// clipped edges stay outside what is seen).
const M = 8;
const edges = [
  [(p) => p[0] >= -M, (a, b) => cross(a, b, 0, -M)],
  [(p) => p[0] <= WIDTH + M, (a, b) => cross(a, b, 0, WIDTH + M)],
  [(p) => p[1] >= -M, (a, b) => cross(a, b, 1, -M)],
  [(p) => p[1] <= HEIGHT + M, (a, b) => cross(a, b, 1, HEIGHT + M)],
];
function cross(a, b, axis, value) {
  const t = (value - a[axis]) / (b[axis] - a[axis]);
  return [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
}
function clip(ring) {
  let out = ring;
  for (const [inside, intersect] of edges) {
    const input = out;
    out = [];
    for (let i = 0; i < input.length; i += 1) {
      const current = input[i];
      const previous = input[(i + input.length - 1) % input.length];
      if (inside(current)) {
        if (!inside(previous)) out.push(intersect(previous, current));
        out.push(current);
      } else if (inside(previous)) {
        out.push(intersect(previous, current));
      }
    }
    if (out.length === 0) break;
  }
  return out;
}

// Simplification: whole units (a unit is about 5 km here), and a point is kept only when it is
// at least MIN_STEP units from the last one kept.
const MIN_STEP = 2.5;
function simplify(ring) {
  const kept = [];
  for (const point of ring) {
    const rounded = [Math.round(point[0]), Math.round(point[1])];
    const last = kept[kept.length - 1];
    if (!last || Math.hypot(rounded[0] - last[0], rounded[1] - last[1]) >= MIN_STEP) kept.push(rounded);
  }
  return kept;
}
const area = (ring) => Math.abs(ring.reduce((sum, p, i) => {
  const q = ring[(i + 1) % ring.length];
  return sum + p[0] * q[1] - q[0] * p[1];
}, 0)) / 2;

// Relative path data: `M x y` then `l dx dy` pairs, closed with `z`.
function pathData(rings) {
  return rings.map((ring) => {
    let d = `M${ring[0][0]} ${ring[0][1]}`;
    let coords = [];
    for (let i = 1; i < ring.length; i += 1) {
      coords.push(`${ring[i][0] - ring[i - 1][0]} ${ring[i][1] - ring[i - 1][1]}`);
    }
    d += `l${coords.join(' ').replace(/ -/g, '-')}z`;
    return d;
  }).join('');
}

const countries = [];
for (const country of feature(topology, topology.objects.countries).features) {
  const geometry = country.geometry;
  if (!geometry) continue;
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const rings = [];
  for (const polygon of polygons) {
    for (const ring of polygon) {
      // Leave out what lies far outside the region before projecting (the conic projection
      // folds the far side of the globe back).
      if (!ring.some(([lon, lat]) => lon > 20 && lon < 150 && lat > 0 && lat < 80)) continue;
      const clipped = clip(ring.map(project));
      if (clipped.length < 3) continue;
      const simple = simplify(clipped);
      if (simple.length >= 3 && area(simple) >= 6) rings.push(simple);
    }
  }
  if (rings.length > 0) countries.push({ id: country.id ?? country.properties.name, d: pathData(rings) });
}
countries.sort((a, b) => a.id.localeCompare(b.id));

const CONTROL = [[80, 45], [71.43333, 51.16667], [119.2214, 34.5966], [51.15, 43.65], [82.5546, 45.1733]];
const output = {
  source: `Natural Earth 1:50m countries (public domain), via world-atlas ${worldAtlasVersion}`,
  projection: { name: 'albers', parallels: PARALLELS, center: CENTER, scale: SCALE, translate: TRANSLATE },
  width: WIDTH,
  height: HEIGHT,
  control: CONTROL.map(([lon, lat]) => {
    const [x, y] = project([lon, lat]);
    return { lon, lat, x: Number(x.toFixed(3)), y: Number(y.toFixed(3)) };
  }),
  countries,
};
const file = join(root, 'public', 'data', 'geo', 'region.json');
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, `${JSON.stringify(output)}\n`);
console.log(`wrote ${file.slice(root.length + 1)}: ${countries.length} countries, ${JSON.stringify(output).length} B`);
