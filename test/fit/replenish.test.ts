/**
 * Replenishment ABC-SMC (setting `moves`: MCMC moves instead of importance weights) against exact
 * posteriors, beside the importance sampler in 20 dimensions where the latter's weights degenerate, and
 * its reproducibility: the same bits on 1 and 2 workers and after a resume from any generation.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError } from '../../src/errors.js';
import {
  type AbcState,
  abcSmc,
  type Population,
  type ProblemSpec,
  parseProblem,
  posteriorCsv,
  type SimulatorDefinition,
} from '../../src/fit/index.js';
import { COUNTS, countsProblem, normalMeanProblem, normalPosterior, poissonProbability } from './exact.js';

function moments(pop: Population, a: number) {
  let m = 0;
  for (let i = 0; i < pop.n; i++) m += pop.weight[i]! * pop.theta[i * pop.dim + a]!;
  let v = 0;
  for (let i = 0; i < pop.n; i++) v += pop.weight[i]! * (pop.theta[i * pop.dim + a]! - m) ** 2;
  return { mean: m, sd: Math.sqrt(v) };
}

test('moves: the normal mean reaches the conjugate posterior (mean within 0.1 sd, sd within 5%)', async () => {
  const spec = normalMeanProblem();
  const exact = normalPosterior(0.8, 10, 1, 0, 1);
  const r = await abcSmc(spec, { particles: 2000, seed: 11, targetEpsilon: 0.03, moves: 10 });
  assert.equal(r.status, 'target-epsilon');
  const m = moments(r.population!, 0);
  assert.ok(Math.abs(m.mean - exact.mean) < 0.1 * exact.sd, `mean ${m.mean} vs ${exact.mean}`);
  assert.ok(Math.abs(m.sd / exact.sd - 1) < 0.05, `sd ${m.sd} vs ${exact.sd}`);
  const last = r.generations[r.generations.length - 1]!;
  assert.ok(last.moves && last.moves.rounds >= 1 && last.moves.distinct > 1000, JSON.stringify(last.moves));
  // Every particle of the final population is within the final epsilon.
  for (let i = 0; i < r.population!.n; i++) assert.ok(r.population!.distance[i]! <= last.epsilon);
});

/** Mean and sd of the density prior(x) N(xbar; x, 1/10) on [lo, hi] by the midpoint rule. */
function quadrature(prior: (x: number) => number, lo: number, hi: number, xbar: number) {
  const n = 200_000;
  const h = (hi - lo) / n;
  let z = 0;
  let m1 = 0;
  let m2 = 0;
  for (let i = 0; i < n; i++) {
    const x = lo + (i + 0.5) * h;
    const f = prior(x) * Math.exp(-5 * (x - xbar) ** 2);
    z += f;
    m1 += f * x;
    m2 += f * x * x;
  }
  const mean = m1 / z;
  return { mean, sd: Math.sqrt(m2 / z - mean * mean) };
}

for (const [label, prior, density] of [
  ['uniform on [0.5, 1.5] (logit walk)', { type: 'uniform', lo: 0.5, hi: 1.5 }, () => 1],
  [
    'log-uniform on [0.1, 10] (log-logit walk)',
    { type: 'log-uniform', lo: 0.1, hi: 10 },
    (x: number) => 1 / x,
  ],
] as const)
  test(`moves: a bounded prior ${label} gives the exact posterior (mean within 0.1 sd, sd within 5%)`, async () => {
    const spec = normalMeanProblem(prior);
    const exact = quadrature(density, prior.lo, prior.hi, 0.8);
    const r = await abcSmc(spec, { particles: 2000, seed: 12, targetEpsilon: 0.02, moves: 10 });
    assert.equal(r.status, 'target-epsilon');
    const m = moments(r.population!, 0);
    assert.ok(Math.abs(m.mean - exact.mean) < 0.1 * exact.sd, `mean ${m.mean} vs ${exact.mean}`);
    assert.ok(Math.abs(m.sd / exact.sd - 1) < 0.05, `sd ${m.sd} vs ${exact.sd}`);
  });

test('moves: Poisson vs geometric model probability within 0.05 of the closed form', async () => {
  const exact = poissonProbability(COUNTS, 10);
  const r = await abcSmc(countsProblem(), {
    particles: 1000,
    seed: 4,
    targetEpsilon: 1e-9,
    maxGenerations: 30,
    moves: 30,
  });
  assert.equal(r.status, 'target-epsilon');
  assert.ok(Math.abs(r.modelProbabilities[0]! - exact) < 0.05, `${r.modelProbabilities[0]} vs ${exact}`);
});

const D = 20;
const iid: SimulatorDefinition = {
  name: 'iid-normal-means',
  description: `${D} normal means, 10 unit-variance draws each`,
  parameters: () => Array.from({ length: D }, (_, k) => ({ id: `mu${k}`, range: [-3, 3] as const })),
  create: () => ({
    statistics: Array.from({ length: D }, (_, k) => `m${k}`),
    simulate(theta, rng, out) {
      for (let k = 0; k < D; k++) {
        let s = 0;
        for (let i = 0; i < 10; i++) s += theta[k]! + rng.normal();
        out[k] = s / 10;
      }
    },
  }),
};
const observed = Object.fromEntries(Array.from({ length: D }, (_, k) => [`m${k}`, 0.5 * Math.sin(k)]));
const highDim: ProblemSpec = {
  name: 'iid',
  models: [
    {
      id: 'iid',
      simulator: iid.name,
      parameters: Array.from({ length: D }, (_, k) => ({
        id: `mu${k}`,
        prior: { type: 'normal' as const, mean: 0, sd: 1 },
      })),
    },
  ],
  observed,
  distance: { type: 'fixed' },
};

test(`moves in ${D} dimensions: no weight degeneracy where the importance sampler's ESS collapses`, async (t) => {
  const opts = {
    particles: 400,
    seed: 3,
    maxGenerations: 12,
    minAcceptance: 0.001,
    simulators: { [iid.name]: iid },
  };
  const importance = await abcSmc(highDim, opts);
  const moved = await abcSmc(highDim, { ...opts, moves: 20 });
  const summary = (r: typeof moved) => {
    const pop = r.population!;
    let err = 0;
    let sd = 0;
    for (let k = 0; k < D; k++) {
      const exact = normalPosterior(observed[`m${k}`]!, 10, 1, 0, 1);
      const m = moments(pop, k);
      err += Math.abs(m.mean - exact.mean) / exact.sd / D;
      sd += m.sd / exact.sd / D;
    }
    return {
      ess: r.generations[r.generations.length - 1]!.ess,
      err,
      sd,
      epsilon: r.generations.at(-1)!.epsilon,
    };
  };
  const a = summary(importance);
  const b = summary(moved);
  t.diagnostic(JSON.stringify({ importance: a, moves: b, distinct: moved.generations.at(-1)!.moves }));
  assert.ok(a.ess < 0.05 * 400, `importance ESS ${a.ess}`);
  assert.ok(b.ess > 399 && moved.generations.at(-1)!.moves!.distinct > 200);
  // At epsilon > 0 the ABC posterior is wider than the exact one: a collapsed sample is narrower.
  assert.ok(b.sd > 1 && b.sd < 2.5, `sd ratio ${b.sd}`);
  assert.ok(a.sd < 0.5, `importance sd ratio ${a.sd}`);
  assert.ok(b.err < 0.4, `mean error ${b.err} sd`);
});

const birthDeath = parseProblem({
  simulator: 'birth-death',
  options: { n0: 10, tEnd: 2 },
  parameters: ['lambda', 'mu'],
  observed: { births: 33, deaths: 18, exposure: 38.421316710527826 },
});

test('moves: the same bits on 1 and 2 workers, and after a resume from every generation', async () => {
  const states: AbcState[] = [];
  const run = (workers: number, resume?: AbcState) =>
    abcSmc(birthDeath, {
      particles: 150,
      seed: 5,
      maxGenerations: 5,
      moves: 4,
      workers,
      ...(resume ? { resume } : { checkpoint: (s: AbcState) => workers === 1 && states.push(s) }),
    });
  const one = await run(1);
  const csv = posteriorCsv(one);
  assert.equal(one.generations.length, 5);
  assert.equal(posteriorCsv(await run(2)), csv);
  for (const s of states.slice(1, -1))
    assert.equal(posteriorCsv(await run(1, s)), csv, `from ${s.generation}`);
  const other = await abcSmc(birthDeath, { particles: 150, seed: 6, maxGenerations: 5, moves: 4 });
  assert.notEqual(posteriorCsv(other), csv);
});

test('moves: an out-of-range setting is an InputError naming it', async () => {
  await assert.rejects(abcSmc(birthDeath, { particles: 10, moves: 300 }), (e: unknown) => {
    assert.ok(e instanceof InputError);
    assert.match(String(e), /moves/);
    return true;
  });
});
