/**
 * Observed convergence order within 0.2 of theory, with fixed steps (tolerances so loose that every
 * step is accepted) on a non-autonomous nonlinear problem with a closed-form solution:
 *   y0' = y1, y1' = -y0 (cos, -sin); y2' = -y2^2 (1 / (1 + t)); y3' = cos(t) y3 (exp(sin t)).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Dopri5 } from '../../src/engines/ode/dopri5.js';
import { Rodas } from '../../src/engines/ode/rodas.js';
import type { OdeStepper, StepContext } from '../../src/engines/ode/stepper.js';
import { handProblem } from './handProblem.js';

const exact = (t: number) => [Math.cos(t), -Math.sin(t), 1 / (1 + t), Math.exp(Math.sin(t))];
const problem = handProblem({
  ids: ['a', 'b', 'c', 'd'],
  y0: exact(0),
  rhs: (t, y, dy) => {
    dy[0] = y[1];
    dy[1] = -y[0];
    dy[2] = -y[2] * y[2];
    dy[3] = Math.cos(t) * y[3];
  },
});

function context(): StepContext {
  return {
    problem,
    n: 4,
    p: problem.p,
    rtol: 0.5,
    atol: new Float64Array(4).fill(1e3),
    maxStep: Number.POSITIVE_INFINITY,
    stats: { rhsEvals: 0, jacEvals: 0, luDecomps: 0, accepted: 0, rejected: 0, switches: 0 },
  };
}

/** Max error at T = 2 after N fixed steps, and max dense-output error at step midpoints. */
function run(make: (ctx: StepContext) => OdeStepper, N: number): { end: number; mid: number } {
  const st = make(context());
  const T = 2;
  st.reset(0, Float64Array.from(exact(0)), T / N);
  const out = new Float64Array(4);
  let mid = 0;
  for (let k = 1; k <= N; k++) {
    assert.ok(st.attempt((k * T) / N), 'fixed step rejected');
    const tm = ((k - 0.5) * T) / N;
    st.interpolate(tm, out);
    exact(tm).forEach((v, i) => {
      mid = Math.max(mid, Math.abs(out[i] - v));
    });
  }
  let end = 0;
  exact(T).forEach((v, i) => {
    end = Math.max(end, Math.abs(st.y[i] - v));
  });
  return { end, mid };
}

function observedOrder(make: (ctx: StepContext) => OdeStepper, N: number) {
  const a = run(make, N);
  const b = run(make, 2 * N);
  return { end: Math.log2(a.end / b.end), mid: Math.log2(a.mid / b.mid) };
}

test('DOPRI5 converges with order 5; its dense output with order >= 4', () => {
  const o = observedOrder((ctx) => new Dopri5(ctx), 32);
  assert.ok(Math.abs(o.end - 5) < 0.2, `order ${o.end}`);
  assert.ok(o.mid > 3.8, `dense order ${o.mid}`);
});

test('Rodas5P converges with order 5; its dense output with order >= 4', () => {
  const o = observedOrder((ctx) => new Rodas(ctx), 32);
  assert.ok(Math.abs(o.end - 5) < 0.2, `order ${o.end}`);
  assert.ok(o.mid > 3.8, `dense order ${o.mid}`);
});
