/** Multistart on a synthetic two-compartment PK likelihood: gradients against central differences, best start vs truth. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { solve } from '../../src/engines/solve.js';
import { multistart } from '../../src/fit/multistart/multistart.js';
import { odeLikelihood } from '../../src/fit/multistart/odeLikelihood.js';
import { ModelBuilder } from '../../src/model/builder.js';
import { compile } from '../../src/model/compile.js';
import { stream } from '../../src/random/index.js';

const src = { unit: '1/h', source: 'assumed: test' };
const truth = [0.15, 0.4, 0.25];

function problem() {
  const pr = compile(
    new ModelBuilder('pk2')
      .compartment('body', 1)
      .param('k10', 0.08, src)
      .param('k12', 0.3, src)
      .param('k21', 0.2, src)
      .species('C', { compartment: 'body', initial: 100 })
      .species('P', { compartment: 'body', initial: 0 })
      .reaction('elim', 'C ->', 'k10 * C')
      .reaction('out', 'C -> P', 'k12 * C')
      .reaction('back', 'P -> C', 'k21 * P')
      .build(),
  );
  const p = Float64Array.from(pr.p);
  ['k10', 'k12', 'k21'].forEach((id, k) => {
    p[pr.paramIndex.get(id)!] = truth[k]!;
  });
  const times = [0.5, 1, 2, 4, 6, 8, 12, 16, 24];
  const y = solve(pr, { tEnd: 24, outputTimes: times, p, outputs: ['C', 'P'], rtol: 1e-10, atol: 1e-12 }).y;
  const rng = stream(7, 0);
  const sigma = 1;
  const measurements = times.flatMap((time, q) =>
    ['C', 'P'].map((observable, j) => ({
      observable,
      time,
      value: y[q * 2 + j]! + sigma * rng.normal(),
      sigma,
    })),
  );
  const parameters = ['k10', 'k12', 'k21'].map((id) => ({
    id,
    lower: 1e-3,
    upper: 10,
    scale: 'log10' as const,
  }));
  return odeLikelihood(pr, { parameters, measurements });
}

test('the likelihood gradient from sensitivities matches central differences (rel <= 1e-4)', () => {
  const lp = problem();
  for (const x of [Float64Array.from(truth), Float64Array.from([0.05, 1.2, 0.6])]) {
    const g = new Float64Array(3);
    const f = lp.gradient(x, g);
    assert.ok(Math.abs(f - lp.nllh(x)) <= 1e-8 * Math.abs(f));
    for (let k = 0; k < 3; k++) {
      const h = 1e-5 * x[k]!;
      const up = Float64Array.from(x);
      up[k] = x[k]! + h;
      const dn = Float64Array.from(x);
      dn[k] = x[k]! - h;
      const fd = (lp.nllh(up) - lp.nllh(dn)) / (2 * h);
      assert.ok(Math.abs(g[k]! - fd) <= 1e-4 * Math.max(Math.abs(fd), 1e-2), `k=${k}: ${g[k]} vs ${fd}`);
    }
  }
});

test("the best of 10 starts reaches the true parameters' nllh or better, deterministically", () => {
  const lp = problem();
  const r = multistart(lp, { starts: 10, seed: 3 });
  const fTrue = lp.nllh(Float64Array.from(truth));
  assert.ok(r.best !== undefined);
  assert.ok(r.best.nllh <= fTrue + 1e-6, `best ${r.best.nllh} vs true ${fTrue}`);
  assert.ok(r.converged >= 5, `converged ${r.converged}`);
  for (let i = 1; i < r.waterfall.length; i++) assert.ok(r.waterfall[i]! >= r.waterfall[i - 1]!);
  assert.deepEqual(r.atBounds, [null, null, null]);
  const again = multistart(lp, { starts: 10, seed: 3 });
  assert.deepEqual(Array.from(again.waterfall), Array.from(r.waterfall));
});

test('a start where the model fails is recorded with its reason', () => {
  const lp = problem();
  const failing = {
    ...lp,
    gradient: (x: Float64Array, g: Float64Array) => {
      if (x[0]! > 0.1) throw new Error('model failed here');
      return lp.gradient(x, g);
    },
  };
  const r = multistart(failing, { starts: 6, seed: 1 });
  assert.ok(r.failed > 0);
  const bad = r.starts.filter((s) => s.reason === 'failed');
  assert.equal(bad.length, r.failed);
  assert.match(bad[0]!.error!, /model failed here/);
});
