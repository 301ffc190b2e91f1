/**
 * Tempering new evidence into an ABC posterior (src/fit/abc/temper.ts) against the exact answer: a
 * deterministic statistic A held within epsilon (a truncated prior) and a noisy statistic B added through a
 * Gaussian kernel, whose posterior is a truncated normal computed by quadrature.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inlineEvaluator } from '../../src/fit/abc/inline.js';
import { temper } from '../../src/fit/abc/temper.js';
import type { Population } from '../../src/fit/abc/types.js';
import { type ProblemSpec, resolveProblem, type SimulatorDefinition } from '../../src/fit/index.js';
import { stream } from '../../src/random/rng.js';

const SIGMA = 0.3; // noise of B
const H = 0.2; // the kernel's bandwidth: weight 1 / H
const X1 = 0.5;
const Y2 = 1.2;

const sim: SimulatorDefinition = {
  name: 'a-and-b',
  description: 'A = mu, B = mu + N(0, 0.3^2)',
  parameters: () => [{ id: 'mu', range: [-5, 5] }],
  create: () => ({
    statistics: ['a', 'b'],
    simulate(theta, rng, out) {
      out[0] = theta[0]!;
      out[1] = theta[0]! + SIGMA * rng.normal();
    },
  }),
};

const spec: ProblemSpec = {
  name: 'temper',
  models: [
    { id: 'm', simulator: sim.name, parameters: [{ id: 'mu', prior: { type: 'normal', mean: 0, sd: 1 } }] },
  ],
  observed: { a: X1, b: Y2 },
  distance: { type: 'fixed', weights: { a: 1, b: 0 } },
};

/** Exact mean and sd: N(0, 1) prior on [X1 - 1, X1 + 1] times N(Y2; mu, SIGMA^2 + H^2). */
function exact() {
  const v = SIGMA ** 2 + H ** 2;
  let z = 0;
  let m1 = 0;
  let m2 = 0;
  const n = 100_000;
  for (let i = 0; i < n; i++) {
    const x = X1 - 1 + (2 * (i + 0.5)) / n;
    const f = Math.exp(-0.5 * x * x - (0.5 * (Y2 - x) ** 2) / v);
    z += f;
    m1 += f * x;
    m2 += f * x * x;
  }
  return { mean: m1 / z, sd: Math.sqrt(m2 / z - (m1 / z) ** 2) };
}

test('tempering a Gaussian kernel into an ABC posterior gives the exact posterior (mean within 0.1 sd, sd within 7%)', async (t) => {
  const problem = resolveProblem(spec, () => sim);
  // An exact sample of the starting target: the prior restricted to |mu - X1| <= 1.
  const n = 2000;
  const theta = new Float64Array(n);
  const rng = stream(9, 0);
  for (let i = 0; i < n; ) {
    const mu = rng.normal();
    if (Math.abs(mu - X1) <= 1) theta[i++] = mu;
  }
  const start: Population = {
    n,
    dim: 1,
    nStats: 2,
    model: new Int32Array(n),
    theta,
    stats: new Float64Array(2 * n),
    distance: new Float64Array(n),
    weight: new Float64Array(n).fill(1 / n),
  };
  const ev = inlineEvaluator(problem);
  const r = await temper(ev, problem, {
    seed: 4,
    population: start,
    epsilon: 1,
    weights: Float64Array.of(1, 0),
    likelihoodWeights: Float64Array.of(0, 1 / H),
    moves: 10,
  });
  await ev.close();
  const pop = r.population;
  let m = 0;
  for (let i = 0; i < n; i++) m += pop.weight[i]! * pop.theta[i]!;
  let v = 0;
  for (let i = 0; i < n; i++) v += pop.weight[i]! * (pop.theta[i]! - m) ** 2;
  const e = exact();
  t.diagnostic(JSON.stringify({ mean: m, sd: Math.sqrt(v), exact: e, levels: r.levels.length }));
  assert.equal(r.levels.at(-1)!.beta, 1);
  assert.ok(r.levels.length >= 2, 'a kernel this tight needs more than one temperature');
  assert.ok(Math.abs(m - e.mean) < 0.1 * e.sd, `mean ${m} vs ${e.mean}`);
  assert.ok(Math.abs(Math.sqrt(v) / e.sd - 1) < 0.07, `sd ${Math.sqrt(v)} vs ${e.sd}`);
  for (let i = 0; i < n; i++) assert.ok(Math.abs(pop.theta[i]! - X1) <= 1);
  assert.ok(r.levels.at(-1)!.distinct > 500);
});
