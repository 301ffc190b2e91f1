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

function maxRelError(ref: Reference, method: 'rodas' | 'bdf' | 'auto') {
  const s = solve(ref.problem, { tEnd: ref.tEnd, method, rtol, atol, outputTimes: [ref.tEnd] });
  assert.equal(s.t.length, 1);
  assert.deepEqual(Array.from(s.y), Array.from(s.yEnd));
  const err = Math.max(...ref.yRef.map((r, i) => Math.abs(s.yEnd[i] - r) / (Math.abs(r) + atol)));
  return { err, s };
}

for (const method of ['rodas', 'bdf', 'auto'] as const) {
  test(`Robertson to t = 1e11 (${method}, analytic and finite-difference Jacobian)`, () => {
    for (const jac of [true, false]) {
      const { err, s } = maxRelError(robertson(jac), method);
      // Finite differences perturb y2 ~ 1e-13 by >= 1.5e-14: a less exact Jacobian, larger (still small) error.
      // BDF (and auto, which switches to it): 1.8e-5 to 8.4e-5 measured, on y1 = 2e-8, i.e. 1-2 atol absolute.
      const tol = method === 'rodas' ? (jac ? 2e-5 : 1e-4) : 2e-4;
      assert.ok(err < tol, `jac=${jac}: error ${err}`);
      // BDF (orders <= 5, ~1.2 rhs per step) takes ~3x Rodas5P's steps at rtol 1e-8, but keeps its
      // Jacobian and LU over many of them.
      const maxSteps = method === 'rodas' ? 600 : 2500;
      assert.ok(s.stats.accepted < maxSteps, `jac=${jac}: ${s.stats.accepted} steps`);
      if (method === 'bdf') {
        assert.ok(s.stats.jacEvals * 20 < s.stats.accepted, `jac=${jac}: ${s.stats.jacEvals} Jacobians`);
        assert.ok(s.stats.luDecomps * 4 < s.stats.accepted, `jac=${jac}: ${s.stats.luDecomps} LUs`);
      }
      if (method === 'auto') assert.ok(s.stats.switches >= 1);
    }
  });

  test(`HIRES to t = 321.8122 (${method})`, () => {
    const { err } = maxRelError(hires(), method);
    assert.ok(err < 1e-7, `error ${err}`);
  });

  test(`Van der Pol mu = 1000 to t = 2000 (${method})`, () => {
    const { err, s } = maxRelError(vanDerPol(), method);
    // BDF's global error at the same tolerance is larger than Rodas5P's (1.3e-7 and 1.6e-7 measured).
    assert.ok(err < (method === 'rodas' ? 1e-7 : 5e-7), `error ${err}`);
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
