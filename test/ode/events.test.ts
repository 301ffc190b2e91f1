/** Event semantics through the ODE integrator (root location, delays, priorities, cascades, persistence). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { solve } from '../../src/engines/solve.js';
import type { CompiledEvent } from '../../src/problem/types.js';
import { handProblem, thresholdEvent } from './handProblem.js';

/** y0' = 1 (a clock), y1 and y2 are event-assigned records. */
function clock(events: CompiledEvent[], y0 = [0, 0, 0]) {
  return handProblem({
    ids: ['x', 'a', 'b'],
    y0,
    rhs: (_t, _y, dy) => {
      dy[0] = 1;
      dy[1] = 0;
      dy[2] = 0;
    },
    events,
  });
}

for (const method of ['dopri5', 'rodas', 'bdf', 'auto'] as const) {
  test(`root located at the known time and state reset (sawtooth, ${method})`, () => {
    const ev = thresholdEvent('reset', 0, 2.5, (_t, y) => {
      y[0] -= 2.5;
      y[1] += 1;
    });
    // Outputs just before and just after the event time.
    const s = solve(clock([ev]), { tEnd: 9, method, outputTimes: [2.5 - 1e-9, 2.5 + 1e-9, 9] });
    assert.deepEqual(
      s.events.map((e) => e.id),
      ['reset', 'reset', 'reset'],
    );
    s.events.forEach((e, k) => {
      assert.ok(Math.abs(e.t - 2.5 * (k + 1)) < 1e-10, `event ${k} at ${e.t}`);
    });
    assert.ok(Math.abs(s.y[0] - 2.5) < 1e-8 && s.y[1] === 0, 'pre-event');
    assert.ok(Math.abs(s.y[3]) < 1e-8 && s.y[4] === 1, 'post-event');
    assert.ok(Math.abs(s.y[6] - 1.5) < 1e-9 && s.y[7] === 3);
    assert.equal(s.yEnd[1], 3);
  });
}

test('exponential decay crosses a threshold at t = ln 2 to ~1e-12', () => {
  let hit = Number.NaN;
  const pr = handProblem({
    ids: ['y'],
    y0: [1],
    rhs: (_t, y, dy) => {
      dy[0] = -y[0];
    },
    events: [
      thresholdEvent(
        'half',
        0,
        0.5,
        (t) => {
          hit = t;
        },
        { below: true },
      ),
    ],
  });
  for (const method of ['dopri5', 'rodas', 'bdf'] as const) {
    const s = solve(pr, { tEnd: 3, method, rtol: 1e-10, atol: 1e-12 });
    assert.equal(s.events.length, 1);
    assert.ok(Math.abs(hit - Math.LN2) < 1e-9, `${method}: ${hit - Math.LN2}`);
  }
});

test('delayed execution at trigger time + delay, with values from trigger time (or not)', () => {
  const fromTrigger: CompiledEvent = {
    ...thresholdEvent('d1', 0, 1, () => {}, { delay: 2 }),
    nAssign: 1,
    values: (_t, y, _p, v) => {
      v[0] = y[0];
    },
    assign: (_t, y, _p, v) => {
      y[1] = v[0];
    },
  };
  const atExecution: CompiledEvent = {
    ...fromTrigger,
    id: 'd2',
    useValuesFromTriggerTime: false,
    assign: (_t, y, _p, v) => {
      y[2] = v[0];
    },
  };
  const s = solve(clock([fromTrigger, atExecution]), { tEnd: 5, outputTimes: [2.9, 3.1, 5] });
  assert.deepEqual(
    s.events.map((e) => e.id),
    ['d1', 'd2'],
  );
  assert.ok(s.events.every((e) => Math.abs(e.t - 3) < 1e-9));
  assert.equal(s.y[1], 0, 'nothing before execution');
  assert.ok(Math.abs(s.y[4] - 1) < 1e-9, 'value of x at trigger time');
  assert.ok(Math.abs(s.y[5] - 3) < 1e-9, 'value of x at execution time');
});

test('priorities order simultaneous executions; cascades see the new state before the next', () => {
  // Three events trigger together at x = 1. Each appends its digit to a: a = 10 a + digit.
  const digit = (id: string, d: number, priority?: number) =>
    thresholdEvent(
      id,
      0,
      1,
      (_t, y) => {
        y[1] = 10 * y[1] + d;
      },
      priority === undefined ? {} : { priority },
    );
  // Cascade: when a > 100 (after the third digit), event 'c' fires at the same instant.
  const cascade = thresholdEvent('c', 1, 100, (_t, y) => {
    y[2] = 7;
  });
  const s = solve(clock([digit('low', 1, 1), digit('none', 9), digit('high', 3, 5), cascade]), { tEnd: 2 });
  assert.deepEqual(
    s.events.map((e) => e.id),
    ['high', 'low', 'none', 'c'],
  );
  assert.equal(s.yEnd[1], 319);
  assert.equal(s.yEnd[2], 7);
  assert.ok(s.events.every((e) => e.t === s.events[0].t));
});

test('non-persistent pending executions are cancelled when the trigger turns false; persistent ones run', () => {
  // Trigger x in (1, 1.5): true for 0.5 time units; delay 1.
  const window = (id: string, persistent: boolean, slot: number): CompiledEvent => ({
    id,
    trigger: (_t, y) => y[0] > 1 && y[0] < 1.5,
    nRoots: 2,
    roots: (_t, y, _p, out, off) => {
      out[off] = y[0] - 1;
      out[off + 1] = y[0] - 1.5;
    },
    initialValue: false,
    persistent,
    useValuesFromTriggerTime: true,
    delay: () => 1,
    nAssign: 0,
    values: () => {},
    assign: (_t, y) => {
      y[slot] = 1;
    },
  });
  const s = solve(clock([window('keep', true, 1), window('drop', false, 2)]), { tEnd: 4 });
  assert.deepEqual(
    s.events.map((e) => e.id),
    ['keep'],
  );
  assert.ok(Math.abs(s.events[0].t - 2) < 1e-9);
  assert.deepEqual(Array.from(s.yEnd.subarray(1)), [1, 0]);
});

test('initialValue: a trigger true at t0 fires at t0 only when initialValue is false', () => {
  const mk = (id: string, initialValue: boolean, slot: number) =>
    thresholdEvent(
      id,
      0,
      -1,
      (_t, y) => {
        y[slot] += 1;
      },
      { initialValue },
    );
  const s = solve(clock([mk('fires', false, 1), mk('quiet', true, 2)]), { tEnd: 1, outputTimes: [0, 1] });
  assert.deepEqual(s.events, [{ id: 'fires', t: 0 }]);
  assert.equal(s.y[1], 1, 'output at t0 is post-event');
  assert.equal(s.yEnd[2], 0);
});

test('step mode records the pre- and post-event points at an event', () => {
  const ev = thresholdEvent('jump', 0, 1, (_t, y) => {
    y[1] = 5;
  });
  const s = solve(clock([ev]), { tEnd: 2 });
  const k = Array.from(s.t).findIndex((t) => Math.abs(t - 1) < 1e-9);
  assert.ok(k > 0);
  assert.equal(s.t[k], s.t[k + 1]);
  assert.equal(s.y[k * 3 + 1], 0);
  assert.equal(s.y[(k + 1) * 3 + 1], 5);
});
