/** Hard failures throw SolverError naming time and state; bad options throw InputError. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { solve } from '../../src/engines/solve.js';
import { InputError, ModelError, SolverError } from '../../src/errors.js';
import { handProblem } from './handProblem.js';

const blowUp = handProblem({
  ids: ['calm', 'y'],
  y0: [1, 1],
  rhs: (_t, y, dy) => {
    dy[0] = -y[0];
    dy[1] = y[1] * y[1];
  },
});

for (const method of ['dopri5', 'rodas', 'bdf', 'auto'] as const) {
  test(`y' = y^2 from y(0) = 1 blows up at t = 1: SolverError names 'y' (${method})`, () => {
    assert.throws(
      () => solve(blowUp, { tEnd: 2, method }),
      (e: unknown) => {
        assert.ok(e instanceof SolverError, String(e));
        assert.equal(e.stateId, 'y');
        assert.ok(Math.abs(e.t - 1) < 1e-3, `t = ${e.t}`);
        assert.match(e.message, /state 'y'/);
        return true;
      },
    );
  });
}

test('a right-hand side that returns NaN is reported, never returned', () => {
  const pr = handProblem({
    ids: ['a', 'bad'],
    y0: [1, 1],
    rhs: (t, y, dy) => {
      dy[0] = -y[0];
      dy[1] = t > 0.5 ? Number.NaN : -y[1];
    },
  });
  assert.throws(
    () => solve(pr, { tEnd: 1, method: 'dopri5' }),
    (e: unknown) => e instanceof SolverError && /non-finite/.test(e.message) && e.t > 0.4 && e.t <= 0.5,
  );
});

test('maxSteps exceeded is a SolverError', () => {
  assert.throws(
    () => solve(blowUp, { tEnd: 0.9, maxSteps: 5 }),
    (e: unknown) => {
      return e instanceof SolverError && /maximum number of steps/.test(e.message);
    },
  );
});

test('bad options are InputErrors; dopri5 refuses algebraic equations', () => {
  const pr = handProblem({
    ids: ['y'],
    y0: [1],
    rhs: (_t, y, dy) => {
      dy[0] = -y[0];
    },
  });
  assert.throws(() => solve(pr, { tEnd: -1 }), InputError);
  assert.throws(() => solve(pr, { tEnd: 1, rtol: 0 }), InputError);
  assert.throws(() => solve(pr, { tEnd: 1, outputTimes: [0.5, 0.2] }), InputError);
  assert.throws(() => solve(pr, { tEnd: 1, outputTimes: [2] }), InputError);
  assert.throws(() => solve(pr, { tEnd: 1, atol: new Float64Array(3) }), InputError);
  assert.throws(() => solve(pr, { tEnd: 1, method: 'euler' as 'auto' }), InputError);
  assert.throws(() => solve(pr, { tEnd: 1, outputs: ['nope'] }), ModelError);
  const dae = handProblem({
    ids: ['y'],
    y0: [1],
    mass: [0],
    rhs: (_t, y, dy) => {
      dy[0] = 1 - y[0];
    },
  });
  assert.throws(() => solve(dae, { tEnd: 1, method: 'dopri5' }), ModelError);
});

test('tEnd = t0 returns the initial point', () => {
  const pr = handProblem({
    ids: ['y'],
    y0: [3],
    rhs: (_t, _y, dy) => {
      dy[0] = 1;
    },
  });
  const s = solve(pr, { tEnd: 0 });
  assert.deepEqual(Array.from(s.t), [0]);
  assert.deepEqual(Array.from(s.y), [3]);
});
