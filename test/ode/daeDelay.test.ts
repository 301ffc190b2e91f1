/** Index-1 DAEs through the diagonal mass matrix, and delay equations through the dense history. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { solve } from '../../src/engines/solve.js';
import { handProblem } from './handProblem.js';
import { robertson } from './stiffProblems.js';

test('Robertson as an index-1 DAE (y3 algebraic: y1 + y2 + y3 = 1) matches the ODE form', () => {
  const dae = handProblem({
    ids: ['y1', 'y2', 'y3'],
    y0: [1, 0, 0],
    mass: [1, 1, 0],
    rhs: (_t, y, f) => {
      f[0] = -0.04 * y[0] + 1e4 * y[1] * y[2];
      f[1] = 0.04 * y[0] - 1e4 * y[1] * y[2] - 3e7 * y[1] * y[1];
      f[2] = y[0] + y[1] + y[2] - 1;
    },
  });
  const opts = { tEnd: 1e5, rtol: 1e-8, atol: 1e-12, outputTimes: [1, 100, 1e5] };
  for (const method of ['rodas', 'auto'] as const) {
    const a = solve(dae, { ...opts, method });
    const b = solve(robertson().problem, { ...opts, method: 'rodas' });
    assert.equal(a.stats.switches, 0);
    for (let i = 0; i < a.y.length; i++) {
      assert.ok(Math.abs(a.y[i] - b.y[i]) <= 1e-6 * Math.abs(b.y[i]) + 1e-11, `${method} y[${i}]`);
    }
    for (let r = 0; r < 3; r++) assert.ok(Math.abs(a.y[3 * r] + a.y[3 * r + 1] + a.y[3 * r + 2] - 1) < 1e-9); // dense output: constraint to ~rtol
  }
});

test("delay equation y'(t) = -y(t - 1), y = 1 before 0 (method of steps): y(2) = -1/2, y(3) = -1/6", () => {
  const pr = handProblem({
    ids: ['y'],
    y0: [1],
    hasDelays: true,
    rhs: (t, _y, dy, h) => {
      const past = new Float64Array(1); // test helper only: engines never allocate per step
      h.delayed(t - 1, past);
      dy[0] = -past[0];
    },
  });
  for (const method of ['dopri5', 'rodas', 'bdf', 'auto'] as const) {
    const s = solve(pr, { tEnd: 3, method, rtol: 1e-9, atol: 1e-12, outputTimes: [1, 2, 3] });
    assert.ok(Math.abs(s.y[0] - 0) < 1e-8, `${method} y(1) = ${s.y[0]}`);
    assert.ok(Math.abs(s.y[1] + 0.5) < 1e-8, `${method} y(2) = ${s.y[1]}`);
    assert.ok(Math.abs(s.y[2] + 1 / 6) < 1e-8, `${method} y(3) = ${s.y[2]}`);
  }
});
