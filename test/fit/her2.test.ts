/** The HER2 model as a calibration simulator: default priors from the parameter specs, recovery of a known value. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { abcSmc, parseProblem, resolveProblem } from '../../src/fit/index.js';
import { hierarchyParams, specOf } from '../../src/models/parameters.js';
import { stream } from '../../src/random/rng.js';

const base = { simulator: 'her2-ode', options: { times: [14, 28] }, parameters: ['lambdaS'] };

test('her2-ode: default prior is the spec range; ABC-SMC recovers lambdaS from the model own output', async () => {
  const blank = resolveProblem(parseProblem({ ...base, observed: { 'V@14': 0, 'V@28': 0 } }));
  const range = specOf(hierarchyParams, 'lambdaS').range;
  assert.deepEqual([blank.models[0]!.priors[0]!.lo, blank.models[0]!.priors[0]!.hi], [...range]);
  assert.deepEqual(blank.statistics, ['V@14', 'V@28']);
  const out = new Float64Array(2);
  blank.models[0]!.simulator.simulate(Float64Array.of(0.4), stream(1, 0), out);
  assert.ok(out[1]! > out[0]! && out[0]! > 0, `V ${out}`);
  const r = await abcSmc(parseProblem({ ...base, observed: { 'V@14': out[0]!, 'V@28': out[1]! } }), {
    particles: 100,
    maxGenerations: 3,
  });
  let mean = 0;
  const pop = r.population!;
  for (let i = 0; i < pop.n; i++) mean += pop.weight[i]! * pop.theta[i]!;
  // Prior mean 0.425, prior sd 0.10: the posterior must have moved to the true 0.4 and narrowed.
  assert.ok(Math.abs(mean - 0.4) < 0.02, `posterior mean ${mean}`);
});

test('her2-ode: unknown parameters and outputs are input errors with a path', () => {
  assert.throws(
    () => parseProblem({ ...base, parameters: ['lambdaZ'], observed: {} }),
    /parameters\[0\]: unknown parameter 'lambdaZ' for simulator 'her2-ode'/,
  );
  assert.throws(
    () => resolveProblem(parseProblem({ ...base, options: { line: 'HeLa' }, observed: {} })),
    /unknown cell line "HeLa"/,
  );
});
