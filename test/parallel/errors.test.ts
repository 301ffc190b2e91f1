/**
 * One worker path: errors raised in a worker thread come back of their class, with their fields, and
 * keep their CLI exit code; a worker that exits without an error event fails the run naming its item.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exitCodeOf } from '../../src/cli/main.js';
import { InputError, SolverError, UnsupportedError, UsageError } from '../../src/errors.js';
import { runPool, startWorker } from '../../src/parallel/workers.js';
import type { FaultItem } from './fixtures/faulty-worker.js';

function run(items: FaultItem[], workers = 2): Promise<number[]> {
  return runPool<FaultItem, number>({
    items,
    workers,
    start: () => startWorker('faulty-worker', new URL('./fixtures/x.ts', import.meta.url).href),
    inline: () => 1,
    label: 'test worker',
    describe: (item, i) => `item ${i} (${item.do})`,
  });
}

async function errorOf(item: FaultItem): Promise<Error> {
  try {
    await run([{ do: 'ok' }, item]);
  } catch (e) {
    return e as Error;
  }
  assert.fail(`no error for ${item.do}`);
}

test('an InputError from a worker keeps its class, file, path and exit code 2', async () => {
  const e = await errorOf({ do: 'input' });
  assert.ok(e instanceof InputError);
  const ie = e as InputError;
  assert.equal(ie.message, 'm.json: parameters[0].value: expected a number');
  assert.equal(ie.file, 'm.json');
  assert.equal(ie.path, 'parameters[0].value');
  assert.equal(exitCodeOf(e), 2);
});

test('a UsageError and an UnsupportedError from a worker keep their class, fields and exit code 2', async () => {
  const u = await errorOf({ do: 'usage' });
  assert.ok(u instanceof UsageError);
  assert.equal(u.message, '--runs: expected an integer');
  assert.equal(exitCodeOf(u), 2);
  const n = await errorOf({ do: 'unsupported' });
  assert.ok(n instanceof UnsupportedError);
  assert.equal((n as UnsupportedError).feature, 'comp');
  assert.equal((n as UnsupportedError).file, 'm.xml');
  assert.equal(n.message, 'm.xml: the comp package is not supported');
  assert.equal(exitCodeOf(n), 2);
});

test('a SolverError from a worker keeps t, stateId, its message and exit code 1', async () => {
  const e = await errorOf({ do: 'solver' });
  assert.ok(e instanceof SolverError);
  const se = e as SolverError;
  assert.equal(se.stateId, 'CSC');
  assert.equal(se.t, 2.5);
  assert.equal(se.message, new SolverError('step size underflow', 2.5, 'CSC').message);
  assert.equal(exitCodeOf(e), 1);
});

test('a worker that exits without an error event fails the run, naming the item, and never hangs', async () => {
  const t0 = Date.now();
  await assert.rejects(
    run([{ do: 'hang' }, { do: 'exit' }, { do: 'ok' }]),
    /test worker: worker exited with code 3 while running item 1 \(exit\)/,
  );
  assert.ok(Date.now() - t0 < 10_000);
});

test('a worker terminated from outside fails the run naming its item', async () => {
  let victim: import('node:worker_threads').Worker | undefined;
  const p = runPool<FaultItem, number>({
    items: [{ do: 'hang' }, { do: 'hang' }],
    workers: 2,
    start: () => {
      const w = startWorker('faulty-worker', new URL('./fixtures/x.ts', import.meta.url).href);
      victim ??= w;
      return w;
    },
    inline: () => 1,
    label: 'test worker',
  });
  setTimeout(() => void victim?.terminate(), 1500);
  await assert.rejects(p, /worker exited with code 1 while running item 0/);
});
