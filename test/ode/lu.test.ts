import assert from 'node:assert/strict';
import { test } from 'node:test';
import { luFactor, luSolve } from '../../src/engines/ode/linalg/lu.js';

test('LU with partial pivoting solves random systems to near machine precision', () => {
  let seed = 12345;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 - 1;
  for (const n of [1, 2, 3, 7, 20]) {
    const A = Float64Array.from({ length: n * n }, rand);
    const x = Float64Array.from({ length: n }, rand);
    const b = new Float64Array(n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) b[i] += A[i * n + j] * x[j];
    const lu = A.slice();
    const piv = new Int32Array(n);
    assert.ok(luFactor(lu, n, piv));
    luSolve(lu, n, piv, b);
    for (let i = 0; i < n; i++) assert.ok(Math.abs(b[i] - x[i]) < 1e-10, `n=${n} x[${i}]`);
  }
});

test('LU needs pivoting for a zero leading entry and reports singular matrices', () => {
  const lu = Float64Array.from([0, 1, 1, 0]);
  const piv = new Int32Array(2);
  assert.ok(luFactor(lu, 2, piv));
  const b = Float64Array.from([2, 3]);
  luSolve(lu, 2, piv, b);
  assert.deepEqual(Array.from(b), [3, 2]);
  assert.equal(luFactor(Float64Array.from([1, 2, 2, 4]), 2, new Int32Array(2)), false);
});
