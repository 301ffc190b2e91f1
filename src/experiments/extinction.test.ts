import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extinctionProbabilityBy, meanTimeToExtinction } from '../analysis/branching.js';
import { stream } from '../random/index.js';
import {
  empiricalCdf,
  extinctionTimeInStep,
  simulateExtinctionTimes,
  treatedMiceExtinction,
  treatedRates,
  wilson,
} from './extinction.js';
import { cscRates, lab } from './lab.js';
import { run } from './sim.js';

const r = { b: 0.13, d: 0.18 };

test('exact extinction times: distribution and mean match the closed forms for any grid step', () => {
  // 2000 runs; tolerances are 4 standard errors (binomial for the CDF, sd/sqrt(n) for the mean).
  const n0 = 50;
  const runs = 2000;
  for (const h of [1, 25]) {
    const t = simulateExtinctionTimes(n0, r, runs, 7, 1e5, h);
    const cdf = empiricalCdf(t, [40, 80, 120]);
    [40, 80, 120].forEach((x, i) => {
      const p = extinctionProbabilityBy(r, x, n0);
      assert.ok(
        Math.abs(cdf[i]! - p) < 4 * Math.sqrt((p * (1 - p)) / runs) + 1e-3,
        `h ${h} t ${x}: ${cdf[i]} vs ${p}`,
      );
    });
    const m = t.reduce((a, b) => a + b, 0) / runs;
    const sd = Math.sqrt(t.reduce((a, b) => a + (b - m) ** 2, 0) / (runs - 1));
    const exact = meanTimeToExtinction(r, n0);
    assert.ok(Math.abs(m - exact) < 4 * (sd / Math.sqrt(runs)), `h ${h}: mean ${m} vs ${exact}`);
  }
});

test('extinction time inside a step lies in the step, and is the step end only in the limit', () => {
  const rng = stream(3, 0);
  for (let i = 0; i < 200; i++) {
    const s = extinctionTimeInStep(1 + (i % 7), r, 5, rng);
    assert.ok(s > 0 && s <= 5 + 1e-9, `${s}`);
  }
  // Critical process (b = d) uses its own inversion.
  const s = extinctionTimeInStep(2, { b: 0.2, d: 0.2 }, 3, rng);
  assert.ok(s > 0 && s <= 3 + 1e-9);
});

test('Wilson interval and empirical CDF by hand', () => {
  const [lo, hi] = wilson(0, 10);
  assert.equal(lo, 0);
  assert.ok(Math.abs(hi - 0.2775) < 1e-3, `${hi}`);
  const [a, b] = wilson(5, 10);
  assert.ok(Math.abs(a - 0.2366) < 1e-3 && Math.abs(b - 0.7634) < 1e-3);
  assert.deepEqual(Array.from(empiricalCdf([3, 1, Number.POSITIVE_INFINITY, 2], [0, 2, 10])), [0, 0.5, 0.75]);
});

test('trastuzumab makes MCF7 CSCs subcritical; SUM159 renewal does not depend on HER2', () => {
  const L = lab('MCF7');
  const treatedMcf7 = treatedRates(L, L.problem.p, 'mouse-10-biw', 1);
  assert.ok(treatedMcf7.d > treatedMcf7.b, `b ${treatedMcf7.b} d ${treatedMcf7.d}`);
  assert.ok(treatedMcf7.pool > 500 && treatedMcf7.pool < 5000);
  const S = lab('SUM159');
  const t = treatedRates(S, S.problem.p, 'mouse-10-biw', 1);
  const untreated = run(S.problem, { p: S.problem.p, tEnd: 8, times: [8], outputs: [] }).yEnd;
  const [b] = cscRates(S, 8, Float64Array.from(untreated), S.problem.p);
  assert.ok(t.b > t.d);
  assert.ok(Math.abs(t.b / b! - 1) < 0.01, `${t.b} vs ${b}`);
});

test('replicate mice under continuous treatment: small pools die out, reproducibly', () => {
  const L = lab('MCF7');
  const o = { regimen: 'mouse-10-biw' as const, startDay: 1, tEnd: 400, mice: 2, seed: 5, dt: 1 };
  const a = treatedMiceExtinction(L, L.problem.p, o);
  const b = treatedMiceExtinction(L, L.problem.p, o);
  assert.deepEqual(Array.from(a.times), Array.from(b.times));
  for (const t of a.times) assert.ok(t > 28 && t < 399, `${t}`);
});
