import assert from 'node:assert/strict';
import { test } from 'node:test';
import { threads } from '../../parallel/map.js';
import type { ProblemSpec } from '../problem.js';
import { abcBatchKind } from './mapEvaluator.js';
import { abcSmc } from './smc.js';

const spec: ProblemSpec = {
  models: [
    {
      id: 'poisson',
      simulator: 'poisson-counts',
      options: { n: 5 },
      parameters: [{ id: 'lambda', prior: { type: 'uniform', lo: 0, hi: 10 } }],
    },
  ],
  observed: { sum: 6, sumLogFactorial: 2.4849066497880004 },
  distance: { type: 'fixed' },
};

test('the map evaluator gives the inline posterior bit for bit', async () => {
  const o = { particles: 200, maxGenerations: 3, seed: 2 };
  const a = await abcSmc(spec, o);
  const b = await abcSmc(spec, { ...o, map: threads(1), workers: 3 });
  assert.deepEqual(b.population!.theta, a.population!.theta);
  assert.deepEqual(b.population!.weight, a.population!.weight);
  assert.equal(b.evaluations, a.evaluations);
});

test('abc-batch jobs off a queue are checked before anything runs', () => {
  const ctx = {
    generation: 0,
    seed: 1,
    epsilon: Number.POSITIVE_INFINITY,
    weights: new Float64Array(2).fill(1),
    zeta: 0.2,
    modelProb: new Float64Array(0),
    kernels: [],
  };
  const env = { allow: [] };
  abcBatchKind.check({ spec, ctx }, { from: 0, count: 10 }, env);
  const bad: [unknown, unknown, RegExp][] = [
    [{ spec: { models: [] }, ctx }, { from: 0, count: 1 }, /models/],
    [{ spec, ctx: { ...ctx, weights: [1, 1] } }, { from: 0, count: 1 }, /Float64Arrays/],
    [
      { spec, ctx: { ...ctx, kernels: [{ n: 2, d: 1, centers: new Float64Array(1) }] } },
      { from: 0, count: 1 },
      /kernel arrays/,
    ],
    [{ spec, ctx }, { from: 0, count: 0 }, /item\.count/],
    [{ spec, ctx: { ...ctx, generation: -1 } }, { from: 0, count: 1 }, /generation/],
  ];
  for (const [c, it, re] of bad) assert.throws(() => abcBatchKind.check(c, it, env), re);
});
