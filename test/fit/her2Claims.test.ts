/** The claims as a calibration simulator: variant parameters with their ranges, and model choice by ABC-SMC. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { abcSmc, parseProblem, resolveProblem } from '../../src/fit/index.js';
import { getSimulator } from '../../src/fit/simulators/index.js';
import { hypothesis, hypothesisStatistics } from '../../src/paper/hypotheses.js';
import { stream } from '../../src/random/rng.js';

const sim = getSimulator('her2-claims', 'test');
const ids = (variant: string) => sim.parameters({ variant }, 'options').map((p) => p.id);

test('her2-claims: parameters per variant, line overrides apart, statistics those of the claims', () => {
  const base = ids('hierarchy');
  assert.ok(base.includes('her2Base') && base.includes('her2Base@ZR75-1') && base.includes('rankl@bone'));
  assert.ok(!base.includes('psHER2@SUM159') && !base.includes('omega'));
  assert.deepEqual(
    ids('plasticity').filter((id) => !base.includes(id)),
    ['omega'],
  );
  assert.deepEqual(
    ids('aldh-signalling')
      .filter((id) => !base.includes(id))
      .sort(),
    ['KALDH', 'aldhHER2', 'kALDH'],
  );
  // At the preset values the simulator gives the claims' statistics.
  const s = sim.create(['lambdaS', 'her2Base@ZR75-1'], { variant: 'aldh-signalling' }, 'm');
  const out = new Float64Array(8);
  s.simulate(Float64Array.of(0.4, 6.4e4), stream(1, 0), out);
  assert.deepEqual(Array.from(out), Array.from(hypothesisStatistics(hypothesis('aldh-signalling')!)));
  assert.throws(
    () => sim.parameters({ variant: 'lamarck' }, 'models[0].options'),
    /unknown variant "lamarck"/,
  );
});

test('her2-claims: ABC-SMC with model selection runs at a tiny budget', async () => {
  const observed = Object.fromEntries(
    Array.from(hypothesisStatistics(hypothesis('hierarchy')!), (x, k) => [`C${k + 1}`, x]),
  );
  const spec = parseProblem({
    models: ['hierarchy', 'aldh-signalling'].map((variant) => ({
      id: variant,
      simulator: 'her2-claims',
      options: { variant },
      parameters: ids(variant),
    })),
    observed,
  });
  assert.equal(resolveProblem(spec).statistics.length, 8);
  const r = await abcSmc(spec, { particles: 8, maxGenerations: 1, seed: 2 });
  assert.equal(r.population!.n, 8);
  assert.ok(Math.abs(r.modelProbabilities.reduce((a, b) => a + b, 0) - 1) < 1e-12);
  assert.equal(r.models[1]!.parameters.length, ids('aldh-signalling').length);
});
