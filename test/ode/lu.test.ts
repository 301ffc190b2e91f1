import assert from 'node:assert/strict';
import { test } from 'node:test';
import { factorW, solveW } from '../../src/engines/ode/iteration.js';
import {
  luFactor,
  luPattern,
  luPatternBuffers,
  luSolve,
  luSolveSparse,
} from '../../src/engines/ode/linalg/lu.js';
import { fillReducingOrder } from '../../src/engines/ode/linalg/ordering.js';

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

/** A random sparse, diagonally dominant n x n matrix (a Jacobian-like pattern: a few entries per row). */
function sparseSystem(n: number, perRow: number, seed0: number): Float64Array {
  let seed = seed0;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const A = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    A[i * n + i] = 10 + rand();
    for (let k = 0; k < perRow; k++) A[i * n + Math.floor(rand() * n)] += rand() * 2 - 1;
  }
  return A;
}

test('sparse LU: the pattern solve gives the dense solve bit for bit, and the factors are those of the dense loop', () => {
  for (const n of [12, 40, 90]) {
    const A = sparseSystem(n, 3, n);
    const lu = A.slice();
    const piv = new Int32Array(n);
    assert.ok(luFactor(lu, n, piv));
    const pat = luPatternBuffers(n);
    assert.ok(luPattern(lu, n, pat), `n=${n}: sparse enough`);
    const b1 = Float64Array.from({ length: n }, (_, i) => Math.sin(i + 1));
    const b2 = b1.slice();
    luSolve(lu, n, piv, b1);
    luSolveSparse(pat, n, piv, b2);
    assert.deepEqual(Array.from(b2), Array.from(b1));
    // A dense matrix refuses the pattern (the dense solve is as fast).
    const dense = Float64Array.from({ length: n * n }, (_, i) => 1 + Math.cos(i));
    for (let i = 0; i < n; i++) dense[i * n + i] += 2 * n;
    assert.ok(luFactor(dense, n, new Int32Array(n)));
    assert.equal(luPattern(dense, n, pat), false);
  }
});

test('minimum-degree ordering: a permutation, less fill than the natural order on an arrow matrix, the same solution', () => {
  // Arrow matrix with the dense row and column first: the natural order fills everything, eliminating
  // the hub last fills nothing.
  const n = 30;
  const A = new Float64Array(n * n);
  const pattern = new Uint8Array(n * n);
  for (let i = 0; i < n; i++) {
    A[i * n + i] = 4;
    pattern[i * n + i] = 1;
    if (i > 0) {
      A[i] = A[i * n] = 1;
      pattern[i] = pattern[i * n] = 1;
    }
  }
  const perm = fillReducingOrder(pattern, n);
  assert.ok(perm !== null);
  assert.deepEqual(
    [...perm].sort((a, b) => a - b),
    Array.from({ length: n }, (_, i) => i),
  );
  assert.ok(perm.indexOf(0) >= n - 2, 'the hub waits until one leaf is left');
  assert.equal(fillReducingOrder(pattern, n), perm, 'cached by pattern');
  const nonzeros = (order: Int32Array | null): number => {
    const W = new Float64Array(n * n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) W[i * n + j] = A[(order ? order[i] : i) * n + (order ? order[j] : j)];
    luFactor(W, n, new Int32Array(n));
    return W.filter((v) => v !== 0).length;
  };
  assert.equal(nonzeros(perm), 3 * n - 2);
  assert.ok(nonzeros(null) > 0.9 * n * n, 'the natural order fills (almost) everything');
  // Solving through the ordering (iteration.ts: factorW / solveW) gives the solution of W = I/(h g) - J.
  const J = A.map((v) => -v);
  const x = Float64Array.from({ length: n }, (_, i) => i - 7);
  const W = A.slice();
  for (let i = 0; i < n; i++) W[i * n + i] += 1;
  const b = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) b[i] += W[i * n + j] * x[j];
  const work = { W: new Float64Array(n * n), piv: new Int32Array(n), perm, permuted: new Float64Array(n) };
  assert.ok(factorW(J, undefined, n, 1, 1, work));
  solveW(work, n, b);
  for (let i = 0; i < n; i++) assert.ok(Math.abs(b[i]! - x[i]!) < 1e-12, `x[${i}] = ${b[i]}`);
  // Small or dense systems keep the natural order.
  assert.equal(fillReducingOrder(new Uint8Array(64).fill(1), 8), null);
  assert.equal(fillReducingOrder(new Uint8Array(400).fill(1), 20), null);
});
