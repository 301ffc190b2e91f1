import assert from 'node:assert/strict';
import { test } from 'node:test';
import { branchingFigure, horizonStudy, horizonTable, meanTimeFigure, miceFigure } from './claims/horizon.js';

test('extinction horizon: probabilities in [0, 1] and rising, pool sizes ordered, log growth of mean time', async () => {
  const h = await horizonStudy({ seed: 1, quick: true });
  assert.ok(h.adjuvant.pool > 300 && h.adjuvant.pool < 5000, `${h.adjuvant.pool}`);
  assert.ok(h.established.pool > 10 * h.adjuvant.pool);
  for (const f of [branchingFigure(h, 'a'), miceFigure(h, 'b')]) {
    assert.deepEqual(f.yDomain, [0, 1]);
    for (const s of [...f.series, ...(f.points ?? [])])
      s.y.forEach((v, i) => {
        assert.ok(v >= 0 && v <= 1, `${s.name} ${v}`);
        if (i > 0) assert.ok(v >= s.y[i - 1]! - 1e-12, `${s.name} falls at ${i}`);
      });
  }
  // Mean time to extinction: equal steps per decade of pool size once the pool is large (log dependence).
  const exact = meanTimeFigure(h, 'c').series[0]!;
  const at = (n: number) => exact.y[exact.x.findIndex((x) => Math.abs(x / n - 1) < 1e-9)]!;
  const step1 = at(1e4) - at(1e3);
  const step2 = at(1e6) - at(1e5);
  assert.ok(Math.abs(step1 / step2 - 1) < 0.01, `${step1} vs ${step2}`);
  assert.equal(horizonTable(h).length, 5);
});
