import assert from 'node:assert/strict';
import { test } from 'node:test';
import { designOf } from './designs.js';
import { trialHazard } from './hazard.js';
import { runTrial } from './run.js';

test("trialHazard gives runTrial's Cox HR exactly, for the same design, patients, seed and biology, with its standard error", async () => {
  for (const [id, scenario] of [
    ['b47', { effectors: 0.3 }],
    ['b31n9831', {}],
  ] as const) {
    const o = { patients: 120, seed: 4, scenario, modelParams: { kADCC: 0.2 } };
    const { logSe, ...h } = trialHazard(designOf(id), o)!;
    const r = await runTrial(designOf(id), o);
    assert.deepEqual(h, r.analysis.cox, id);
    // The randomised HR's standard error is its Cox interval's.
    assert.ok(Math.abs(logSe - Math.log(h.upper / h.lower) / (2 * 1.959963984540054)) < 1e-12, id);
    const { logSe: mc, ...e } = trialHazard(designOf(id), { ...o, statistic: 'expected' })!;
    assert.deepEqual(e, r.analysis.counterfactual, id);
    // The expected HR's is the cohort's Monte Carlo error (jackknife), not the Cox interval's.
    assert.ok(mc > 0 && Number.isFinite(mc), `${id}: ${mc}`);
  }
});
