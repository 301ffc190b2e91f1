/** delay(x, tau) before t0: the model's own values at that time (initial assignments at t - tau, rateOf 0). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { solve } from '../../src/engines/solve.js';
import { ModelBuilder } from '../../src/model/builder.js';
import { compile } from '../../src/model/compile.js';

const src = { unit: '1', source: 'assumed: test', constant: false };

test('before t0 a delayed species follows its time-dependent initial assignment (SBML suite 00938)', () => {
  // x = sin(10 t) "until the start", then produced at rate 1; y = 2 + delay(x, 0.2).
  const m = new ModelBuilder('echo');
  m.compartment('c', 1);
  m.species('x', { compartment: 'c', initial: 0 });
  m.param('y', 0, src);
  m.initial('x', 'sin(10 * time)');
  m.reaction('make', '-> x', '1');
  m.assign('y', '2 + delay(x, 0.2)');
  const pr = compile(m.build());
  const times = [0, 0.05, 0.1, 0.2, 0.5, 1];
  const s = solve(pr, { tEnd: 1, outputTimes: times, outputs: ['x', 'y'], rtol: 1e-10, atol: 1e-12 });
  times.forEach((t, i) => {
    const yExpected = t < 0.2 ? 2 + Math.sin(10 * (t - 0.2)) : 2 + (t - 0.2);
    assert.ok(Math.abs(s.y[2 * i]! - t) < 1e-9, `x(${t})`);
    assert.ok(Math.abs(s.y[2 * i + 1]! - yExpected) < 1e-9, `y(${t}) = ${s.y[2 * i + 1]} vs ${yExpected}`);
  });
});

test('a delayed constant with a time-dependent initial assignment and a delayed rate (SBML suite 00943, 01401)', () => {
  const m = new ModelBuilder('rates');
  m.param('x', 0, { ...src, constant: true });
  m.initial('x', 'sin(10 * time)');
  m.param('S', 5, src);
  m.rate('S', '-0.1 * S');
  m.param('echo', 0, src);
  m.assign('echo', '2 + delay(x, 0.5)');
  m.param('lag', 0, src);
  m.assign('lag', 'delay(rateOf(S), 1)');
  m.param('r', 0, src);
  m.assign('r', 'rateOf(S)');
  const pr = compile(m.build());
  const times = [0, 0.25, 0.5, 1, 2, 3];
  const s = solve(pr, {
    tEnd: 3,
    outputTimes: times,
    outputs: ['echo', 'lag', 'r'],
    rtol: 1e-10,
    atol: 1e-12,
  });
  times.forEach((t, i) => {
    const echo = 2 + (t < 0.5 ? Math.sin(10 * (t - 0.5)) : 0);
    const lag = t < 1 ? 0 : -0.5 * Math.exp(-0.1 * (t - 1));
    assert.ok(Math.abs(s.y[3 * i]! - echo) < 1e-9, `echo(${t}) = ${s.y[3 * i]} vs ${echo}`);
    assert.ok(Math.abs(s.y[3 * i + 1]! - lag) < 1e-7, `lag(${t}) = ${s.y[3 * i + 1]} vs ${lag}`);
    assert.ok(Math.abs(s.y[3 * i + 2]! + 0.5 * Math.exp(-0.1 * t)) < 1e-7, `r(${t})`);
  });
});
