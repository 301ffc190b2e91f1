/**
 * ABC-SMC against exact posteriors (fast versions; `npm run test:fit` runs the heavier ones):
 * (a) the normal mean converges to the conjugate posterior as epsilon falls, (b) the Poisson-vs-geometric
 * model probability matches the closed-form evidence, (c) birth-death rates from exact-SSA data approach
 * the posterior of the closed-form likelihood.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { abcSmc, type Population, resolveProblem } from '../../src/fit/index.js';
import { stream } from '../../src/random/rng.js';
import {
  BIRTH_DEATH,
  birthDeathExact,
  birthDeathProblem,
  COUNTS,
  countsProblem,
  normalMeanProblem,
  normalPosterior,
  poissonProbability,
  posteriorMoments,
} from './exact.js';

function moments(pop: Population) {
  let m = 0;
  for (let i = 0; i < pop.n; i++) m += pop.weight[i]! * pop.theta[i * pop.dim]!;
  let v = 0;
  for (let i = 0; i < pop.n; i++) v += pop.weight[i]! * (pop.theta[i * pop.dim]! - m) ** 2;
  return { mean: m, sd: Math.sqrt(v) };
}

test('(a) normal mean: ABC posterior sd within 5% and mean within 10% of the conjugate sd (5%: npm run test:fit), converging as epsilon falls', async (t) => {
  const spec = normalMeanProblem();
  const exact = normalPosterior(0.8, 10, 1, 0, 1);
  const errors: { eps: number; mean: number; sd: number }[] = [];
  const pops: Population[] = [];
  const r = await abcSmc(spec, {
    particles: 2000,
    seed: 11,
    targetEpsilon: 0.03,
    checkpoint: (s) => {
      if (s.population) pops.push(s.population);
    },
  });
  assert.equal(r.status, 'target-epsilon');
  for (const [g, pop] of pops.entries()) {
    const m = moments(pop);
    errors.push({
      eps: r.generations[g]!.epsilon,
      mean: Math.abs(m.mean - exact.mean) / exact.sd,
      sd: Math.abs(m.sd - exact.sd) / exact.sd,
    });
  }
  const last = errors[errors.length - 1]!;
  t.diagnostic(JSON.stringify(errors));
  assert.ok(last.eps <= 0.03);
  // Monte Carlo error of the mean at 2000 particles is about 0.03 posterior sd; 10000 particles reach 5%.
  assert.ok(last.mean < 0.1, `mean off by ${last.mean} posterior sd`);
  assert.ok(last.sd < 0.05, `sd off by ${(last.sd * 100).toFixed(1)}%`);
  // Convergence: the prior-like first generations are far off; the error shrinks with epsilon.
  assert.ok(errors[1]!.sd > 5 * last.sd && errors[1]!.sd > 0.5, JSON.stringify(errors));
  for (let g = 2; g < r.generations.length; g++)
    assert.ok(r.generations[g]!.epsilon < r.generations[g - 1]!.epsilon);
});

test('(b) Poisson vs geometric: model probability within 0.05 of the closed-form one', async (t) => {
  const exact = poissonProbability(COUNTS, 10);
  assert.ok(Math.abs(exact - 0.2986) < 1e-3, `exact ${exact}`);
  const spec = countsProblem();
  const r = await abcSmc(spec, { particles: 1000, seed: 2, targetEpsilon: 1e-9, maxGenerations: 30 });
  assert.equal(r.status, 'target-epsilon');
  const p = r.modelProbabilities[0]!;
  t.diagnostic(`P(Poisson): ABC ${p}, exact ${exact}`);
  assert.ok(Math.abs(p - exact) < 0.05, `ABC ${p} vs exact ${exact}`);
  // The model index stays alive in both models and moves between them (the model kernel works).
  assert.ok(r.generations.every((g) => g.modelProbabilities.every((q) => q > 0.05)));
  // Within each model the parameter posterior matches too: lambda ~ Gamma(7, 5), p ~ Beta(6, 7).
  const lam = posteriorMoments(r, 0, 0);
  assert.ok(Math.abs(lam.mean - 7 / 5) < 0.15 * (Math.sqrt(7) / 5), `lambda ${lam.mean}`);
  const pg = posteriorMoments(r, 1, 0);
  assert.ok(Math.abs(pg.mean - 6 / 13) < 0.15 * 0.133, `p ${pg.mean}`);
});

test('(c) birth-death rates from exact-SSA data approach the closed-form posterior as epsilon falls', async (t) => {
  // The data are what the exact SSA gives at lambda = 1, mu = 0.5 on stream(2024, 0).
  const spec = birthDeathProblem();
  const sim = resolveProblem(spec).models[0]!.simulator;
  const out = new Float64Array(3);
  sim.simulate(Float64Array.of(1, 0.5), stream(2024, 0), out);
  assert.deepEqual(Array.from(out), [BIRTH_DEATH.births, BIRTH_DEATH.deaths, BIRTH_DEATH.exposure]);
  const exact = birthDeathExact();
  const pops: Population[] = [];
  const r = await abcSmc(spec, {
    particles: 600,
    seed: 7,
    maxGenerations: 10,
    checkpoint: (s) => {
      if (s.population) pops.push(s.population);
    },
  });
  const err = (pop: Population, a: number) => {
    const res = { ...r, population: pop };
    const m = posteriorMoments(res, 0, a);
    return { mean: Math.abs(m.mean - exact[a]!.mean) / exact[a]!.sd, sd: m.sd / exact[a]!.sd };
  };
  const first = [err(pops[1]!, 0), err(pops[1]!, 1)];
  const last = [err(pops[pops.length - 1]!, 0), err(pops[pops.length - 1]!, 1)];
  t.diagnostic(JSON.stringify({ first, last }));
  for (const a of [0, 1]) {
    assert.ok(last[a]!.mean < 0.5, `parameter ${a}: mean off by ${last[a]!.mean} sd`);
    assert.ok(last[a]!.sd > 0.85 && last[a]!.sd < 1.3, `parameter ${a}: sd ratio ${last[a]!.sd}`);
    assert.ok(first[a]!.sd > 1.5 * last[a]!.sd, `no convergence: ${JSON.stringify({ first, last })}`);
  }
});
