/**
 * The automatic first step from (near) a steady state with an input driven by time alone: y' = 1 - y + u(t),
 * u = 10 exp(-t/0.02) (1 - exp(-t/0.25)) (the shape of Fiedler_BMCSystBiol2016's input). At y0 = 1 + 1e-7,
 * ||f|| is tiny and Hairer's estimate 0.01 ||y|| / ||f|| spans the horizon; its Euler probe lands after the
 * pulse. Bounded by a tenth of the distance to the first output (CVODE's cvHin), every method sees the pulse.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { solve } from '../../src/engines/solve.js';
import { handProblem } from './handProblem.js';

const u = (t: number): number => 10 * Math.exp(-t / 0.02) * (1 - Math.exp(-t / 0.25));
const pulse = handProblem({
  ids: ['y'],
  y0: [1 + 1e-7],
  rhs: (t, y, dy) => {
    dy[0] = 1 - y[0]! + u(t);
  },
  jac: (_t, _y, J) => {
    J[0] = -1;
  },
});

for (const method of ['dopri5', 'rodas', 'bdf', 'auto'] as const) {
  test(`a time-driven pulse from a steady state is not stepped over (${method})`, () => {
    const outputTimes = Array.from({ length: 101 }, (_, i) => (60 * i) / 100);
    const ref = solve(pulse, {
      tEnd: 60,
      outputTimes: [0, 0.6],
      method: 'dopri5',
      rtol: 1e-10,
      atol: 1e-12,
      maxStep: 1e-3,
    });
    const s = solve(pulse, { tEnd: 60, outputTimes, method });
    const want = ref.y[1]! - 1;
    const got = s.y[1]! - 1;
    // The pulse lifts y by about 0.0085 by t = 0.6; stepped over, y stays at 1.
    assert.ok(want > 0.005, `reference ${want}`);
    assert.ok(Math.abs(got - want) < 1e-3 * Math.abs(want) + 1e-6, `y(0.6) - 1 = ${got}, reference ${want}`);
    // Without outputs, a tenth of the horizon bounds it.
    const plain = solve(pulse, { tEnd: 0.6, method });
    assert.ok(Math.abs(plain.yEnd[0]! - 1 - want) < 1e-3 * want, `y(0.6) - 1 = ${plain.yEnd[0]! - 1}`);
  });
}
