/**
 * Stiff reference problems against the Test Set for IVP Solvers reference solutions
 * (computed there with RADAU5 in extended precision). Error measure: |y - ref| / (|ref| + atol).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { solve } from '../../src/engines/solve.js';
import { hires, type Reference, robertson, vanDerPol } from './stiffProblems.js';

const rtol = 1e-8;
const atol = 1e-12;

function maxRelError(ref: Reference, method: 'rodas' | 'auto') {
  const s = solve(ref.problem, { tEnd: ref.tEnd, method, rtol, atol, outputTimes: [ref.tEnd] });
  assert.equal(s.t.length, 1);
  assert.deepEqual(Array.from(s.y), Array.from(s.yEnd));
  const err = Math.max(...ref.yRef.map((r, i) => Math.abs(s.yEnd[i] - r) / (Math.abs(r) + atol)));
  return { err, s };
}

for (const method of ['rodas', 'auto'] as const) {
  test(`Robertson to t = 1e11 (${method}, analytic and finite-difference Jacobian)`, () => {
    for (const jac of [true, false]) {
      const { err, s } = maxRelError(robertson(jac), method);
      // Finite differences perturb y2 ~ 1e-13 by >= 1.5e-14: a less exact Jacobian, larger (still small) error.
      assert.ok(err < (jac ? 2e-5 : 1e-4), `jac=${jac}: error ${err}`);
      assert.ok(s.stats.accepted < 600, `jac=${jac}: ${s.stats.accepted} steps`);
      if (method === 'auto') assert.ok(s.stats.switches >= 1);
    }
  });

  test(`HIRES to t = 321.8122 (${method})`, () => {
    const { err } = maxRelError(hires(), method);
    assert.ok(err < 1e-7, `error ${err}`);
  });

  test(`Van der Pol mu = 1000 to t = 2000 (${method})`, () => {
    const { err, s } = maxRelError(vanDerPol(), method);
    assert.ok(err < 1e-7, `error ${err}`);
    if (method === 'auto') assert.ok(s.stats.switches >= 2, `switches ${s.stats.switches}`);
  });
}

test('dopri5 on Robertson is stability-limited: many more steps than rodas for the same answer', () => {
  const ref = robertson();
  const opts = { tEnd: 1, rtol: 1e-6, atol: 1e-10, outputTimes: [1] };
  const e = solve(ref.problem, { ...opts, method: 'dopri5' });
  const r = solve(ref.problem, { ...opts, method: 'rodas' });
  assert.ok(e.stats.accepted > 5 * r.stats.accepted, `${e.stats.accepted} vs ${r.stats.accepted}`);
  for (let i = 0; i < 3; i++) assert.ok(Math.abs(e.yEnd[i] - r.yEnd[i]) < 1e-6 * Math.abs(r.yEnd[i]) + 1e-9);
});
