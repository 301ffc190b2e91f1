/**
 * The flagship model's approximate methods against its exact one: on the down-scaled inoculum (1e4
 * cells), 6 days (5 of trastuzumab), the hybrid's and tau-leaping's means and sds agree with the direct
 * method's by the DSMTS Z/Y checks (two ensembles, effective n). The 40-day comparison at 2,000 runs is
 * the benchmark's (bench/ssa/her2.ts, rows ssa-her2-*).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { her2Ensemble, judgeAgainst } from '../../bench/ssa/her2.js';
import { describe, passes } from '../../src/analysis/dsmts.js';

const RUNS = 300;
const DAYS = 6;
// One reference ensemble for both tests (the direct method is the expensive part).
let reference: ReturnType<typeof her2Ensemble> | undefined;
const direct = () => {
  reference ??= her2Ensemble(1e4, 'direct', RUNS, DAYS);
  return reference;
};

test('HER2 model, 1e4 cells: hybrid and tau-leap moments agree with the direct method (DSMTS Z/Y)', async () => {
  const ref = await direct();
  for (const [method, tuning] of [
    ['hybrid', {}],
    ['tau-leap', { epsilon: 0.03 }],
  ] as const) {
    const e = await her2Ensemble(1e4, method, RUNS, DAYS, { seed: 2, tuning });
    const acc = judgeAgainst(e, ref);
    assert.ok(passes(acc), `${method}: ${describe(acc)}`);
  }
});

test('HER2 model: the comparison detects a wrong simulator (the CSC division rate +10%)', async () => {
  const ref = await direct();
  const wrong = await her2Ensemble(1e4, 'hybrid', RUNS, DAYS, { seed: 2, scale: { lambdaS: 1.1 } });
  assert.ok(!passes(judgeAgainst(wrong, ref)));
});
