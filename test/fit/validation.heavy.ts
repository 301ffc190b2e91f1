/**
 * The validation of test/fit/validation.test.ts at full strength (`npm run test:fit`, a few minutes on 2
 * cores): more particles and smaller epsilon, several seeds, the tolerances of the issue.
 */
import assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import { test } from 'node:test';
import { abcSmc } from '../../src/fit/index.js';
import {
  birthDeathExact,
  birthDeathProblem,
  COUNTS,
  countsProblem,
  normalMeanProblem,
  normalPosterior,
  poissonProbability,
  posteriorMoments,
} from './exact.js';

const workers = Math.max(1, Math.min(2, availableParallelism()));

test('(a) normal mean, 10000 particles, 3 seeds: mean and sd within 5% of the conjugate posterior sd', async (t) => {
  const spec = normalMeanProblem();
  const exact = normalPosterior(0.8, 10, 1, 0, 1);
  for (const seed of [1, 2, 3]) {
    const r = await abcSmc(spec, { particles: 10000, seed, targetEpsilon: 0.02, workers });
    assert.equal(r.status, 'target-epsilon');
    const m = posteriorMoments(r, 0, 0);
    const em = Math.abs(m.mean - exact.mean) / exact.sd;
    const es = Math.abs(m.sd - exact.sd) / exact.sd;
    t.diagnostic(
      `seed ${seed}: mean off ${em.toFixed(3)} sd, sd off ${(es * 100).toFixed(1)}%, ${r.evaluations} candidates`,
    );
    assert.ok(
      em < 0.05 && es < 0.05,
      `seed ${seed}: mean off ${em.toFixed(3)} sd, sd off ${(es * 100).toFixed(1)}%`,
    );
  }
});

test('(b) Poisson vs geometric, 4000 particles, 2 seeds: model probability within 0.05 (and 0.03) of exact', async (t) => {
  const exact = poissonProbability(COUNTS, 10);
  const spec = countsProblem();
  for (const seed of [1, 2]) {
    const r = await abcSmc(spec, { particles: 4000, seed, targetEpsilon: 1e-9, maxGenerations: 30, workers });
    const p = r.modelProbabilities[0]!;
    t.diagnostic(
      `seed ${seed}: P(Poisson) ABC ${p.toFixed(4)}, exact ${exact.toFixed(4)}, ${r.evaluations} candidates`,
    );
    assert.ok(Math.abs(p - exact) < 0.03, `seed ${seed}: ABC ${p} vs exact ${exact}`);
  }
});

test('(c) birth-death from SSA data down to acceptance 5e-4: means within 0.2 sd and sds within 10%', async (t) => {
  const spec = birthDeathProblem();
  const exact = birthDeathExact();
  const r = await abcSmc(spec, {
    particles: 1000,
    seed: 7,
    maxGenerations: 16,
    minAcceptance: 5e-4,
    workers,
  });
  for (const a of [0, 1]) {
    const m = posteriorMoments(r, 0, a);
    const em = Math.abs(m.mean - exact[a]!.mean) / exact[a]!.sd;
    const ratio = m.sd / exact[a]!.sd;
    t.diagnostic(
      `parameter ${a}: ABC ${m.mean.toFixed(4)} +- ${m.sd.toFixed(4)}, exact ${exact[a]!.mean.toFixed(4)} +- ${exact[a]!.sd.toFixed(4)}, ${r.evaluations} candidates`,
    );
    assert.ok(
      em < 0.2 && Math.abs(ratio - 1) < 0.1,
      `parameter ${a}: mean off ${em.toFixed(3)} sd, sd ratio ${ratio.toFixed(3)}`,
    );
  }
});
