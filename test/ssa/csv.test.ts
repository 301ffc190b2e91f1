import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ensembleToCsv } from '../../src/io/ensemble-csv.js';
import { simulate } from '../../src/parallel/ensemble.js';
import { compile } from './mini-compile.js';
import { birthDeath } from './models.js';

test('ensemble CSV: header, one row per time, values as computed', async () => {
  const r = await simulate(compile(birthDeath(5, 0.2, 1)), {
    runs: 50,
    seed: 1,
    outputTimes: [0, 1, 2],
    quantiles: [0.5],
  });
  const lines = ensembleToCsv(r).trimEnd().split('\n');
  assert.equal(lines[0], 'time,X_mean,X_sd,X_q0.5,X_extinct');
  assert.equal(lines.length, 4);
  assert.equal(lines[1], '0,5,0,5,0');
  const last = lines[3].split(',').map(Number);
  assert.equal(last[0], 2);
  assert.equal(last[1], r.mean[2]);
  assert.equal(last[4], r.extinct[2]);
  assert.ok(last[4] > 0 && last[4] < 1);
});

test('ensemble CSV writes numbers as every other CSV: Inf, -Inf, NaN, -0, shortest round-trip', () => {
  const f = (...v: number[]) => Float64Array.from(v);
  const r = {
    method: 'direct',
    runs: 1,
    seed: 1,
    t: f(0, 1e21),
    ids: ['X, "y"'],
    mean: f(Number.POSITIVE_INFINITY, -0),
    sd: f(Number.NEGATIVE_INFINITY, Number.NaN),
    quantiles: { p: [0.5], values: [f(0.1, 1e-7)] },
    extinct: f(0, 1),
    extinctEnd: f(1),
    stats: {},
  } as unknown as Parameters<typeof ensembleToCsv>[0];
  assert.equal(
    ensembleToCsv(r),
    'time,"X, ""y""_mean","X, ""y""_sd","X, ""y""_q0.5","X, ""y""_extinct"\n' +
      '0,Inf,-Inf,0.1,0\n1e21,-0,NaN,1e-7,1\n',
  );
});
