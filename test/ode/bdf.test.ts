/**
 * The BDF stepper (engines/ode/bdf.ts): its difference-array algebra as properties, tolerance
 * proportionality on a problem with a closed-form solution, and the reuse of Jacobian and LU on a stiff
 * linear problem whose solution is known. (Robertson, HIRES, Van der Pol: stiff.test.ts; events, doses,
 * delays, blow-up: the method loops of events/pk/daeDelay/failure/compiled tests.)
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  changeDifferences,
  denseFromDifferences,
  differenceWork,
  evalDifferences,
} from '../../src/engines/ode/bdfDifferences.js';
import { evalDense } from '../../src/engines/ode/dense.js';
import { solve } from '../../src/engines/solve.js';
import { handProblem } from './handProblem.js';

/** D[0..k] (one component) of the polynomial with coefficients `c` at the points tEnd - j h. */
function differencesOf(c: readonly number[], k: number, tEnd: number, h: number): Float64Array {
  const poly = (t: number) => c.reduce((acc, cj, j) => acc + cj * t ** j, 0);
  const v = Array.from({ length: k + 1 }, (_, j) => poly(tEnd - j * h));
  const D = new Float64Array(k + 1);
  for (let j = 0; j <= k; j++) {
    D[j] = v[0]!;
    for (let i = 0; i < k - j; i++) v[i] = v[i]! - v[i + 1]!;
  }
  return D;
}

const polyArb = fc.record({
  k: fc.integer({ min: 1, max: 5 }),
  c: fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 6, maxLength: 6 }),
  h: fc.double({ min: 0.05, max: 0.5, noNaN: true }),
  factor: fc.double({ min: 0.1, max: 10, noNaN: true }),
  theta: fc.double({ min: -1, max: 1, noNaN: true }),
});

test('the differences interpolate their points, and a step change keeps the polynomial', () => {
  fc.assert(
    fc.property(polyArb, ({ k, c, h, factor, theta }) => {
      const coef = c.slice(0, k + 1); // degree k: represented exactly by D[0..k]
      const poly = (t: number) => coef.reduce((acc, cj, j) => acc + cj * t ** j, 0);
      const tEnd = 1;
      const D = new Float64Array(8);
      D.set(differencesOf(coef, k, tEnd, h));
      const out = new Float64Array(1);
      for (let j = 0; j <= k; j++) {
        evalDifferences(D, 1, k, tEnd, h, tEnd - j * h, out);
        assert.ok(Math.abs(out[0]! - poly(tEnd - j * h)) < 1e-9, `point ${j}`);
      }
      changeDifferences(D, 1, k, factor, differenceWork(1));
      const tq = tEnd + theta * k * h;
      evalDifferences(D, 1, k, tEnd, factor * h, tq, out);
      const want = poly(tq);
      assert.ok(Math.abs(out[0]! - want) < 1e-8 * (1 + Math.abs(want)), `${out[0]} vs ${want}`);
    }),
    { numRuns: 300, seed: 1 },
  );
});

test('the dense.ts form of a step is its polynomial up to order 4', () => {
  fc.assert(
    fc.property(polyArb, ({ k, c, h, theta }) => {
      const order = Math.min(k, 4);
      const P = differencesOf(c.slice(0, order + 1), order, 1, h);
      const dense = new Float64Array(5);
      denseFromDifferences(P, 1, order, 1, h, new Float64Array(5), dense);
      const th = Math.abs(theta);
      const a = new Float64Array(1);
      const b = new Float64Array(1);
      evalDense(dense, 0, 1, th, a);
      evalDifferences(P, 1, order, 1, h, 1 - h + th * h, b);
      assert.ok(Math.abs(a[0]! - b[0]!) < 1e-10 * (1 + Math.abs(b[0]!)), `${a[0]} vs ${b[0]}`);
    }),
    { numRuns: 300, seed: 2 },
  );
});

const exact = (t: number) => [Math.cos(t), -Math.sin(t), 1 / (1 + t), Math.exp(Math.sin(t))];
const smooth = handProblem({
  ids: ['a', 'b', 'c', 'd'],
  y0: exact(0),
  rhs: (t, y, dy) => {
    dy[0] = y[1];
    dy[1] = -y[0];
    dy[2] = -y[2] * y[2];
    dy[3] = Math.cos(t) * y[3];
  },
});

test('bdf: the global error follows the tolerance (closed-form solution, t = 0..20)', () => {
  const times = Array.from({ length: 41 }, (_, i) => i * 0.5);
  const errors = [1e-4, 1e-6, 1e-8, 1e-10].map((rtol) => {
    const s = solve(smooth, { tEnd: 20, method: 'bdf', rtol, atol: rtol, outputTimes: times });
    let err = 0;
    times.forEach((t, i) => {
      exact(t).forEach((v, j) => {
        err = Math.max(err, Math.abs(s.y[i * 4 + j]! - v));
      });
    });
    // Measured 3e1-7e2 x rtol: local error control, accumulated over three periods of the oscillator.
    assert.ok(err < 2e3 * rtol, `rtol ${rtol}: error ${err}`);
    return err;
  });
  for (let i = 1; i < errors.length; i++) assert.ok(errors[i]! < errors[i - 1]! / 5, `errors ${errors}`);
});

test('bdf on a stiff linear problem: accurate, with a Jacobian per 50 steps and an LU per 7 or so', () => {
  // y' = -1e4 (y - cos t) - sin t: y = cos t + (y0 - 1) exp(-1e4 t); z' = -z + (y - cos t - exp(-1e4 t)): z = e^-t.
  const problem = handProblem({
    ids: ['y', 'z'],
    y0: [2, 1],
    rhs: (t, y, dy) => {
      dy[0] = -1e4 * (y[0]! - Math.cos(t)) - Math.sin(t);
      dy[1] = -y[1]! + (y[0]! - Math.cos(t) - Math.exp(-1e4 * t));
    },
    jac: (_t, _y, J) => {
      J[0] = -1e4;
      J[1] = 0;
      J[2] = 1;
      J[3] = -1;
    },
  });
  const tEnd = 10;
  const s = solve(problem, { tEnd, method: 'bdf', rtol: 1e-6, atol: 1e-9, outputTimes: [1, tEnd] });
  // Measured errors 1.6e-8 (y) and 4.6e-10 (z).
  assert.ok(Math.abs(s.yEnd[0]! - Math.cos(tEnd)) < 1e-6, `y ${s.yEnd[0]}`);
  assert.ok(Math.abs(s.yEnd[1]! - Math.exp(-tEnd)) < 1e-8, `z ${s.yEnd[1]}`);
  // Explicit methods need h < 3.3e-4 here, i.e. > 3e4 steps.
  assert.ok(s.stats.accepted < 1000, `${s.stats.accepted} steps`);
  assert.ok(s.stats.jacEvals <= Math.ceil(s.stats.accepted / 50) + 1, `${s.stats.jacEvals} Jacobians`);
  assert.ok(s.stats.luDecomps * 3 < s.stats.accepted, `${s.stats.luDecomps} LUs`);
  assert.ok(s.stats.rhsEvals < 2 * (s.stats.accepted + s.stats.rejected), `${s.stats.rhsEvals} rhs`);
});
