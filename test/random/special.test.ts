import assert from 'node:assert/strict';
import { test } from 'node:test';
import { erfc, incompleteGamma, normalCdf, normalQuantile } from '../../src/random/special.js';

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

test('erfc and Phi against reference values', () => {
  // Reference values: Abramowitz & Stegun table 7.1 / high-precision evaluations.
  assert.ok(rel(erfc(0.5), 0.4795001221869535) < 1e-14);
  assert.ok(rel(erfc(1), 0.15729920705028513) < 1e-14);
  assert.ok(rel(erfc(3), 2.209049699858544e-5) < 1e-13);
  assert.ok(rel(erfc(10), 2.088487583762545e-45) < 1e-12);
  assert.ok(rel(erfc(-1), 1.8427007929497148) < 1e-15);
  assert.ok(rel(normalCdf(-1.959963984540054), 0.025) < 1e-14);
  assert.ok(rel(normalCdf(-8), 6.220960574271785e-16) < 1e-12);
  assert.equal(normalCdf(0), 0.5);
});

test('incomplete gamma P + Q = 1 and closed forms', () => {
  for (const x of [0.1, 1, 2.5, 7, 30]) {
    const [p1, q1] = incompleteGamma(1, x);
    assert.ok(rel(q1, Math.exp(-x)) < 1e-13, `Q(1, ${x})`);
    assert.ok(Math.abs(p1 + q1 - 1) < 1e-15);
    const [, q3] = incompleteGamma(3, x);
    assert.ok(rel(q3, Math.exp(-x) * (1 + x + (x * x) / 2)) < 1e-13, `Q(3, ${x})`);
  }
  assert.deepEqual(incompleteGamma(2, 0), [0, 1]);
  assert.ok(Number.isNaN(incompleteGamma(0, 1)[0]));
});

test('normal quantile: reference values and round trip to full precision', () => {
  assert.ok(rel(normalQuantile(0.975), 1.959963984540054) < 1e-14);
  assert.ok(rel(normalQuantile(1e-10), -6.361340902404056) < 1e-13);
  assert.equal(normalQuantile(0.5), 0);
  for (const p of [1e-300, 1e-100, 1e-20, 1e-5, 0.01, 0.02425, 0.2, 0.5 - 1e-9, 0.7, 0.97]) {
    const x = normalQuantile(p);
    assert.ok(rel(normalCdf(x), p) < 1e-13, `Phi(Phi^-1(${p})) = ${normalCdf(x)}`);
    assert.ok(rel(normalQuantile(1 - p), -x) < 1e-6 || p < 1e-15, `symmetry at ${p}`);
  }
  assert.equal(normalQuantile(0), Number.NEGATIVE_INFINITY);
  assert.ok(Number.isNaN(normalQuantile(1.5)));
});
