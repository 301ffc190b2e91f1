/** Profile likelihoods on the synthetic PK problem: minimum at the optimum, 95% intervals around it. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { multistart } from '../../src/fit/multistart/multistart.js';
import { loadLikelihoodFile } from '../../src/fit/multistart/problemFile.js';
import { PROFILE_THRESHOLD_95, profiles } from '../../src/fit/multistart/profile.js';

const file = fileURLToPath(new URL('problems/pk2-likelihood.yaml', import.meta.url));

test('profiles rise from the optimum to the 95% threshold on both sides and bracket the estimate', () => {
  const { problem } = loadLikelihoodFile(file);
  const r = multistart(problem, { starts: 4, seed: 1 });
  const best = r.best!;
  const ps = profiles(problem, best.x, best.nllh, {});
  ps.forEach((pf, i) => {
    for (const f of pf.nllh) assert.ok(f >= best.nllh - 1e-6, `${pf.id}: profile below the optimum`);
    assert.ok(pf.lower95 !== null && pf.upper95 !== null, `${pf.id}: interval not closed`);
    assert.ok(pf.lower95 < best.x[i]! && best.x[i]! < pf.upper95);
    // The profile minimises over the other parameters: never above the slice through the optimum.
    let below = 0;
    pf.values.forEach((v, k) => {
      const x = Float64Array.from(best.x);
      x[i] = v;
      const slice = problem.nllh(x);
      assert.ok(pf.nllh[k]! <= slice + 1e-6, `${pf.id} = ${v}: profile above the slice`);
      if (pf.nllh[k]! < slice - 1e-3) below++;
    });
    // The rate constants are correlated: re-optimising the others lowers the profile away from the optimum.
    assert.ok(below > 0, `${pf.id}: profile equals the slice (others not re-optimised)`);
    assert.ok(Math.max(...pf.nllh) - best.nllh > PROFILE_THRESHOLD_95);
  });
  // The intervals do not depend on the grid: a first step ten times smaller agrees within 1%.
  const fine = profiles(problem, best.x, best.nllh, { step: 1e-4, maxPoints: 200 });
  fine.forEach((pf, i) => {
    for (const side of ['lower95', 'upper95'] as const) {
      const a = ps[i]![side]!;
      const b = pf[side]!;
      assert.ok(Math.abs(a - b) <= 0.01 * Math.abs(b), `${pf.id} ${side}: ${a} vs ${b}`);
    }
  });
});
