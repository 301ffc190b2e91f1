import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stream } from '../random/index.js';
import { kendallAlphaBeta, kendallStep } from './kendall.js';

test('alpha tends to the extinction probability d/b of a supercritical lineage', () => {
  const [a] = kendallAlphaBeta(0.5, 0.2, 400);
  assert.ok(Math.abs(a - 0.4) < 1e-12);
  const [c, d] = kendallAlphaBeta(0.3, 0.3, 2);
  assert.ok(Math.abs(c - 0.6 / 1.6) < 1e-12 && c === d);
});

test('mean and extinction of sampled transitions match the exact law', () => {
  // Mean n e^{(b-d)t}; P(extinct) = alpha^n. 4000 draws: tolerances are 4 standard errors.
  const b = 0.4;
  const dd = 0.25;
  const t = 3;
  const n = 5;
  const rng = stream(11, 0);
  const runs = 4000;
  let sum = 0;
  let sum2 = 0;
  let ext = 0;
  for (let i = 0; i < runs; i++) {
    const x = kendallStep(n, b, dd, t, rng);
    sum += x;
    sum2 += x * x;
    if (x === 0) ext++;
  }
  const m = sum / runs;
  const exact = n * Math.exp((b - dd) * t);
  // Variance of X for one ancestor: (b + d)/(b - d) e^{rt}(e^{rt} - 1).
  const r = b - dd;
  const v = (n * (b + dd) * Math.exp(r * t) * Math.expm1(r * t)) / r;
  assert.ok(Math.abs(m - exact) < 4 * Math.sqrt(v / runs), `mean ${m} vs ${exact}`);
  assert.ok(Math.abs(sum2 / runs - m * m - v) < 0.2 * v, 'variance');
  const pe = kendallAlphaBeta(b, dd, t)[0] ** n;
  assert.ok(
    Math.abs(ext / runs - pe) < 4 * Math.sqrt((pe * (1 - pe)) / runs),
    `extinction ${ext / runs} vs ${pe}`,
  );
});
