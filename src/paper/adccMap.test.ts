import assert from 'node:assert/strict';
import { test } from 'node:test';
import { adccMap, C3_MIN, compatibility, gridValues, MAP_CLASSES } from './claims/adccMap.js';
import { c3 } from './claims/c3.js';
import { timingRatio } from './claims/timing.js';
import type { MapFigure } from './claims/types.js';
import { mapChart } from './mapChart.js';
import { figureCsv } from './report.js';

test('compatibility: C3 needs both non-amplified lines, C5 needs BT474; NaN fails', () => {
  assert.equal(compatibility({ MCF7: 0.9, 'ZR75-1': 0.85, BT474: 0.1 }), 0);
  assert.equal(compatibility({ MCF7: 0.9, 'ZR75-1': 0.5, BT474: 0.1 }), 1);
  assert.equal(compatibility({ MCF7: 0.9, 'ZR75-1': 0.9, BT474: 0.7 }), 2);
  assert.equal(compatibility({ MCF7: 0.5, 'ZR75-1': 0.9, BT474: 0.7 }), 3);
  assert.equal(compatibility({ MCF7: Number.NaN, 'ZR75-1': 0.9, BT474: Number.NaN }), 3);
});

test('grid values span the range and contain the default', () => {
  const v = gridValues(1e5, 1e6, 7, true, 3e5);
  assert.equal(v.length, 7);
  assert.equal(v[0], 1e5);
  assert.ok(Math.abs(v[6]! / 1e6 - 1) < 1e-12);
  assert.equal(v[3], 3e5);
  for (let i = 1; i < v.length; i++) assert.ok(v[i]! > v[i - 1]!);
  assert.deepEqual(gridValues(1, 3, 3, false), [1, 2, 3]);
});

test('ADCC map: lower KADCC kills more (ratios fall), classes follow the ratios, CSV and SVG carry them', () => {
  const f = adccMap(
    'm',
    { id: 'KADCC', label: 'K', values: [1e5, 1e6], log: true, value: 3e5 },
    { id: 'nADCC', label: 'n', values: [2], log: false, value: 2 },
  );
  assert.equal(f.cells.length, 2);
  const [lo, hi] = f.cells;
  for (const line of ['MCF7', 'ZR75-1', 'BT474'])
    assert.ok(lo!.values[line]! < hi!.values[line]!, `${line}: ${lo!.values[line]} vs ${hi!.values[line]}`);
  for (const c of f.cells) assert.equal(c.cls, compatibility(c.values));
  const csv = figureCsv(f).trim().split('\n');
  assert.equal(csv[0], 'x,y,class,MCF7,ZR75-1,BT474');
  assert.equal(csv.length, 3);
  const svg = mapChart(f);
  assert.ok(svg.startsWith('<svg'));
  for (const name of MAP_CLASSES) assert.ok(svg.includes(name), name);
});

test('map CSV quotes class names with commas', () => {
  const f: MapFigure = {
    kind: 'map',
    id: 'q',
    title: 't',
    xLabel: 'x',
    yLabel: 'y',
    classes: ['a, b'],
    cells: [{ x: 1, y: 2, cls: 0, values: { v: 3 } }],
  };
  assert.equal(figureCsv(f), 'x,y,class,v\n1,2,"a, b",3\n');
});

test('C3 holds only when both luminal non-amplified lines stay >= threshold', () => {
  // Weak Fc-receptor killing: MCF7 stays above the threshold while ZR75-1 responds (checked, so the case
  // exercises the second line), and C3 must fail.
  const weak = () => ({ kADCC: 0.05 });
  const m = timingRatio('MCF7', 2, weak);
  const z = timingRatio('ZR75-1', 2, weak);
  assert.ok(m >= C3_MIN && z < C3_MIN, `MCF7 ${m}, ZR75-1 ${z}`);
  assert.equal(c3.holds(weak), false);
  // Without Fc-receptor killing both lines stay above it.
  const none = () => ({ kADCC: 0 });
  assert.ok(timingRatio('ZR75-1', 2, none) >= C3_MIN && timingRatio('MCF7', 2, none) >= C3_MIN);
  assert.equal(c3.holds(none), true);
});
