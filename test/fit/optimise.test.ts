/** The bounded quasi-Newton optimiser on problems with known minimisers. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { minimiseBounded } from '../../src/fit/multistart/optimise.js';

const box = (d: number, lo: number, hi: number) => ({
  lower: new Float64Array(d).fill(lo),
  upper: new Float64Array(d).fill(hi),
});

test('Rosenbrock in 2 and 10 dimensions reaches (1, ..., 1)', () => {
  for (const d of [2, 10]) {
    const r = minimiseBounded(
      (x, g) => {
        let f = 0;
        g.fill(0);
        for (let i = 0; i + 1 < d; i++) {
          const a = x[i + 1]! - x[i]! ** 2;
          const b = 1 - x[i]!;
          f += 100 * a * a + b * b;
          g[i] += -400 * a * x[i]! - 2 * b;
          g[i + 1] += 200 * a;
        }
        return f;
      },
      new Float64Array(d).fill(-1.2),
      { ...box(d, -5, 5), gtol: 1e-8, maxIterations: 2000 },
    );
    assert.ok(r.converged, r.reason);
    for (const v of r.x) assert.ok(Math.abs(v - 1) < 1e-4, `d=${d}: ${r.x}`);
  }
});

test('a quadratic whose unconstrained minimum lies outside the box stops at the projection, bounds active', () => {
  const c = [3, -2, 0.5, 10];
  const A = [4, 1, 2, 0.5];
  const r = minimiseBounded(
    (x, g) => {
      let f = 0;
      for (let i = 0; i < 4; i++) {
        f += 0.5 * A[i]! * (x[i]! - c[i]!) ** 2;
        g[i] = A[i]! * (x[i]! - c[i]!);
      }
      return f;
    },
    Float64Array.from([0, 0, 0, 0]),
    box(4, -1, 1),
  );
  assert.ok(r.converged);
  assert.deepEqual(
    Array.from(r.x, (v) => Math.round(v * 1e8) / 1e8),
    [1, -1, 0.5, 1],
  );
});

test('least squares: y = a exp(-b t) recovers a and b from exact data', () => {
  const t = [0, 0.5, 1, 2, 3, 5, 8];
  const y = t.map((s) => 2.5 * Math.exp(-0.7 * s));
  const r = minimiseBounded(
    (x, g) => {
      const [a, b] = [x[0]!, x[1]!];
      let f = 0;
      g.fill(0);
      t.forEach((s, i) => {
        const e = Math.exp(-b * s);
        const res = a * e - y[i]!;
        f += 0.5 * res * res;
        g[0] += res * e;
        g[1] += res * -a * s * e;
      });
      return f;
    },
    Float64Array.from([1, 0.1]),
    { lower: Float64Array.from([0, 0]), upper: Float64Array.from([10, 5]), gtol: 1e-10 },
  );
  assert.ok(r.converged);
  assert.ok(Math.abs(r.x[0]! - 2.5) < 1e-5 && Math.abs(r.x[1]! - 0.7) < 1e-5, `${r.x}`);
});
