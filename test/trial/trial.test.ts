/** The trial runner: worker-count independence, a null drug, a strong CSC effect, the calibration. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError } from '../../src/errors.js';
import { calibrateMean, pilotDfs } from '../../src/trial/calibrate.js';
import { runTrial } from '../../src/trial/run.js';

test('results are identical for 1 and 2 workers (patient i draws only from its own streams)', async () => {
  const o = { patients: 60, seed: 4, micrometMean: 1.5 } as const;
  const ex = { ...o, exact: true, patients: 20 } as const;
  assert.deepEqual(
    (await runTrial({ ...ex, workers: 2 })).outcomes,
    (await runTrial({ ...ex, workers: 1 })).outcomes,
  );
  const one = await runTrial({ ...o, workers: 1 });
  const two = await runTrial({ ...o, workers: 2 });
  assert.deepEqual(two.outcomes, one.outcomes);
  assert.ok(
    one.outcomes?.some((x) => Number.isFinite(x.recurrence.control)),
    'some recurrences to compare',
  );
  // A patient's outcome does not depend on the trial it is in.
  const part = await runTrial({ ...o, patients: 10, workers: 1 });
  assert.deepEqual(part.outcomes, one.outcomes?.slice(0, 10));
});

test('exact path, trastuzumab switched off (Kd huge): both arms of a patient agree and the HR interval covers 1', async () => {
  const r = await runTrial({
    patients: 300,
    seed: 9,
    micrometMean: 1.5,
    modelParams: { Kd: 1e12 },
    exact: true,
  });
  // Same fate, and detection days equal up to ODE segmentation at the dose times (< 0.01 day).
  const outcomes = r.outcomes ?? [];
  const same = outcomes.filter((x) => {
    const { control: c, trastuzumab: e } = x.recurrence;
    return c === e || Math.abs(c - e) < 0.01;
  }).length;
  assert.ok(same >= 0.99 * outcomes.length, `${same} of ${outcomes.length} patients alike in both arms`);
  const { cox, counterfactual } = r.analysis;
  assert.ok(cox.lower <= 1 && cox.upper >= 1, `randomised HR ${cox.hr} (${cox.lower}-${cox.upper})`);
  assert.ok(Math.abs(counterfactual.hr - 1) < 0.02, `counterfactual HR ${counterfactual.hr}`);
  assert.ok(
    r.analysis.arms.every((a) => a.events >= 20),
    'enough events for the test to have power',
  );
});

test('strong CSC effect (self-renewal all HER2-driven, Fc killing) and no dormancy: HR well below 1', async () => {
  const r = await runTrial({
    patients: 300,
    seed: 9,
    micrometMean: 1.5,
    scenario: { her2Share: 1, effectors: 0.1, dormantFraction: 0 },
  });
  const { cox, counterfactual } = r.analysis;
  assert.ok(cox.upper < 0.8, `randomised HR ${cox.hr} (${cox.lower}-${cox.upper})`);
  assert.ok(counterfactual.hr < 0.5, `counterfactual HR ${counterfactual.hr}`);
  assert.ok(r.analysis.benefit.prevented > 0);
});

test('calibration: the control 5-y DFS is matched on the pilot, and an unreachable target is an error', async () => {
  // Synthetic pilot: half the patients recur with their first micrometastasis, half never.
  const K = [0, 6, 0, 6, 6, 0, 0, 6];
  const c = calibrateMean(K, 0.8, 6, 1);
  assert.ok(Math.abs(pilotDfs(K, c.mean, 6, 1) - 0.8) < 1e-9);
  // With mean mu, P(no micrometastasis) = e^-mu for the half that would recur: 0.5 + 0.5 e^-mu = 0.8.
  assert.ok(Math.abs(c.mean - -Math.log(0.6)) < 1e-9, `${c.mean}`);
  assert.throws(() => calibrateMean(K, 0.4, 6, 1), /cannot calibrate/);
  const r = await runTrial({ patients: 40, seed: 2, pilotPatients: 150 });
  assert.ok(r.calibration && Math.abs(r.calibration.achieved - 0.892) < 1e-6, JSON.stringify(r.calibration));
  await assert.rejects(runTrial({ patients: 0 }), InputError);
  await assert.rejects(runTrial({ patients: 3 }), /2 per arm/);
  await assert.rejects(runTrial({ patients: 5, modelParams: { nope: 1 } }), /unknown model parameter/);
});

test('fast path, trastuzumab switched off (Kd huge): the HR over both outcomes of every patient is 1', async () => {
  const r = await runTrial({ patients: 400, seed: 9, micrometMean: 1.5, modelParams: { Kd: 1e12 } });
  const { cox, counterfactual } = r.analysis;
  assert.ok(cox.lower <= 1 && cox.upper >= 1, `randomised HR ${cox.hr} (${cox.lower}-${cox.upper})`);
  assert.ok(counterfactual.lower <= 1 && counterfactual.upper >= 1, `counterfactual HR ${counterfactual.hr}`);
  // ODE phases only for clones that could near detection during the (inert) treatment grid.
  assert.ok(r.odeSolves < r.patients / 4, `${r.odeSolves} ODE solves`);
});
