import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  areaPath,
  barChart,
  linearScale,
  lineChart,
  logScale,
  polylinePath,
  stepChart,
} from '../../src/report/svg/index.js';

const NAN_COORD = /(NaN|Infinity)/;

/** Every number in path data and coordinates must be finite: no 'NaN' or 'Infinity' anywhere. */
function assertFinite(svg: string): void {
  const hits = svg.match(/="[^"]*(NaN|Infinity)[^"]*"/g);
  assert.equal(hits, null, `non-finite attribute values: ${hits?.join(', ')}`);
}

test('NaN and infinities break lines into segments and never reach the SVG', () => {
  const x = linearScale([0, 10], [0, 100]);
  const y = linearScale([0, 10], [100, 0]);
  const r = polylinePath(
    [0, 1, 2, 3, 4, 5, 6],
    [1, 2, Number.NaN, 3, 4, Number.POSITIVE_INFINITY, 5],
    x.map,
    y.map,
  );
  assert.equal((r.d.match(/M/g) ?? []).length, 2, r.d);
  assert.deepEqual(r.isolated, [[60, 50]], 'point 6 has no drawable neighbour');
  assert.ok(!NAN_COORD.test(r.d));
  const svg = lineChart({
    series: [
      { name: 'a', x: [0, 1, 2, 3, Number.NaN, 5], y: [1, Number.NaN, 3, 4, 5, Number.NEGATIVE_INFINITY] },
    ],
    points: [{ name: 'b', x: [1, 2], y: [Number.NaN, 2], err: [1, Number.NaN] }],
  });
  assertFinite(svg);
});

test('values <= 0 on a log axis are skipped, the chart says how many, and the ribbon floor is the axis', () => {
  const svg = lineChart({
    y: { type: 'log' },
    series: [{ name: 'a', x: [0, 1, 2, 3], y: [10, 0, -5, 100], lo: [1, 0, 0, 50], hi: [20, 5, 5, 200] }],
  });
  assertFinite(svg);
  assert.match(svg, /4 y values ≤ 0 not shown on the log scale/);
  const y = logScale([1, 100], [100, 0]);
  const x = linearScale([0, 2], [0, 100]);
  const d = areaPath([0, 1, 2], [0, 2, 3], [10, 20, 30], x.map, y.map, 101);
  assert.match(d, /^M0,50L50,34\.95L100,26\.14L100,76\.14L50,84\.95L0,101Z$/);
});

test('empty, all-NaN and single-point data render a labelled chart', () => {
  for (const svg of [
    lineChart({ title: 'empty' }),
    lineChart({ series: [{ name: 'a', x: [], y: [] }] }),
    lineChart({ series: [{ name: 'a', x: [1, 2], y: [Number.NaN, Number.NaN] }] }),
    lineChart({ y: { type: 'log' }, series: [{ name: 'a', x: [1, 2], y: [0, 0] }] }),
    barChart({ categories: [], groups: [] }),
    stepChart({ series: [] }),
  ]) {
    assertFinite(svg);
    assert.match(svg, /No data/);
  }
  const one = lineChart({ series: [{ name: 'a', x: [3], y: [2.5e8] }] });
  assertFinite(one);
  assert.doesNotMatch(one, /No data/);
  assert.match(one, /<circle cx="[\d.]+" cy="[\d.]+" r="3.5"/, 'a single point is drawn as a dot');
});

test('values beyond a fixed domain are clipped and counted', () => {
  const svg = lineChart({ y: { domain: [0, 10] }, series: [{ name: 'a', x: [0, 1, 2], y: [5, 50, -1] }] });
  assertFinite(svg);
  assert.match(svg, /2 y values beyond the axis range, clipped/);
  assert.match(svg, /clip-path="url\(#cs-[a-z0-9]+\)"/);
});

test('mismatched columns give short specific errors', () => {
  assert.throws(
    () => lineChart({ series: [{ name: 'a', x: [1, 2], y: [1] }] }),
    /^Error: line: x and y lengths differ \(2 vs 1\)$/,
  );
  assert.throws(
    () => barChart({ categories: ['a', 'b'], groups: [{ label: 'g', values: [1] }] }),
    /bar: groups\[0\]\.values has 1 values for 2 categories/,
  );
  assert.throws(
    () => stepChart({ series: [{ name: 's', t: [0, 2, 1], s: [1, 0.5, 0.2] }] }),
    /t must be increasing/,
  );
  assert.throws(() => logScale([0, 10], [0, 1]), /log scale: domain must be positive/);
});

test('dense series are reduced per pixel column (M4) without changing the envelope', () => {
  const n = 20000;
  const xs = Float64Array.from({ length: n }, (_, i) => i / n);
  const ys = xs.map((t) => Math.sin(40 * t) + (t > 0.5 && t < 0.5001 ? 5 : 0)); // a spike one column wide
  const x = linearScale([0, 1], [0, 500]);
  const y = linearScale([-1, 6], [300, 0]);
  const { d } = polylinePath(xs, ys, x.map, y.map);
  const pts = d.split(/[ML]/).filter((s) => s !== '');
  assert.ok(pts.length <= 4 * 501, `${pts.length} points kept`);
  const ysKept = pts.map((p) => Number(p.split(',')[1]));
  assert.equal(Math.min(...ysKept), Number(y.map(Math.max(...ys)).toFixed(2)), 'the spike survives');
  const lo = ys.map((v) => v - 0.5);
  const hi = ys.map((v) => v + 0.5);
  const area = areaPath(xs, lo, hi, x.map, y.map, 301);
  const nums = area.match(/-?\d+(\.\d+)?/g)?.map(Number) ?? [];
  const yPix = nums.filter((_, i) => i % 2 === 1);
  assert.equal(Math.min(...yPix), Number(y.map(Math.max(...hi)).toFixed(2)), 'top envelope kept');
  assert.equal(Math.max(...yPix), Number(y.map(Math.min(...lo)).toFixed(2)), 'bottom envelope kept');
});
