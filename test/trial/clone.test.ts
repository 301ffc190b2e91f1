/**
 * One micrometastasis: extinction under treatment against the branching-process closed form
 * (src/analysis/branching.ts), and the stochastic-to-ODE switch against the exact SSA (src/engines/ssa).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extinctionProbabilityBy } from '../../src/analysis/branching.js';
import { paramVector } from '../../src/experiments/sim.js';
import { simulate } from '../../src/parallel/ensemble.js';
import { stream } from '../../src/random/rng.js';
import { simulateClone } from '../../src/trial/clone.js';
import type { Micromet } from '../../src/trial/population.js';
import { emptyState, rateTable, trialModel } from '../../src/trial/rates.js';

const M = trialModel();

const micromet = (csc: number, detectCells = 1e9): Micromet => ({
  cells: csc,
  cscAtSurgery: csc,
  csc,
  dormant: false,
  escapeDay: 0,
  detectCells,
});

/** Fraction of `runs` clones extinct by `horizon` (a clone handed to the ODE counts as surviving). */
function extinctFraction(
  p: Float64Array,
  csc: number,
  horizon: number,
  runs: number,
  seed: number,
  switchAt = 1000,
) {
  const T = rateTable(M, p, false);
  let extinct = 0;
  // detectCells 1: a clone handed to the deterministic phase is detected at once (cheap, and not extinct).
  for (let i = 0; i < runs; i++) {
    const o = simulateClone(M, p, T, micromet(csc, 1), horizon, stream(seed, i), { switchAt });
    if (o.fate === 'extinct') extinct++;
  }
  return { fraction: extinct / runs, b: T.bEnd, d: T.dEnd };
}

const within = (x: number, p: number, n: number, msg: string): void =>
  assert.ok(Math.abs(x - p) <= 4 * Math.sqrt((p * (1 - p)) / n) + 1e-3, `${msg}: ${x} vs ${p}`);

test('one CSC under constant trastuzumab: P(extinct by t) is the closed form G(0, t) (Kendall 1948)', () => {
  // Drug held constant (Cmedium, ug/mL) at half the therapeutic trough: occupancy saturated, rates constant.
  const p = paramVector(M.problem, { Cmedium: 25, her2Base: 6e4 });
  const runs = 3000;
  for (const t of [20, 60]) {
    const r = extinctFraction(p, 1, t, runs, 11);
    assert.ok(r.d > r.b, 'treated clone subcritical');
    within(r.fraction, extinctionProbabilityBy({ b: r.b, d: r.d }, t, 1), runs, `t = ${t}`);
  }
});

test('untreated clone of 2 CSCs with the switch at 20 CSCs: extinction as the closed form (switch unbiased)', () => {
  const p = paramVector(M.problem, { her2Base: 6e4 });
  const runs = 3000;
  const r = extinctFraction(p, 2, 60, runs, 12, 20);
  assert.ok(r.b > r.d, 'untreated clone supercritical');
  within(r.fraction, extinctionProbabilityBy({ b: r.b, d: r.d }, 60, 2), runs, 'extinct by day 60');
});

test('the switch to the ODE does not bias extinction: against the exact SSA of the same model', async () => {
  // Progenitors die at once (deltaP large) so that the SSA only has the CSC pool to follow; CSC rates are
  // untouched. Weakly supercritical (d/b ~ 0.85) so that the switch rule (xi^S < 1e-6) matters.
  const p = paramVector(M.problem, { her2Base: 6e4, ps0: 0.05, psHER2: 0.41, deltaP: 100 });
  const y0 = emptyState(M, p);
  y0[M.slots.S] = 3;
  const runs = 1500;
  const horizon = 80;
  const ssa = await simulate(M.problem, {
    method: 'direct',
    runs,
    seed: 21,
    outputTimes: [0, horizon],
    outputs: ['S'],
    p,
    y0,
    quantiles: [],
  });
  const exact = ssa.extinctEnd[0]!;
  const ours = extinctFraction(p, 3, horizon, runs, 22, 30);
  assert.ok(ours.d / ours.b > 0.8 && ours.d / ours.b < 0.9, `d/b ${ours.d / ours.b}`);
  // Difference of two independent proportions.
  const sd = Math.sqrt((2 * exact * (1 - exact)) / runs);
  assert.ok(Math.abs(ours.fraction - exact) <= 4 * sd, `ours ${ours.fraction} vs SSA ${exact} (sd ${sd})`);
});
