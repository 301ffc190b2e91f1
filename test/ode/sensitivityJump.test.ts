/**
 * Sensitivities across a switch of the right-hand side whose time a parameter sets (engines/sensitivityJump.ts):
 * A' = -k A + u(t), u = a for time >= T, else 0. For t > T, A = A0 e^{-kt} + (a/k)(1 - e^{-k(t-T)}), so
 * dA/dT = -a e^{-k(t-T)}: nonzero only through the jump term (the sensitivity ODE has no T in it).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { solveDirectional, solveSensitivities } from '../../src/engines/sensitivity.js';
import { solve } from '../../src/engines/solve.js';
import { ModelBuilder } from '../../src/model/builder.js';
import { compile } from '../../src/model/compile.js';

const src = { unit: '1', source: 'assumed: test' };
const [k, a, a0, T] = [0.3, 2, 5, 3];
const times = [1, 2.5, 3, 4, 6, 10];

function pulse(second = 'T') {
  return compile(
    new ModelBuilder('pulse')
      .compartment('c', 1)
      .param('k', k, src)
      .param('a', a, src)
      .param('T', T, src)
      .param('T2', T, src)
      .species('A', { compartment: 'c', initial: a0 })
      .reaction('deg', 'A ->', 'k * A')
      .reaction('in', '-> A', `piecewise(0, time < T, a) + piecewise(0, time - ${second} < 0, 0.5)`)
      .build(),
  );
}

/** The exact A(t) and dA/dT, dA/dk, dA/da (the 0.5 input switches at T too). */
function exact(t: number): { A: number; dT: number; dk: number; da: number } {
  const e = Math.exp(-k * t);
  if (t < T) return { A: a0 * e, dT: 0, dk: -t * a0 * e, da: 0 };
  const b = a + 0.5;
  const f = Math.exp(-k * (t - T));
  const A = a0 * e + (b / k) * (1 - f);
  const dk = -t * a0 * e - (b / (k * k)) * (1 - f) + (b / k) * (t - T) * f;
  return { A, dT: -b * f, dk, da: (1 - f) / k };
}

test('a parameter-timed switch: dA/dT, dA/dk, dA/da match the analytic ones (rel <= 1e-6)', () => {
  const pr = pulse();
  assert.deepEqual([...pr.tstops], [T]);
  for (const method of ['dopri5', 'rodas'] as const) {
    const r = solveSensitivities(pr, {
      params: ['T', 'k', 'a'],
      tEnd: 10,
      outputTimes: times,
      rtol: 1e-10,
      atol: 1e-12,
      method,
    });
    times.forEach((t, i) => {
      const x = exact(t);
      const s = r.sens.subarray(i * 3, i * 3 + 3);
      assert.ok(Math.abs(r.solution.y[i]! - x.A) <= 1e-8 * x.A, `${method}: A(${t})`);
      // At t = T the output is the value after the switch.
      [x.dT, x.dk, x.da].forEach((want, q) => {
        assert.ok(
          Math.abs(s[q]! - want) <= 1e-6 * Math.max(Math.abs(want), 1),
          `${method}: sensitivity ${q} at t = ${t}: ${s[q]} vs ${want}`,
        );
      });
    });
    assert.ok(Math.abs(r.sEnd[0]! - exact(10).dT) <= 1e-6 * Math.abs(exact(10).dT));
  }
});

test('the jump term against central differences of tightly solved states in T', () => {
  const pr = pulse();
  const iT = pr.paramIndex.get('T')!;
  const r = solveSensitivities(pr, {
    params: ['T'],
    tEnd: 10,
    outputTimes: [4, 10],
    rtol: 1e-10,
    atol: 1e-12,
  });
  const h = 1e-4;
  const at = (v: number): Float64Array => {
    const p = Float64Array.from(pr.p);
    p[iT] = v;
    return solve(pr, { tEnd: 10, p, outputTimes: [4, 10], rtol: 1e-12, atol: 1e-14, outputs: ['A'] }).y;
  };
  const up = at(T + h);
  const dn = at(T - h);
  for (let i = 0; i < 2; i++) {
    const fd = (up[i]! - dn[i]!) / (2 * h);
    assert.ok(Math.abs(r.sens[i]! - fd) <= 1e-6 * Math.abs(fd), `t = ${[4, 10][i]}: ${r.sens[i]} vs ${fd}`);
  }
});

test('two switches at the same time that move with different parameters: no derivative, InputError', () => {
  const pr = pulse('T2');
  assert.throws(
    () => solveSensitivities(pr, { params: ['T'], tEnd: 10, rtol: 1e-8 }),
    /switches at t = 3 move differently/,
  );
  // Moved together (one direction over both slots) they have one: dA/dT of the model that reads T twice.
  const g = Int32Array.of(pr.paramIndex.get('T')!, pr.paramIndex.get('T2')!);
  const r = solveDirectional(pr, { groups: [g], tEnd: 10, rtol: 1e-10, atol: 1e-12, outputTimes: [6] });
  const want = exact(6).dT;
  assert.ok(Math.abs(r.sens[0]! - want) <= 1e-6 * Math.abs(want), `${r.sens[0]} vs ${want}`);
});
