/** Ensembles through the one map: bit-identical for 1, 2 and 4 worker threads; worker errors keep their class. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { simulateHere } from '../../src/engines/ssa/ensemble.js';
import { SolverError } from '../../src/errors.js';
import { compile } from '../../src/model/compile.js';
import type { Model } from '../../src/model/types.js';
import { simulate } from '../../src/parallel/ensemble.js';
import { cli } from '../helpers/cli.js';
import { birthDeath, id, num } from '../ssa/models.js';

const grid = (end: number, steps: number): number[] =>
  Array.from({ length: steps + 1 }, (_, i) => (end * i) / steps);

test('ensembles are bit-identical for 1, 2 and 4 workers and on the calling thread', async () => {
  const problem = compile(birthDeath(20, 1, 1.1));
  const opts = { runs: 300, seed: 77, outputTimes: grid(5, 5), quantiles: [0.1, 0.5] };
  const here = simulateHere(problem, opts);
  for (const workers of [1, 2, 4]) {
    const many = await simulate(problem, { ...opts, workers });
    assert.deepEqual(many.mean, here.mean);
    assert.deepEqual(many.sd, here.sd);
    assert.deepEqual(many.quantiles.values, here.quantiles.values);
    assert.deepEqual(many.extinct, here.extinct);
    assert.deepEqual(many.stats, here.stats);
  }
});

/** 0 -> X at 1, 0 -> Y at (3 - X): the second propensity turns negative once X passes 3. */
const negative: Model = {
  id: 'negative_rate',
  compartments: [{ id: 'c', size: 1 }],
  species: [
    { id: 'X', compartment: 'c', initial: 0, hasOnlySubstanceUnits: true },
    { id: 'Y', compartment: 'c', initial: 0, hasOnlySubstanceUnits: true },
  ],
  parameters: [],
  reactions: [
    { id: 'make_x', reactants: [], products: [{ species: 'X', stoichiometry: 1 }], rate: num(1) },
    {
      id: 'make_y',
      reactants: [],
      products: [{ species: 'Y', stoichiometry: 1 }],
      rate: { k: 'op', op: 'sub', args: [num(3), id('X')] },
    },
  ],
};

test('a SolverError raised in a worker thread is a SolverError, and the CLI exits 1', async () => {
  await assert.rejects(
    simulate(compile(negative), { runs: 50, seed: 1, outputTimes: grid(50, 5), workers: 2 }),
    (e: unknown) => e instanceof SolverError && /propensity of reaction 'make_y'/.test(e.message),
  );
  const dir = mkdtempSync(join(tmpdir(), 'cscsim-ens-'));
  try {
    const file = join(dir, 'negative.json');
    writeFileSync(file, JSON.stringify(negative));
    const r = await cli('simulate', file, '--t-end', '50', '--stochastic', '--runs', '50', '--workers', '2');
    assert.equal(r.code, 1, r.err);
    assert.match(r.err, /simulation failed: propensity of reaction 'make_y'/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
