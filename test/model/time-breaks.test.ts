/** Switch times stated by the math (compile/time-breaks.ts) become tstops, so short pulses are not skipped. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { solve } from '../../src/engines/solve.js';
import { compile } from '../../src/model/compile.js';
import type { Expr, Model } from '../../src/model/types.js';

const id = (x: string): Expr => ({ k: 'id', id: x });
const time: Expr = { k: 'time' };
// x' = 1000 while start <= t < start + width (width 1 ms): x(20) = 1.
const pulse = (startConstant: boolean): Model => ({
  id: 'pulse',
  compartments: [{ id: 'c', size: 1 }],
  species: [],
  parameters: [
    { id: 'x', value: 0, unit: '1', source: 'test', constant: false },
    { id: 'start', value: 10, unit: 's', source: 'test', constant: startConstant },
    { id: 'width', value: 0.001, unit: 's', source: 'test' },
  ],
  reactions: [],
  rules: [
    {
      kind: 'rate',
      variable: 'x',
      math: {
        k: 'piecewise',
        pieces: [
          {
            value: { k: 'num', v: 1000 },
            cond: {
              k: 'op',
              op: 'and',
              args: [
                { k: 'op', op: 'ge', args: [time, id('start')] },
                { k: 'op', op: 'lt', args: [time, { k: 'op', op: 'add', args: [id('start'), id('width')] }] },
              ],
            },
          },
        ],
        otherwise: { k: 'num', v: 0 },
      },
    },
  ],
});

describe('time breaks', () => {
  it('stops at each switch time fixed before the run, and integrates the pulse', () => {
    const p = compile(pulse(true));
    assert.deepEqual([...p.tstops], [10, 10.001]);
    const sol = solve(p, { tEnd: 20, outputTimes: [20], outputs: ['x'] });
    assert.ok(Math.abs(sol.y[0]! - 1) < 1e-5, `x(20) = ${sol.y[0]}`);
  });
  it('adds no stop for a threshold that may change during the run', () => {
    const m = pulse(false);
    const withEvent: Model = {
      ...m,
      events: [
        {
          id: 'e',
          trigger: { k: 'op', op: 'gt', args: [time, { k: 'num', v: 1 }] },
          assignments: [{ variable: 'start', math: { k: 'num', v: 12 } }],
        },
      ],
    };
    assert.deepEqual([...compile(withEvent).tstops], []);
  });
  it('finds `time - T < 0` switches at the solve parameters, and a step ending on one sees its left limit', () => {
    // x' = 0 before T, 1000 from T on (PEtab's Isensee_JCB2018 writes its inputs so): x(100) = 1000 (100 - T).
    const m: Model = {
      id: 'step',
      compartments: [{ id: 'c', size: 1 }],
      species: [],
      parameters: [
        { id: 'x', value: 0, unit: '1', source: 'test', constant: false },
        { id: 'T', value: 0, unit: 's', source: 'test' },
      ],
      reactions: [],
      rules: [
        {
          kind: 'rate',
          variable: 'x',
          math: {
            k: 'piecewise',
            pieces: [
              {
                value: { k: 'num', v: 0 },
                cond: {
                  k: 'op',
                  op: 'lt',
                  args: [
                    { k: 'op', op: 'sub', args: [time, id('T')] },
                    { k: 'num', v: 0 },
                  ],
                },
              },
            ],
            otherwise: { k: 'num', v: 1000 },
          },
        },
      ],
    };
    const prob = compile(m);
    assert.deepEqual([...prob.tstops], []); // T = 0 is not after t0
    const p = Float64Array.from(prob.p);
    p[prob.paramIds.indexOf('T')] = 60;
    assert.deepEqual([...prob.tstopsFor!(p)], [60]);
    for (const method of ['dopri5', 'rodas'] as const) {
      const sol = solve(prob, {
        tEnd: 100,
        p,
        method,
        rtol: 1e-8,
        atol: 1e-12,
        outputTimes: [60, 100],
        outputs: ['x'],
      });
      assert.ok(Math.abs(sol.y[0]!) < 1e-9, `${method}: x(60) = ${sol.y[0]}`);
      assert.ok(Math.abs(sol.y[1]! - 40000) < 1e-4, `${method}: x(100) = ${sol.y[1]}`);
    }
  });
});
