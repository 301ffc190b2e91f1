import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError, ModelError, SolverError } from '../../src/errors.js';
import { fromWire, runPool, toWire } from '../../src/parallel/workers.js';

test('errors keep the class that decides the exit code across the thread boundary', () => {
  const s = fromWire(toWire(new SolverError('step size underflow', 3.5)), 'w');
  assert.ok(s instanceof SolverError);
  assert.equal(s.message, new SolverError('step size underflow', 3.5).message);
  assert.ok(fromWire(toWire(new InputError('bad')), 'w') instanceof InputError);
  assert.ok(fromWire(toWire(new ModelError('bad')), 'w') instanceof ModelError);
  const other = fromWire(toWire(new RangeError('boom')), 'trial worker');
  assert.equal(other.message, 'trial worker: RangeError: boom');
});

test('runPool with one worker runs inline, in item order, and reports each item', async () => {
  const seen: number[] = [];
  const out = await runPool<number, number>({
    items: [3, 1, 2],
    workers: 1,
    start: () => {
      throw new Error('no worker expected');
    },
    inline: async (x, i) => x * 10 + i,
    onDone: (i) => seen.push(i),
    label: 'test',
  });
  assert.deepEqual(out, [30, 11, 22]);
  assert.deepEqual(seen, [0, 1, 2]);
});
