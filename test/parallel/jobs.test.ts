/** Queue payloads and job checks without Redis: the codec keeps bits and limits sizes; workers run only known, well-formed kinds. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SandboxedJob } from 'bullmq';
import processor from '../../src/cli/jobs/processor.js';
import { decode, encode } from '../../src/parallel/codec.js';
import { type JobData, WIRE_VERSION } from '../../src/parallel/redis/job.js';

test('the codec keeps -0, NaN, Infinity and Float64Array bits, and refuses payloads over the limit', () => {
  const v = { a: -0, b: Number.NaN, c: Number.POSITIVE_INFINITY, f: Float64Array.of(0.1, -0, 1e-310) };
  const back = decode(encode(v, 'v'), 'v') as typeof v;
  assert.ok(Object.is(back.a, -0));
  assert.ok(Number.isNaN(back.b));
  assert.equal(back.c, Number.POSITIVE_INFINITY);
  assert.deepEqual(
    new Uint8Array(back.f.buffer, back.f.byteOffset, back.f.byteLength),
    new Uint8Array(v.f.buffer),
  );
  assert.throws(() => encode(new Float64Array(1000), 'big', 1000), /above the limit of 1000 bytes/);
  assert.throws(() => decode('A'.repeat(5000), 'big', 1000), /above the limit/);
  assert.throws(
    () => decode('!!!!', 'junk'),
    (e: Error) => e.name === 'InputError',
  );
});

const job = (d: Partial<JobData> & Record<string, unknown>): SandboxedJob =>
  ({ data: { v: WIRE_VERSION, run: 'r1.1', index: 0, ...d } }) as unknown as SandboxedJob;

test('a worker runs only registered kinds, on data that checks, and files only under --allow', async () => {
  const unknown = await processor(job({ kind: 'shell', context: encode({}, 'c'), item: encode({}, 'i') }));
  assert.ok(
    'error' in unknown &&
      unknown.error.name === 'InputError' &&
      /not one this worker runs/.test(unknown.error.message),
  );
  const bad = await processor(
    job({ kind: 'trial-work', context: encode({ seed: -1 }, 'c'), item: encode({}, 'i') }),
  );
  assert.ok('error' in bad && bad.error.name === 'InputError', JSON.stringify(bad));
  const file = await processor(
    job({ kind: 'sbml-case', context: encode({ dir: '/etc' }, 'c'), item: encode({ id: '00001' }, 'i') }),
  );
  assert.ok(
    'error' in file && /outside the worker's --allow directories/.test(file.error.message),
    JSON.stringify(file),
  );
  const noData = await processor({
    data: { v: 1, run: 'x;rm', kind: 'ssa-chunk' },
  } as unknown as SandboxedJob);
  assert.ok('error' in noData && noData.error.name === 'InputError');
});

test('a well-formed ensemble chunk runs and answers the bits the engine computes', async () => {
  const { compile } = await import('../../src/model/compile.js');
  const { Ensemble, runChunk } = await import('../../src/engines/ssa/ensemble.js');
  const { birthDeath } = await import('../ssa/models.js');
  const model = birthDeath(10, 1, 1.1);
  const ens = new Ensemble(compile(model), { runs: 8, seed: 5, outputTimes: [0, 1, 2] });
  const reply = await processor(
    job({
      kind: 'ssa-chunk',
      context: encode({ model, spec: ens.spec }, 'c'),
      item: encode({ start: 2, end: 6 }, 'i'),
    }),
  );
  assert.ok('ok' in reply, JSON.stringify(reply));
  const got = decode(reply.ok, 'r') as { out: Float64Array };
  assert.deepEqual(got.out, runChunk(ens.runner, 2, 6).out);
});
