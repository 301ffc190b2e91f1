/** Algebraic rules hold at t0 and right after events (consistent values by Newton on the algebraic rows). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AlgebraicSolver } from '../../src/engines/ode/consistent.js';
import { solve } from '../../src/engines/solve.js';
import { ModelBuilder } from '../../src/model/builder.js';
import { compile } from '../../src/model/compile.js';
import { parseExpr } from '../../src/model/expr/parse.js';
import { handProblem } from './handProblem.js';

const src = { unit: '1', source: 'assumed: test', constant: false };

test('nonlinear algebraic rows solved with the differential components fixed (analytic and FD Jacobian)', () => {
  // x' = -x; z1^3 + z1 = x (z1 ~ 0.6823 for x = 1); z2 = z1 * x + 2.
  const rhs = (_t: number, y: Float64Array, f: Float64Array) => {
    f[0] = -y[0];
    f[1] = y[1] ** 3 + y[1] - y[0];
    f[2] = y[1] * y[0] + 2 - y[2];
  };
  const jac = (_t: number, y: Float64Array, J: Float64Array) => {
    J.fill(0);
    J[0] = -1;
    J[3] = -1;
    J[4] = 3 * y[1] ** 2 + 1;
    J[6] = y[1];
    J[7] = y[0];
    J[8] = -1;
  };
  const z1 = 0.6823278038280193; // real root of z^3 + z - 1
  for (const withJac of [true, false]) {
    const pr = handProblem({
      ids: ['x', 'z1', 'z2'],
      y0: [1, 5, -3],
      mass: [1, 0, 0],
      rhs,
      ...(withJac ? { jac } : {}),
    });
    const y = pr.initialState();
    assert.equal(new AlgebraicSolver(pr).solve(0, y, pr.p), true);
    assert.equal(y[0], 1, 'differential component untouched');
    assert.ok(Math.abs(y[1] - z1) < 1e-13, `z1 ${y[1]}`);
    assert.ok(Math.abs(y[2] - (z1 + 2)) < 1e-13, `z2 ${y[2]}`);
    // The first output row of a solve is consistent even from the bad guess.
    const s = solve(pr, { tEnd: 1, method: 'rodas', outputTimes: [0, 1], rtol: 1e-10, atol: 1e-12 });
    assert.ok(Math.abs(s.y[1] - z1) < 1e-12 && Math.abs(s.y[2] - (z1 + 2)) < 1e-12, `row 0: ${s.y}`);
  }
});

test('a singular algebraic block is reported (false), the state left finite', () => {
  const pr = handProblem({
    ids: ['x', 'z'],
    y0: [1, 0],
    mass: [1, 0],
    rhs: (_t, y, f) => {
      f[0] = 0;
      f[1] = y[1] * y[1] + 1; // no real solution, derivative 0 at z = 0
    },
  });
  const y = pr.initialState();
  assert.equal(new AlgebraicSolver(pr).solve(0, y, pr.p), false);
  assert.ok(Number.isFinite(y[1]));
});

/** k1' = 1, 0 = 10 - k1 - k2 (SBML suite 01575 / 01577 style, k2 starting from a wrong 0). */
function algebraicModel() {
  const m = new ModelBuilder('alg');
  m.param('k1', 0, src);
  m.param('k2', 0, src);
  m.param('seen', -1, src);
  m.rate('k1', '1');
  m.event('reset', { trigger: 'time > 2.5', assign: { k1: '0' } });
  // Records k2 as a trigger sees it in the instant of the reset: the rule must already hold then.
  m.event('watch', { trigger: 'k2 > 9.9', initialValue: true, assign: { seen: 'k2' } });
  const model = m.build();
  return compile({
    ...model,
    rules: [...(model.rules ?? []), { kind: 'algebraic', math: parseExpr('10 - k1 - k2') }],
  });
}

test('compiled model: the first row and the instant after an event satisfy the rule', () => {
  const pr = algebraicModel();
  // initialState is the model evaluated at t0 (k2 = 0); the engine's start makes the rule hold.
  assert.equal(pr.initialState()[pr.stateIndex.get('k2')!], 0);
  const s = solve(pr, {
    tEnd: 4,
    outputTimes: [0, 1, 4],
    outputs: ['k1', 'k2', 'seen'],
    rtol: 1e-10,
    atol: 1e-12,
  });
  const row = (i: number) => Array.from(s.y.subarray(3 * i, 3 * i + 3));
  const close = (a: number, b: number) => Math.abs(a - b) < 1e-9;
  assert.deepEqual(row(0), [0, 10, -1]);
  assert.ok(close(row(1)[0]!, 1) && close(row(1)[1]!, 9), `t = 1: ${row(1)}`);
  assert.deepEqual(
    s.events.map((e) => e.id),
    ['reset', 'watch'],
  );
  assert.ok(Math.abs(s.events[1]!.t - 2.5) < 1e-9, `watch at ${s.events[1]!.t}`);
  assert.ok(close(row(2)[0]!, 1.5) && close(row(2)[1]!, 8.5), `t = 4: ${row(2)}`);
  assert.ok(close(row(2)[2]!, 10), `seen ${row(2)[2]}`);
});
