/**
 * Parameters refreshed from their priors (ParameterSpec.refresh): eight nuisance parameters the statistic
 * ignores, beside the normal mean of validation test (a). Perturbing them makes the importance weights
 * carry eight dimensions the data say nothing about; refreshing them leaves the posterior of mu the same
 * (the conjugate one), their own marginals their priors, and the effective sample size much larger.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { abcSmc, type ProblemSpec } from '../../src/fit/index.js';
import type { SimulatorDefinition } from '../../src/fit/simulators/index.js';
import { normalPosterior } from './exact.js';

const NUISANCE = Array.from({ length: 8 }, (_, k) => `n${k}`);

const nuisanceNormal: SimulatorDefinition = {
  name: 'nuisance-normal',
  description: 'mean of 10 iid N(mu, 1) draws; n0..n7 are ignored',
  parameters: () => [
    { id: 'mu', range: [-10, 10] },
    ...NUISANCE.map((id) => ({ id, range: [0, 1] as const })),
  ],
  create() {
    return {
      statistics: ['mean'],
      simulate(theta, rng, out) {
        let s = 0;
        for (let i = 0; i < 10; i++) s += theta[0]! + rng.normal();
        out[0] = s / 10;
      },
    };
  },
};

const problem = (refresh: boolean): ProblemSpec => ({
  models: [
    {
      id: 'm',
      simulator: 'nuisance-normal',
      parameters: [
        { id: 'mu', prior: { type: 'normal', mean: 0, sd: 1 } },
        ...NUISANCE.map((id) => ({ id, prior: { type: 'normal' as const, mean: 0.5, sd: 0.2 }, refresh })),
      ],
    },
  ],
  observed: { mean: 0.8 },
  distance: { type: 'fixed' },
});

test('refreshed nuisance parameters: the conjugate posterior of mu, a larger effective sample size, the prior kept', async (t) => {
  const exact = normalPosterior(0.8, 10, 1, 0, 1);
  const run = (refresh: boolean) =>
    abcSmc(problem(refresh), {
      particles: 1000,
      seed: 4,
      targetEpsilon: 0.05,
      maxGenerations: 12,
      simulators: { 'nuisance-normal': nuisanceNormal },
    });
  const [perturbed, refreshed] = [await run(false), await run(true)];
  const last = (r: typeof perturbed) => r.generations[r.generations.length - 1]!;
  t.diagnostic(
    `ess perturbed ${last(perturbed).ess.toFixed(0)}, refreshed ${last(refreshed).ess.toFixed(0)}`,
  );
  assert.ok(last(refreshed).ess > 1.5 * last(perturbed).ess);
  const pop = refreshed.population!;
  let m = 0;
  let q = 0;
  let nuisance = 0;
  let nq = 0;
  for (let i = 0; i < pop.n; i++) {
    const w = pop.weight[i]!;
    m += w * pop.theta[i * pop.dim]!;
    q += w * pop.theta[i * pop.dim]! ** 2;
    nuisance += w * pop.theta[i * pop.dim + 3]!;
    nq += w * pop.theta[i * pop.dim + 3]! ** 2;
  }
  const sd = Math.sqrt(q - m * m);
  // Monte Carlo error of the mean at 1000 particles is about 0.04 posterior sd.
  assert.ok(Math.abs(m - exact.mean) < 0.15 * exact.sd, `mean ${m} vs ${exact.mean}`);
  assert.ok(Math.abs(sd / exact.sd - 1) < 0.1, `sd ${sd} vs ${exact.sd}`);
  // A refreshed parameter keeps its prior N(0.5, 0.2^2); a proposal density without the refreshed
  // parameters' prior factor would square it into the weights and shrink the sd to 0.14 (checked).
  const nsd = Math.sqrt(nq - nuisance * nuisance);
  assert.ok(Math.abs(nuisance - 0.5) < 0.03, `nuisance mean ${nuisance}`);
  assert.ok(Math.abs(nsd / 0.2 - 1) < 0.1, `nuisance sd ${nsd}`);
});
