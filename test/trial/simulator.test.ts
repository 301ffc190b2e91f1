/** The trial as a calibration simulator: prepared once, evaluated many times, the numbers of runTrial. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError } from '../../src/errors.js';
import { DESIGNS } from '../../src/trial/designs.js';
import { runTrial } from '../../src/trial/run.js';
import { prepareTrial } from '../../src/trial/simulator.js';

test('evaluate(params) gives runTrial bit for bit, for several parameter vectors of one prepared design', async () => {
  const o = { patients: 400, seed: 3, pilotPatients: 200 } as const;
  const sim = prepareTrial(DESIGNS.b47, o);
  const vectors: Record<string, number>[] = [{}, { effectors: 0 }, { Kd: 1e12 }];
  for (const params of vectors) {
    const e = sim.evaluate(params);
    const r = await runTrial(DESIGNS.b47, { ...o, modelParams: params, workers: 1 });
    assert.deepEqual(e.hr, r.analysis.cox, `HR at ${JSON.stringify(params)}`);
    assert.deepEqual(e.counterfactual, r.analysis.counterfactual);
    assert.equal(e.micrometMean, r.micrometMean);
    assert.equal(e.dfs.control, r.analysis.arms[0]!.dfsAt);
  }
  // The drug switched off: no benefit in expectation.
  const off = sim.evaluate({ Kd: 1e12 });
  assert.ok(Math.abs(off.counterfactual.hr - 1) < 0.05, `HR without the drug ${off.counterfactual.hr}`);
  assert.throws(() => sim.evaluate({ nope: 1 }), InputError);
  assert.throws(() => sim.evaluate({ Kd: Number.NaN }), InputError);
});

test('per-call setup is under 5% of an evaluation (B-47, 3,270 patients, calibration included)', () => {
  const sim = prepareTrial(DESIGNS.b47);
  sim.evaluate();
  const vectors: Record<string, number>[] = [{ effectors: 0.1 }, { effectors: 0.3 }, {}];
  const runs = vectors.map((p) => sim.evaluate(p).ms);
  for (const ms of runs)
    assert.ok(ms.setup < 0.05 * ms.total, `setup ${ms.setup.toFixed(2)} of ${ms.total.toFixed(0)} ms`);
});
