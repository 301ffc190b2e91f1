import assert from 'node:assert/strict';
import { test } from 'node:test';
import { kernels } from '../../src/engines/ssa/kernel.js';
import { SolverError } from '../../src/errors.js';
import { ModelBuilder } from '../../src/model/builder.js';
import { compile } from '../../src/model/compile.js';
import type { Model } from '../../src/model/types.js';
import { simulate } from '../../src/parallel/ensemble.js';

const src = { unit: '1', source: 'assumed: test' };
const grid = (end: number, steps: number): number[] =>
  Array.from({ length: steps + 1 }, (_, i) => (end * i) / steps);

/** Immigration-death split over several channels (so the sorted order matters): stationary Poisson(k / d). */
function channels(extra?: (m: ModelBuilder) => void): Model {
  const m = new ModelBuilder('chan').compartment('c', 1);
  m.param('k1', 5, src).param('k2', 15, src).param('d1', 0.1, src).param('d2', 0.3, src);
  m.species('X', { compartment: 'c', initial: 0 });
  m.species('Y', { compartment: 'c', initial: 3 });
  m.reaction('in1', '-> X', 'k1');
  m.reaction('in2', '-> X', 'k2');
  m.reaction('out1', 'X ->', 'd1 * X');
  m.reaction('out2', 'X ->', 'd2 * X');
  m.reaction('conv', 'X -> Y', '0.05 * X');
  m.reaction('ydeath', 'Y ->', '0.5 * Y');
  extra?.(m);
  return m.build();
}

test('the compiled problem gets generated kernels; their statistics are exact (Poisson stationary law)', async () => {
  const problem = compile(channels());
  assert.ok(kernels(problem) !== null);
  const runs = 3000;
  const r = await simulate(problem, { runs, seed: 5, outputTimes: [0, 60], outputs: ['X'], quantiles: [] });
  // X is immigration (20) - death (0.45 X): Poisson(44.44) at stationarity (t = 60 is 27 relaxation times).
  const lam = 20 / 0.45;
  const z = (Math.sqrt(runs) * (r.mean[1]! - lam)) / Math.sqrt(lam);
  const y = Math.sqrt(runs / 2) * (r.sd[1]! ** 2 / lam - 1);
  assert.ok(Math.abs(z) < 4 && Math.abs(y) < 5, `Z ${z} Y ${y}`);
});

test('generated loop and propose/commit path give identical trajectories', async () => {
  const fast = compile(channels());
  // A state trigger that never turns true forces the per-jump path (propose / commit with `fire`).
  const slow = compile(channels((m) => m.event('never', { trigger: 'X < -1', assign: { Y: '0' } })));
  const opts = {
    runs: 20,
    seed: 9,
    outputTimes: grid(30, 30),
    outputs: ['X', 'Y'],
    quantiles: [],
    keepTrajectories: true,
  };
  const a = await simulate(fast, opts);
  const b = await simulate(slow, opts);
  assert.ok(a.stats.firings > 10_000);
  assert.equal(a.stats.firings, b.stats.firings);
  for (let i = 0; i < opts.runs; i++) assert.deepEqual(a.trajectories![i], b.trajectories![i]);
});

test('a negative propensity from the generated kernel is reported with the reaction name', async () => {
  const m = new ModelBuilder('neg').compartment('c', 1);
  m.species('X', { compartment: 'c', initial: 0 });
  m.reaction('grow', '-> X', '1');
  m.reaction('bad', '-> X', '5 - X');
  const problem = compile(m.build());
  await assert.rejects(
    simulate(problem, { runs: 1, seed: 1, outputTimes: [0, 100], quantiles: [] }),
    (e: unknown) => e instanceof SolverError && /'bad'/.test(e.message),
  );
});

test('an infinite propensity from the generated kernel is reported with the reaction name', async () => {
  const m = new ModelBuilder('inf').compartment('c', 1);
  m.species('X', { compartment: 'c', initial: 0 });
  m.reaction('grow', '-> X', '1');
  m.reaction('blowup', '-> X', '1 / (3 - X)');
  await assert.rejects(
    simulate(compile(m.build()), { runs: 1, seed: 1, outputTimes: [0, 100], quantiles: [] }),
    (e: unknown) => e instanceof SolverError && /'blowup' is Infinity/.test(e.message),
  );
});
