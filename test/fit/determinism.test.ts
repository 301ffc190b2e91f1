/**
 * Same seed, same bits for any worker count (candidates are indexed and consumed in index order), and NaN
 * distances are counted, reported and never accepted.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { abcSmc, parseProblem, posteriorCsv, type SimulatorDefinition } from '../../src/fit/index.js';

const birthDeath = parseProblem({
  simulator: 'birth-death',
  options: { n0: 10, tEnd: 2 },
  parameters: ['lambda', 'mu'],
  observed: { births: 33, deaths: 18, exposure: 38.421316710527826 },
});

test('the posterior is bit-identical on 1, 2 and 3 workers', async () => {
  const run = (workers: number) =>
    abcSmc(birthDeath, { particles: 200, seed: 5, maxGenerations: 4, workers });
  const one = await run(1);
  const csv = posteriorCsv(one);
  assert.equal(one.generations.length, 4);
  for (const w of [2, 3]) {
    const r = await run(w);
    assert.equal(posteriorCsv(r), csv, `workers ${w}`);
    assert.deepEqual(
      r.generations.map((g) => [g.epsilon, g.evaluations, g.ess]),
      one.generations.map((g) => [g.epsilon, g.evaluations, g.ess]),
    );
  }
  // A different seed gives a different posterior (the test can fail).
  const other = await abcSmc(birthDeath, { particles: 200, seed: 6, maxGenerations: 4 });
  assert.notEqual(posteriorCsv(other), csv);
});

test('NaN distances are counted per generation and never accepted', async () => {
  // A simulator that fails (NaN) for mu > 1: the posterior must have no particle there.
  let created = 0;
  const flaky: SimulatorDefinition = {
    name: 'flaky-normal',
    description: 'normal mean, NaN above 1',
    parameters: () => [{ id: 'mu', range: [-3, 3] }],
    create: () => {
      created++;
      return {
        statistics: ['mean'],
        simulate(theta, rng, out) {
          out[0] = theta[0]! > 1 ? Number.NaN : theta[0]! + 0.3 * rng.normal();
        },
      };
    },
  };
  const spec = parseProblem({ simulator: 'normal-mean', parameters: ['mu'], observed: { mean: 0.9 } });
  const r = await abcSmc(
    { ...spec, models: [{ ...spec.models[0]!, simulator: 'flaky-normal', options: {} }] },
    { particles: 400, seed: 1, maxGenerations: 4, simulators: { 'flaky-normal': flaky } },
  );
  // The simulator (for a model: its compilation) is created once per problem, never per particle.
  assert.equal(created, 1);
  const pop = r.population!;
  for (let i = 0; i < pop.n; i++) {
    assert.ok(pop.theta[i]! <= 1, `accepted mu = ${pop.theta[i]}`);
    assert.ok(Number.isFinite(pop.distance[i]!));
  }
  const nan = r.generations.map((g) => g.nanDistances);
  assert.ok(nan[0]! > 50, `generation 0 (prior on [-3, 3]): ${nan[0]} NaN`);
  assert.ok(nan.every((k) => k > 0));
  assert.equal(r.generations[0]!.evaluations, 400 + nan[0]!);
  // Custom simulators cannot go to worker threads (those load the registry only): an explicit error.
  await assert.rejects(
    abcSmc(spec, { workers: 2, simulators: { 'flaky-normal': flaky } }),
    /workers: 1 only/,
  );
});
