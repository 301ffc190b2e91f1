import assert from 'node:assert/strict';
import { test } from 'node:test';
import { designOf } from './designs.js';
import { trialHazard } from './hazard.js';
import { runTrial } from './run.js';

test("trialHazard gives runTrial's Cox HR exactly, for the same design, patients, seed and biology", async () => {
  for (const [id, scenario] of [
    ['b47', { effectors: 0.3 }],
    ['b31n9831', {}],
  ] as const) {
    const o = { patients: 120, seed: 4, scenario, modelParams: { kADCC: 0.2 } };
    const h = trialHazard(designOf(id), o);
    const r = await runTrial(designOf(id), o);
    assert.deepEqual(h, r.analysis.cox, id);
    assert.deepEqual(
      trialHazard(designOf(id), { ...o, statistic: 'expected' }),
      r.analysis.counterfactual,
      id,
    );
  }
});
