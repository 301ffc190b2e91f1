import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  type CscLineage,
  cscMoments,
  expectedClone,
  extinctionProbability,
  extinctionProbabilityBy,
  lineageRates,
  meanTimeToExtinction,
  meanTimeToExtinctionAsymptotic,
  pgf,
  sizeProbability,
} from '../../src/analysis/branching.js';
import type { Expr, Model } from '../../src/model/types.js';
import { simulate } from '../../src/parallel/ensemble.js';
import { compile } from './mini-compile.js';
import { id, mul } from './models.js';

function cscModel(l: CscLineage, n0: number): Model {
  const param = (pid: string, value: number) => ({ id: pid, value, unit: '1', source: 'assumed: test' });
  const rate = (...ids: string[]): Expr => mul(...ids.map(id));
  return {
    id: 'csc',
    compartments: [{ id: 'c', size: 1 }],
    species: [
      { id: 'S', compartment: 'c', initial: n0, hasOnlySubstanceUnits: true },
      { id: 'D', compartment: 'c', initial: 0, hasOnlySubstanceUnits: true },
    ],
    parameters: [
      param('lambda', l.lambda),
      param('ps', l.ps),
      param('pd', l.pd),
      param('pa', l.pa),
      param('delta', l.delta),
    ],
    reactions: [
      {
        id: 'renew',
        reactants: [{ species: 'S' }],
        products: [{ species: 'S', stoichiometry: 2 }],
        rate: rate('lambda', 'ps', 'S'),
      },
      {
        id: 'diff',
        reactants: [{ species: 'S' }],
        products: [{ species: 'D', stoichiometry: 2 }],
        rate: rate('lambda', 'pd', 'S'),
      },
      {
        id: 'asym',
        reactants: [{ species: 'S' }],
        products: [{ species: 'S' }, { species: 'D' }],
        rate: rate('lambda', 'pa', 'S'),
      },
      { id: 'die', reactants: [{ species: 'S' }], products: [], rate: rate('delta', 'S') },
    ],
  };
}

test('closed forms: PGF limits, distribution sums to 1, exact vs asymptotic extinction time', () => {
  const r = { b: 0.3, d: 0.45 };
  assert.ok(Math.abs(pgf(r, 1, 3) - 1) < 1e-15);
  let sum = 0;
  let mean = 0;
  for (let k = 0; k < 2000; k++) {
    const pk = sizeProbability(r, 4, k);
    sum += pk;
    mean += k * pk;
  }
  assert.ok(Math.abs(sum - 1) < 1e-12);
  assert.ok(Math.abs(mean - cscMoments(r, 4).mean) < 1e-10);
  // Pure death: E[T] = H_n / d.
  let h = 0;
  for (let k = 1; k <= 50; k++) h += 1 / k;
  assert.ok(Math.abs(meanTimeToExtinction({ b: 0, d: 2 }, 50) - h / 2) < 1e-12);
  // One cell: E[T] = ln(d / (d - b)) / b.
  assert.ok(Math.abs(meanTimeToExtinction(r, 1) - Math.log(0.45 / 0.15) / 0.3) < 1e-12);
  const big = 1e6;
  assert.ok(Math.abs(meanTimeToExtinctionAsymptotic(r, big) / meanTimeToExtinction(r, big) - 1) < 1e-4);
  assert.equal(extinctionProbability({ b: 0.45, d: 0.3 }, 3), (0.3 / 0.45) ** 3);
  assert.equal(extinctionProbability(r, 7), 1);
  assert.equal(meanTimeToExtinction({ b: 1, d: 1 }, 3), Number.POSITIVE_INFINITY);
  assert.throws(() => lineageRates({ lambda: 1, ps: 0.5, pd: 0.6, pa: 0, delta: 0 }), /must be 1/);
});

test('direct SSA agrees with the branching-process analytics (subcritical CSC lineage)', async () => {
  const l: CscLineage = { lambda: 1, ps: 0.3, pd: 0.35, pa: 0.35, delta: 0.1 };
  const r = lineageRates(l);
  const n0 = 20;
  const runs = 2000;
  const dt = 0.1;
  const grid = Array.from({ length: 2001 }, (_, i) => i * dt);
  const res = await simulate(compile(cscModel(l, n0)), {
    runs,
    seed: 2013,
    outputTimes: grid,
    quantiles: [],
  });
  for (const t of [2, 5, 10, 20, 40]) {
    const i = Math.round(t / dt);
    const p = extinctionProbabilityBy(r, t, n0);
    const f = res.extinct[i * 2];
    assert.ok(
      Math.abs(f - p) < 4 * Math.sqrt((p * (1 - p)) / runs) + 1 / runs,
      `P(extinct by ${t}) ${f} vs ${p}`,
    );
  }
  for (const t of [2, 5, 10]) {
    const i = Math.round(t / dt);
    const m = cscMoments(r, t, n0);
    assert.ok(Math.abs(res.mean[i * 2] - m.mean) < 4 * Math.sqrt(m.variance / runs), `E[S(${t})]`);
    const pr = expectedClone(l, t, n0).progeny;
    const se = res.sd[i * 2 + 1] / Math.sqrt(runs);
    assert.ok(Math.abs(res.mean[i * 2 + 1] - pr) < 4 * se, `E[D(${t})] ${res.mean[i * 2 + 1]} vs ${pr}`);
  }
  // E[T] = integral of P(T > t): bracket it by left and right Riemann sums of the empirical survival.
  let left = 0;
  let right = 0;
  let m2 = 0;
  for (let i = 0; i + 1 < grid.length; i++) {
    left += dt * (1 - res.extinct[i * 2]);
    right += dt * (1 - res.extinct[(i + 1) * 2]);
    m2 += 2 * grid[i] * dt * (1 - res.extinct[i * 2]);
  }
  const se = Math.sqrt((m2 - left * left) / runs);
  const exact = meanTimeToExtinction(r, n0);
  assert.ok(exact > right - 4 * se && exact < left + 4 * se, `E[T] ${exact} vs [${right}, ${left}] +- ${se}`);
});

test('direct SSA: supercritical lineages die out with probability (d/b)^n0', async () => {
  const l: CscLineage = { lambda: 1, ps: 0.45, pd: 0.3, pa: 0.25, delta: 0 };
  const r = lineageRates(l);
  const runs = 3000;
  const res = await simulate(compile(cscModel(l, 3)), {
    runs,
    seed: 7,
    outputTimes: [0, 10, 25],
    quantiles: [],
    outputs: ['S'],
  });
  for (const [i, t] of [
    [1, 10],
    [2, 25],
  ]) {
    const p = extinctionProbabilityBy(r, t, 3);
    assert.ok(Math.abs(res.extinct[i] - p) < 4 * Math.sqrt((p * (1 - p)) / runs), `t=${t}`);
  }
  assert.ok(Math.abs(extinctionProbabilityBy(r, 200, 3) - extinctionProbability(r, 3)) < 1e-9);
});
