/** Two-compartment PK with repeated i.v. bolus doses against the closed-form superposition solution. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { solve } from '../../src/engines/solve.js';
import { doseEvent, handProblem } from './handProblem.js';

const k10 = 0.08;
const k12 = 0.3;
const k21 = 0.2;
const dose = 100;
const doseTimes = [0, 7, 14, 21];
// Disposition rate constants: alpha + beta = k10 + k12 + k21, alpha beta = k10 k21.
const sumK = k10 + k12 + k21;
const disc = Math.sqrt(sumK * sumK - 4 * k10 * k21);
const alpha = (sumK + disc) / 2;
const beta = (sumK - disc) / 2;

/** Amounts after a unit bolus into the central compartment at time 0. */
function unit(t: number): [number, number] {
  const ea = Math.exp(-alpha * t);
  const eb = Math.exp(-beta * t);
  return [((alpha - k21) * ea + (k21 - beta) * eb) / (alpha - beta), (k12 * (eb - ea)) / (alpha - beta)];
}

function exact(t: number): [number, number] {
  let c = 0;
  let p = 0;
  for (const td of doseTimes) {
    if (td > t) continue;
    const [u1, u2] = unit(t - td);
    c += dose * u1;
    p += dose * u2;
  }
  return [c, p];
}

const problem = handProblem({
  ids: ['central', 'peripheral'],
  y0: [0, 0],
  rhs: (_t, y, dy) => {
    dy[0] = -(k10 + k12) * y[0] + k21 * y[1];
    dy[1] = k12 * y[0] - k21 * y[1];
  },
  events: [doseEvent('bolus', 0, dose, doseTimes)],
});

for (const method of ['dopri5', 'rodas', 'bdf', 'auto'] as const) {
  test(`repeated bolus doses match superposition (${method}); outputs at dose times are post-dose`, () => {
    const times = Array.from({ length: 71 }, (_, i) => i * 0.5);
    const s = solve(problem, { tEnd: 35, method, rtol: 1e-8, atol: 1e-10, outputTimes: times });
    assert.equal(s.events.length, 4);
    assert.deepEqual(
      s.events.map((e) => e.t),
      doseTimes,
    );
    let worst = 0;
    times.forEach((t, i) => {
      const [c, p] = exact(t);
      worst = Math.max(
        worst,
        Math.abs(s.y[2 * i] - c) / (c + 1e-6),
        Math.abs(s.y[2 * i + 1] - p) / (p + 1e-6),
      );
    });
    assert.ok(worst < 1e-6, `max relative error ${worst}`);
    // Output at t = 7 includes the second dose.
    assert.ok(s.y[2 * 14] > dose);
  });
}
