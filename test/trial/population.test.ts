/** The virtual population: reproducible per (seed, patient), independent of order, with the stated laws. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scenario } from '../../src/trial/assumptions.js';
import {
  analysisDay,
  censorDay,
  countFor,
  countProbabilities,
  DAYS_PER_YEAR,
  drawPatient,
} from '../../src/trial/population.js';

const sc = scenario();

test('a patient depends only on (seed, index): same draws in any order, different for another index or seed', () => {
  const forward = Array.from({ length: 20 }, (_, i) => drawPatient(7, i, sc));
  const backward = Array.from({ length: 20 }, (_, k) => drawPatient(7, 19 - k, sc)).reverse();
  assert.deepEqual(backward, forward);
  assert.deepEqual(drawPatient(7, 5, sc), forward[5]);
  assert.notDeepEqual(drawPatient(7, 6, sc).params, forward[5]!.params);
  assert.notDeepEqual(drawPatient(8, 5, sc).params, forward[5]!.params);
});

test('scenario assumptions that act after the draws leave the patient draws in place (common random numbers)', () => {
  const a = drawPatient(3, 11, sc);
  const b = drawPatient(3, 11, scenario({ effectors: 0.1, her2Share: 0.5, dormantFraction: 0.5 }));
  assert.equal(a.her2Base, b.her2Base);
  assert.equal(a.doublingDays, b.doublingDays);
  assert.equal(a.entryDay, b.entryDay);
  assert.deepEqual(
    a.micromets.map((m) => m.detectCells),
    b.micromets.map((m) => m.detectCells),
  );
  assert.ok(Math.abs(b.params.psHER2! / a.params.psHER2! - 0.5 / 0.75) < 1e-12);
});

test('draws follow their laws: IHC 2+ share, HER2 ranges, 1:1 randomisation, chemotherapy kill of cycling CSCs', () => {
  const n = 2000;
  const ps = Array.from({ length: n }, (_, i) => drawPatient(1, i, sc));
  const ihc2 = ps.filter((p) => p.ihc === 2).length / n;
  assert.ok(Math.abs(ihc2 - 0.44) < 4 * Math.sqrt((0.44 * 0.56) / n), `IHC 2+ share ${ihc2}`);
  for (const p of ps) {
    const [lo, hi] = p.ihc === 1 ? [3e4, 1e5] : [1e5, 4e5];
    assert.ok(p.her2Base >= lo && p.her2Base <= hi, `${p.her2Base}`);
  }
  const treated = ps.filter((p) => p.arm === 'trastuzumab').length / n;
  assert.ok(Math.abs(treated - 0.5) < 4 * Math.sqrt(0.25 / n), `arm share ${treated}`);
  // One log of kill: surviving CSCs / CSCs at surgery ~ 0.1 (no dormancy by default).
  let before = 0;
  let after = 0;
  for (const p of ps) {
    for (const m of p.micromets) {
      before += m.cscAtSurgery;
      after += m.csc;
    }
  }
  assert.ok(Math.abs(after / before - 0.1) < 0.01, `survival ${after / before}`);
});

test('the micrometastasis count inverts the capped Poisson law', () => {
  const mean = 1.3;
  const prob = countProbabilities(mean, 6);
  assert.ok(Math.abs(prob.reduce((s, v) => s + v, 0) - 1) < 1e-12);
  let cdf = 0;
  for (let k = 0; k <= 6; k++) {
    // Just below and just above each CDF step.
    assert.equal(countFor(Math.max(0, cdf + 1e-12), mean, 6), k);
    cdf += prob[k]!;
    if (k < 6) assert.equal(countFor(cdf + 1e-12, mean, 6), k + 1);
  }
});

test('administrative censoring gives the B-47 median follow-up of 46 months', () => {
  const days = Array.from({ length: 4001 }, (_, i) => censorDay(drawPatient(2, i, sc), sc)).sort(
    (a, b) => a - b,
  );
  const median = (days[2000]! / DAYS_PER_YEAR) * 12;
  // Follow-up is uniform over 4.1 years: the sample median's sd is ~0.5 * 49.2 / sqrt(4001) months.
  assert.ok(Math.abs(median - 46) < 4 * ((0.5 * 49.2) / Math.sqrt(4001)), `median ${median}`);
  assert.ok(days[0]! >= analysisDay(sc) - 4.1 * DAYS_PER_YEAR - 1e-9);
});
