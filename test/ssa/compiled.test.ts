import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ModelBuilder } from '../../src/model/builder.js';
import { compile } from '../../src/model/compile.js';
import { simulate } from '../../src/parallel/ensemble.js';

const src = { unit: '1/day', source: 'assumed: test' };

function birthDeathDosed() {
  return new ModelBuilder('bd_dose')
    .compartment('c', 1)
    .param('b', 0.1, src)
    .param('d', 0.11, src)
    .species('X', { compartment: 'c', initial: 100 })
    .reaction('birth', 'X -> 2 X', 'b * X')
    .reaction('death', 'X ->', 'd * X')
    .dose({ id: 'graft', target: 'X', amount: 100, start: 10, count: 1, route: 'bolus' })
    .build();
}

test('through compile(): birth-death with a bolus dose matches exact moments, workers bit-identical', async () => {
  const problem = compile(birthDeathDosed());
  const runs = 2000;
  const opts = { runs, seed: 99, outputTimes: [0, 5, 10, 20], quantiles: [0.5] };
  const one = await simulate(problem, { ...opts, workers: 1 });
  const [b, d] = [0.1, 0.11];
  const moments = (n0: number, t: number) => {
    const g = Math.exp((b - d) * t);
    return { mean: n0 * g, v: (n0 * (b + d) * g * (g - 1)) / (b - d) };
  };
  const at5 = moments(100, 5);
  assert.ok(Math.abs(one.mean[1] - at5.mean) < 4 * Math.sqrt(at5.v / runs));
  // At 10 the dose has been added: E = 100 g(10) + 100, Var = Var of the lineage part.
  const at10 = moments(100, 10);
  assert.ok(
    Math.abs(one.mean[2] - (at10.mean + 100)) < 4 * Math.sqrt(at10.v / runs),
    `mean at dose ${one.mean[2]}`,
  );
  assert.ok(Math.abs(one.sd[2] ** 2 / at10.v - 1) < 5 * Math.sqrt(2 / runs));
  // After: 200-ish independent lineages; mean = (100 g(10) + 100) g(10).
  const g10 = Math.exp((b - d) * 10);
  const mean20 = (100 * g10 + 100) * g10;
  const v20 = moments(100, 20).v + moments(100, 10).v;
  assert.ok(Math.abs(one.mean[3] - mean20) < 4 * Math.sqrt(v20 / runs));
  const two = await simulate(problem, { ...opts, workers: 2 });
  assert.deepEqual(two.mean, one.mean);
  assert.deepEqual(two.sd, one.sd);
  assert.deepEqual(two.quantiles.values, one.quantiles.values);
});
