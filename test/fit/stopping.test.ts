/** Stopping rules: each ends the run with the last complete generation and says which rule it was. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { abcSmc } from '../../src/fit/index.js';
import { normalMeanProblem } from './exact.js';

const spec = normalMeanProblem();

test('max generations, target epsilon, evaluation budget, minimum acceptance, wall time, abort', async () => {
  const g = await abcSmc(spec, { particles: 200, maxGenerations: 3 });
  assert.equal(g.status, 'max-generations');
  assert.equal(g.generations.length, 3);

  const t = await abcSmc(spec, { particles: 200, targetEpsilon: 0.2 });
  assert.equal(t.status, 'target-epsilon');
  assert.equal(t.generations.at(-1)!.epsilon, 0.2); // the last epsilon is clamped to the target
  assert.ok(t.generations.at(-2)!.epsilon > 0.2);

  // A budget that runs out inside generation 3: the result is generation 2, and no more than the budget counted.
  const used = g.generations[0]!.evaluations + g.generations[1]!.evaluations;
  const b = await abcSmc(spec, { particles: 200, maxEvaluations: used + 10 });
  assert.equal(b.status, 'max-evaluations');
  assert.equal(b.generations.length, 2);
  assert.equal(b.evaluations, used);
  assert.deepEqual(
    Array.from(b.population!.theta),
    Array.from((await abcSmc(spec, { particles: 200, maxGenerations: 2 })).population!.theta),
  );

  const a = await abcSmc(spec, { particles: 200, minAcceptance: 0.2 });
  assert.equal(a.status, 'min-acceptance');
  assert.ok(a.generations.every((x) => x.acceptanceRate >= 0.2));

  const w = await abcSmc(spec, { particles: 200, maxSeconds: 1e-3 });
  assert.equal(w.status, 'max-time');

  const ac = new AbortController();
  ac.abort();
  const i = await abcSmc(spec, { particles: 200, signal: ac.signal });
  assert.equal(i.status, 'interrupted');
  assert.equal(i.population, null);
});

test('bad settings are input errors', async () => {
  await assert.rejects(abcSmc(spec, { particles: 1 }), /particles: expected an integer >= 2/);
  await assert.rejects(abcSmc(spec, { alpha: 1 }), /alpha: expected a quantile in \(0, 1\)/);
  await assert.rejects(abcSmc(spec, { workers: 0 }), /workers: expected an integer >= 1/);
});
