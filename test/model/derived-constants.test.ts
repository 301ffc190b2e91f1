/** Parameters set only by an initial assignment of constants are constants after t0, not ODE states. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { solve } from '../../src/engines/solve.js';
import { ModelBuilder } from '../../src/model/builder.js';
import { compile } from '../../src/model/compile.js';
import { getModel } from '../../src/models/index.js';

const src = { unit: '1', source: 'assumed: test' };

test("the HER2 model's c_* helpers are not states, yet observable by id with their t0 values", () => {
  const p = compile(getModel('her2csc'));
  const helpers = p.stateIds.filter((id) => id.startsWith('c_'));
  assert.deepEqual(helpers, []);
  assert.ok(!p.outputIds.some((id) => id.startsWith('c_')), 'not in the default output');
  const s = solve(p, { tEnd: 20, outputTimes: [0, 20], outputs: ['c_Z', 'S'] });
  assert.ok(s.y[0]! > 1 && Number.isFinite(s.y[0]!), `c_Z = ${s.y[0]}`);
  assert.equal(s.y[2], s.y[0], 'constant after t0');
});

test('only constant initial assignments qualify: a species, time or an event keeps the parameter a state', () => {
  const m = new ModelBuilder('m');
  m.compartment('c', 1);
  m.species('X', { compartment: 'c', initial: 4 });
  m.param('k', 2, src);
  m.param('d1', 0, src); // = 3 k: a constant
  m.param('d2', 0, src); // = d1 + 1: a constant through another one
  m.param('s1', 0, src); // = 2 X: the species' initial value, a state
  m.param('s2', 0, { ...src, constant: false }); // = k, but an event changes it
  m.param('s3', 0, src); // = time + 1
  m.initial('d1', '3 * k');
  m.initial('d2', 'd1 + 1');
  m.initial('s1', '2 * X');
  m.initial('s2', 'k');
  m.initial('s3', 'time + 1');
  m.event('bump', { trigger: 'time >= 1', assign: { s2: 's2 + 10' } });
  m.reaction('decay', 'X ->', 'd2 * X / 10');
  const p = compile(m.build());
  assert.deepEqual(p.stateIds, ['X', 's1', 's2', 's3']);
  const s = solve(p, { tEnd: 2, outputTimes: [0, 2], outputs: ['d1', 'd2', 's1', 's2', 'X'] });
  assert.deepEqual(Array.from(s.y.subarray(0, 4)), [6, 7, 8, 2]);
  assert.deepEqual(Array.from(s.y.subarray(5, 9)), [6, 7, 8, 12]);
  assert.ok(Math.abs(s.y[9]! - 4 * Math.exp(-0.7 * 2)) < 1e-5, `X(2) = ${s.y[9]}`);
  // A parameter vector with another k changes the derived constants with it.
  const q = Float64Array.from(p.p);
  q[p.paramIndex.get('k')!] = 1;
  const r = solve(p, { tEnd: 0, outputs: ['d1', 'd2'], p: q, outputTimes: [0] });
  assert.deepEqual(Array.from(r.y), [3, 4]);
});
