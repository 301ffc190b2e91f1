import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadModelJson } from '../../src/io/json-model.js';
import { compile } from '../../src/model/compile.js';
import { her2Csc } from '../../src/models/index.js';
import { simulate } from '../../src/parallel/ensemble.js';

const outputTimes = Float64Array.of(0, 0.5);

test('library simulate: a built-in model starts from whole cells with every method, inoculum exact', async () => {
  const model = her2Csc('MCF7', { inoculum: 200 });
  assert.equal(model.roundInitialCounts, true);
  const problem = compile(model);
  const cells = model.species.filter((s) => s.unit === 'cell').map((s) => s.id);
  for (const method of ['direct', 'tau-leap', 'hybrid'] as const) {
    const r = await simulate(problem, { method, runs: 3, seed: 1, outputTimes, outputs: cells });
    let total = 0;
    cells.forEach((_, k) => {
      const v = r.mean[k]!; // row t = 0, every run starts from the same counts
      assert.ok(Number.isInteger(v), `${method}: ${cells[k]} starts at ${v}`);
      total += v;
    });
    assert.equal(total, 200, method);
  }
});

test('library simulate: a model without the declaration keeps the clear error on fractional amounts', async () => {
  const { roundInitialCounts: _, ...plain } = her2Csc('MCF7', { inoculum: 200 });
  await assert.rejects(
    simulate(compile(plain), { method: 'direct', runs: 1, seed: 1, outputTimes }),
    /integer counts/,
  );
});

test('the declaration survives a JSON round trip, and a non-boolean is an input error', () => {
  const model = her2Csc('MCF7');
  assert.equal(loadModelJson(JSON.stringify(model)).roundInitialCounts, true);
  assert.throws(
    () => loadModelJson(JSON.stringify({ ...model, roundInitialCounts: 'yes' })),
    /roundInitialCounts: expected true or false/,
  );
});
