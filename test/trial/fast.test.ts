/**
 * The fast trial path against the reference path: the closed-form PK against the model's ODE, the
 * reference clone's detection day against the ODE phase clone by clone, the composed step laws against
 * stepping, and a small trial whose per-arm 5-y DFS and HR agree within Monte Carlo error.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stream } from '../../src/random/rng.js';
import { scenario } from '../../src/trial/assumptions.js';
import { transition } from '../../src/trial/birthDeath.js';
import { deterministicPhase } from '../../src/trial/clone.js';
import { composedLaws, lawToEnd } from '../../src/trial/composedLaw.js';
import { patientParams } from '../../src/trial/patient.js';
import { drawPatient } from '../../src/trial/population.js';
import { rateTable, trialModel } from '../../src/trial/rates.js';
import { buildReference, detectionAge } from '../../src/trial/reference.js';
import { runTrial } from '../../src/trial/run.js';

const M = trialModel();
const sc = scenario();
const params = (i: number) => patientParams(M, drawPatient(1, i, sc));

test('closed-form PK equals the ODE of the model (rate table drug and rates)', () => {
  for (let i = 0; i < 3; i++) {
    const p = params(i);
    const a = rateTable(M, p, true, 7, { pk: 'ode' });
    const b = rateTable(M, p, true, 7, { pk: 'closed' });
    assert.equal(a.J, b.J);
    for (let j = 0; j <= a.J; j++) {
      // The ODE runs at rtol 1e-7, atol 1e-6 (mg/kg): the closed form is the more accurate of the two.
      assert.ok(Math.abs(a.abc[j]! - b.abc[j]!) <= 1e-5 * a.abc[j]! + 2e-5, `patient ${i} j ${j}`);
      assert.ok(
        Math.abs(a.b[j]! - b.b[j]!) <= (a.abc[j]! > 1e-3 ? 1e-5 : 1e-3) * a.b[j]!,
        `renewal rate, patient ${i} j ${j}`,
      );
    }
  }
});

test('detection day from the reference clone matches the ODE phase clone by clone', () => {
  for (let i = 0; i < 4; i++) {
    const p = params(i);
    const T = rateTable(M, p, false);
    const ref = buildReference(M, p, 1e9);
    for (const S0 of [1e3, 1e4]) {
      for (const det of [1e8, 1e9]) {
        const exact = deterministicPhase(M, p, T, 0, S0, det, 30000);
        const fast = detectionAge(ref, Math.log(S0), Math.log(det));
        // Within 1% of the age (+1 day): a few days at detection ages of years.
        assert.ok(
          Math.abs(fast - exact) <= 0.01 * exact + 1,
          `patient ${i}, S0 ${S0}, det ${det}: ${fast} vs ${exact}`,
        );
      }
    }
  }
});

test('no feedback (Kfb huge): the reference is exact for any pool, transient included', () => {
  const p = patientParams(M, drawPatient(1, 0, scenario({ kfb: 1e20 })));
  const T = rateTable(M, p, false);
  const ref = buildReference(M, p, 1e9);
  for (const S0 of [1e3, 1e5]) {
    const exact = deterministicPhase(M, p, T, 0, S0, 1e8, 30000);
    const fast = detectionAge(ref, Math.log(S0), Math.log(1e8));
    assert.ok(Math.abs(fast - exact) < 0.5, `S0 ${S0}: ${fast} vs ${exact}`);
  }
});

test('the composed law across the treatment equals stepping the grid (mean and extinction)', () => {
  const p = patientParams(M, drawPatient(1, 2, scenario({ effectors: 0, her2Share: 0.25 })));
  const T = rateTable(M, p, true, 7, { pk: 'closed' });
  const C = composedLaws(T);
  const law = { alpha: 0, beta: 0 };
  const n = 4000;
  const S0 = 30;
  let jumpSum = 0;
  let stepSum = 0;
  let jumpZero = 0;
  let stepZero = 0;
  for (let i = 0; i < n; i++) {
    const r1 = stream(5, i);
    const x = transition(S0, lawToEnd(C, 0, law), r1);
    jumpSum += x;
    if (x === 0) jumpZero++;
    const r2 = stream(6, i);
    let y = S0;
    for (let j = 0; j < T.J && y > 0; j++) y = transition(y, { alpha: T.alpha[j]!, beta: T.beta[j]! }, r2);
    stepSum += y;
    if (y === 0) stepZero++;
  }
  // Mean: e^{R} exactly for both; compare the sample means with a 5-sigma band of their difference.
  let lnMean = 0;
  for (let j = 0; j < T.J; j++) lnMean += Math.log1p(-T.alpha[j]!) - Math.log1p(-T.beta[j]!);
  const mean = S0 * Math.exp(lnMean);
  assert.ok(Math.abs(jumpSum / n - mean) < 0.1 * mean + 0.5, `jump mean ${jumpSum / n} vs ${mean}`);
  assert.ok(Math.abs(stepSum / n - mean) < 0.1 * mean + 0.5, `step mean ${stepSum / n} vs ${mean}`);
  const ext = C.alpha[0]! ** S0;
  const se = Math.sqrt((ext * (1 - ext)) / n) + 1e-3;
  assert.ok(Math.abs(jumpZero / n - ext) < 5 * se, `jump extinction ${jumpZero / n} vs ${ext}`);
  assert.ok(Math.abs(stepZero / n - ext) < 5 * se, `step extinction ${stepZero / n} vs ${ext}`);
});

test('fast and exact agree on the same population (600 patients, one seed): 5-y DFS per arm and HR', async () => {
  const o = { patients: 600, seed: 3, micrometMean: 1.2, pilotPatients: 200 } as const;
  const fast = await runTrial(o);
  const exact = await runTrial({ ...o, exact: true });
  for (const arm of ['control', 'trastuzumab'] as const) {
    const f = fast.analysis.arms.find((a) => a.arm === arm)!;
    const e = exact.analysis.arms.find((a) => a.arm === arm)!;
    const se = Math.hypot((f.dfs5Upper - f.dfs5Lower) / 3.92, (e.dfs5Upper - e.dfs5Lower) / 3.92);
    assert.ok(Math.abs(f.dfs5 - e.dfs5) <= 3 * se, `${arm}: ${f.dfs5} vs ${e.dfs5} (se ${se})`);
  }
  const lf = Math.log(fast.analysis.counterfactual.hr);
  const le = Math.log(exact.analysis.counterfactual.hr);
  const se = Math.hypot(
    Math.log(fast.analysis.counterfactual.upper / fast.analysis.counterfactual.lower) / 3.92,
    Math.log(exact.analysis.counterfactual.upper / exact.analysis.counterfactual.lower) / 3.92,
  );
  assert.ok(
    Math.abs(lf - le) <= 3 * se,
    `HR ${fast.analysis.counterfactual.hr} vs ${exact.analysis.counterfactual.hr}`,
  );
  assert.ok(exact.odeSolves > fast.odeSolves, `${exact.odeSolves} ODE solves against ${fast.odeSolves}`);
});
