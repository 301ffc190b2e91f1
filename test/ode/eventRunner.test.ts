/** EventRunner on its own, driven the way a stochastic engine drives it (no ODE integrator). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EventRunner } from '../../src/engines/events.js';
import { doseEvent, thresholdEvent } from './handProblem.js';

test('scheduled doses: fire at t0 when listed, nextScheduledTime walks the schedule', () => {
  const r = new EventRunner([doseEvent('d', 0, 5, [0, 2, 4])], new Float64Array(0));
  const y = Float64Array.from([1]);
  assert.deepEqual(r.init(0, y), [{ id: 'd', t: 0 }]);
  assert.equal(y[0], 6);
  assert.equal(r.nextScheduledTime(), 2);
  assert.equal(r.needsProcessing(1.9, y), false);
  assert.deepEqual(r.process(2, y), [{ id: 'd', t: 2 }]);
  assert.equal(r.nextScheduledTime(), 4);
  // An engine that jumps past a scheduled time still executes it (late) once.
  assert.equal(r.process(10, y).length, 1);
  assert.equal(r.nextScheduledTime(), Number.POSITIVE_INFINITY);
  assert.equal(y[0], 16);
});

test('state triggers after jumps: delayed execution, cancellation of non-persistent, re-arming', () => {
  // x > 3 schedules y1 += 1 after 0.5 (persistent) and y2 += 1 after 0.5 (non-persistent).
  const keep = thresholdEvent(
    'keep',
    0,
    3,
    (_t, y) => {
      y[1] += 1;
    },
    { delay: 0.5 },
  );
  const drop = thresholdEvent(
    'drop',
    0,
    3,
    (_t, y) => {
      y[2] += 1;
    },
    { delay: 0.5, persistent: false },
  );
  const r = new EventRunner([keep, drop], new Float64Array(0));
  const y = Float64Array.from([0, 0, 0]);
  assert.deepEqual(r.init(0, y), []);
  y[0] = 4; // a reaction fired at t = 1
  assert.deepEqual(r.process(1, y), []);
  assert.equal(r.nextScheduledTime(), 1.5);
  y[0] = 2; // trigger false before execution: 'drop' is cancelled
  r.process(1.2, y);
  assert.deepEqual(r.process(1.5, y), [{ id: 'keep', t: 1.5 }]);
  assert.deepEqual(Array.from(y.subarray(1)), [1, 0]);
  y[0] = 5; // re-armed: both trigger again
  r.process(2, y);
  assert.deepEqual(
    r.process(2.5, y).map((e) => e.id),
    ['keep', 'drop'],
  );
  assert.equal(r.nextScheduledTime(), Number.POSITIVE_INFINITY);
});

test('roots are concatenated across events with nRoots offsets', () => {
  const r = new EventRunner(
    [thresholdEvent('a', 0, 1, () => {}), doseEvent('d', 0, 1, [5]), thresholdEvent('b', 1, 2, () => {})],
    new Float64Array(0),
  );
  assert.equal(r.nRoots, 2);
  const g = new Float64Array(2);
  r.roots(0, Float64Array.from([3, 7]), g);
  assert.deepEqual(Array.from(g), [2, 5]);
});

test('an endless zero-delay cascade is stopped with a SolverError', () => {
  // Two events that keep re-arming each other at the same instant.
  const a = thresholdEvent('a', 0, 0.5, (_t, y) => {
    y[0] = 0;
    y[1] = 1;
  });
  const b = thresholdEvent('b', 1, 0.5, (_t, y) => {
    y[1] = 0;
    y[0] = 1;
  });
  const r = new EventRunner([a, b], new Float64Array(0));
  const y = Float64Array.from([0, 0]);
  r.init(0, y);
  y[0] = 1;
  assert.throws(() => r.process(1, y), /event executions at one instant/);
});
